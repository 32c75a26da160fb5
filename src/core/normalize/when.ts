/**
 * When an event happens: dates, date-times and ranges as people write them (`14:00-16:00`,
 * `11月25日至27日`, `2026-11-25 下午2:00-4:00`); single dates and times are read by `dates.ts`.
 */
import { asString, isDateOnly, toIsoDate } from '../fields.js';
import { DATE_THEN_REST, nfkc, parseTime, toIso } from './dates.js';

const RANGE = /^(.+?)\s*(?:\s-\s|–|—|~|至|到|\sto\s)\s*(.+)$/i;
const TIME_RANGE = /^(.+?)\s*(?:-|–|—|~|至|到|\sto\s)\s*(.+)$/i;

export function parseTimeRange(value: string): { start: string; end?: string } | undefined {
  const single = parseTime(value);
  if (single) return { start: single.time };
  const m = TIME_RANGE.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const start = parseTime(m[1]);
  const end = start && parseTime(m[2], start.period);
  return start && end ? { start: start.time, end: end.time } : undefined;
}

export interface When {
  start: string;
  end?: string;
}

/** A date, a date-time, or a range of them (`2026-11-25 14:00-16:00`, `11月25日至27日`…). */
export function readWhen(value: unknown, baseDate?: string): When | undefined {
  const iso = toIso(value);
  if (iso) return { start: iso };
  const s = nfkc(asString(value));
  if (!s) return undefined;
  // A date followed by a time range.
  const dt = DATE_THEN_REST.exec(s);
  if (dt) {
    const date = toIsoDate(dt[1]);
    const times = parseTimeRange(dt[2]);
    if (date && times) {
      return { start: `${date}T${times.start}`, end: times.end && `${date}T${times.end}` };
    }
  }
  // A time (range) on the date given in another column.
  if (baseDate) {
    const times = parseTimeRange(s);
    if (times) {
      return { start: `${baseDate}T${times.start}`, end: times.end && `${baseDate}T${times.end}` };
    }
  }
  // Two dates.
  const range = RANGE.exec(s);
  if (range) {
    const start = toIso(range[1]);
    if (start) {
      const date = start.slice(0, 10);
      const endTime = parseTime(range[2]);
      const end = toIso(range[2]) ?? (endTime ? `${date}T${endTime.time}` : undefined);
      return { start, end };
    }
  }
  return undefined;
}

/** Milliseconds of an ISO string for ordering; zone-less values read as local time. */
export function instant(iso: string): number {
  return Date.parse(isDateOnly(iso) ? `${iso}T00:00:00` : iso);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const zoneCache = new Map<string, boolean>();

export function validTimeZone(zone: string): boolean {
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (zoneCache.size > 500) zoneCache.clear();
    zoneCache.set(zone, ok);
  }
  return ok;
}
