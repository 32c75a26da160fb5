/**
 * The list view: events from a day on, under a heading per day, with "Show more" while there are
 * further events or a longer window to look in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { groupByDay } from './list-layout.js';
import { renderListEvent, renderLunar, type EventPlaced, type ViewContext } from './view-parts.js';

/** What the list view shows, derived by the calendar. */
export interface ListData {
  /** The day the list starts from. */
  first: number;
  /** The events shown so far (pages of `page-size`), in order. */
  items: EventPlaced[];
  /** Whether "Show more" has more to show. */
  more: boolean;
}

export function renderList(l: ListData, c: ViewContext): TemplateResult {
  const f = c.formats;
  const first = l.first;
  const groups = groupByDay(l.items, first);
  return html`<div class="list">
    ${
      groups.length === 0 && !l.more
        ? html`<p class="list-empty" role="status">
            ${msg(str`No events from ${f.longDate(first)} on.`, { id: 'calendar.listEmpty' })}
          </p>`
        : nothing
    }
    ${groups.map(
      (g) =>
        html`<section
          class="list-day${g.day === c.today ? ' today' : ''}"
          aria-labelledby="day-${g.day}"
        >
          <h3 id="day-${g.day}" class="list-day-title">
            ${
              g.day === c.today
                ? msg(str`${f.dayHeading(g.day)} (today)`, { id: 'calendar.todayHeading' })
                : f.dayHeading(g.day)
            }
            ${renderLunar(g.day, c)}
          </h3>
          <ul class="list-events">
            ${g.items.map((p) => html`<li>${renderListEvent(p, c)}</li>`)}
          </ul>
        </section>`,
    )}
    ${
      l.more
        ? html`<button
            part="button"
            class="button secondary show-more"
            type="button"
            @click=${c.onShowMore}
          >
            ${msg('Show more', { id: 'calendar.showMore' })}
          </button>`
        : nothing
    }
  </div>`;
}
