/**
 * Our own RRULE iterator for the rules community calendars really use (RFC 5545 §3.3.10):
 * FREQ=DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (numbered in MONTHLY and
 * YEARLY), BYMONTHDAY (negative too), BYMONTH, BYSETPOS and WKST. It runs on wall-clock times
 * (UTC milliseconds read as local time), as `series.ts` does. Any other rule — sub-daily FREQ,
 * BYWEEKNO, BYYEARDAY, BYHOUR…, odd values — is not ours: `parseRule` gives `undefined` and the
 * rule goes to ical.js, which is then loaded for it alone.
 *
 * As the RFC says, DTSTART is always the first instance and counts for COUNT, even when it does
 * not match the rule; dates that do not exist (Feb 30, the 31st of a short month) are skipped.
 */
import { DAY, daysInMonth, wallMs } from './time/wall.js';

export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A rule in our subset. Weekdays are 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export interface Rule {
  freq: Freq;
  interval: number;
  count?: number;
  /** UNTIL as written (wall ms of its fields); `utc` when it ends in Z. */
  until?: { wall: number; dateOnly: boolean; utc: boolean };
  /** [ordinal, weekday]: ordinal 0 means every such weekday. */
  byDay?: [number, number][];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  wkst: number;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** A comma list of whole numbers with |n| in 1…max, or undefined. */
function numbers(value: string, max: number): number[] | undefined {
  const list = value.split(',').map((item) => (/^[+-]?\d{1,3}$/.test(item) ? Number(item) : 0));
  return list.every((n) => n !== 0 && Math.abs(n) <= max) ? list : undefined;
}

const parsed = new Map<string, Rule | string | undefined>();

/**
 * The rule as ours, why it is unusable (a string, as series.ts's checks say it), or
 * `undefined` when ical.js must read it.
 */
export function parseRule(text: string): Rule | string | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const rule = parse(text);
  if (parsed.size > 1000) parsed.clear();
  parsed.set(text, rule);
  return rule;
}

function parse(text: string): Rule | string | undefined {
  const fields = new Map<string, string>();
  for (const part of text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (part === '') continue;
    const [key, value, extra] = part.toUpperCase().split('=');
    if (extra !== undefined || !value || fields.has(key)) return undefined;
    fields.set(key, value);
  }
  const freq = fields.get('FREQ');
  if (!freq) return 'no FREQ';
  if (!FREQS.includes(freq)) return `invalid frequency "${freq}"`;
  const rule: Rule = { freq: freq as Freq, interval: 1, wkst: 1 };
  for (const [key, value] of fields) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL':
      case 'COUNT': {
        if (!/^\d{1,6}$/.test(value)) return undefined;
        if (Number(value) < 1) return `${key} must be positive`;
        if (key === 'COUNT') rule.count = Number(value);
        else rule.interval = Number(value);
        break;
      }
      case 'UNTIL': {
        const m = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)(Z?))?$/.exec(value);
        if (!m) return undefined;
        const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((n) => Number(n ?? 0));
        if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
          return undefined;
        }
        rule.until = { wall: wallMs(y, mo, d, h, mi, s), dateOnly: !m[4], utc: m[7] === 'Z' };
        break;
      }
      case 'BYDAY': {
        rule.byDay = [];
        for (const item of value.split(',')) {
          const day = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item);
          const ordinal = Number(day?.[1] ?? 0);
          if (!day || (day[1] !== undefined && (ordinal === 0 || Math.abs(ordinal) > 5))) {
            return undefined;
          }
          rule.byDay.push([ordinal, WEEKDAYS.indexOf(day[2])]);
        }
        break;
      }
      case 'BYMONTHDAY':
      case 'BYMONTH':
      case 'BYSETPOS': {
        const list = numbers(value, key === 'BYMONTHDAY' ? 31 : key === 'BYMONTH' ? 12 : 366);
        if (!list || (key === 'BYMONTH' && list.some((n) => n < 0))) return undefined;
        if (key === 'BYMONTHDAY') rule.byMonthDay = list;
        else if (key === 'BYMONTH') rule.byMonth = list;
        else rule.bySetPos = list;
        break;
      }
      case 'WKST':
        if (!WEEKDAYS.includes(value)) return undefined;
        rule.wkst = WEEKDAYS.indexOf(value);
        break;
      default:
        return undefined;
    }
  }
  return check(rule);
}

