/**
 * Occurrences for the visible range: asks the core's `expandOccurrences` (which lazy-loads
 * ical.js only when a series exists) and keeps the last few ranges, so paging back and forth
 * between months does not expand again.
 */
import type { CalendarEvent } from '../core/models.js';
import { expandOccurrences, type Occurrence } from '../core/recurrence.js';

export type { Occurrence };

const kept = 6;

export class OccurrenceCache {
  private events: readonly CalendarEvent[] = [];
  private readonly ranges = new Map<string, Promise<Occurrence[]>>();

  /** Occurrences of `events` overlapping [start, end) (epoch ms). */
  get(events: readonly CalendarEvent[], start: number, end: number): Promise<Occurrence[]> {
    if (events !== this.events) {
      this.events = events;
      this.ranges.clear();
    }
    const key = `${start}/${end}`;
    let result = this.ranges.get(key);
    if (!result) {
      result = expandOccurrences(events as CalendarEvent[], new Date(start), new Date(end));
      this.ranges.set(key, result);
      if (this.ranges.size > kept) this.ranges.delete(this.ranges.keys().next().value!);
      // A failed expansion is not kept: the next call tries again.
      result.catch(() => this.ranges.delete(key));
    }
    return result;
  }
}
