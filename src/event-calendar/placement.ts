/**
 * Places occurrences on the display zone's calendar: which days they cover and at which
 * wall-clock minutes they start and end. Views lay out these {@link Placed} items; nothing
 * downstream parses dates again.
 */
import type { CalendarEvent } from '../core/models.js';
import { DAY } from '../core/time/wall.js';
import { parseTime, Zone, type ParsedTime } from '../core/time/zone.js';

/** The occurrence shape `expandOccurrences` returns (src/core/recurrence.ts). */
export interface OccurrenceLike {
  event: CalendarEvent;
  start: string | Date;
  end?: string | Date;
  occurrenceId: string;
  recurring: boolean;
}

/** One occurrence positioned in the display zone. Days are day numbers (see core/time/day.ts). */
export interface Placed<O extends OccurrenceLike = OccurrenceLike> {
  occurrence: O;
  event: CalendarEvent;
  /** Stable key of the occurrence (its `occurrenceId`). */
  key: string;
  allDay: boolean;
  /** First day the occurrence covers. */
  startDay: number;
  /** Last day it covers (inclusive). */
  endDay: number;
  /** Minutes after midnight on `startDay` (0 for all-day). */
  startMinute: number;
  /** Minutes after midnight on `endDay` where it ends (exclusive; 1440 = end of that day). */
  endMinute: number;
  /** Instants, for timed occurrences (epoch ms). */
  startMs?: number;
  endMs?: number;
  /** Timed and without duration (no end, or end equal to start). */
  pointInTime: boolean;
  /** The source's end lay before its start and was ignored. */
  endBeforeStart: boolean;
  /** Index into the category palette (0–7), or −1 when the event has no category. */
  colour: number;
}

function toParsed(value: string | Date | undefined, zone: Zone): ParsedTime | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : { kind: 'instant', ms };
  }
  return parseTime(value, zone);
}

function dayPart(value: string | Date, parsed: ParsedTime, zone: Zone): number {
  if (parsed.kind === 'date') return parsed.day;
  // An all-day event given as a date-time keeps the date it names (not the display zone's date).
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const day = Math.floor(
      Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY,
    );
    if (Number.isFinite(day)) return day;
  }
  return zone.dayOf(parsed.ms);
}

/**
 * Places one occurrence; `undefined` when its start cannot be read. `colourOf` maps the event's
 * first category to a palette index.
 */
export function place<O extends OccurrenceLike>(
  occurrence: O,
  display: Zone,
  colourOf: (event: CalendarEvent) => number,
): Placed<O> | undefined {
  const event = occurrence.event;
  const eventZone = Zone.get(event.timeZone) ?? display;
  const start = toParsed(occurrence.start, eventZone);
  if (!start) return undefined;
  const end = occurrence.end === undefined ? undefined : toParsed(occurrence.end, eventZone);
  const base = { occurrence, event, key: occurrence.occurrenceId, colour: colourOf(event) };

  if (event.allDay || start.kind === 'date') {
    const startDay = dayPart(occurrence.start, start, display);
    // The model's end of an all-day event is exclusive: the day after the last day.
    const endExclusive =
      end && occurrence.end !== undefined ? dayPart(occurrence.end, end, display) : startDay + 1;
    const endBeforeStart = endExclusive < startDay;
    return {
      ...base,
      allDay: true,
      startDay,
      endDay: Math.max(startDay, endExclusive - 1),
      startMinute: 0,
      endMinute: 1440,
      pointInTime: false,
      endBeforeStart,
    };
  }

  const startMs = start.ms;
  let endMs = end ? (end.kind === 'instant' ? end.ms : eventZone.startOfDay(end.day)) : startMs;
  const endBeforeStart = endMs < startMs;
  if (endBeforeStart) endMs = startMs;
  const startDay = display.dayOf(startMs);
  const startMinute = display.minuteOf(startMs);
  if (endMs === startMs) {
    return {
      ...base,
      allDay: false,
      startDay,
      endDay: startDay,
      startMinute,
      endMinute: startMinute,
      startMs,
      endMs,
      pointInTime: true,
      endBeforeStart,
    };
  }
  // The end is exclusive: an event ending at midnight does not cover the next day.
  const endDay = display.dayOf(endMs - 1);
  const endMinute = display.dayOf(endMs) > endDay ? 1440 : display.minuteOf(endMs);
  return {
    ...base,
    allDay: false,
    startDay,
    endDay,
    startMinute,
    endMinute,
    startMs,
    endMs,
    pointInTime: false,
    endBeforeStart,
  };
}

const timeKey = (value: string | Date | undefined) =>
  value instanceof Date ? value.getTime() : (value ?? '');

/**
 * {@link place} with memory: an occurrence seen before (same event, start and end) in the same
 * display zone keeps its placement, so paging to a month reads no dates again for the events it
 * shares with the months before. A changed colour makes a new placement.
 */
export class PlacementCache<O extends OccurrenceLike> {
  private zone?: Zone;
  private byEvent = new WeakMap<CalendarEvent, Map<string, Placed<O> | null>>();

  place(
    occurrence: O,
    zone: Zone,
    colourOf: (event: CalendarEvent) => number,
  ): Placed<O> | undefined {
    if (zone !== this.zone) {
      this.zone = zone;
      this.byEvent = new WeakMap();
    }
    const event = occurrence.event;
    let seen = this.byEvent.get(event);
    if (!seen) this.byEvent.set(event, (seen = new Map()));
    const key = `${timeKey(occurrence.start)}|${timeKey(occurrence.end)}`;
    let placed = seen.get(key);
    if (placed === undefined) {
      placed = place(occurrence, zone, colourOf) ?? null;
      seen.set(key, placed);
    } else if (placed && placed.colour !== colourOf(event)) {
      placed = { ...placed, colour: colourOf(event) };
      seen.set(key, placed);
    }
    return placed ?? undefined;
  }
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Display order within a day: all-day and longer first, then by start, then by title. */
export function compareStart(a: Placed, b: Placed): number {
  return (
    a.startDay - b.startDay ||
    Number(b.allDay) - Number(a.allDay) ||
    (a.startMs ?? 0) - (b.startMs ?? 0) ||
    b.endDay - a.endDay ||
    byText(a.event.title, b.event.title) ||
    byText(a.key, b.key)
  );
}
