/**
 * Calendar time arithmetic shared by the calendar readers, recurrence expansion for the visible
 * range only, and a single-event iCalendar export ("add to my calendar").
 *
 * Time zones: events keep an IANA `timeZone`; offsets come from `Intl` (cached per UTC day, as
 * `formatToParts` costs ~10 µs a call). A recurring series is expanded in its own wall-clock
 * time and each occurrence is then placed with the offset valid on that day, so a weekly 09:30
 * series stays 09:30 local across a DST change (RFC 5545 §3.3.5).
 *
 * ical.js (~23 kB gz) is loaded only when some event really has an RRULE: `loadIcal()` is the
 * one place that imports it, dynamically. Nothing here imports it statically.
 */
import type ICAL from 'ical.js';
import { DandelionError } from './errors.js';
import type { CalendarEvent } from './models.js';
import { htmlToText, safeUrl } from './sanitize.js';

export type IcalModule = typeof ICAL;
type IcalRecur = ICAL.Recur;
type IcalTime = ICAL.Time;

let icalModule: Promise<IcalModule> | undefined;

/** Loads ical.js on first use (one request per page). Fails with a `network` DandelionError. */
export function loadIcal(): Promise<IcalModule> {
  icalModule ??= import('ical.js').then(
    (module) => module.default,
    (error: unknown) => {
      icalModule = undefined;
      throw new DandelionError('network', 'could not load ical.js', undefined, { cause: error });
    },
  );
  return icalModule;
}

// ---------------------------------------------------------------------------------------------
// Wall-clock times and zones
// ---------------------------------------------------------------------------------------------

/** One day in milliseconds. */
export const DAY = 86_400_000;

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad2 = (n: number) => twoDigits[n] ?? String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/**
 * A wall-clock time as milliseconds, computed as if it were UTC ("wall ms"): plain arithmetic
 * for dates and local times, with no zone involved.
 */
export function wallMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  if (y >= 0 && y < 100) {
    // Date.UTC maps years 0–99 to 1900–1999.
    const date = new Date(t);
    date.setUTCFullYear(y);
    return date.getTime();
  }
  return t;
}

