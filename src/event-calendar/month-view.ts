/**
 * The month view: a WAI-ARIA grid of weeks, one cell per day with its bars (in lanes) and a
 * "+N more" when they do not all fit. The calendar owns the focus and the keyboard; the grid
 * renders its one tab stop on the focused day.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssVars } from '../core/css-vars.js';
import type { Row } from './row-layout.js';
import { partsOf } from '../core/time/day.js';
import {
  renderBar,
  renderLunar,
  renderMore,
  todayLabel,
  type EventPlaced,
  type ViewContext,
} from './view-parts.js';

/** What the month grid shows, derived by the calendar. */
export interface MonthData {
  /** First day of the grid (a week start). */
  first: number;
  /** The grid's weeks: bars by day and what did not fit. */
  rows: Row<EventPlaced>[];
  /** The focused day: the grid's tab stop; its month is the month shown. */
  focusDay: number;
  /** Bars per day before "+N more". */
  lanes: number;
  /** Whether a day is within `min-date` / `max-date`. */
  inRange: (day: number) => boolean;
}

/** What a day cell of the grid shows besides its date: its label, whether it is selected. */
export interface CellOptions {
  /** The cell's accessible name (the date in words, and more). */
  label: string;
  /** `aria-selected`, for a grid whose focused day is also the chosen one (phone month view). */
  selected?: boolean;
  /** Extra classes. */
  className?: string;
}

/** A day cell of a month grid (of the month `month`): its head (number, lunar label, name), then `content`. */
export function renderDayCell(
  m: Pick<MonthData, 'focusDay' | 'inRange'>,
  day: number,
  month: number,
  o: CellOptions,
  content: unknown,
  c: ViewContext,
): TemplateResult {
  const inMonth = partsOf(day).month === month;
  const isToday = day === c.today;
  const outOfRange = !m.inRange(day);
  return html`<div
    role="gridcell"
    class="cell${o.className ?? ''}${inMonth ? '' : ' outside'}${isToday ? ' today' : ''}${outOfRange ? ' out-of-range' : ''}"
    data-day=${day}
    tabindex=${day === m.focusDay ? '0' : '-1'}
    aria-selected=${o.selected === undefined ? nothing : String(o.selected)}
    aria-current=${isToday ? 'date' : nothing}
    aria-disabled=${outOfRange ? 'true' : nothing}
    @click=${c.onCellClick}
  >
    <div class="cell-head">
      <span class="day-number" aria-hidden="true">${partsOf(day).day}</span>${renderLunar(day, c)}
      <span class="visually-hidden">${o.label}</span>
    </div>
    ${content}
  </div>`;
}

/** The cell of `row`'s `column`-th day; `month` is the month shown. */
function renderMonthCell(
  m: MonthData,
  row: Row<EventPlaced>,
  column: number,
  month: number,
  c: ViewContext,
): TemplateResult {
  const f = c.formats;
  const day = row.start + column;
  const hidden = row.hidden[column];
  const label = day === c.today ? todayLabel(day, f) : f.fullDate(day);
  return renderDayCell(
    m,
    day,
    month,
    { label },
    html`${row.segments[column].map((s) => renderBar(s, true, c))}
    ${hidden > 0 ? renderMore(day, hidden, row.counts[column], c) : nothing}`,
    c,
  );
}

/** The grid's row of weekday names from `first` (short names shown, full names read out). */
export function renderWeekdays(first: number, c: ViewContext): TemplateResult {
  const f = c.formats;
  return html`<div role="row" class="weekdays">
    ${Array.from(
      { length: 7 },
      (_, i) =>
        html`<div role="columnheader" class="weekday">
          <span class="short" aria-hidden="true">${f.weekdayShort(first + i)}</span
          ><span class="visually-hidden">${f.weekdayLong(first + i)}</span>
        </div>`,
    )}
  </div>`;
}

export function renderMonth(m: MonthData, c: ViewContext): TemplateResult {
  const f = c.formats;
  const month = partsOf(m.focusDay).month;
  return html`<div
    class="month-grid"
    role="grid"
    aria-label=${f.monthTitle(m.focusDay)}
    @keydown=${c.onGridKeydown}
    ${cssVars({ '--lanes': String(m.lanes) })}
  >
    ${renderWeekdays(m.first, c)}
    ${m.rows.map(
      (row) =>
        html`<div role="row" class="week-row">
          ${row.segments.map((_, column) => renderMonthCell(m, row, column, month, c))}
        </div>`,
    )}
  </div>`;
}
