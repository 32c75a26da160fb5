/**
 * Watches the host's inline size (ResizeObserver) and reports whether it is narrow, so the
 * calendar can default to the list view in a phone-sized container whatever the viewport is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export class WidthController implements ReactiveController {
  /** True while the host is narrower than `breakpointPx` (false until first measured). */
  narrow = false;
  private observer?: ResizeObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly resized = (entries: ResizeObserverEntry[]): void => {
    const entry = entries[entries.length - 1];
    const width = entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
    // Re-rendering changes the host's height; doing it in a later task keeps the observer from
    // looping ("ResizeObserver loop completed with undelivered notifications"). Not in an
    // animation frame: hidden pages get none.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.measure(width));
  };

  constructor(
    private readonly host: Host,
    /** Breakpoint in CSS pixels: below 600 px the calendar defaults to its list view. */
    private readonly breakpointPx = 600,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.measure(this.host.getBoundingClientRect().width);
    this.observer = new ResizeObserver(this.resized);
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.timer);
  }

  private measure(width: number): void {
    // A host not laid out yet (width 0, e.g. display:none) keeps the previous answer.
    if (!(width > 0)) return;
    const narrow = width < this.breakpointPx;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.host.requestUpdate();
    }
  }
}
