/**
 * Zones via `Intl` (no zone data of our own): the UTC offset of an IANA zone at an instant
 * (cached per UTC day, as `formatToParts` costs ~10 µs a call), wall time ↔ instant with DST gaps
 * and overlaps resolved like Temporal's `compatible` disambiguation, ISO 8601 with offsets, and a
 * {@link Zone} object for the calendar's layout. See `index.ts` for the whole vocabulary.
 */
import { parseDay } from './day.js';
import { DAY, MINUTE, pad2, isoWall, wallMs } from './wall.js';

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
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatter.formatToParts(base)) parts[type] = value;
  const field = (type: Intl.DateTimeFormatPartTypes, fallback: number) =>
    parts[type] === undefined ? fallback : Number(parts[type]);
  const year = field('year', 1970);
  // Years before 1 CE come as era "BC" with a positive year: 1 BC is year 0.
  const y = /^B/i.test(parts.era ?? '') ? 1 - year : year;
  const wall = wallMs(
    y,
    field('month', 1),
    field('day', 1),
    field('hour', 0),
    field('minute', 0),
    field('second', 0),
  );
  const offset = wall - base;
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

const zoneCache = new Map<string, Zone>();

/** The viewer's time zone (falls back to UTC where the browser does not say). */
export function viewerZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A time zone: offsets, wall-clock conversion and civil days for the calendar's layout. */
export class Zone {
  /** Canonical IANA name as the browser resolves it (e.g. `Asia/Calcutta` → `Asia/Kolkata`). */
  readonly name: string;

  private constructor(name: string) {
    this.name = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  }

  /** The zone for `name`, or `undefined` when the browser does not know it. */
  static get(name: string | null | undefined): Zone | undefined {
    if (!name) return undefined;
    let zone = zoneCache.get(name);
    if (!zone && isValidTimeZone(name)) {
      zone = new Zone(name);
      zoneCache.set(name, zone);
    }
    return zone;
  }

  /** UTC offset in minutes at an instant (e.g. +480 for Asia/Shanghai). */
  offsetAt(ms: number): number {
    return Math.round(zoneOffset(ms, this.name) / MINUTE);
  }

  /** The instant's wall-clock time in this zone, as milliseconds of a UTC-based clock. */
  toWall(ms: number): number {
    return ms + this.offsetAt(ms) * MINUTE;
  }

  /**
   * The instant of a wall-clock time. A time skipped by a DST jump moves forward by the jump;
   * a time that occurs twice resolves to the earlier instant (see {@link wallToInstant}).
   */
  fromWall(wall: number): number {
    return wallToInstant(wall, this.name);
  }

  /** Day number of the instant's civil date in this zone. */
  dayOf(ms: number): number {
    return Math.floor(this.toWall(ms) / DAY);
  }

  /** Minutes since local midnight of the instant in this zone. */
  minuteOf(ms: number): number {
    const wall = this.toWall(ms);
    return Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
  }

  /** The instant local midnight of a day begins (DST-safe: the first instant of that date). */
  startOfDay(day: number): number {
    return this.fromWall(day * DAY);
  }
}

const isoTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** An ISO 8601 value read as a calendar date or an instant. */
export type ParsedTime = { kind: 'date'; day: number } | { kind: 'instant'; ms: number };

/**
 * Reads an ISO date (`2026-11-25`) as a day, and a date-time as an instant. A date-time without
 * offset is a wall-clock time in `floatingZone` (the event's zone, else the display zone).
 * Returns `undefined` for anything else (impossible dates included).
 */
export function parseTime(value: unknown, floatingZone: Zone): ParsedTime | undefined {
  if (typeof value !== 'string') return undefined;
  const m = isoTime.exec(value.trim());
  if (!m) return undefined;
  const day = parseDay(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === undefined) return undefined;
  if (m[4] === undefined) return { kind: 'date', day };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const wall = day * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  const zone = m[8];
  if (!zone) return { kind: 'instant', ms: floatingZone.fromWall(wall) };
  if (zone.toUpperCase() === 'Z') return { kind: 'instant', ms: wall };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  return { kind: 'instant', ms: wall - offset * MINUTE };
}
