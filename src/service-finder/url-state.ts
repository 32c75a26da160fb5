/**
 * `sync-url`: the finder's query, filters, sort and opened service kept in the page URL as
 * namespaced parameters (`sf-q`, `sf-cat` …) with `history.replaceState`, so a social worker can
 * send a family a link that opens the same view. Other parameters and the hash are left alone.
 * Loaded only by finders with `sync-url`.
 */

import { emptyFilters, sorts, type FinderFilters, type FinderSort } from './finder-state.js';

export { emptyFilters, sorts, type FinderFilters, type FinderSort };

export interface FinderUrlState {
  query: string;
  filters: FinderFilters;
  sort?: FinderSort;
  id?: string;
}

const keys = {
  query: 'sf-q',
  category: 'sf-cat',
  language: 'sf-lang',
  age: 'sf-age',
  area: 'sf-area',
  free: 'sf-free',
  openNow: 'sf-open',
  sort: 'sf-sort',
  id: 'sf-id',
} as const;

/** Reads the finder's parameters from a URL (the page's by default). */
export function readUrlState(href: string = location.href): FinderUrlState {
  const params = new URL(href).searchParams;
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const filters = emptyFilters();
  filters.category = get(keys.category);
  filters.language = get(keys.language);
  filters.area = get(keys.area);
  const ageText = get(keys.age);
  const age = Number(ageText);
  filters.age =
    ageText !== undefined && Number.isFinite(age) && age >= 0 && age <= 150 ? age : undefined;
  filters.free = params.get(keys.free) === '1';
  filters.openNow = params.get(keys.openNow) === '1';
  const sort = get(keys.sort) as FinderSort | undefined;
  return {
    query: params.get(keys.query) ?? '',
    filters,
    sort: sort && sorts.includes(sort) ? sort : undefined,
    id: get(keys.id),
  };
}

/** The URL with the finder's parameters replaced by `state` (empty values removed). */
export function withUrlState(href: string, state: FinderUrlState): string {
  const url = new URL(href);
  for (const key of Object.values(keys)) url.searchParams.delete(key);
  const set = (key: string, value: string | undefined) => {
    if (value) url.searchParams.set(key, value);
  };
  set(keys.query, state.query.trim() || undefined);
  set(keys.category, state.filters.category);
  set(keys.language, state.filters.language);
  set(keys.age, state.filters.age === undefined ? undefined : String(state.filters.age));
  set(keys.area, state.filters.area);
  set(keys.free, state.filters.free ? '1' : undefined);
  set(keys.openNow, state.filters.openNow ? '1' : undefined);
  set(keys.sort, state.sort);
  set(keys.id, state.id);
  return url.href;
}

/** Replaces the page URL (no new history entry) when the finder's state changed it. */
export function writeUrlState(state: FinderUrlState): void {
  const next = withUrlState(location.href, state);
  if (next !== location.href) history.replaceState(history.state, '', next);
}
