/**
 * The calendar's chrome around a view: the toolbar (previous / today / next, the title, the view
 * switcher as toggle buttons, the page's `toolbar` slot), the category filter chips, and the
 * notes under the view (entries that could not be read, the time zone times are shown in).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CalendarFormats } from './formats.js';
import type { CalendarView, NavigationController } from './navigation-controller.js';
import { renderButton, zoneShown } from './view-parts.js';
import { heading as levelHeading, type HeadingLevel } from '../core/heading.js';

/** The views in the switcher's order. */
export const views: readonly CalendarView[] = ['month', 'week', 'list'];

export interface ToolbarData {
  view: CalendarView;
  formats: CalendarFormats;
  nav: NavigationController;
  /** First and last day the view shows. */
  first: number;
  last: number;
  /** Level of the title (`heading-level`). */
  level: HeadingLevel;
  /** A view button (`data-value`: the view). */
  onViewClick: (e: Event) => void;
}

function viewName(view: CalendarView): string {
  switch (view) {
    case 'month':
      return msg('Month', { id: 'calendar.viewMonth' });
    case 'week':
      return msg('Week', { id: 'calendar.viewWeek' });
    case 'list':
      return msg('List', { id: 'calendar.viewList' });
  }
}

/** The toolbar's title: the month, the week's dates, or where the list starts. */
function heading(t: ToolbarData): string {
  switch (t.view) {
    case 'month':
      return t.formats.monthTitle(t.nav.focusDay);
    case 'week':
      return t.formats.rangeTitle(t.first, t.last);
    case 'list':
      return msg(str`From ${t.formats.longDate(t.first)}`, { id: 'calendar.listFrom' });
  }
}

export function renderToolbar(t: ToolbarData): TemplateResult {
  const nav = t.nav;
  const week = t.view === 'week';
  const previous = week
    ? msg('Previous week', { id: 'calendar.previousWeek' })
    : msg('Previous month', { id: 'calendar.previousMonth' });
  const next = week
    ? msg('Next week', { id: 'calendar.nextWeek' })
    : msg('Next month', { id: 'calendar.nextMonth' });
  return html`<div part="toolbar" class="toolbar control-row">
    <div class="nav">
      ${renderButton(html`<span aria-hidden="true" class="chevron prev"></span>`, nav.onPrevious, {
        label: previous,
        disabled: !nav.canStep(-1),
        icon: true,
      })}
      ${renderButton(msg('Today', { id: 'calendar.today' }), nav.onToday, {
        disabled: !nav.inRange(nav.today),
      })}
      ${renderButton(html`<span aria-hidden="true" class="chevron next"></span>`, nav.onNext, {
        label: next,
        disabled: !nav.canStep(1),
        icon: true,
      })}
    </div>
    ${levelHeading(t.level, heading(t), { class: 'title', 'aria-live': 'polite' })}
    <div class="views" role="group" aria-label=${msg('Calendar view', { id: 'calendar.views' })}>
      ${views.map((v) => renderToggle('view-button', v, v === t.view, t.onViewClick, viewName(v)))}
    </div>
    <slot name="toolbar"></slot>
  </div>`;
}

/** An APG toggle button (`aria-pressed`) whose `data-value` tells its click handler what it is. */
function renderToggle(
  className: string,
  value: string,
  pressed: boolean,
  onClick: (e: Event) => void,
  content: unknown,
): TemplateResult {
  return html`<button
    part="button"
    class=${className}
    type="button"
    data-value=${value}
    aria-pressed=${pressed ? 'true' : 'false'}
    @click=${onClick}
  >
    ${content}
  </button>`;
}

export interface FiltersData {
  categories: string[];
  colours: Map<string, number>;
  active: ReadonlySet<string>;
  /** A chip (`data-value`: the category), or "show all" (no `data-value`). */
  onChipClick: (e: Event) => void;
}

/** The category chips (toggle buttons), and "show all" while some are pressed. */
export function renderFilters(d: FiltersData): TemplateResult | typeof nothing {
  if (d.categories.length === 0) return nothing;
  return html`<div
    class="filters"
    role="group"
    aria-label=${msg('Filter by category', { id: 'calendar.filters' })}
    @focusin=${revealFocused}
  >
    ${d.categories.map((c) =>
      renderToggle(
        `chip c${d.colours.get(c)}`,
        c,
        d.active.has(c),
        d.onChipClick,
        html`<span class="swatch" aria-hidden="true"></span
          ><span class="check" aria-hidden="true"></span>${c}`,
      ),
    )}
    ${
      d.active.size > 0
        ? html`<button part="button" class="chip clear" type="button" @click=${d.onChipClick}>
            ${msg('Show all categories', { id: 'calendar.filtersClear' })}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * On a phone the chips are one row that scrolls sideways: a chip that takes the focus is scrolled
 * whole into it (with its neighbour's edge, by the row's `scroll-padding`). Browsers scroll a
 * focused element only when it is out of view, and some count a chip cut off at the edge as in
 * view (Chromium 156).
 */
function revealFocused(e: FocusEvent): void {
  (e.target as Element).scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The categories pressed after a click on a chip (`data-value`) or on "show all". */
export function toggledCategories(active: ReadonlySet<string>, e: Event): Set<string> {
  const category = (e.currentTarget as HTMLElement).dataset.value;
  const next = new Set(active);
  if (category === undefined) next.clear();
  else if (next.has(category)) next.delete(category);
  else next.add(category);
  return next;
}

export interface NotesData {
  formats: CalendarFormats;
  /** Entries of the data that could not be read. */
  skipped: number;
  /** The zone times are shown in, when it is not the viewer's own. */
  otherZone?: string;
}

export function renderNotes(n: NotesData): TemplateResult | typeof nothing {
  const notes: TemplateResult[] = [];
  if (n.skipped > 0) {
    const count = n.formats.count(n.skipped);
    notes.push(
      html`<p class="note">
        ${
          n.formats.plural.select(n.skipped) === 'one'
            ? msg(str`${count} entry in the data could not be read and is not shown.`, {
                id: 'calendar.skippedOne',
              })
            : msg(str`${count} entries in the data could not be read and are not shown.`, {
                id: 'calendar.skippedOther',
              })
        }
      </p>`,
    );
  }
  if (n.otherZone) {
    notes.push(html`<p class="note">${zoneShown(n.formats, n.otherZone, Date.now())}</p>`);
  }
  return notes.length ? html`<div class="notes">${notes}</div>` : nothing;
}
