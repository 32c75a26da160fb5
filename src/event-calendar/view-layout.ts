/**
 * The layout of the view in effect, from the occurrences it shows: the month grid's rows, the
 * week's all-day row, day columns and hours, or the list's order. DOM-free.
 */
import { DAY } from '../core/time/wall.js';
import { inCategories } from './items-summary.js';
import { upcoming } from './list-layout.js';
import type { CalendarView } from './navigation-controller.js';
import { layoutRows, type Row } from './row-layout.js';
import { layoutDay, type DayColumn } from './time-layout.js';
import type { EventPlaced } from './view-parts.js';

/** Most overlapping timed events side by side in a week-view day. */
const maxColumns = 4;

export interface ViewLayout {
  monthRows: Row<EventPlaced>[];
  weekRow?: Row<EventPlaced>;
  weekColumns: DayColumn<EventPlaced>[];
  /** The week's time grid: from this hour to that one. */
  firstHour: number;
  lastHour: number;
  listItems: EventPlaced[];
}

/** Lays out `visible` for `view` over the days [first, last], `lanes` bars per day. */
export function layoutView(
  view: CalendarView,
  visible: EventPlaced[],
  first: number,
  last: number,
  lanes: number,
): ViewLayout {
  const layout: ViewLayout = {
    monthRows: [],
    weekColumns: [],
    firstHour: 8,
    lastHour: 20,
    listItems: [],
  };
  switch (view) {
    case 'month':
      layout.monthRows = layoutRows(visible, first, (last - first + 1) / 7, 7, lanes);
      break;
    case 'week': {
      // Timed events of 24 hours or more read better as bars in the all-day row.
      const long = (p: EventPlaced) => p.allDay || (p.endMs ?? 0) - (p.startMs ?? 0) >= DAY;
      layout.weekRow = layoutRows(visible.filter(long), first, 1, 7, lanes)[0];
      const timed = visible.filter((p) => !long(p));
      layout.weekColumns = Array.from({ length: 7 }, (_, i) =>
        layoutDay(timed, first + i, maxColumns),
      );
      let earliest = 8 * 60;
      let latest = 20 * 60;
      for (const column of layout.weekColumns) {
        for (const block of column.blocks) {
          earliest = Math.min(earliest, block.top);
          latest = Math.max(latest, block.bottom, block.top + 30);
        }
      }
      layout.firstHour = Math.floor(earliest / 60);
      layout.lastHour = Math.min(24, Math.ceil(latest / 60));
      break;
    }
    case 'list':
      layout.listItems = upcoming(visible, first);
      break;
  }
  return layout;
}

/** What a view shows: the occurrences in the active categories, by key, and their layout. */
export interface Shown {
  visible: EventPlaced[];
  byKey: Map<string, EventPlaced>;
  layout: ViewLayout;
}

/**
 * {@link layoutView} of the occurrences in the active categories, worked out again only when
 * one of its inputs changed: a long list re-renders as it scrolls, and 5,000 occurrences are
 * not to be filtered and sorted on every frame.
 */
export class ShownMemo {
  private inputs: unknown[] = [];
  private shown?: Shown;

  get(
    view: CalendarView,
    placed: EventPlaced[],
    active: ReadonlySet<string>,
    [first, last]: [number, number],
    lanes: number,
  ): Shown {
    const inputs = [view, placed, active, first, last, lanes];
    if (this.shown && inputs.every((input, i) => input === this.inputs[i])) return this.shown;
    this.inputs = inputs;
    const visible = inCategories(placed, active);
    const byKey = new Map(visible.map((p) => [p.key, p]));
    this.shown = { visible, byKey, layout: layoutView(view, visible, first, last, lanes) };
    return this.shown;
  }
}
