/**
 * The week view: seven day heads (with "+N more" for what did not fit), an all-day row of bars,
 * and a time grid where each day's timed events are blocks placed by start and length. Its own
 * chunk, loaded before the calendar first shows the week.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssVars } from '../core/css-vars.js';
import { eventTitle } from '../core/event-title.js';
import { msg } from '@lit/localize';
import type { TimedBlock } from './time-layout.js';
import { layoutWeek } from './week-layout.js';
import { partsOf } from '../core/time/day.js';
import {
  renderBar,
  renderLunar,
  renderMore,
  shortTime,
  todayLabel,
  hiddenWords,
  shownThenWords,
  wordsAfterTime,
  type EventPlaced,
  type ViewContext,
} from './view-parts.js';

/** The styles this view adds to the calendar's shadow root when it loads. */
export { weekViewStyles as styles } from './week-view.styles.js';

/** What the week view shows, from the calendar. */
export interface WeekData {
  /** First day of the week. */
  first: number;
  /** Bars per day in the all-day row. */
  lanes: number;
  /** The week's events that pass the filter (the "+N more" label counts a day's). */
  visible: EventPlaced[];
}

/** Events of `visible` on `day`. */
function countOn(visible: EventPlaced[], day: number): number {
  let n = 0;
  for (const p of visible) if (p.startDay <= day && p.endDay >= day) n++;
  return n;
}

/** A timed event in its day column. */
function renderBlock(
  b: TimedBlock<EventPlaced>,
  firstHour: number,
  c: ViewContext,
): TemplateResult {
  const name = shownThenWords(c);
  // A block that goes on from the day before shows only its start time.
  const range = !b.continuesBefore;
  return html`<li
    class="block"
    ${cssVars({
      '--top': String(b.top - firstHour * 60),
      '--length': String(b.bottom - b.top),
      '--column': String(b.column),
      '--columns': String(b.columns),
    })}
  >
    <button
      part="event"
      class="event timed c${b.placed.colour}${b.placed.pointInTime ? ' point' : ''}${
        b.continuesBefore ? ' continues-before' : ''
      }${b.continuesAfter ? ' continues-after' : ''}"
      type="button"
      data-key=${b.placed.key}
      id=${name.id}
      aria-labelledby=${name.labelledBy}
      @click=${c.onEventClick}
    >
      <span class="time">${shortTime(b.placed, range, c.formats)}</span
      ><span class="event-title">${eventTitle(b.placed.event)}</span
      >${hiddenWords(name.id, wordsAfterTime(b.placed, range, c.formats))}
    </button>
  </li>`;
}

export function renderWeek(data: WeekData, c: ViewContext): TemplateResult {
  const f = c.formats;
  const w = { ...layoutWeek(data.visible, data.first, data.lanes), ...data };
  const row = w.row;
  const days = Array.from({ length: 7 }, (_, i) => w.first + i);
  const hours = Array.from({ length: w.lastHour - w.firstHour }, (_, i) => w.firstHour + i);
  return html`<div
    class="week-view"
    ${cssVars({
      '--hours': String(w.lastHour - w.firstHour),
      '--lanes': String(Math.max(1, row.lanes)),
    })}
  >
    <div class="week-head">
      <div class="gutter"></div>
      ${days.map((d, i) => {
        const hidden = row.hidden[i] + w.columns[i].hidden;
        return html`<div class="day-head${d === c.today ? ' today' : ''}">
          <span class="day-name"
            ><span class="weekday-short" aria-hidden="true">${f.weekdayShort(d)}</span
            ><span class="day-number" aria-hidden="true">${partsOf(d).day}</span
            ><span class="visually-hidden"
              >${d === c.today ? todayLabel(d, f) : f.fullDate(d)}</span
            ></span
          >
          ${renderLunar(d, c)}
          ${hidden > 0 ? renderMore(d, hidden, countOn(w.visible, d), c) : nothing}
        </div>`;
      })}
    </div>
    <div class="all-day">
      <div class="gutter">${msg('All day', { id: 'calendar.allDay' })}</div>
      ${row.segments.map(
        (segments) =>
          html`<div class="all-day-cell">${segments.map((s) => renderBar(s, false, c))}</div>`,
      )}
    </div>
    <div class="time-grid">
      <div class="hours" aria-hidden="true">
        ${hours.map((h) => html`<span class="hour">${f.clock(h * 60)}</span>`)}
      </div>
      ${w.columns.map(
        (column) =>
          html`<ul class="day-column" aria-label=${f.dayHeading(column.day)}>
            ${column.blocks.map((b) => renderBlock(b, w.firstHour, c))}
          </ul>`,
      )}
    </div>
  </div>`;
}
