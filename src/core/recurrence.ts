/**
 * The occurrences of calendar events in a visible range. Events without recurrence are handled
 * here; recurring series are expanded by `series.ts`, which is loaded only when some event
 * recurs (and ical.js only when some event has an RRULE).
 */
import { DandelionError } from './errors.js';
import type { CalendarEvent } from './models.js';
import { DAY, isoToInstant, localInstant, overlaps, parseIso, type IsoParts } from './time.js';

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
  const from = rangeStart.getTime();
  const to = rangeEnd.getTime();
  if (!(from < to)) return [];
  const max = Math.max(1, opts.maxPerSeries ?? 1000);
  const collected: Collected[] = [];
  const recurring = events.filter(isRecurring);
  if (recurring.length > 0) {
    const { expandRecurring } = await import('./series.js').catch((error: unknown) => {
      throw new DandelionError('network', 'could not load the recurrence expander', undefined, {
        cause: error,
      });
    });
    await expandRecurring(recurring, from, to, max, collected);
  }
  for (const event of events) {
    if (isRecurring(event)) continue;
    const start = isoToInstant(event.start);
    if (start === undefined) continue;
    let end = isoToInstant(event.end);
    if (end === undefined && (event.allDay || parseIso(event.start)?.dateOnly)) {
      end = localInstant((parseIso(event.start) as IsoParts).wall + DAY);
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