/** series.ts's RFC 5545 §3.3.10 checks for our subset, and what we leave to ical.js. */
function check(rule: Rule): Rule | string | undefined {
  const { freq, byDay, byMonthDay, byMonth } = rule;
  const numbered = byDay?.some(([ordinal]) => ordinal !== 0);
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) return undefined;
  // Both ends given, or a BYSETPOS with nothing to pick from or in a DAILY/WEEKLY rule (ical.js
  // ignores it there): ical.js decides, as before.
  if (rule.count && rule.until) return undefined;
  if (rule.bySetPos && ((!byDay && !byMonthDay) || freq === 'DAILY' || freq === 'WEEKLY')) {
    return undefined;
  }
  if (freq === 'WEEKLY' && byMonthDay) return 'BYMONTHDAY cannot be WEEKLY';
  if (freq === 'WEEKLY' && numbered) return undefined;
  // ical.js reads a YEARLY BYMONTHDAY without BYMONTH in DTSTART's month only (RFC 5545: every
  // month); keep its answer for that rare rule, and for a yearly BYSETPOS.
  if (freq === 'YEARLY' && !byMonth && (byMonthDay || rule.bySetPos)) return undefined;
  if (freq !== 'DAILY') return rule;
  if (numbered) return 'a numbered BYDAY needs FREQ=MONTHLY or YEARLY';
  if (byMonthDay?.some((day) => day < 0)) {
    if (rule.interval > 1 || rule.bySetPos) {
      return 'a negative BYMONTHDAY needs FREQ=MONTHLY or YEARLY here';
    }
    // With INTERVAL 1 the same days come from MONTHLY, where BYMONTHDAY selects.
    return { ...rule, freq: 'MONTHLY' };
  }
  const months = byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (byMonthDay && !months.some((m) => byMonthDay.some((d) => d <= daysInMonth(2000, m)))) {
    return 'BYMONTHDAY never falls in BYMONTH';
  }
  return rule;
}

/** Day number (days since 1970-01-01) of a civil date. */
const dayOf = (y: number, m: number, d: number) => Math.round(wallMs(y, m, d) / DAY);
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** Whether `day` matches BYDAY, numbered within [first, last] (a month or a year). */
function matchesDay(rule: Rule, day: number, first: number, last: number): boolean {
  const wd = weekday(day);
  return rule.byDay!.some(
    ([ordinal, w]) =>
      w === wd &&
      (ordinal === 0 ||
        (ordinal > 0
          ? Math.floor((day - first) / 7) + 1 === ordinal
          : Math.floor((last - day) / 7) + 1 === -ordinal)),
  );
}

/** The days of the rule in month `m` of `y` (a numbered BYDAY counts within the month). */
function monthDays(rule: Rule, y: number, m: number, startDate: number): number[] {
  const length = daysInMonth(y, m);
  const first = dayOf(y, m, 1);
  let dates: number[];
  if (rule.byMonthDay) dates = rule.byMonthDay.map((d) => (d > 0 ? d : length + 1 + d));
  else if (rule.byDay) dates = Array.from({ length }, (_, i) => i + 1);
  else dates = [startDate];
  const days = dates.filter((d) => d >= 1 && d <= length).map((d) => first + d - 1);
  const last = first + length - 1;
  return rule.byDay ? days.filter((day) => matchesDay(rule, day, first, last)) : days;
}

