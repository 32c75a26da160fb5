/**
 * Lays out day-spanning bars in rows of consecutive days (a month grid's weeks, a week's all-day
 * row): each occurrence becomes one segment per row it touches, stacked in lanes; what does not
 * fit in `maxLanes` is counted per day for the "+N more" button.
 */
import type { Placed } from './placement.js';

/** One bar inside one row. */
export interface Segment<P extends Placed = Placed> {
  placed: P;
  /** Column (0-based) of the first day of the bar in this row. */
  column: number;
  /** Number of days (columns) the bar covers in this row. */
  span: number;
  lane: number;
  /** The occurrence began before this row (continuation bar). */
  continuesBefore: boolean;
  /** The occurrence goes on after this row. */
  continuesAfter: boolean;
}

/** A row of days with its visible segments (grouped by first column) and hidden counts. */
export interface Row<P extends Placed = Placed> {
  /** Day number of the first column. */
  start: number;
  /** Visible segments by first column. */
  segments: Segment<P>[][];
  /** Occurrences touching each day (visible or not). */
  counts: number[];
  /** Occurrences touching each day that did not fit in the lanes. */
  hidden: number[];
  /** Lanes in use (≤ maxLanes). */
  lanes: number;
}

function segmentOrder(a: Segment, b: Segment): number {
  const pa = a.placed;
  const pb = b.placed;
  return (
    a.column - b.column ||
    b.span - a.span ||
    Number(pb.allDay) - Number(pa.allDay) ||
    (pa.startMs ?? 0) - (pb.startMs ?? 0) ||
    (pa.event.title < pb.event.title ? -1 : pa.event.title > pb.event.title ? 1 : 0) ||
    (pa.key < pb.key ? -1 : pa.key > pb.key ? 1 : 0)
  );
}

/**
 * Lays out `items` over `rows` rows of `columns` days starting at day `start`. Items outside
 * the range are ignored. Each row keeps at most `maxLanes` lanes.
 */
export function layoutRows<P extends Placed>(
  items: readonly P[],
  start: number,
  rows: number,
  columns: number,
  maxLanes: number,
): Row<P>[] {
  const buckets: Segment<P>[][] = Array.from({ length: rows }, () => []);
  const end = start + rows * columns - 1;
  for (const placed of items) {
    if (placed.endDay < start || placed.startDay > end) continue;
    const first = Math.max(placed.startDay, start);
    const last = Math.min(placed.endDay, end);
    for (
      let row = Math.floor((first - start) / columns);
      row <= Math.floor((last - start) / columns);
      row++
    ) {
      const rowStart = start + row * columns;
      const from = Math.max(first, rowStart);
      const to = Math.min(last, rowStart + columns - 1);
      buckets[row].push({
        placed,
        column: from - rowStart,
        span: to - from + 1,
        lane: -1,
        continuesBefore: placed.startDay < from,
        continuesAfter: placed.endDay > to,
      });
    }
  }
  return buckets.map((segments, row) => {
    segments.sort(segmentOrder);
    const counts = new Array<number>(columns).fill(0);
    const shown = new Array<number>(columns).fill(0);
    // occupied[lane][column]
    const occupied: boolean[][] = Array.from({ length: maxLanes }, () =>
      new Array<boolean>(columns).fill(false),
    );
    const visible: Segment<P>[][] = Array.from({ length: columns }, () => []);
    let lanes = 0;
    for (const segment of segments) {
      const to = segment.column + segment.span;
      for (let c = segment.column; c < to; c++) counts[c]++;
      let lane = 0;
      for (; lane < maxLanes; lane++) {
        let free = true;
        for (let c = segment.column; c < to && free; c++) free = !occupied[lane][c];
        if (free) break;
      }
      if (lane === maxLanes) continue;
      segment.lane = lane;
      lanes = Math.max(lanes, lane + 1);
      for (let c = segment.column; c < to; c++) {
        occupied[lane][c] = true;
        shown[c]++;
      }
      visible[segment.column].push(segment);
    }
    return {
      start: start + row * columns,
      segments: visible,
      counts,
      hidden: counts.map((n, c) => n - shown[c]),
      lanes,
    };
  });
}
