/**
 * Day numbers: a civil date as a plain integer, days since 1970-01-01, so month grids and week
 * rows are simple additions. A day number times {@link DAY} is that date's midnight in wall ms.
 * See `index.ts` for the whole vocabulary.
 */
import { DAY } from './wall.js';

/** Day number of a civil date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

/** Civil date parts of a day number. */
export function partsOf(day: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
} {
  const d = new Date(day * DAY);
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

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function isoDate(day: number): string {
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
