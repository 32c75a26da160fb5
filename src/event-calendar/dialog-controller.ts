/**
 * The event detail / day list dialog as a state machine — closed → `day` (a day's events) →
 * `event` (one occurrence, with "back" to the day list) → closed — following the WAI-ARIA APG
 * **modal dialog** pattern on a native `<dialog>`: focus moves to its title when it opens or its
 * content changes, Escape and a click on the backdrop close it, and focus returns to what opened
 * it (or, when that is gone, to the same event re-rendered, or to the grid's tab stop).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventPlaced } from './view-parts.js';

/** What the dialog shows. */
export type DialogState =
  { mode: 'event'; placed: EventPlaced; fromDay?: number } | { mode: 'day'; day: number };

type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: ParentNode; readonly shadowRoot: ShadowRoot | null };

export class DialogController implements ReactiveController {
  /** What the dialog shows; undefined while closed. */
  state?: DialogState;
  /** The state showModal() ran for: one the browser closed (Escape) is not reopened. */
  private shownFor?: DialogState;
  /** The polite status line under the detail's actions. */
  notice = '';
  private opener?: HTMLElement;
  private openerKey?: string;
  /** The element focused in the open dialog before a render (see `hostUpdate`). */
  private focusedBefore?: Element;

  constructor(
    private readonly host: Host,
    /** An event's detail was opened (load its code, tell the page). */
    private readonly opened: (placed: EventPlaced) => void,
  ) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Shows one occurrence; `fromDay` when opened from that day's list (offers "back"). */
  openEvent(placed: EventPlaced, opener: HTMLElement | undefined, fromDay?: number): void {
    this.open({ mode: 'event', placed, fromDay }, opener, placed.key);
    this.opened(placed);
  }

  /** Shows the events of a day. */
  openDay(day: number, opener: HTMLElement | undefined): void {
    this.open({ mode: 'day', day }, opener, undefined);
  }

  /** The day whose list is shown, if the dialog shows one. */
  get listDay(): number | undefined {
    return this.state?.mode === 'day' ? this.state.day : undefined;
  }

  private open(state: DialogState, opener: HTMLElement | undefined, key?: string): void {
    if (!this.state) {
      this.opener = opener;
      this.openerKey = key;
    }
    this.notice = '';
    this.state = state;
    this.host.requestUpdate();
    if (this.dialog?.open) void this.host.updateComplete.then(() => this.focusTitle());
  }

  /** Sets the status line (already in the calendar's language). */
  setNotice(text: string): void {
    this.notice = text;
    this.host.requestUpdate();
  }

  /** Closes the dialog, returning focus to what opened it. */
  close(): void {
    this.dialog?.close();
    // The native `close` event comes a task later; tidy up now so focus returns at once.
    this.afterClose();
  }

  /** From an event opened in a day list, back to that list, focus on the event's entry. */
  back(): void {
    const state = this.state;
    if (state?.mode !== 'event' || state.fromDay === undefined) return;
    this.state = { mode: 'day', day: state.fromDay };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const entry = this.host.renderRoot.querySelector<HTMLElement>(
        `dialog [data-key="${CSS.escape(state.placed.key)}"]`,
      );
      (entry ?? this.title())?.focus();
    });
  }

  /** Moves focus to the dialog's title. */
  focusTitle(): void {
    this.title()?.focus();
  }

  private title(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('#dialog-title');
  }

  hostUpdate(): void {
    // The dialog opens (and takes focus) before the detail's own chunk has arrived; when it does,
    // the detail replaces the loading view, title included. Remember what had focus, so focus on
    // a replaced element goes back to the title instead of falling out to the page.
    const dialog = this.dialog;
    const active = dialog?.open ? this.host.shadowRoot?.activeElement : null;
    this.focusedBefore = active && dialog!.contains(active) ? active : undefined;
  }

  hostUpdated(): void {
    const before = this.focusedBefore;
    this.focusedBefore = undefined;
    const dialog = this.dialog;
    if (before && !before.isConnected && dialog?.open) this.focusTitle();
    // Escape closes the dialog at once but its `close` event comes a task later: a render in
    // between must not open it again for the same state.
    if (dialog && this.state && !dialog.open && this.shownFor !== this.state) {
      this.shownFor = this.state;
      dialog.showModal();
      this.focusTitle();
    }
  }

  readonly onClose = () => this.close();
  readonly onBack = () => this.back();

  /** Native close (Escape, or `close()`): a stale event after a reopen is ignored. */
  readonly onDialogClose = () => {
    if (!this.dialog?.open) this.afterClose();
  };

  readonly onDialogClick = (e: MouseEvent) => {
    // A click on the backdrop lands on the <dialog> itself (its content fills it otherwise).
    if (e.target === this.dialog) this.close();
  };

  private afterClose(): void {
    if (!this.state) return;
    this.state = undefined;
    const opener = this.opener;
    const key = this.openerKey;
    this.opener = undefined;
    this.openerKey = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot;
      const target = opener?.isConnected
        ? opener
        : key
          ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
          : root.querySelector<HTMLElement>(`[role="gridcell"][tabindex="0"]`);
      target?.focus();
    });
  }
}
