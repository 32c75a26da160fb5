// Every test file imports this module first: the property tests share one seeded configuration,
// and failures about DOM nodes still reach the report (below).
import './fast-check.js';

/**
 * Imported by every test file (first import). The test runner posts each failure's `actual` and
 * `expected` to the server through structuredClone. When an assertion about an element fails
 * (e.g. `expect(node).to.equal(null)`) those are DOM nodes, the clone throws inside the runner's
 * reporting, the file's result is never sent and the run sits silent until the file limit
 * (5 minutes) instead of naming the failure. This root hook turns such values into text first.
 */
/** How a value that cannot cross to the test runner shows up in a failure report. */
function describeValue(value: unknown): string {
  if (value instanceof Element) {
    const html = value.outerHTML;
    return html.length > 300 ? `${html.slice(0, 300)}…` : html;
  }
  if (value instanceof Node) return `${value.nodeName} ${JSON.stringify(value.textContent)}`;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  for (const side of ['actual', 'expected'] as const) {
    if (side in error && !cloneable(error[side])) error[side] = describeValue(error[side]);
  }
});

afterEach(async () => {
  const { unmountAll } = await import('./mount.js');
  unmountAll();
});
