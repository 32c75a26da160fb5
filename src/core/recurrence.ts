/**
 * The occurrences of calendar events in a visible range. Events without recurrence are handled
 * here; recurring series are expanded by `series.ts`, which is loaded only when some event
 * recurs (and ical.js only when some event has an RRULE).
 */
import { DandelionError } from './errors.js';
import { firstAtLeast } from './sorted.js';
import type { CalendarEvent } from './models.js';
import { DAY, localInstant, overlaps, parseIso, type IsoParts } from './time/wall.js';

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

/** An occurrence with its start instant, for sorting. */
export interface Collected {
  occurrence: Occurrence;
  instant: number;
}

function isRecurring(event: CalendarEvent): boolean {
  return (
    (typeof event.recurrence?.rrule === 'string' && event.recurrence.rrule.trim() !== '') ||
    (event.recurrence?.rdates?.length ?? 0) > 0
  );
}

/** An event's start and end taken apart, kept while the event keeps the same strings. */
interface ParsedSpan {
  start: string;
  end: string | undefined;
  startParts: IsoParts | undefined;
  endParts: IsoParts | undefined;
}

/** Parsed spans by event, so expanding another range does not parse every date again. */
const spans = new WeakMap<CalendarEvent, ParsedSpan>();

function spanOf(event: CalendarEvent): ParsedSpan {
  let span = spans.get(event);
  if (!span || span.start !== event.start || span.end !== event.end) {
    span = {
      start: event.start,
      end: event.end,
      startParts: parseIso(event.start),
      endParts: event.end === undefined ? undefined : parseIso(event.end),
    };
    spans.set(event, span);
  }
  return span;
}

/** As `isoToInstant`: floating times and dates are read in local time (not kept: it can change). */
function instantOf(parts: IsoParts): number {
  return parts.offset === undefined ? localInstant(parts.wall) : parts.wall - parts.offset;
}

/** An event without recurrence, with its instants (end as {@link overlaps} reads it). */
interface Single {
  event: CalendarEvent;
  start: number;
  end: number | undefined;
  /** Position in the events given, so a range keeps their order among equal starts. */
  position: number;
}

/** Longer events than this are few (festivals, terms): they are checked one by one. */
const LONG = 32 * DAY;

/**
 * The events of one list, split into series and single events, the single ones sorted by start:
 * a month's events are found by a binary search instead of reading every event of the list
 * again on every page of the calendar (issue #17: 5,000 events, month switches).
 */
class SingleIndex {
  readonly recurring: CalendarEvent[] = [];
  /** Single events no longer than {@link LONG}, by start; `starts` mirrors their starts. */
  private readonly short: Single[] = [];
  private readonly starts: number[] = [];
  private readonly long: Single[] = [];
  /** The longest of `short`. */
  private longest = 0;
  /** What each event's place depends on, as built (see {@link matches}). */
  private readonly built: unknown[] = [];

  constructor(
    events: readonly CalendarEvent[],
    /** The browser's zone when built: floating times and dates are read in it. */
    readonly localZone: string,
  ) {
    for (const e of events) this.built.push(e, e.start, e.end, e.recurrence);
    events.forEach((event, position) => {
      if (isRecurring(event)) return void this.recurring.push(event);
      const { startParts, endParts } = spanOf(event);
      if (!startParts) return;
      const start = instantOf(startParts);
      let end = endParts && instantOf(endParts);
      if (end === undefined && (event.allDay || startParts.dateOnly)) {
        end = localInstant(startParts.wall + DAY);
      }
      const single = { event, start, end, position };
      const length = end !== undefined && end > start ? end - start : 0;
      if (length > LONG) return void this.long.push(single);
      this.short.push(single);
      this.longest = Math.max(this.longest, length);
    });
    this.short.sort((a, b) => a.start - b.start || a.position - b.position);
    for (const single of this.short) this.starts.push(single.start);
  }

