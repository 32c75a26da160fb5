/**
 * A resource's background reloads (the `refresh` attribute): a chunk of its own, which the
 * {@link ResourceController} loads only once an input asks for reloads, after that load (the
 * first reload is at least 30 s away). A page without `refresh` never downloads it.
 */

/**
 * The shortest `refresh` interval: every visitor's page reloads the source, so a typo such as
 * `refresh="0.001"` must not become a flood of requests to a small organisation's server.
 */
export const minRefreshSeconds = 30;

/** Reloads a resource every so often, and not while the page is hidden. */
export class Refresher {
  private timer?: ReturnType<typeof setTimeout>;
  private warned = false;

  constructor(private readonly reload: () => void) {}

  /** Reloads in `seconds` (at least {@link minRefreshSeconds}), or when the page is shown again. */
  schedule(seconds: number): void {
    if (seconds < minRefreshSeconds && !this.warned) {
      this.warned = true;
      console.warn(
        `[dandelion] refresh="${seconds}" is too often for a public page; reloading every ${minRefreshSeconds} s`,
      );
    }
    const every = Math.max(minRefreshSeconds, seconds);
    this.timer = setTimeout(() => {
      // Nobody is looking: reload when the page is shown again, not in the background.
      if (document.visibilityState === 'hidden') {
        document.addEventListener('visibilitychange', this.onVisible);
      } else this.reload();
    }, every * 1000);
  }

  /** Cancels the next reload (a load started, or the host left the page). */
  stop(): void {
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private onVisible = (): void => {
    if (document.visibilityState === 'hidden') return;
    document.removeEventListener('visibilitychange', this.onVisible);
    this.reload();
  };
}
