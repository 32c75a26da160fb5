/**
 * Wall time: a wall-clock date and time as milliseconds counted as if it were UTC ("wall ms"),
 * so dates and local times are plain arithmetic with no zone involved; and the ISO 8601 shapes
 * the models use, taken apart and put together. See `index.ts` for the whole vocabulary.
 */

/** One day in milliseconds. */
export const DAY = 86_400_000;
/** One minute in milliseconds. */
export const MINUTE = 60_000;

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
