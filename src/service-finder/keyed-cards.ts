/**
 * Keyed rendering of the result cards (Lit's `repeat`), a chunk requested with the finder's
 * model. The first results (the publisher's order) never reorder, so they are a plain `map`
 * (`results-view.ts`) and `repeat` is not in the first view. Keyed rendering takes over at the
 * first update that really reorders or replaces cards (a query, a filter, an order, new data):
 * Lit then creates the cards once more, and a card's control that had focus gets it back by the
 * service's id. Until this chunk is there (late, or a failed download) the plain rendering goes
 * on: the cards are still right, only not keyed.
 */
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** The result cards (`results-view.ts`). */
const cards = '.results > li[data-id]';

const controls = (card: Element) => [...card.querySelectorAll<HTMLElement>('a[href], button')];

export class KeyedCards implements ReactiveController {
  private keyed = false;
  /** The control to focus after the update that switched to keyed rendering. */
  private refocus?: { id: string; control: number };

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /**
   * The cards of `items`: plain while the list keeps its cards in place (the next ones are the
   * rendered ones, or more), keyed by `key` from the first update that changes a card's place.
   */
  render<T>(items: readonly T[], key: (item: T) => string, card: (item: T) => TemplateResult) {
    if (!this.keyed) {
      const shown = this.host.renderRoot.querySelectorAll<HTMLElement>(cards);
      const next = items.slice(0, shown.length).map(key);
      if (next.every((id, i) => shown[i]!.dataset.id === id)) return items.map(card);
      this.keyed = true;
      this.refocus = this.focused();
    }
    return repeat(items, key, card);
  }

  hostUpdated(): void {
    const focus = this.refocus;
    this.refocus = undefined;
    if (!focus) return;
    const card = this.host.renderRoot.querySelector(`${cards}[data-id="${CSS.escape(focus.id)}"]`);
    if (card) (controls(card)[focus.control] ?? controls(card)[0])?.focus();
  }

  /** The card (by the service's id) and the control in it that have focus now, if any. */
  private focused(): { id: string; control: number } | undefined {
    const active = (this.host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const card = active?.closest<HTMLElement>(cards);
    return card ? { id: card.dataset.id!, control: controls(card).indexOf(active!) } : undefined;
  }
}