  /**
   * Whether `events` is still the list this index was built from: the same events, with the
   * same dates and recurrence (an event changed in place is read again, as before the index).
   */
  matches(events: readonly CalendarEvent[], zone: string): boolean {
    if (zone !== this.localZone || events.length * 4 !== this.built.length) return false;
    const built = this.built;
    for (let i = 0, k = 0; i < events.length; i++, k += 4) {
      const e = events[i];
      if (built[k] !== e || built[k + 1] !== e.start) return false;
      if (built[k + 2] !== e.end || built[k + 3] !== e.recurrence) return false;
    }
    return true;
  }

  /** The single events overlapping [from, to), in the order they were given. */
  within(from: number, to: number): Single[] {
    // A short event starting before `from - longest` has ended by `from`.
    const found = this.long.filter((s) => overlaps(s.start, s.end, from, to));
    for (let i = firstAtLeast(this.starts, from - this.longest); i < this.short.length; i++) {
      const s = this.short[i];
      if (s.start >= to) break;
      if (overlaps(s.start, s.end, from, to)) found.push(s);
    }
    return found.sort((a, b) => a.position - b.position);
  }
}

/** Indexes by list of events, kept while the list and the browser's zone stay the same. */
const indexes = new WeakMap<readonly CalendarEvent[], SingleIndex>();

function singlesOf(events: readonly CalendarEvent[]): SingleIndex {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let index = indexes.get(events);
  if (!index?.matches(events, zone)) {
    index = new SingleIndex(events, zone);
    indexes.set(events, index);
  }
  return index;
}

type SeriesModule = typeof import('./series.js');
let seriesLoaded: SeriesModule | undefined;

/**
 * The occurrences of `events` that overlap [rangeStart, rangeEnd), sorted by start. Events
 * without recurrence pass through as they are; recurring ones (RRULE, RDATE, EXDATE, overrides)
 * are expanded for the range only, by `series.ts`, loaded only when some event recurs.
 */
export async function expandOccurrences(
  events: readonly CalendarEvent[],
  rangeStart: Date,
  rangeEnd: Date,
  opts: ExpandOptions = {},
): Promise<Occurrence[]> {
  const now = expandOccurrencesNow(events, rangeStart, rangeEnd, opts);
  if (now) return now;
  const series = await import('./series.js').catch((error: unknown) => {
    throw new DandelionError('network', 'could not load the recurrence expander', undefined, {
      cause: error,
    });
  });
  seriesLoaded = series;
  await series.loadIcalFor(events.filter(isRecurring));
  return expandOccurrencesNow(events, rangeStart, rangeEnd, opts)!;
}

/**
 * Loads the code expanding `events` needs (the series expander; ical.js for the rare rules), when
 * some event recurs, so that {@link expandOccurrencesNow} answers at once afterwards. Never
 * rejects: a failed download shows when the occurrences are asked for.
 */
export async function prepareSeries(events: readonly CalendarEvent[]): Promise<void> {
  const recurring = events.filter(isRecurring);
  if (recurring.length === 0) return;
  try {
    seriesLoaded = await import('./series.js');
    await seriesLoaded.loadIcalFor(recurring);
  } catch {
    // expandOccurrences() loads it again and reports the failure.
  }
}

/**
 * As {@link expandOccurrences}, at once, without waiting for any code: undefined when the
 * events need the series expander (or ical.js) and it has not been loaded yet. A calendar
 * paging between months uses this so the new month never paints without its series.
 */
export function expandOccurrencesNow(
  events: readonly CalendarEvent[],
  rangeStart: Date,
  rangeEnd: Date,
  opts: ExpandOptions = {},
): Occurrence[] | undefined {
  const from = rangeStart.getTime();
  const to = rangeEnd.getTime();
  if (!(from < to)) return [];
  const max = Math.max(1, opts.maxPerSeries ?? 1000);
  const collected: Collected[] = [];
  const index = singlesOf(events);
  if (index.recurring.length > 0) {
    if (!seriesLoaded?.expandRecurring(index.recurring, from, to, max, collected)) return undefined;
  }
  for (const { event, start } of index.within(from, to)) {
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
