/**
 * The list view's data: occurrences from a day on, in order, grouped by the day they are shown
 * under (their start, or the first listed day for one already under way).
 */
import type { Placed } from './placement.js';

export interface DayGroup<P extends Placed = Placed> {
  day: number;
  items: P[];
}

/** Occurrences still running on or after `from`, in display order. */
export function upcoming<P extends Placed>(items: readonly P[], from: number): P[] {
  return items
    .filter((p) => p.endDay >= from)
    .sort(
      (a, b) =>
        Math.max(a.startDay, from) - Math.max(b.startDay, from) ||
        Number(b.allDay) - Number(a.allDay) ||
        (a.startMs ?? 0) - (b.startMs ?? 0) ||
        (a.event.title < b.event.title ? -1 : a.event.title > b.event.title ? 1 : 0) ||
        (a.key < b.key ? -1 : 1),
    );
}

/** Groups an ordered list by shown day. */
export function groupByDay<P extends Placed>(items: readonly P[], from: number): DayGroup<P>[] {
  const groups: DayGroup<P>[] = [];
  for (const item of items) {
    const day = Math.max(item.startDay, from);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
