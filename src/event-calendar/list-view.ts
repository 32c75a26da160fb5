/**
 * The list view: events from a day on, under a heading per day, with "Show more" while there are
 * further events or a longer window to look in. A long list (over {@link longListFrom} events)
 * renders only the rows on screen (`long-list.ts`, its own chunk, loaded the first time a list
 * is long); until that code is there the first rows show as a short list does.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { secondaryButton } from '../core/secondary-button.js';
import { groupByDay } from './list-layout.js';
import type { LongList } from './long-list.js';
import {
  renderDayTitle,
  renderListEvent,
  type EventPlaced,
  type ViewContext,
} from './view-parts.js';

/** What the list view shows, derived by the calendar. */
export interface ListData {
  /** The day the list starts from. */
  first: number;
  /** The events shown so far (pages of `page-size`), in order. */
  items: EventPlaced[];
  /** Whether "Show more" has more to show. */
  more: boolean;
}

/** Lists with more events than this render only the rows on screen. */
export const longListFrom = 200;

/** The long list's code once loaded by any calendar of the page (the next ones render at once). */
let loadedModule: typeof import('./long-list.js') | undefined;

/** The long list of a calendar: its code (its own chunk) loaded on first use, one list kept. */
export class LongListSlot {
  private code?: Promise<unknown>;
  private module?: typeof import('./long-list.js') | 'failed';
  private list?: LongList;

  constructor(private readonly host: ReactiveElement) {}

  /** The long list once its code is here; `loading` (loading it) or `failed` until then. */
  get(): LongList | 'loading' | 'failed' {
    this.module ??= loadedModule;
    if (this.module === 'failed') return 'failed';
    if (this.module) return (this.list ??= new this.module.LongList(this.host));
    this.code ??= import('./long-list.js').then(
      (module) => (this.module = loadedModule = module),
      (error: unknown) => {
        // Every row then renders, as in a short list: slower, but all there.
        console.warn('[dandelion] <event-calendar> could not load the long list', error);
        this.module = 'failed';
      },
    );
    void this.code.then(() => this.host.requestUpdate());
    return 'loading';
  }
}

export function renderList(l: ListData, c: ViewContext, long?: LongListSlot): TemplateResult {
  const f = c.formats;
  const first = l.first;
  const list = l.items.length > longListFrom ? long?.get() : undefined;
  // While the long list's code loads, the first rows show as a short list; without it, all.
  const items = list === 'loading' ? l.items.slice(0, longListFrom) : l.items;
  const groups = typeof list === 'object' ? [] : groupByDay(items, first);
  return html`<div class="list">
    ${
      groups.length === 0 && !l.more
        ? html`<p class="list-empty" role="status">
            ${msg(str`No events from ${f.longDate(first)} on.`, { id: 'calendar.listEmpty' })}
          </p>`
        : nothing
    }
    ${typeof list === 'object' ? list.render(l.items, first, c) : nothing}
    ${groups.map(
      (g) =>
        html`<section
          class="list-day${g.day === c.today ? ' today' : ''}"
          aria-labelledby="day-${g.day}"
        >
          ${renderDayTitle(g.day, c, `day-${g.day}`)}
          <ul class="list-events">
            ${g.items.map((p) => html`<li>${renderListEvent(p, c)}</li>`)}
          </ul>
        </section>`,
    )}
    ${
      l.more
        ? secondaryButton(msg('Show more', { id: 'calendar.showMore' }), c.onShowMore, 'show-more')
        : nothing
    }
  </div>`;
}
