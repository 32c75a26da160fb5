import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Automatic rotation for the WAI-ARIA APG carousel: ticks every `interval` ms while `enabled`,
 * pauses while the pointer hovers the host, keyboard focus is inside it or the page is hidden
 * (another tab, a locked phone), and stays off once
 * `stop()` is called (the user used a control) until `play()` (the rotation button). Starts
 * stopped when the user prefers reduced motion. All listeners and the timer live only while the
 * host is connected.
 */
export class AutoplayController implements ReactiveController {
  /** Whether the host wants rotation at all (`autoplay` and more than one view of slides). */
  enabled = false;
  /** Milliseconds between slides. */
  interval = 5000;
  /** Stopped by the user or by `prefers-reduced-motion`; only `play()` clears it. */
  stopped = false;

  private hovered = false;
  private focused = false;
  private hidden = false;
  private timer?: ReturnType<typeof setInterval>;
  private timerInterval = 0;
  private readonly motion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly host: ReactiveElement,
    private readonly tick: () => void,
  ) {
    host.addController(this);
    this.stopped = this.motion.matches;
  }

  /** True while slides actually change by themselves (drives `aria-live="off"`). */
  get rotating(): boolean {
    return this.enabled && !this.stopped && !this.hovered && !this.focused && !this.hidden;
  }

  hostConnected(): void {
    this.listen('addEventListener');
    this.hidden = document.visibilityState === 'hidden';
  }

  hostDisconnected(): void {
    this.listen('removeEventListener');
    this.hovered = this.focused = false;
    this.clear();
  }

  /** Hover and focus pause rotation; a reduced-motion change stops or allows it. */
  private listen(method: 'addEventListener' | 'removeEventListener'): void {
    this.host[method]('mouseenter', this.onEnter);
    this.host[method]('mouseleave', this.onLeave);
    // On the render root: focus moving inside a shadow root never reaches the host.
    this.host.renderRoot[method]('focusin', this.onFocusIn);
    this.host.renderRoot[method]('focusout', this.onFocusOut as EventListener);
    this.motion[method]('change', this.onMotion);
    document[method]('visibilitychange', this.onVisibility);
  }

  hostUpdated(): void {
    const run = this.rotating;
    if (run && this.timer !== undefined && this.timerInterval === this.interval) return;
    this.clear();
    if (run) {
      this.timerInterval = this.interval;
      this.timer = setInterval(this.tick, this.interval);
    }
  }

  /** Stops rotation for good (the user took over). */
  stop(): void {
    this.set(() => (this.stopped = true));
  }

  /** Starts rotation at the user's explicit request, even with focus on the rotation button. */
  play(): void {
    this.set(() => {
      this.stopped = false;
      this.focused = false;
    });
  }

  private clear(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private set(change: () => void): void {
    const before = `${this.rotating}${this.stopped}`;
    change();
    if (before !== `${this.rotating}${this.stopped}`) this.host.requestUpdate();
  }

  private readonly onEnter = () => this.set(() => (this.hovered = true));
  private readonly onLeave = () => this.set(() => (this.hovered = false));
  private readonly onFocusIn = () => this.set(() => (this.focused = true));
  private readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    this.set(() => (this.focused = !!next && this.host.renderRoot.contains(next)));
  };
  private readonly onVisibility = () =>
    this.set(() => (this.hidden = document.visibilityState === 'hidden'));
  private readonly onMotion = () => {
    if (this.motion.matches) this.stop();
  };
}
