/**
 * Watches the host's inline size (ResizeObserver) and reports whether it is narrow, so the
 * calendar can default to the list view in a phone-sized container whatever the viewport is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export class WidthController implements ReactiveController {
  /** True while the host is narrower than the breakpoint (false until first measured). */
  narrow = false;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: Host,
    /** Breakpoint in CSS pixels. */
    private readonly breakpoint: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.measure(this.host.getBoundingClientRect().width);
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      this.measure(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private measure(width: number): void {
    // A host not laid out yet (width 0, e.g. display:none) keeps the previous answer.
    if (!(width > 0)) return;
    const narrow = width < this.breakpoint;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.host.requestUpdate();
    }
  }
}
