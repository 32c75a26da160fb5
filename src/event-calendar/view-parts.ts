/**
 * What the month, week and list views share: the context they get from their calendar, an event
 * in words (accessible name, short time), the month / all-day bar, the list entry (also the day
 * list's), the lunar day label and the "+N more" button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssVars } from '../core/css-vars.js';
import { eventTitle } from '../core/event-title.js';
import { msg, str } from '@lit/localize';
import type { CalendarFormats } from './formats.js';
import type { LunarLabels } from './lunar.js';
import type { Occurrence } from './occurrences.js';
import type { Placed } from './placement.js';
import type { Segment } from './row-layout.js';
import { heading, headingLevel, type Heading, type HeadingLevel } from '../core/heading.js';

/** An occurrence placed in the display zone. */
export type EventPlaced = Placed<Occurrence>;

/** What the views need from their calendar; the handlers are its own, so listeners stay stable. */
export interface ViewContext {
  formats: CalendarFormats;
  /** Today in the display zone (day number, see core/time/day.ts). */
  today: number;
  /** Chinese-calendar day labels, when `lunar` is set and their code has loaded. */
  lunarLabels?: LunarLabels;
  /** The `lang` of the lunar labels. */
  lunarLang: 'zh-Hans' | 'zh-Hant';
  /** Opens the event of a clicked event button (`data-key`). */
  onEventClick: (e: Event) => void;
  /** Opens the day list of a clicked "+N more" (`data-day`). */
  onMoreClick: (e: Event) => void;
  /** Focuses a clicked month cell (`data-day`). */
  onCellClick: (e: Event) => void;
  /** The month grid's keyboard navigation. */
  onGridKeydown: (e: KeyboardEvent) => void;
  /** The list view's "Show more". */
  onShowMore: () => void;
  /** Level of the calendar's title and dialog title (`heading-level`); day titles are one deeper. */
  headingLevel: HeadingLevel;
  /** A new id, unique in the shadow root (the same ones, in order, at each render). */
  id: () => string;
}

/** Date and time of an occurrence in words, in the display zone. */
export function when(p: EventPlaced, f: CalendarFormats): string {
  if (p.allDay) {
    return msg(str`${f.fullDateRange(p.startDay, p.endDay)}, all day`, {
      id: 'calendar.allDayWhen',
    });
  }
  return f.dateTimeRange(p.startMs!, p.endMs!);
}

/**
 * The date and time in words after what an event button shows with {@link shortTime}: with
 * `range`, a one-day event shows its whole time ("14:30–16:00", "All day"), so only its date is
 * added; otherwise (a start time, "From 14:30", a multi-day "All day") its dates and times in full.
 */
export function wordsAfterTime(p: EventPlaced, range: boolean, f: CalendarFormats): string {
  return range && p.startDay === p.endDay ? f.fullDate(p.startDay) : when(p, f);
}

/**
 * How a button of the views (an event, "+N more") is named: by the text it shows, so that speech
 * input finds it by what it says (WCAG 2.5.3), then by words only a screen reader needs (an
 * event's date and time) from an element that is `hidden`: part of the name, never laid out (text
 * that is only visually hidden is shaped and laid out on every month switch). `id` is the
 * button's; its template puts {@link hiddenWords} inside it.
 */
export function shownThenWords(c: ViewContext): { id: string; labelledBy: string } {
  const id = c.id();
  return { id, labelledBy: `${id} ${id}-words` };
}

/** The words that end a button's name (see {@link shownThenWords}). */
export function hiddenWords(id: string, words: string): TemplateResult {
  return html`<span id="${id}-words" hidden>${words}</span>`;
}

/** Short visible time: `14:30` (month), `14:30–16:00` (list), or "All day". */
export function shortTime(p: EventPlaced, range: boolean, f: CalendarFormats): string {
  if (p.allDay) return msg('All day', { id: 'calendar.allDay' });
  if (!range) return f.time(p.startMs!);
  if (p.startDay !== p.endDay)
    return msg(str`From ${f.time(p.startMs!)}`, { id: 'calendar.fromTime' });
  return f.timeRange(p.startMs!, p.endMs!);
}

/** A day's date in words, marked as today. */
export function todayLabel(day: number, f: CalendarFormats): string {
  const date = f.fullDate(day);
  return msg(str`${date}, today`, { id: 'calendar.todayLabel' });
}

/** The Chinese-calendar label of a day, when there is one. */
export function renderLunar(day: number, c: ViewContext): TemplateResult | typeof nothing {
  const label = c.lunarLabels?.label(day);
  if (!label) return nothing;
  return html`<span class="lunar${label.monthStart ? ' lunar-month' : ''}" lang=${c.lunarLang}
    >${label.text}</span
  >`;
}

