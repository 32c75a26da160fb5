/**
 * The list view's data: occurrences from a day on, in order, grouped by the day they are shown
 * under (their start, or the first listed day for one already under way).
 */
import type { ItemsSummary } from './items-summary.js';
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

/** How far ahead the list looks (days from its first day), tried in turn as it runs out. */
const listWindows = [92, 184, 366, 731, 1827];

/**
 * The list view's paging: how many events it shows (pages of `page-size`, "Show more" adds one)
 * and how far ahead it looks for them (a longer window once the current one runs out).
 */
export class ListPaging {
  /** Events shown. */
  limit: number;
  private window = 0;

  constructor(private pageSize = 20) {
    this.limit = this.page;
  }

  private get page(): number {
    return Math.max(1, this.pageSize || 20);
  }

  /** Back to the first page and window (the list moved to another date). */
  reset(): void {
    this.limit = this.page;
    this.window = 0;
  }

  /** Another `page-size`: the first page of that size. */
  setPageSize(pageSize: number): void {
    this.pageSize = pageSize;
    this.limit = this.page;
  }

  /** Back to the first window (new data). */
  resetWindow(): void {
    this.window = 0;
  }

  /** The days the list covers from `first`: its window, up to `maxDay`. */
  range(first: number, maxDay: number | undefined): [number, number] {
    const end = first + listWindows[this.window] - 1;
    return [first, maxDay === undefined ? end : Math.min(end, maxDay)];
  }

  /**
   * Whether looking further ahead than `last` may find more: a longer window is left, `maxDay`
   * is not reached, and some event recurs or lies later.
   */
  canWiden(last: number, maxDay: number | undefined, items: ItemsSummary): boolean {
    if (this.window >= listWindows.length - 1) return false;
    if (maxDay !== undefined && last >= maxDay) return false;
    return items.hasSeries || items.latestDay > last;
  }

  /**
   * Looks further ahead. With `found` events in the current window (and `found` short of the
   * limit), skips the windows that would still fall short at the density found so far: a list of
   * thousands is expanded once or twice, not once per window.
   */
  widen(found = 0): void {
    const current = listWindows[this.window];
    let next = this.window + 1;
    if (found > 0) {
      while (next < listWindows.length - 1 && (found * listWindows[next]) / current < this.limit) {
        next++;
      }
    }
    this.window = Math.min(next, listWindows.length - 1);
  }

  /** "Show more": one more page. */
  more(): void {
    this.limit += this.page;
  }
}
