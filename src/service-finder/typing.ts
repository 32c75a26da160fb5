/**
 * Typing in the search box: the query is applied on the next animation frame (several input
 * events in one frame make one search), so results follow the keyboard at the display's pace
 * instead of after a fixed delay. What must stay calm — the count a screen reader announces,
 * the page URL (`replaceState` is rate-limited by browsers) — waits until typing pauses.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds without typing after which typing counts as paused. */
export const settleMs = 500;

export class TypingController implements ReactiveController {
  /** Typing has paused (or never started): the count may be announced, the URL written. */
  settled = true;
  private frame?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Applies the search box's text as the query. */
    private readonly apply: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
    this.settled = true;
  }

  /** The text changed: search on the next frame; settle after a pause. */
  typed(): void {
    this.settled = false;
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.apply();
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), settleMs);
  }

  /** Applies the text now and counts typing as paused (Enter, clear all, `search()`). */
  flush(): void {
    this.cancel();
    this.settled = true;
    this.apply();
    this.host.requestUpdate();
  }

  private cancel(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
