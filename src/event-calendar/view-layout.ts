/**
 * The layout of the view in effect, from the occurrences it shows: the month grid's rows or the
 * list's order (the week view lays out its own week: its code is a chunk of its own). DOM-free.
 */
import { inCategories } from './items-summary.js';
import { upcoming } from './list-layout.js';
import type { CalendarView } from './navigation-controller.js';
import { layoutRows, type Row } from './row-layout.js';
import type { EventPlaced } from './view-parts.js';

export interface ViewLayout {
  monthRows: Row<EventPlaced>[];
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
  const layout: ViewLayout = { monthRows: [], listItems: [] };
  if (view === 'month') {
    layout.monthRows = layoutRows(visible, first, (last - first + 1) / 7, 7, lanes);
  } else if (view === 'list') {
    layout.listItems = upcoming(visible, first);
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
