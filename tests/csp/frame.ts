/**
 * Runs inside the strict-CSP page (`/test-csp/`, tests/server/strict-csp-page.mjs): defines the
 * four widgets there and records every CSP violation from the start, for tests/csp/.
 */
import '../../src/index.js';

declare global {
  interface Window {
    cspViolations?: string[];
    cspReady?: boolean;
  }
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`.trim());
});
window.cspViolations = violations;
window.cspReady = true;
