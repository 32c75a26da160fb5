/**
 * Runs `work` once, `delay` ms from now and then when the page is idle (`requestIdleCallback`,
 * at most a second later; in engines without it, such as Safari, right after the delay); returns
 * a function that cancels it. For code that must come soon, but after the first view and what
 * the page itself loads with it.
 */
export function whenIdle(work: () => void, delay = 0): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') {
      idle = requestIdleCallback(() => work(), { timeout: 1000 });
    } else work();
  }, delay);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
