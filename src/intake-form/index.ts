/**
 * `dandelion-widgets/intake-form`: defines `<intake-form>` if the name is still free (see
 * `core/define.ts`) and exports its class and public types. `…/intake-form/class` exports the
 * same and defines nothing, for sites that choose their own tag name.
 */
import './define.js';

export * from './class.js';
