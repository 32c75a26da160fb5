/**
 * Expansion of recurring series (RRULE, RDATE, EXDATE, overrides) for a range. A series is
 * expanded in its own wall-clock time and each occurrence is then placed with the offset valid on
 * that day, so a weekly 09:30 series stays 09:30 local across a DST change (RFC 5545 §3.3.5).
 *
 * This module is loaded only when some event recurs. Everyday rules run on our own iterator
 * (`rrule.ts`); ical.js (~23 kB gz) is loaded only for a rule outside that subset (sub-daily
 * FREQ, BYWEEKNO, BYYEARDAY, BYHOUR…): `loadIcal()` is the one place that imports it, dynamically.
 */
import type ICAL from 'ical.js';
import { DandelionError } from './errors.js';
import type { CalendarEvent } from './models.js';
import type { Collected, Occurrence } from './recurrence.js';
import { parseRule, ruleWalls } from './rrule.js';
import { firstAtLeast } from './sorted.js';
import {
  DAY,
  daysInMonth,
  formatOffsetIso,
  instantToZonedIso,
  isValidTimeZone,
  isoToInstant,
  isoWall,
  localInstant,
  overlaps,
  parseIso,
  wallMs,
  wallToInstant,
  zoneOffset,
  type IsoParts,
} from './time/index.js';

export type IcalModule = typeof ICAL;
type IcalRecur = ICAL.Recur;
type IcalTime = ICAL.Time;

let icalModule: Promise<IcalModule> | undefined;
let icalLoaded: IcalModule | undefined;

