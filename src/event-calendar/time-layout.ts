/**
 * Lays out timed occurrences in one day column of the week view: minutes from midnight for the
 * vertical position, side-by-side columns for overlapping ones (per cluster of overlaps), and a
 * count of what did not fit in `maxColumns`.
 */
import type { Placed } from './placement.js';

/** Shortest block height in minutes, so a zero-length event is still a target. */
export const minimumMinutes = 30;

export interface TimedBlock<P extends Placed = Placed> {
  placed: P;
  /** Minutes after midnight (wall clock in the display zone). */
  top: number;
  /** Minutes after midnight where it ends on this day (≥ top). */
  bottom: number;
  column: number;
  columns: number;
  /** Began on an earlier day. */
  continuesBefore: boolean;
  /** Goes on to a later day. */
  continuesAfter: boolean;
}

export interface DayColumn<P extends Placed = Placed> {
  day: number;
  blocks: TimedBlock<P>[];
  /** Occurrences that did not fit side by side. */
  hidden: number;
}

/** Timed occurrences of `day` (shorter than a full day; longer ones belong in the all-day row). */
export function layoutDay<P extends Placed>(
  items: readonly P[],
  day: number,
  maxColumns: number,
): DayColumn<P> {
  const blocks: TimedBlock<P>[] = [];
  for (const placed of items) {
    if (placed.allDay || placed.startDay > day || placed.endDay < day) continue;
    const top = placed.startDay === day ? placed.startMinute : 0;
    const bottom = placed.endDay === day ? Math.max(top, placed.endMinute) : 1440;
    blocks.push({
      placed,
      top,
      bottom,
      column: 0,
      columns: 1,
      continuesBefore: placed.startDay < day,
      continuesAfter: placed.endDay > day,
    });
  }
  blocks.sort(
    (a, b) => a.top - b.top || b.bottom - a.bottom || (a.placed.key < b.placed.key ? -1 : 1),
  );

  const shown: TimedBlock<P>[] = [];
  let hidden = 0;
  let cluster: TimedBlock<P>[] = [];
  let clusterEnd = -1;
  // Bottom edge (with the minimum height) of the last block in each column of the cluster.
  let columnEnds: number[] = [];
  const close = () => {
    const width = Math.max(1, columnEnds.length);
    for (const block of cluster) block.columns = width;
    cluster = [];
    columnEnds = [];
  };
  for (const block of blocks) {
    const visualBottom = Math.max(block.bottom, block.top + minimumMinutes);
    if (block.top >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= block.top);
    if (column === -1) {
      if (columnEnds.length >= maxColumns) {
        hidden++;
        continue;
      }
      column = columnEnds.length;
      columnEnds.push(visualBottom);
    } else {
      columnEnds[column] = visualBottom;
    }
    block.column = column;
    cluster.push(block);
    shown.push(block);
    clusterEnd = Math.max(clusterEnd, visualBottom);
  }
  close();
  return { day, blocks: shown, hidden };
}
