/**
 * Runs inside a page the intake harness opens as another tab (`mountFormInTab`): defines
 * <intake-form> in that page's own registry and says when it is ready.
 */
import '../../src/intake-form/index.js';

declare global {
  interface Window {
    intakeReady?: boolean;
  }
}

window.intakeReady = true;
