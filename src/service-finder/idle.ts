/** Runs work in idle time (requestIdleCallback where there is one, a short timeout elsewhere). */

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
