/**
 * Calendar time arithmetic shared by the calendar readers, recurrence expansion and the calendar
 * itself: wall-clock times ("wall ms"), IANA zone offsets from `Intl` (cached per UTC day, as
 * `formatToParts` costs ~10 µs a call), ISO 8601 parsing and formatting.
 */
// ---------------------------------------------------------------------------------------------
// Wall-clock times and zones
// ---------------------------------------------------------------------------------------------

/** One day in milliseconds. */
export const DAY = 86_400_000;

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
export const pad2 = (n: number) => twoDigits[n] ?? String(n).padStart(2, '0');
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

export function daysInMonth(y: number, mo: number): number {
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
export function localInstant(wall: number): number {
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

/** Whether [start, end) overlaps [from, to); an event without a usable end is a point in time. */
export function overlaps(
  start: number,
  end: number | undefined,
  from: number,
  to: number,
): boolean {
  if (end !== undefined && end > start) return start < to && end > from;
  return start >= from && start < to;
}
