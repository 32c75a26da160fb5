/**
 * Runs `work` once the page is idle (`requestIdleCallback`, at most `timeout` ms late), or after a
 * short timeout in engines without it (Safari); returns a function that cancels it. For code that
 * must come soon but not in the way of the first view.
 */
export function whenIdle(work: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => work(), { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
