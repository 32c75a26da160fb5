/**
 * Occurrences for the visible range: asks the core's `expandOccurrences` (which lazy-loads
 * ical.js only when a series exists) and keeps the last few ranges, so paging back and forth
 * between months does not expand again. Once the code for series is loaded, a range is
 * expanded at once (`now`), so a new month never paints before its series are in it.
 */
import type { DandelionSelectDetail } from '../core/events.js';
import type { CalendarEvent } from '../core/models.js';
import type { Placed } from './placement.js';
import { expandOccurrences, expandOccurrencesNow, type Occurrence } from '../core/recurrence.js';

export type { Occurrence };

/** `dandelion-select` detail of `<event-calendar>`: the event and which occurrence was opened. */
export interface EventCalendarSelectDetail extends DandelionSelectDetail<CalendarEvent> {
  occurrence: Pick<Occurrence, 'occurrenceId' | 'start' | 'end' | 'recurring'>;
}

/** What the page is told when an occurrence is opened. */
export function selectDetail(placed: Placed<Occurrence>): EventCalendarSelectDetail {
  const { occurrenceId, start, end, recurring } = placed.occurrence;
  return { item: placed.event, occurrence: { occurrenceId, start, end, recurring } };
}

const kept = 6;

export class OccurrenceCache {
  private events: readonly CalendarEvent[] = [];
  private readonly ranges = new Map<string, Occurrence[]>();

  /**
   * Occurrences of `events` overlapping [start, end) (epoch ms), at once; undefined while the
   * code these events need (series expander, ical.js) is not loaded yet: then use {@link get}.
   */
  now(events: readonly CalendarEvent[], start: number, end: number): Occurrence[] | undefined {
    if (events !== this.events) {
      this.events = events;
      this.ranges.clear();
    }
    const key = `${start}/${end}`;
    let result = this.ranges.get(key);
    if (!result) {
      result = expandOccurrencesNow(events, new Date(start), new Date(end));
      if (result) this.keep(key, result);
    }
    return result;
  }

  /** As {@link now}, loading the code first when needed. A failed load is not kept. */
  async get(events: readonly CalendarEvent[], start: number, end: number): Promise<Occurrence[]> {
    const ready = this.now(events, start, end);
    if (ready) return ready;
    const result = await expandOccurrences(events, new Date(start), new Date(end));
    if (events === this.events) this.keep(`${start}/${end}`, result);
    return result;
  }

  private keep(key: string, result: Occurrence[]): void {
    this.ranges.set(key, result);
    if (this.ranges.size > kept) this.ranges.delete(this.ranges.keys().next().value!);
  }
}