/** `YYYY-MM-DDTHH:MM:SS` (or `YYYY-MM-DD`) of a wall ms value. */
export function isoWall(wall: number, dateOnly = false): string {
  // Civil date from a day count (H. Hinnant's algorithm): no Date object per call.
  const days = Math.floor(wall / DAY);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const date = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  if (dateOnly) return date;
  const seconds = Math.floor((wall - days * DAY) / 1000);
  return `${date}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    // Remote data can name any number of bogus zones; keep the cache small.
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter ?? undefined;
}

/** Whether `Intl` knows the zone (IANA names such as `Asia/Shanghai`, `UTC`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return (
    typeof timeZone === 'string' &&
    timeZone.length > 0 &&
    timeZone.length < 64 &&
    formatterFor(timeZone) !== undefined
  );
}

const MAX_TIME = 8.64e15;

function exactOffset(instant: number, formatter: Intl.DateTimeFormat): number {
  if (!Number.isFinite(instant) || Math.abs(instant) > MAX_TIME - DAY) return 0;
  const base = Math.floor(instant / 1000) * 1000;
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const part of formatter.formatToParts(base)) {
    switch (part.type) {
      case 'year':
        y = Number(part.value);
        break;
      case 'month':
        mo = Number(part.value);
        break;
      case 'day':
        d = Number(part.value);
        break;
      case 'hour':
        h = Number(part.value);
        break;
      case 'minute':
        mi = Number(part.value);
        break;
      case 'second':
        s = Number(part.value);
        break;
      case 'era':
        bc = /^B/i.test(part.value);
        break;
    }
  }
  if (bc) y = 1 - y;
  const offset = wallMs(y, mo, d, h, mi, s) - base;
  return Number.isFinite(offset) ? offset : 0;
}

/** Per zone: UTC day index → offset valid all that day (NaN when the day holds a change). */
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's UTC offset (ms, east positive) at an instant; 0 for an unknown zone. */
export function zoneOffset(instant: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter || !Number.isFinite(instant)) return 0;
  let days = offsetCache.get(timeZone);
  if (!days) {
    if (offsetCache.size > 200) offsetCache.clear();
    days = new Map();
    offsetCache.set(timeZone, days);
  }
  const day = Math.floor(instant / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = exactOffset(day * DAY, formatter);
    const last = exactOffset(day * DAY + DAY - 1000, formatter);
    offset = first === last ? first : Number.NaN;
    if (days.size > 5000) days.clear();
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? exactOffset(instant, formatter) : offset;
}

/**
 * The instant of a wall-clock time in a zone. A time that falls twice (DST ends) is the first
 * one; a time that does not exist (DST starts) is read with the offset from before the change,
 * as RFC 5545 §3.3.5 says (02:30 on a spring-forward day becomes 03:30 summer time).
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  if (before === after) return wall - before;
  if (zoneOffset(wall - before, timeZone) === before) return wall - before;
  if (zoneOffset(wall - after, timeZone) === after) return wall - after;
  return wall - before;
}

/** ISO 8601 of an instant shown with a fixed offset: `2026-11-28T09:30:00+08:00` (or `…Z`). */
export function formatOffsetIso(instant: number, offset: number, utcAsZ = false): string {
  const minutes = Math.round(offset / 60_000);
  const wall = isoWall(instant + minutes * 60_000);
  if (minutes === 0 && utcAsZ) return `${wall}Z`;
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** ISO 8601 of an instant in a zone, with the offset valid then. */
export function instantToZonedIso(instant: number, timeZone: string): string {
  return formatOffsetIso(instant, zoneOffset(instant, timeZone));
}

/** An ISO 8601 date or date-time taken apart. */
export interface IsoParts {
  /** Wall-clock time as written (see {@link wallMs}). */
  wall: number;
  dateOnly: boolean;
  /** Offset in ms (0 for `Z`); absent for a floating local time or a date. */
  offset?: number;
  /** Written with `Z`. */
  utc: boolean;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, mo: number): number {
  return mo === 2 && !isLeap(y) ? 28 : monthDays[mo - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether y-mo-d h:mi:s is a real calendar time (seconds up to 60 for leap seconds). */
export function validWall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 60;
}

/** Parses the ISO 8601 shapes the models use; `undefined` for anything else or impossible dates. */
export function parseIso(value: unknown): IsoParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_RE.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dateOnly = m[4] === undefined;
  const h = dateOnly ? 0 : Number(m[4]);
  const mi = dateOnly ? 0 : Number(m[5]);
  const s = Math.min(59, m[6] === undefined ? 0 : Number(m[6]));
  if (!validWall(y, mo, d, h, mi, s)) return undefined;
  const parts: IsoParts = { wall: wallMs(y, mo, d, h, mi, s), dateOnly, utc: false };
  const zone = m[7];
  if (zone && !dateOnly) {
    if (zone.toUpperCase() === 'Z') {
      parts.offset = 0;
      parts.utc = true;
    } else {
      const digits = zone.replace(':', '');
      const hours = Number(digits.slice(1, 3));
      const minutes = Number(digits.slice(3, 5) || '0');
      if (hours > 18 || minutes > 59) return undefined;
      parts.offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
    }
  }
  return parts;
}

/** The browser-local instant of a wall-clock time (floating times and dates in a calendar grid). */
function localInstant(wall: number): number {
  const d = new Date(wall);
  const local = new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
  if (d.getUTCFullYear() < 100) local.setFullYear(d.getUTCFullYear());
  return local.getTime();
}

/** The instant an ISO string stands for; floating times and dates are read in local time. */
export function isoToInstant(value: string | undefined): number | undefined {
  const parts = value === undefined ? undefined : parseIso(value);
  if (!parts) return undefined;
  return parts.offset === undefined ? localInstant(parts.wall) : parts.wall - parts.offset;
}

// ---------------------------------------------------------------------------------------------
// Recurrence expansion
// ---------------------------------------------------------------------------------------------

/** One occurrence of an event inside the visible range. */
export interface Occurrence {
  /**
   * The event as it happens this time. For a recurring series: a copy with the override for
   * this date applied, `start`/`end` of this occurrence and no `recurrence` (the original
   * event, with the same `id`, keeps the rule). For any other event: the event itself.
   */
  event: CalendarEvent;
  /** ISO 8601 start of this occurrence (same shape as `event.start`). */
  start: string;
  end?: string;
  /** Stable per occurrence: the event id, plus the original start for a recurring series. */
  occurrenceId: string;
  /** Part of a recurring series. */
  recurring: boolean;
}

export interface ExpandOptions {
  /** At most this many occurrences per series (default 1000). */
  maxPerSeries?: number;
}

/** Upper bound on ical.js iterator steps per series, whatever the rule. */
const ITERATION_LIMIT = 100_000;

/** The fixed length, in wall ms, of one period of the frequencies whose start can be moved. */
const PERIOD: Record<string, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY,
  WEEKLY: 7 * DAY,
};

type SeriesMode = 'date' | 'floating' | 'zone' | 'offset';

interface Series {
  event: CalendarEvent;
  mode: SeriesMode;
  timeZone?: string;
  /** Fixed offset (ms) for `offset` mode. */
  offset: number;
  utc: boolean;
  startWall: number;
  /** Exact length of a timed occurrence. */
  durationMs?: number;
  /** Length of an all-day occurrence in days. */
  durationDays?: number;
}

interface Placed {
  iso: string;
  instant: number;
}

function hasRule(event: CalendarEvent): boolean {
  return typeof event.recurrence?.rrule === 'string' && event.recurrence.rrule.trim() !== '';
}

function isRecurring(event: CalendarEvent): boolean {
  return hasRule(event) || (event.recurrence?.rdates?.length ?? 0) > 0;
}

function toSeries(event: CalendarEvent): Series | undefined {
  const start = parseIso(event.start);
  if (!start) return undefined;
  const end = event.end === undefined ? undefined : parseIso(event.end);
  if (start.dateOnly || event.allDay) {
    const startWall = Math.floor(start.wall / DAY) * DAY;
    const series: Series = { event, mode: 'date', offset: 0, utc: false, startWall };
    if (end) {
      const days = Math.round((Math.floor(end.wall / DAY) * DAY - startWall) / DAY);
      if (days > 0) series.durationDays = days;
    }
    return series;
  }
  let series: Series;
  if (isValidTimeZone(event.timeZone)) {
    const timeZone = event.timeZone;
    const startWall =
      start.offset === undefined
        ? start.wall
        : start.wall - start.offset + zoneOffset(start.wall - start.offset, timeZone);
    series = { event, mode: 'zone', timeZone, offset: 0, utc: false, startWall };
  } else if (start.offset !== undefined) {
    series = {
      event,
      mode: 'offset',
      offset: start.offset,
      utc: start.utc,
      startWall: start.wall,
    };
  } else {
    series = { event, mode: 'floating', offset: 0, utc: false, startWall: start.wall };
  }
  const startInstant = isoToInstant(event.start);
  const endInstant = isoToInstant(event.end);
  if (startInstant !== undefined && endInstant !== undefined && endInstant > startInstant) {
    series.durationMs = endInstant - startInstant;
  }
  return series;
}

/** The instant of a wall-clock time of the series. */
function instantAt(series: Series, wall: number): number {
  switch (series.mode) {
    case 'zone':
      return wallToInstant(wall, series.timeZone as string);
    case 'offset':
      return wall - series.offset;
    default:
      return localInstant(wall);
  }
}

/** Where a wall-clock time of the series falls: its ISO string and instant. */
function place(series: Series, wall: number): Placed {
  switch (series.mode) {
    case 'date':
      return { iso: isoWall(wall, true), instant: localInstant(wall) };
    case 'floating':
      return { iso: isoWall(wall), instant: localInstant(wall) };
    case 'zone': {
      const instant = wallToInstant(wall, series.timeZone as string);
      return { iso: instantToZonedIso(instant, series.timeZone as string), instant };
    }
    case 'offset': {
      const instant = wall - series.offset;
      return { iso: formatOffsetIso(instant, series.offset, series.utc), instant };
    }
  }
}

/** The end of an occurrence that starts at `wall`. */
function placeEnd(series: Series, wall: number, start: Placed): Placed | undefined {
  if (series.mode === 'date') {
    return series.durationDays === undefined
      ? undefined
      : place(series, wall + series.durationDays * DAY);
  }
  if (series.durationMs === undefined) return undefined;
  const instant = start.instant + series.durationMs;
  switch (series.mode) {
    case 'floating':
      return { iso: isoWall(wall + series.durationMs), instant };
    case 'zone':
      return { iso: instantToZonedIso(instant, series.timeZone as string), instant };
    default:
      return { iso: formatOffsetIso(instant, series.offset, series.utc), instant };
  }
}

/** The series' wall-clock reading of an ISO string given by the source (RDATE, EXDATE…). */
function wallOf(series: Series, parts: IsoParts): number {
  if (series.mode === 'date' || parts.offset === undefined) return parts.wall;
  const instant = parts.wall - parts.offset;
  if (series.mode === 'zone') return instant + zoneOffset(instant, series.timeZone as string);
  if (series.mode === 'offset') return instant + series.offset;
  return parts.wall;
}

/**
 * Keys that match an occurrence: exact (`i` instant / `w` wall time / `d` date) and by date, so
 * an EXDATE written as a plain date also removes a timed occurrence on that day.
 */
function keyOf(series: Series, parts: IsoParts): string {
  if (parts.dateOnly || series.mode === 'date') return `d${isoWall(parts.wall, true)}`;
  if (series.mode === 'floating') return `w${isoWall(parts.wall)}`;
  if (parts.offset !== undefined) return `i${parts.wall - parts.offset}`;
  return `i${place(series, parts.wall).instant}`;
}

function occurrenceKey(series: Series, wall: number, placed: Placed): string {
  if (series.mode === 'date') return `d${isoWall(wall, true)}`;
  if (series.mode === 'floating') return `w${isoWall(wall)}`;
  return `i${placed.instant}`;
}

/** A compact, stable suffix for occurrence ids: `20261128T013000Z`, `20261128T093000`, `20261128`. */
function compactStart(series: Series, wall: number, placed: Placed): string {
  const iso =
    series.mode === 'date'
      ? isoWall(wall, true)
      : series.mode === 'floating'
        ? isoWall(wall)
        : `${isoWall(placed.instant)}Z`;
  return iso.replace(/[-:]/g, '');
}

/**
 * Why ical.js must not run a rule, or `undefined` when it may. ical.js loops without end inside
 * one `next()` for rules that can never match (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) and crawls
 * through years of seconds for sparse SECONDLY/MINUTELY rules; those are refused up front.
 */
function ruleProblem(recur: IcalRecur, isDate: boolean): string | undefined {
  if (!recur.freq) return 'no FREQ';
  if (typeof recur.count === 'number' && !(recur.count >= 1)) return 'COUNT must be positive';
  if (typeof recur.interval === 'number' && !(recur.interval >= 1)) {
    return 'INTERVAL must be positive';
  }
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  const has = (name: string) => (parts[name]?.length ?? 0) > 0;
  // RFC 5545 §3.3.10 limits; ical.js hangs on some of the combinations it forbids.
  if (has('BYWEEKNO') && recur.freq !== 'YEARLY') return 'BYWEEKNO needs FREQ=YEARLY';
  if (has('BYYEARDAY') && recur.freq !== 'YEARLY') return 'BYYEARDAY needs FREQ=YEARLY here';
  if (has('BYMONTHDAY') && recur.freq === 'WEEKLY') return 'BYMONTHDAY cannot be WEEKLY';
  const coarse = ['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'];
  // On a date (all-day) start ical.js cannot move by hours: it would loop on the same day.
  const clock = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
  if (isDate && (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(recur.freq) || clock.some(has))) {
    return 'an all-day event cannot repeat by hours, minutes or seconds';
  }
  if (recur.freq === 'SECONDLY' && [...coarse, 'BYHOUR'].some(has)) {
    return 'SECONDLY rules may only use BYSECOND and BYMINUTE here';
  }
  if (recur.freq === 'MINUTELY' && coarse.some(has)) {
    return 'MINUTELY rules may only use BYSECOND, BYMINUTE and BYHOUR here';
  }
  if (recur.freq === 'HOURLY' && has('BYMONTHDAY') && has('BYDAY')) {
    return 'HOURLY rules may not combine BYMONTHDAY and BYDAY here';
  }
  // RFC 5545 §3.3.10: a numbered BYDAY (1MO, -1FR) only with MONTHLY or YEARLY; ical.js never
  // finds a match for it in DAILY and shorter rules.
  const numbered = ((parts.BYDAY as unknown[] | undefined) ?? []).some((day) =>
    /\d/.test(String(day)),
  );
  if (numbered && ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY'].includes(recur.freq)) {
    return `a numbered BYDAY needs FREQ=MONTHLY or YEARLY`;
  }
  const subMonthly = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY'].includes(recur.freq);
  if (subMonthly && (parts.BYMONTHDAY ?? []).some((day) => Number(day) < 0)) {
    return `a negative BYMONTHDAY needs FREQ=MONTHLY or YEARLY here`;
  }
  if (subMonthly && has('BYMONTHDAY')) {
    const months = has('BYMONTH')
      ? (parts.BYMONTH as unknown[]).map(Number)
      : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const days = (parts.BYMONTHDAY as unknown[]).map(Number);
    const possible = months.some((month) =>
      days.some((day) => day !== 0 && Math.abs(day) <= daysInMonth(2000, month)),
    );
    if (!possible) return 'BYMONTHDAY never falls in BYMONTH';
  }
  return undefined;
}

function icalTime(ical: IcalModule, wall: number, isDate: boolean): IcalTime {
  const d = new Date(wall);
  return ical.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

function timeWall(time: IcalTime, isDate: boolean): number {
  return isDate
    ? wallMs(time.year, time.month, time.day)
    : wallMs(time.year, time.month, time.day, time.hour, time.minute, time.second);
}

/**
 * Parses an RRULE for a series and rewrites UNTIL into the series' wall-clock time (the
 * iterator runs on floating times). Returns why, when the rule is unusable.
 */
function prepareRule(ical: IcalModule, rrule: string, series: Series): IcalRecur | string {
  let recur: IcalRecur;
  try {
    recur = ical.Recur.fromString(rrule.trim().replace(/^RRULE:/i, ''));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const isDate = series.mode === 'date';
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  const fromEnd = (parts.BYMONTHDAY ?? []).some((day) => Number(day) < 0);
  if (fromEnd && recur.freq === 'DAILY' && !(recur.interval > 1) && !parts.BYSETPOS?.length) {
    // ical.js never matches a negative BYMONTHDAY in a DAILY rule (it loops); with INTERVAL 1
    // the same days come from MONTHLY, where BYMONTHDAY selects and BYDAY/BYMONTH filter.
    recur.freq = 'MONTHLY';
  }
  const problem = ruleProblem(recur, isDate);
  if (problem) return problem;
  const until = recur.until;
  if (until) {
    let wall: number;
    if (until.isDate || isDate) {
      wall = wallMs(until.year, until.month, until.day) + (isDate ? 0 : DAY - 1000);
    } else {
      wall = timeWall(until, false);
      if (until.zone?.tzid === 'UTC' && series.mode === 'zone') {
        wall += zoneOffset(wall, series.timeZone as string);
      } else if (until.zone?.tzid === 'UTC' && series.mode === 'offset') {
        wall += series.offset;
      }
    }
    recur.until = icalTime(ical, wall, isDate);
  }
  // ical.js rejects some rules only once iterating, and some give no instance at all.
  try {
    if (!recur.iterator(icalTime(ical, series.startWall, isDate)).next()) {
      return 'no occurrences (UNTIL before the start?)';
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return recur;
}

/**
 * Why an RRULE cannot be expanded for an event starting at `start` (ISO 8601), or `undefined`
 * when it can: it must parse, pass the safety checks and give occurrences.
 */
export function recurrenceProblem(
  ical: IcalModule,
  rrule: string,
  start: string,
  allDay: boolean,
): string | undefined {
  const series = toSeries({ id: '', title: '', start, allDay, categories: [] });
  if (!series) return 'no valid start';
  const prepared = prepareRule(ical, rrule, series);
  return typeof prepared === 'string' ? prepared : undefined;
}

function withoutRecurrence(event: CalendarEvent): CalendarEvent {
  const copy = { ...event };
  delete copy.recurrence;
  return copy;
}

/** Moves an override's start by the series' length to give its end. */
function shiftedEnd(series: Series, start: string): string | undefined {
  const parts = parseIso(start);
  if (!parts) return undefined;
  if (parts.dateOnly) {
    return series.durationDays === undefined
      ? undefined
      : isoWall(parts.wall + series.durationDays * DAY, true);
  }
  if (series.durationMs === undefined) return undefined;
  if (parts.offset === undefined) return isoWall(parts.wall + series.durationMs);
  const instant = parts.wall - parts.offset + series.durationMs;
  return series.mode === 'zone'
    ? instantToZonedIso(instant, series.timeZone as string)
    : formatOffsetIso(instant, parts.offset, parts.utc);
}

interface Collected {
  occurrence: Occurrence;
  instant: number;
}

function overlaps(start: number, end: number | undefined, from: number, to: number): boolean {
  if (end !== undefined && end > start) return start < to && end > from;
  return start >= from && start < to;
}

function expandSeries(
  ical: IcalModule | undefined,
  series: Series,
  from: number,
  to: number,
  max: number,
  out: Collected[],
): void {
  const { event } = series;
  const recurrence = event.recurrence ?? {};
  const base = withoutRecurrence(event);
  const exdates = new Set<string>();
  for (const iso of recurrence.exdates ?? []) {
    const parts = parseIso(iso);
    if (parts) exdates.add(keyOf(series, parts));
  }
  const overrides = new Map<
    string,
    { iso: string; wall: number; fields: Partial<CalendarEvent> }
  >();
  for (const [iso, fields] of Object.entries(recurrence.overrides ?? {})) {
    const parts = parseIso(iso);
    if (parts && fields && typeof fields === 'object') {
      overrides.set(keyOf(series, parts), { iso, wall: wallOf(series, parts), fields });
    }
  }
  const prepared =
    ical && hasRule(event) ? prepareRule(ical, recurrence.rrule as string, series) : undefined;
  const recur = typeof prepared === 'object' ? prepared : undefined;
  // A series whose only rule is unusable is shown once, as a plain event.
  const recurring = recur !== undefined || (recurrence.rdates?.length ?? 0) > 0;
  const seen = new Set<string>();
  let emitted = 0;
  const push = (occurrence: Occurrence, instant: number) => {
    out.push({ occurrence, instant });
    emitted++;
  };
  const dateKey = (wall: number) => `d${isoWall(wall, true)}`;

  /** Handles one occurrence at a wall time; returns false once past the range. */
  const visit = (wall: number): boolean => {
    const instant = instantAt(series, wall);
    if (instant >= to) return false;
    // Cheap test first: most steps of an old series fall before the range.
    const until =
      series.mode === 'date'
        ? localInstant(wall + (series.durationDays ?? 1) * DAY)
        : series.durationMs === undefined
          ? undefined
          : instant + series.durationMs;
    if (!overlaps(instant, until, from, to)) return true;
    const start = place(series, wall);
    const key = occurrenceKey(series, wall, start);
    if (seen.has(key)) return true;
    seen.add(key);
    if (exdates.has(key) || exdates.has(dateKey(wall))) return true;
    if (overrides.has(key) || overrides.has(dateKey(wall))) return true; // placed below
    const end = placeEnd(series, wall, start);
    const occurrence: Occurrence = {
      event: { ...base, start: start.iso, end: end?.iso },
      start: start.iso,
      occurrenceId: recurring ? `${event.id}-${compactStart(series, wall, start)}` : event.id,
      recurring,
    };
    if (end) occurrence.end = end.iso;
    else delete occurrence.event.end;
    push(occurrence, start.instant);
    return true;
  };

  if (recur) {
    const isDate = series.mode === 'date';
    let startWall = series.startWall;
    const period = PERIOD[recur.freq];
    if (period && !recur.count) {
      // Jump whole periods towards the range, so an old DAILY/SECONDLY series does not replay
      // its whole history. Whole periods keep the rule's phase (weekday, interval parity).
      const step = period * Math.max(1, recur.interval || 1);
      const length =
        series.mode === 'date' ? (series.durationDays ?? 1) * DAY : (series.durationMs ?? 0);
      // Slack for an offset change (DST) between the target and the range start.
      const shift = zoneShift(series, from);
      const drift = Math.abs(shift - zoneShift(series, from - length - DAY));
      const target = from + shift - length - drift - step;
      if (target > startWall) startWall += Math.floor((target - startWall) / step) * step;
    }
    try {
      const iterator = recur.iterator(icalTime(ical as IcalModule, startWall, isDate));
      let steps = 0;
      for (let time = iterator.next(); time; time = iterator.next()) {
        if (++steps > ITERATION_LIMIT || emitted >= max) break;
        if (!visit(timeWall(time, isDate))) break;
      }
    } catch {
      // A rule ical.js rejects mid-way: keep the occurrences found so far.
    }
  } else {
    visit(series.startWall);
  }
  for (const iso of recurrence.rdates ?? []) {
    const parts = parseIso(iso);
    if (parts && emitted < max) visit(wallOf(series, parts));
  }
  for (const [key, { iso, wall, fields }] of overrides) {
    if (emitted >= max) break;
    if (exdates.has(key) || exdates.has(dateKey(wall))) continue;
    const original = place(series, wall);
    const originalEnd = placeEnd(series, wall, original);
    const start = typeof fields.start === 'string' && parseIso(fields.start) ? fields.start : iso;
    const end =
      typeof fields.end === 'string'
        ? fields.end
        : start === iso
          ? originalEnd?.iso
          : shiftedEnd(series, start);
    const startInstant = isoToInstant(start);
    if (startInstant === undefined) continue;
    if (!overlaps(startInstant, isoToInstant(end), from, to)) continue;
    const changed: CalendarEvent = { ...base, ...fields, id: event.id, start };
    delete changed.recurrence;
    if (end) changed.end = end;
    else delete changed.end;
    const occurrence: Occurrence = {
      event: changed,
      start,
      occurrenceId: `${event.id}-${compactStart(series, wall, original)}`,
      recurring: true,
    };
    if (end) occurrence.end = end;
    push(occurrence, startInstant);
  }
}

/** How far the series' wall clock is ahead of UTC around an instant. */
function zoneShift(series: Series, instant: number): number {
  if (series.mode === 'zone') return zoneOffset(instant, series.timeZone as string);
  if (series.mode === 'offset') return series.offset;
  return -new Date(instant).getTimezoneOffset() * 60_000;
}

/**
 * The occurrences of `events` that overlap [rangeStart, rangeEnd), sorted by start. Events
 * without recurrence pass through as they are; recurring ones (RRULE, RDATE, EXDATE, overrides)
 * are expanded for the range only. ical.js is loaded only if some event has an RRULE.
 */
export async function expandOccurrences(
  events: readonly CalendarEvent[],
  rangeStart: Date,
  rangeEnd: Date,
  opts: ExpandOptions = {},
): Promise<Occurrence[]> {
  const from = rangeStart.getTime();
  const to = rangeEnd.getTime();
  if (!(from < to)) return [];
  const max = Math.max(1, opts.maxPerSeries ?? 1000);
  const ical = events.some(hasRule) ? await loadIcal() : undefined;
  const collected: Collected[] = [];
  for (const event of events) {
    const series = isRecurring(event) ? toSeries(event) : undefined;
    if (series) {
      expandSeries(ical, series, from, to, max, collected);
      continue;
    }
    const start = isoToInstant(event.start);
    if (start === undefined) continue;
    let end = isoToInstant(event.end);
    if (end === undefined && (event.allDay || parseIso(event.start)?.dateOnly)) {
      end = localInstant((parseIso(event.start) as IsoParts).wall + DAY);
    }
    if (!overlaps(start, end, from, to)) continue;
    const occurrence: Occurrence = {
      event,
      start: event.start,
      occurrenceId: event.id,
      recurring: false,
    };
    if (event.end !== undefined) occurrence.end = event.end;
    collected.push({ occurrence, instant: start });
  }
  collected.sort(
    (a, b) =>
      a.instant - b.instant ||
      (a.occurrence.occurrenceId < b.occurrence.occurrenceId
        ? -1
        : a.occurrence.occurrenceId > b.occurrence.occurrenceId
          ? 1
          : 0),
  );
  return collected.map((c) => c.occurrence);
}

// ---------------------------------------------------------------------------------------------
// Single-event iCalendar export
// ---------------------------------------------------------------------------------------------

/** RFC 5545 TEXT escaping (backslash, semicolon, comma, newline); control characters dropped. */
function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/([\\;,])/g, '\\$1')
      .replace(/\n/g, '\\n')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return out;
}

function basic(wall: number, dateOnly = false): string {
  return isoWall(wall, dateOnly).replace(/[-:]/g, '');
}

function basicOffset(offset: number): string {
  const minutes = Math.round(offset / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

/**
 * A VTIMEZONE for `timeZone` built from `Intl`, listing every offset change from a year before
 * `from` to a year after `to` (found weekly, then to the second), so strict clients and ical.js
 * resolve the TZID without an IANA database of their own.
 */
function vtimezone(timeZone: string, from: number, to: number): string[] {
  const week = 7 * DAY;
  const lo = from - 400 * DAY;
  const hi = to + 400 * DAY;
  const first = zoneOffset(lo, timeZone);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${escapeText(timeZone)}`,
    'BEGIN:STANDARD',
    `DTSTART:${basic(Math.min(lo + first, 0))}`,
    `TZOFFSETFROM:${basicOffset(first)}`,
    `TZOFFSETTO:${basicOffset(first)}`,
    'END:STANDARD',
  ];
  let previous = first;
  for (let t = lo + week; t <= hi + week; t += week) {
    const offset = zoneOffset(t, timeZone);
    if (offset === previous) continue;
    let low = t - week;
    let high = t;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (zoneOffset(mid, timeZone) === previous) low = mid;
      else high = mid;
    }
    const kind = offset > previous ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${basic(high + previous)}`,
      `TZOFFSETFROM:${basicOffset(previous)}`,
      `TZOFFSETTO:${basicOffset(offset)}`,
      `END:${kind}`,
    );
    previous = offset;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** Plain text of the model's sanitized HTML, keeping paragraph and line breaks. */
function htmlToPlain(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n')
    .split('\n')
    .map((line) => htmlToText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface IcsExportOptions {
  /** PRODID of the calendar (default `-//Dandelion//dandelion-widgets//EN`). */
  prodId?: string;
  /** Link for the URL property (default: the event's own `url`). */
  url?: string;
}

