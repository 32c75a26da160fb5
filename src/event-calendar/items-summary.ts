/**
 * What the calendar needs to know about its items as a whole, worked out once per load: the
 * categories (sorted for the UI language, each with a palette colour that follows from the
 * names alone, so it is the same in every view and language), whether any event
 * recurs, and the last day any event reaches (the list view stops looking ahead after it).
 */
import type { CalendarEvent } from '../core/models.js';
import { categorySlots, paletteSize } from '../core/category-colours.js';
import { cssVars, type CssVars } from '../core/css-vars.js';
import type { DirectiveResult } from 'lit/directive.js';
import { parseDay } from '../core/time/day.js';

export interface ItemsSummary {
  categories: string[];
  /** Palette index by category. */
  colours: Map<string, number>;
  /** The site's own colours (`category-colors`), for the palette slots after the derived ones. */
  custom: string[];
  hasSeries: boolean;
  /** Last day (day number) an event starts or ends on; -Infinity without events. */
  latestDay: number;
}

export function summarize(
  items: readonly CalendarEvent[],
  locale: string,
  /** Applies the site's own colours (`category-colors`), when it gives some. */
  own: (slots: Map<string, number>) => { slots: Map<string, number>; custom: string[] } = (
    slots,
  ) => ({ slots, custom: [] }),
): ItemsSummary {
  const categories = new Set<string>();
  let hasSeries = false;
  let latestDay = -Infinity;
  for (const event of items) {
    for (const c of event.categories) categories.add(c);
    if (event.recurrence?.rrule || event.recurrence?.rdates?.length) hasSeries = true;
    latestDay = Math.max(latestDay, parseDay(event.end) ?? parseDay(event.start) ?? -Infinity);
  }
  const sorted = [...categories].sort((a, b) => a.localeCompare(b, locale));
  const { slots, custom } = own(categorySlots(sorted));
  return {
    categories: sorted,
    colours: slots,
    custom,
    hasSeries,
    latestDay,
  };
}

/** Palette index of an event: its first category's colour, -1 without one. */
export function colourOf(summary: ItemsSummary, event: CalendarEvent): number {
  const first = event.categories[0];
  return first === undefined ? -1 : (summary.colours.get(first) ?? -1);
}

/** The occurrences in any of the `active` categories (all of them when none is active). */
export function inCategories<P extends { event: CalendarEvent }>(
  placed: P[],
  active: ReadonlySet<string>,
): P[] {
  return active.size === 0
    ? placed
    : placed.filter((p) => p.event.categories.some((c) => active.has(c)));
}

/** The custom properties that hold the site's own colours (`--_cat-8` …), for the calendar's base. */
export function colourVars(summary: ItemsSummary): DirectiveResult {
  const vars = summary.custom.map((colour, i) => [`--_cat-${paletteSize + i}`, colour]);
  return cssVars(Object.fromEntries(vars) as CssVars);
}