/** The candidate days of period `k` (in units of the frequency from the start's period). */
function periodDays(rule: Rule, k: number, start: number): number[] {
  const date = new Date(start * DAY);
  const y0 = date.getUTCFullYear();
  const m0 = date.getUTCMonth() + 1;
  const d0 = date.getUTCDate();
  const inMonth = (day: number) =>
    !rule.byMonth || rule.byMonth.includes(new Date(day * DAY).getUTCMonth() + 1);
  switch (rule.freq) {
    case 'DAILY': {
      const day = start + k;
      const d = new Date(day * DAY);
      const ok =
        inMonth(day) &&
        (!rule.byMonthDay || rule.byMonthDay.includes(d.getUTCDate())) &&
        (!rule.byDay || rule.byDay.some(([, w]) => w === weekday(day)));
      return ok ? [day] : [];
    }
    case 'WEEKLY': {
      const weekStart = start - ((weekday(start) - rule.wkst + 7) % 7) + 7 * k;
      const weekdays = rule.byDay?.map(([, w]) => w) ?? [weekday(start)];
      return weekdays.map((w) => weekStart + ((w - rule.wkst + 7) % 7)).filter(inMonth);
    }
    case 'MONTHLY': {
      const index = y0 * 12 + m0 - 1 + k;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      return rule.byMonth && !rule.byMonth.includes(m) ? [] : monthDays(rule, y, m, d0);
    }
    case 'YEARLY': {
      const y = y0 + k;
      if (rule.byMonth) return rule.byMonth.flatMap((m) => monthDays(rule, y, m, d0));
      if (rule.byMonthDay) {
        return Array.from({ length: 12 }, (_, i) => monthDays(rule, y, i + 1, d0)).flat();
      }
      if (!rule.byDay) return monthDays(rule, y, m0, d0);
      const first = dayOf(y, 1, 1);
      const last = dayOf(y, 12, 31);
      const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      return days.filter((day) => matchesDay(rule, day, first, last));
    }
  }
}

/** Periods stepped through from the start of the series to reach `day`. */
function periodsTo(rule: Rule, start: number, day: number): number {
  const a = new Date(start * DAY);
  const b = new Date(day * DAY);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const span =
    rule.freq === 'DAILY'
      ? day - start
      : rule.freq === 'WEEKLY'
        ? Math.floor((day - start) / 7)
        : rule.freq === 'MONTHLY'
          ? months
          : Math.floor(months / 12);
  return Math.max(0, Math.floor(span / rule.interval) - 1);
}

/** No occurrence for this long: the rule cannot match any more (the calendar repeats in 400). */
const GIVE_UP = 400 * 366;

/**
 * The rule's wall times from `start` (its DTSTART, first), ascending, up to `until` (a wall time,
 * inclusive). Without COUNT, `from` lets the iteration begin near a later wall time instead of
 * replaying the series' history (DTSTART still comes first).
 */
export function* ruleWalls(
  rule: Rule,
  start: number,
  until: number | undefined,
  from = start,
): Generator<number, void, undefined> {
  if (until !== undefined && start > until) return;
  yield start;
  let emitted = 1;
  if (rule.count === 1) return;
  const startDay = Math.floor(start / DAY);
  const time = start - startDay * DAY;
  let n = rule.count ? 0 : periodsTo(rule, startDay, Math.floor(from / DAY));
  let lastDay = startDay + n * rule.interval * (rule.freq === 'WEEKLY' ? 7 : 1);
  for (; ; n++) {
    let days = [...new Set(periodDays(rule, n * rule.interval, startDay))].sort((a, b) => a - b);
    if (rule.bySetPos) {
      const set = days;
      days = rule.bySetPos.map((pos) => set[pos > 0 ? pos - 1 : set.length + pos]);
      days = [...new Set(days.filter((day) => day !== undefined))].sort((a, b) => a - b);
    }
    if (days.length === 0) {
      const period = { DAILY: 1, WEEKLY: 7, MONTHLY: 28, YEARLY: 365 }[rule.freq];
      if (n * rule.interval * period - (lastDay - startDay) > GIVE_UP) return;
      continue;
    }
    for (const day of days) {
      if (day <= startDay) continue;
      const wall = day * DAY + time;
      if ((until !== undefined && wall > until) || day > 2_932_896 /* 9999-12-31 */) return;
      yield wall;
      lastDay = day;
      if (rule.count && ++emitted >= rule.count) return;
    }
  }
}
