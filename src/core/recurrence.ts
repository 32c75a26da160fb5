/**
 * The occurrences of calendar events in a visible range. Events without recurrence are handled
 * here; recurring series are expanded by `series.ts`, which is loaded only when some event
 * recurs (and ical.js only when some event has an RRULE).
 */
import { DandelionError } from './errors.js';
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
  const recurring = events.filter(isRecurring);
  if (recurring.length > 0) {
    if (!seriesLoaded?.expandRecurring(recurring, from, to, max, collected)) return undefined;
  }
  for (const event of events) {
    if (isRecurring(event)) continue;
    const { startParts, endParts } = spanOf(event);
    if (!startParts) continue;
    const start = instantOf(startParts);
    let end = endParts && instantOf(endParts);
    if (end === undefined && (event.allDay || startParts.dateOnly)) {
      end = localInstant(startParts.wall + DAY);
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