/**
 * One occurrence as a complete iCalendar text (CRLF, folded, escaped) for "add to my calendar":
 * a zoned time as `DTSTART;TZID=…` with a generated VTIMEZONE, an offset-only time in UTC, an
 * all-day event as `VALUE=DATE` with an exclusive end.
 */
export function occurrenceToIcs(occ: Occurrence, opts: IcsExportOptions = {}): string {
  const event = occ.event;
  const start = parseIso(occ.start);
  if (!start) throw new DandelionError('format', `occurrence start is not ISO 8601: ${occ.start}`);
  const end = occ.end === undefined ? undefined : parseIso(occ.end);
  const allDay = event.allDay || start.dateOnly;
  const timeZone = isValidTimeZone(event.timeZone) ? event.timeZone : undefined;
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId ?? '-//Dandelion//dandelion-widgets//EN')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const body = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${occ.occurrenceId}@dandelion`)}`,
    `DTSTAMP:${basic(Math.floor(Date.now() / 1000) * 1000)}Z`,
  ];

  const dateTime = (name: string, parts: IsoParts): string => {
    if (parts.offset === undefined) {
      // Floating: in the event's zone when it has one, else floating for every reader.
      return timeZone
        ? `${name};TZID=${timeZone}:${basic(parts.wall)}`
        : `${name}:${basic(parts.wall)}`;
    }
    const instant = parts.wall - parts.offset;
    if (timeZone) {
      return `${name};TZID=${timeZone}:${basic(instant + zoneOffset(instant, timeZone))}`;
    }
    return `${name}:${basic(instant)}Z`;
  };

  if (allDay) {
    const startDay = Math.floor(start.wall / DAY) * DAY;
    let endDay = end ? Math.floor(end.wall / DAY) * DAY : startDay + DAY;
    if (endDay <= startDay) endDay = startDay + DAY;
    body.push(
      `DTSTART;VALUE=DATE:${basic(startDay, true)}`,
      `DTEND;VALUE=DATE:${basic(endDay, true)}`,
    );
  } else {
    body.push(dateTime('DTSTART', start));
    if (end && !end.dateOnly) body.push(dateTime('DTEND', end));
    if (timeZone) {
      const from = isoToInstant(occ.start) as number;
      const to = isoToInstant(occ.end) ?? from;
      head.push(...vtimezone(timeZone, from, Math.max(from, to)));
    }
  }

  body.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) {
    const text = htmlToPlain(event.description);
    if (text) body.push(`DESCRIPTION:${escapeText(text)}`);
  }
  const place = [event.location?.name, event.location?.address].filter(Boolean).join(', ');
  if (place) body.push(`LOCATION:${escapeText(place)}`);
  const { lat, lng } = event.location ?? {};
  if (typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat + lng)) {
    body.push(`GEO:${lat};${lng}`);
  }
  const url = safeUrl(opts.url ?? event.url);
  if (url) body.push(`URL:${url}`);
  if (event.categories?.length) {
    body.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  body.push('END:VEVENT', 'END:VCALENDAR');
  return [...head, ...body].map(fold).join('\r\n') + '\r\n';
}
