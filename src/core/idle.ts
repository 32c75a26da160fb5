/** Work in the page's idle time: `requestIdleCallback` where there is one, a short timeout elsewhere. */

/**
 * Runs `work` once, `delay` ms from now and then when the page is idle (`requestIdleCallback`,
 * at most a second later; in engines without it, such as Safari, a frame after the delay); returns
 * a function that cancels it. For code that must come soon, but after the first view and what
 * the page itself loads with it.
 */
export function whenIdle(work: () => void, delay = 0): () => void {
  let stop: (() => void) | undefined;
  const timer = setTimeout(() => {
    stop = runWhenIdle(() => {
      work();
      return true;
    });
  }, delay);
  return () => {
    clearTimeout(timer);
    stop?.();
  };
}

export type IdleWork = (deadline: number) => boolean;

/**
 * Calls `work(deadline)` in idle slices until it returns `true`; returns a function that stops it.
 * `deadline` is a `performance.now()` time the slice should end by.
 */
export function runWhenIdle(work: IdleWork): () => void {
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const hasIdle = typeof requestIdleCallback === 'function';
  const schedule = () => {
    handle = hasIdle
      ? requestIdleCallback(slice, { timeout: 1000 })
      : setTimeout(() => slice(), 16);
  };
  const slice = (idle?: IdleDeadline) => {
    if (stopped) return;
    const deadline = performance.now() + Math.max(4, Math.min(idle?.timeRemaining() ?? 8, 12));
    if (!work(deadline)) schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (handle === undefined) return;
    if (hasIdle) cancelIdleCallback(handle as number);
    else clearTimeout(handle);
  };
}
