/**
 * What the first view needs of the finder's state: the sort orders, every filter off, and how
 * many are on. The filters' full declaration (URL parameters, which services each keeps) is
 * `finder-state.ts`, which only the lazy parts load (model, filter panel, URL, detail view);
 * `tests/service-finder/helpers.test.ts` checks that the two agree on when a filter is on.
 */
import type { FinderFilters } from './finder-state.js';

export type FinderSort = 'relevance' | 'name' | 'distance' | 'updated';
export const sorts: readonly FinderSort[] = ['relevance', 'name', 'distance', 'updated'];

/** Every filter off (the yes/no filters are `false`, the others unset). */
export const emptyFilters = (): FinderFilters => ({ free: false, openNow: false });

/** Whether a filter's value is on: set, and neither `false` nor empty text. */
export const isOn = (value: unknown): boolean =>
  value !== undefined && value !== false && value !== '';

/** How many filters are on. */
export const activeFilterCount = (filters: FinderFilters): number =>
  Object.values(filters).filter(isOn).length;
