/**
 * Wall-clock arithmetic in IANA time zones, done with `Intl` only (no zone data of our own).
 *
 * Calendar days are plain integers ("day numbers": days since 1970-01-01 of the civil date), so
 * month grids and week rows are simple additions. Instants are epoch milliseconds. A {@link Zone}
 * turns an instant into wall-clock milliseconds ("the instant as if the zone were UTC") and back,
 * with DST gaps and overlaps resolved like Temporal's `compatible` disambiguation.
 */

import { zoneOffset } from '../core/time.js';

export const minuteMs = 60_000;
export const dayMs = 86_400_000;

/** Day number of a civil date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / dayMs);
}

/** Civil date parts of a day number. */
export function partsOf(day: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
} {
  const d = new Date(day * dayMs);
  // ISO weekday: 1 = Monday … 7 = Sunday.
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() || 7,
  };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  const p = partsOf(day);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Day number of a `YYYY-MM-DD` (a longer ISO string is cut to its date); `undefined` if invalid. */
export function parseDay(value: string | null | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  const back = partsOf(day);
  return back.month === mo && back.day === d ? day : undefined;
}

/** First day of the month containing `day`. */
export function monthStart(day: number): number {
  const p = partsOf(day);
  return dayOf(p.year, p.month, 1);
}

/** `day` moved by whole months, clamped to the target month's length (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const p = partsOf(day);
  const first = dayOf(p.year, p.month + months, 1);
  const fp = partsOf(first);
  const length = dayOf(fp.year, fp.month + 1, 1) - first;
  return first + Math.min(p.day, length) - 1;
}

/** Days in the month containing `day`. */
export function monthLength(day: number): number {
  const first = monthStart(day);
  return addMonths(first, 1) - first;
}

/** Start of the week containing `day`, for a week starting on ISO weekday `firstDay`. */
export function weekStart(day: number, firstDay: number): number {
  return day - ((weekdayOf(day) - firstDay + 7) % 7);
}

const zoneCache = new Map<string, Zone>();

/** Whether `name` is a time zone this browser knows. */
export function isValidZone(name: string | null | undefined): name is string {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

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
    if (!zone && isValidZone(name)) {
      zone = new Zone(name);
      zoneCache.set(name, zone);
    }
    return zone;
  }

  /** UTC offset in minutes at an instant (e.g. +480 for Asia/Shanghai). */
  offsetAt(ms: number): number {
    // The core's zone math (cached per UTC day) is the one the recurrence expansion uses too.
    return Math.round(zoneOffset(ms, this.name) / minuteMs);
  }

  /** The instant's wall-clock time in this zone, as milliseconds of a UTC-based clock. */
  toWall(ms: number): number {
    return ms + this.offsetAt(ms) * minuteMs;
  }

  /**
   * The instant of a wall-clock time. A time skipped by a DST jump moves forward by the jump;
   * a time that occurs twice resolves to the earlier instant (Temporal's `compatible`).
   */
  fromWall(wall: number): number {
    const before = this.offsetAt(wall - dayMs);
    const after = this.offsetAt(wall + dayMs);
    if (before === after) return wall - before * minuteMs;
    const early = wall - Math.max(before, after) * minuteMs;
    const late = wall - Math.min(before, after) * minuteMs;
    const earlyOk = this.toWall(early) === wall;
    const lateOk = this.toWall(late) === wall;
    if (earlyOk) return early;
    if (lateOk) return late;
    // In a gap: read the wall time with the offset from before the jump.
    return wall - before * minuteMs;
  }

  /** Day number of the instant's civil date in this zone. */
  dayOf(ms: number): number {
    return Math.floor(this.toWall(ms) / dayMs);
  }

  /** Minutes since local midnight of the instant in this zone. */
  minuteOf(ms: number): number {
    const wall = this.toWall(ms);
    return Math.floor((wall - Math.floor(wall / dayMs) * dayMs) / minuteMs);
  }

  /** The instant local midnight of a day begins (DST-safe: the first instant of that date). */
  startOfDay(day: number): number {
    return this.fromWall(day * dayMs);
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
  const wall = day * dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  const zone = m[8];
  if (!zone) return { kind: 'instant', ms: floatingZone.fromWall(wall) };
  if (zone.toUpperCase() === 'Z') return { kind: 'instant', ms: wall };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  return { kind: 'instant', ms: wall - offset * minuteMs };
}