/** A day's title in the list views (one level under the calendar's title), lunar label included. */
export function renderDayTitle(day: number, c: ViewContext, id?: string): Heading {
  const f = c.formats;
  const title =
    day === c.today
      ? msg(str`${f.dayHeading(day)} (today)`, { id: 'calendar.todayHeading' })
      : f.dayHeading(day);
  return heading(headingLevel(c.headingLevel, 1), html`${title} ${renderLunar(day, c)}`, {
    id,
    class: 'list-day-title',
  });
}

/**
 * "+N more" (month cell, week day head): `hidden` not shown of `count` events on `day`. Named
 * by what it shows, then what it does in words (see {@link shownThenWords}).
 */
export function renderMore(
  day: number,
  hidden: number,
  count: number,
  c: ViewContext,
): TemplateResult {
  const f = c.formats;
  const n = f.count(count);
  const date = f.fullDate(day);
  const name = shownThenWords(c);
  return html`<button
    part="button"
    class="more"
    type="button"
    data-day=${day}
    id=${name.id}
    aria-labelledby=${name.labelledBy}
    @click=${c.onMoreClick}
  >
    <span>${msg(str`+${f.count(hidden)} more`, { id: 'calendar.more' })}</span
    >${hiddenWords(name.id, msg(str`Show all ${n} events on ${date}`, { id: 'calendar.moreLabel' }))}
  </button>`;
}

/** A bar (month grid, week all-day row): spans days, sits in its lane. */
export function renderBar(s: Segment<EventPlaced>, month: boolean, c: ViewContext): TemplateResult {
  const p = s.placed;
  const bar = p.allDay || p.startDay !== p.endDay;
  const classes = `event bar c${p.colour}${bar ? ' filled' : ' dot'}${s.continuesBefore ? ' continues-before' : ''}${
    s.continuesAfter ? ' continues-after' : ''
  }`;
  const name = shownThenWords(c);
  return html`<button
    part="event"
    class=${classes}
    type="button"
    data-key=${p.key}
    id=${name.id}
    aria-labelledby=${name.labelledBy}
    ${cssVars({ '--span': String(s.span), '--lane': String(s.lane) })}
    @click=${c.onEventClick}
  >
    ${month && !bar ? html`<span class="time">${shortTime(p, false, c.formats)}</span>` : nothing}<span
      class="event-title"
      >${eventTitle(p.event)}</span
    >${hiddenWords(name.id, when(p, c.formats))}
  </button>`;
}

/** What a list entry shows under its title: its place, or another fact (the phone list's category). */
export interface ListFact {
  /** Read out after the time. */
  text: string;
  /** Shown (defaults to `text`). */
  content?: unknown;
  className: string;
}

/** The place of an occurrence as a list entry's fact. */
function placeFact(p: EventPlaced): ListFact | undefined {
  const place = p.event.location?.name ?? p.event.location?.address;
  return place ? { text: place, className: 'place' } : undefined;
}

/** An entry of the list view and of the day list: time, title, place (or another `fact`). */
export function renderListEvent(
  p: EventPlaced,
  c: ViewContext,
  fact = placeFact(p),
  className = '',
): TemplateResult {
  const name = shownThenWords(c);
  return html`<button
    part="event"
    class="event list-event${className} c${p.colour}"
    type="button"
    data-key=${p.key}
    id=${name.id}
    aria-labelledby=${name.labelledBy}
    @click=${c.onEventClick}
  >
    <span class="time">${shortTime(p, true, c.formats)}</span
    ><span class="event-title">${eventTitle(p.event)}</span
    >${fact ? html`<span class=${fact.className}>${fact.content ?? fact.text}</span>` : nothing}${hiddenWords(name.id, wordsAfterTime(p, true, c.formats))}
  </button>`;
}

/** A secondary button (toolbar, dialog actions); an icon button gets its name from `label`. */
export function renderButton(
  content: unknown,
  onClick: (e: Event) => void,
  o: { label?: string; disabled?: boolean; icon?: boolean } = {},
): TemplateResult {
  return html`<button
    part="button"
    class="button secondary${o.icon ? ' icon' : ''}"
    type="button"
    aria-label=${o.label ?? nothing}
    ?disabled=${o.disabled ?? false}
    @click=${onClick}
  >
    ${content}
  </button>`;
}

/** "Times are shown in …": the display zone's name at an instant. */
export function zoneShown(f: CalendarFormats, zoneName: string, ms: number): string {
  const zone = f.zoneName(zoneName, ms);
  return msg(str`Times are shown in ${zone}.`, { id: 'calendar.zoneShown' });
}
