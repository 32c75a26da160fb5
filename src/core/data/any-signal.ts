/**
 * A signal that aborts when any of `signals` does, with that signal's reason: `AbortSignal.any`,
 * or the same by hand where the browser has none (Safari before 17.4, so iPhones on iOS 16 and
 * WeChat there). The listeners go away once it has aborted.
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), {
      once: true,
      signal: controller.signal,
    });
  }
  return controller.signal;
}
