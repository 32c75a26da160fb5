/**
 * The week's layout: the all-day row (all-day events and timed ones of 24 hours or more), each
 * day's timed events placed by time, and the hours the grid shows. Part of the week view's chunk;
 * worked out again only when the shown occurrences, the week or the lanes change.
 */
import { DAY } from '../core/time/wall.js';
import { layoutRows, type Row } from './row-layout.js';
import { layoutDay, type DayColumn } from './time-layout.js';
import type { EventPlaced } from './view-parts.js';

/** Most overlapping timed events side by side in a day. */
const maxColumns = 4;

export interface WeekLayout {
  row: Row<EventPlaced>;
  columns: DayColumn<EventPlaced>[];
  /** The time grid: from this hour up to (not including) that one. */
  firstHour: number;
  lastHour: number;
}

let last: { visible: EventPlaced[]; first: number; lanes: number; layout: WeekLayout } | undefined;

/** Lays out `visible` over the week from day `first`, `lanes` bars in the all-day row. */
export function layoutWeek(visible: EventPlaced[], first: number, lanes: number): WeekLayout {
  if (last && last.visible === visible && last.first === first && last.lanes === lanes) {
    return last.layout;
  }
  const long = (p: EventPlaced) => p.allDay || (p.endMs ?? 0) - (p.startMs ?? 0) >= DAY;
  const row = layoutRows(visible.filter(long), first, 1, 7, lanes)[0]!;
  const timed = visible.filter((p) => !long(p));
  const columns = Array.from({ length: 7 }, (_, i) => layoutDay(timed, first + i, maxColumns));
  let earliest = 8 * 60;
  let latest = 20 * 60;
  for (const column of columns) {
    for (const block of column.blocks) {
      earliest = Math.min(earliest, block.top);
      latest = Math.max(latest, block.bottom, block.top + 30);
    }
  }
  const layout = {
    row,
    columns,
    firstHour: Math.floor(earliest / 60),
    lastHour: Math.min(24, Math.ceil(latest / 60)),
  };
  last = { visible, first, lanes, layout };
  return layout;
}
