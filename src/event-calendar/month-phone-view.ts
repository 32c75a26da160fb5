/**
 * The month view in a narrow (phone-sized) calendar, as Google Calendar does it on a phone: the
 * same WAI-ARIA APG **grid** (one tab stop, the calendar's arrow keys), but each day shows only
 * compact marks (a dot per timed event, a short bar per all-day or multi-day one, coloured by
 * category, "+N" when there are many), and the chosen day — the grid's focused, selected cell —
 * has its events listed under the grid (time, title, category), under a heading that names the
 * day. Each cell's accessible name says how many events the day has. Its own chunk, loaded
 * before the calendar first shows it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { partsOf } from '../core/time/day.js';
import { renderDayCell, renderWeekdays, type MonthData } from './month-view.js';
import { renderListEvent, todayLabel, type EventPlaced, type ViewContext } from './view-parts.js';

/** The styles this view adds to the calendar's shadow root when it loads. */
export { monthPhoneStyles as styles } from './month-phone.styles.js';

/** Marks drawn in a day cell before the rest are counted ("+2"). */
const marksShown = 3;

/** What the phone month view shows, derived by the calendar. */
export interface PhoneMonthData extends Omit<MonthData, 'rows' | 'lanes'> {
  /** Last day of the grid. */
  last: number;
  /** The occurrences shown (in the active categories). */
  visible: readonly EventPlaced[];
  /** Palette index by category. */
  colours: ReadonlyMap<string, number>;
}

/** The occurrences on each day of [first, last] (a multi-day one on every day it covers), in order. */
export function eventsByDay(
  visible: readonly EventPlaced[],
  first: number,
  last: number,
): EventPlaced[][] {
  const days: EventPlaced[][] = Array.from({ length: last - first + 1 }, () => []);
  const ordered = [...visible].sort(
    (a, b) =>
      Number(b.allDay) - Number(a.allDay) ||
      a.startDay - b.startDay ||
      (a.startMs ?? 0) - (b.startMs ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const p of ordered) {
    for (let day = Math.max(p.startDay, first); day <= Math.min(p.endDay, last); day++) {
      days[day - first].push(p);
    }
  }
  return days;
}

/** "2026年11月18日星期三，2 个活动": a day cell's accessible name. */
function cellLabel(day: number, count: number, c: ViewContext): string {
  const f = c.formats;
  const date = day === c.today ? todayLabel(day, f) : f.fullDate(day);
  if (count === 0) return msg(str`${date}, no events`, { id: 'calendar.cellNoEvents' });
  const n = f.count(count);
  return f.plural.select(count) === 'one'
    ? msg(str`${date}, ${n} event`, { id: 'calendar.cellEventsOne' })
    : msg(str`${date}, ${n} events`, { id: 'calendar.cellEventsOther' });
}

function renderMarks(events: readonly EventPlaced[], c: ViewContext): TemplateResult {
  const hidden = events.length - marksShown;
  return html`<span class="marks" aria-hidden="true"
    >${events
      .slice(0, hidden > 0 ? marksShown - 1 : marksShown)
      .map(
        (p) =>
          html`<span
            class="mark c${p.colour}${p.allDay || p.startDay !== p.endDay ? ' long' : ''}"
          ></span>`,
      )}${hidden > 0 ? html`<span class="mark-count">+${c.formats.count(hidden + 1)}</span>` : nothing}</span
  >`;
}

/** One event of the chosen day: time, title, category; opens the same detail dialog. */
function renderAgendaEvent(p: EventPlaced, m: PhoneMonthData, c: ViewContext): TemplateResult {
  const category = p.event.categories[0];
  const fact =
    category === undefined
      ? undefined
      : {
          text: category,
          content: html`<span class="swatch"></span>${category}`,
          className: `category c${m.colours.get(category) ?? -1}`,
        };
  return html`<li>${renderListEvent(p, c, fact, ' agenda-event')}</li>`;
}

/** The chosen day's events under the grid, named by a heading. */
function renderAgenda(
  m: PhoneMonthData,
  events: readonly EventPlaced[],
  c: ViewContext,
): TemplateResult {
  const day = m.focusDay;
  return html`<section class="agenda" aria-labelledby="agenda-title">
    <h3 id="agenda-title" class="agenda-title">${c.formats.dayHeading(day)}</h3>
    ${
      events.length
        ? html`<ul class="list-events agenda-events">
            ${events.map((p) => renderAgendaEvent(p, m, c))}
          </ul>`
        : html`<p class="list-empty">
            ${msg('No events on this day.', { id: 'calendar.agendaEmpty' })}
          </p>`
    }
  </section>`;
}

export function renderPhoneMonth(m: PhoneMonthData, c: ViewContext): TemplateResult {
  const f = c.formats;
  const month = partsOf(m.focusDay).month;
  const byDay = eventsByDay(m.visible, m.first, m.last);
  const weeks = Array.from({ length: byDay.length / 7 }, (_, w) => m.first + w * 7);
  const chosen = byDay[m.focusDay - m.first] ?? [];
  return html`<div
      class="month-grid phone"
      role="grid"
      aria-label=${f.monthTitle(m.focusDay)}
      @keydown=${c.onGridKeydown}
    >
      ${renderWeekdays(m.first, c)}
      ${weeks.map(
        (start) =>
          html`<div role="row" class="week-row">
            ${Array.from({ length: 7 }, (_, i) => {
              const day = start + i;
              const events = byDay[day - m.first];
              const o = { label: cellLabel(day, events.length, c), selected: day === m.focusDay };
              return renderDayCell(
                m,
                day,
                month,
                { ...o, className: ' phone-cell' },
                renderMarks(events, c),
                c,
              );
            })}
          </div>`,
      )}
    </div>
    ${renderAgenda(m, chosen, c)}`;
}