/** Loads ical.js on first use (one request per page). Fails with a `network` DandelionError. */
export function loadIcal(): Promise<IcalModule> {
  icalModule ??= import('ical.js').then(
    (module) => (icalLoaded = module.default),
    (error: unknown) => {
      icalModule = undefined;
      throw new DandelionError('network', 'could not load ical.js', undefined, { cause: error });
    },
  );
  return icalModule;
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

export function hasRule(event: CalendarEvent): boolean {
  return typeof event.recurrence?.rrule === 'string' && event.recurrence.rrule.trim() !== '';
}

/** Whether the event's RRULE is outside our own iterator's subset, so ical.js must run it. */
export function needsIcal(event: CalendarEvent): boolean {
  return hasRule(event) && parseRule(event.recurrence!.rrule as string) === undefined;
}

export function toSeries(event: CalendarEvent): Series | undefined {
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

/** Series by event, with the fields {@link toSeries} read (an event changed in place is read again). */
const seriesKept = new WeakMap<
  CalendarEvent,
  { start: string; end?: string; allDay: boolean; timeZone?: string; series?: Series }
>();

/** {@link toSeries}, read once per event: paging months reads every series' dates again otherwise. */
function seriesOf(event: CalendarEvent): Series | undefined {
  const { start, end, allDay, timeZone } = event;
  const kept = seriesKept.get(event);
  if (
    kept?.start === start &&
    kept.end === end &&
    kept.allDay === allDay &&
    kept.timeZone === timeZone
  ) {
    return kept.series;
  }
  const series = toSeries(event);
  seriesKept.set(event, { start, end, allDay, timeZone, series });
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
 * UNTIL (the wall ms of its fields) in the series' wall-clock time, inclusive: a date UNTIL
 * keeps its whole day, a UTC one moves into the series' zone or offset.
 */
function untilWall(series: Series, wall: number, dateOnly: boolean, utc: boolean): number {
  const isDate = series.mode === 'date';
  if (dateOnly || isDate) return Math.floor(wall / DAY) * DAY + (isDate ? 0 : DAY - 1000);
  if (utc && series.mode === 'zone') return wall + zoneOffset(wall, series.timeZone as string);
  if (utc && series.mode === 'offset') return wall + series.offset;
  return wall;
}

/** A rule ready for one series, or why it is unusable. */
interface PreparedRule {
  problem?: string;
  /**
   * The rule's wall times, ascending, from the series' start; without COUNT they may begin
   * near the wall time `from` instead (whole periods on, so the rule keeps its phase).
   */
  walls?: (from: number) => Iterator<number>;
  /**
   * The wall times from the series' own start so far and the iterator to continue with
   * (absent once the rule ended); filled on first use, as far as the ranges asked need.
   * `null`: not kept (more than {@link WALLS_KEPT} times, or not ascending).
   */
  kept?: { list: number[]; iterator?: Iterator<number> } | null;
}

/** Prepares an RRULE for a series: our own iterator when the rule is in its subset, else ical.js. */
function prepareRule(ical: IcalModule | undefined, rrule: string, series: Series): PreparedRule {
  const own = parseRule(rrule);
  if (typeof own === 'string') return { problem: own };
  if (own) {
    const { until: u } = own;
    const until = u && untilWall(series, u.wall, u.dateOnly, u.utc);
    if (until !== undefined && until < series.startWall) {
      return { problem: 'no occurrences (UNTIL before the start?)' };
    }
    return { walls: (from) => ruleWalls(own, series.startWall, until, from) };
  }
  if (!ical) return { problem: 'ical.js is not loaded' };
  const recur = prepareIcalRule(ical, rrule, series);
  return typeof recur === 'string'
    ? { problem: recur }
    : { walls: (from) => icalWalls(ical, recur, series, from) };
}

/** ical.js's wall times for a rule (see {@link PreparedRule.walls}). */
function* icalWalls(ical: IcalModule, recur: IcalRecur, series: Series, from: number) {
  const isDate = series.mode === 'date';
  let startWall = series.startWall;
  const period = PERIOD[recur.freq];
  if (period && !recur.count) {
    // Jump whole periods towards the range, so an old DAILY/SECONDLY series does not replay
    // its whole history. Whole periods keep the rule's phase (weekday, interval parity).
    const step = period * Math.max(1, recur.interval || 1);
    const target = from - step;
    if (target > startWall) startWall += Math.floor((target - startWall) / step) * step;
  }
  try {
    const iterator = recur.iterator(icalTime(ical, startWall, isDate));
    for (let time = iterator.next(); time; time = iterator.next()) yield timeWall(time, isDate);
  } catch {
    // A rule ical.js rejects mid-way: keep the occurrences found so far.
  }
}

/**
 * Parses an RRULE for a series with ical.js and rewrites UNTIL into the series' wall-clock
 * time (the iterator runs on floating times). Returns why, when the rule is unusable.
 */
function prepareIcalRule(ical: IcalModule, rrule: string, series: Series): IcalRecur | string {
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
    const wall = untilWall(
      series,
      timeWall(until, false),
      until.isDate,
      until.zone?.tzid === 'UTC',
    );
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
 * Prepared rules by everything `prepareRule` reads (rule text, series mode, zone, offset, start),
 * so paging from month to month does not parse, check and run every series again. A rule
 * object is never changed once prepared (ical.js iterators copy its parts).
 */
const preparedRules = new Map<string, PreparedRule>();
const RULES_KEPT = 5000;
/** Most wall times kept for one rule; a longer series is iterated for each range instead. */
const WALLS_KEPT = 500;

function preparedRule(ical: IcalModule | undefined, rrule: string, series: Series): PreparedRule {
  const key = `${series.mode}|${series.timeZone ?? ''}|${series.offset}|${series.startWall}|${rrule}`;
  let prepared = preparedRules.get(key);
  if (!prepared) {
    prepared = prepareRule(ical, rrule, series);
    if (preparedRules.size >= RULES_KEPT) preparedRules.delete(preparedRules.keys().next().value!);
    preparedRules.set(key, prepared);
  }
  return prepared;
}

/**
 * The rule's wall times from the series' start, known at least past `until` (or to the rule's
 * end, or to where ical.js throws, as the expansion stops there too); `null` when they are not
 * kept for this rule.
 */
function wallsUpTo(prepared: PreparedRule, series: Series, until: number): number[] | null {
  if (prepared.kept === null || !prepared.walls) return null;
  const kept = (prepared.kept ??= { list: [], iterator: prepared.walls(series.startWall) });
  const list = kept.list;
  while (kept.iterator && !(list.length > 0 && list[list.length - 1] > until)) {
    const step = kept.iterator.next();
    if (step.done) {
      kept.iterator = undefined;
      break;
    }
    const wall = step.value;
    if (list.length >= WALLS_KEPT || (list.length > 0 && wall <= list[list.length - 1])) {
      prepared.kept = null;
      return null;
    }
    list.push(wall);
  }
  return list;
}

/**
 * Why an RRULE cannot be expanded for an event starting at `start` (ISO 8601), or `undefined`
 * when it can: it must parse, pass the safety checks and give occurrences.
 */
export function recurrenceProblem(
  ical: IcalModule | undefined,
  rrule: string,
  start: string,
  allDay: boolean,
): string | undefined {
  const series = toSeries({ id: '', title: '', start, allDay, categories: [] });
  if (!series) return 'no valid start';
  return prepareRule(ical, rrule, series).problem;
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

export function expandSeries(
  ical: IcalModule | undefined,
  series: Series,
  from: number,
  to: number,
  max: number,
  out: Collected[],
): void {
  const { event } = series;
  const recurrence = event.recurrence ?? {};
  const prepared = hasRule(event)
    ? preparedRule(ical, recurrence.rrule as string, series)
    : undefined;
  const walls = prepared?.walls;
  const length =
    series.mode === 'date' ? (series.durationDays ?? 1) * DAY : (series.durationMs ?? 0);
  // Wall and instant differ by a zone offset (under a day): walls this far outside the range
  // cannot give an occurrence in it, and one past the end stops the expansion as below.
  const kept = walls ? wallsUpTo(prepared!, series, to + 2 * DAY) : null;
  const extra =
    (recurrence.rdates?.length ?? 0) > 0 || Object.keys(recurrence.overrides ?? {}).length > 0;
  // Most series of a long archive are over before the range or start after it: done at once.
  if (
    !extra &&
    (series.startWall > to + 2 * DAY ||
      (kept && !prepared!.kept?.iterator && !(kept.at(-1)! >= from - length - 2 * DAY)))
  ) {
    return;
  }
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
  // A series whose only rule is unusable is shown once, as a plain event.
  const recurring = walls !== undefined || (recurrence.rdates?.length ?? 0) > 0;
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

  if (walls) {
    if (kept) {
      for (let i = firstAtLeast(kept, from - length - 2 * DAY); i < kept.length; i++) {
        if (emitted >= max || !visit(kept[i])) break;
      }
    } else {
      // Slack for an offset change (DST) between the range start and where iteration begins.
      const shift = zoneShift(series, from);
      const drift = Math.abs(shift - zoneShift(series, from - length - DAY));
      let steps = 0;
      for (const wall of { [Symbol.iterator]: () => walls(from + shift - length - drift) }) {
        if (++steps > ITERATION_LIMIT || emitted >= max || !visit(wall)) break;
      }
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

/** Loads ical.js when some of `events` has an RRULE outside our own subset (see {@link loadIcal}). */
export async function loadIcalFor(events: readonly CalendarEvent[]): Promise<void> {
  if (events.some(needsIcal)) await loadIcal();
}

/**
 * Adds the occurrences of every recurring event among `events` in [from, to) to `out`, at most
 * `max` per series, at once. Returns false (collecting nothing) when some event has an RRULE that
 * needs ical.js and it is not loaded yet: {@link loadIcalFor} first.
 */
export function expandRecurring(
  events: readonly CalendarEvent[],
  from: number,
  to: number,
  max: number,
  out: Collected[],
): boolean {
  if (!icalLoaded && events.some(needsIcal)) return false;
  const ical = icalLoaded;
  for (const event of events) {
    const series = seriesOf(event);
    if (series) expandSeries(ical, series, from, to, max, out);
  }
  return true;
}
