/**
 * `sync-url`: the finder's query, filters, sort and opened service kept in the page URL as
 * namespaced parameters (`sf-q`, `sf-cat` …) with `history.replaceState`, so a social worker can
 * send a family a link that opens the same view. Other parameters and the hash are left alone.
 * The filters' parameters come from their declaration (`finder-state.ts`). Loaded only by
 * finders with `sync-url`.
 */

import {
  emptyFilters,
  filterParams,
  filtersFromParams,
  ownParams,
  sorts,
  type FinderFilters,
  type FinderSort,
} from './finder-state.js';

export { emptyFilters, sorts, type FinderFilters, type FinderSort };

export interface FinderUrlState {
  query: string;
  filters: FinderFilters;
  sort?: FinderSort;
  id?: string;
}

/** Reads the finder's parameters from a URL (the page's by default). */
export function readUrlState(href: string = location.href): FinderUrlState {
  const params = new URL(href).searchParams;
  const sort = params.get('sf-sort')?.trim() as FinderSort | undefined;
  return {
    query: params.get('sf-q') ?? '',
    filters: filtersFromParams(params),
    sort: sort && sorts.includes(sort) ? sort : undefined,
    id: params.get('sf-id')?.trim() || undefined,
  };
}

/** The URL with the finder's parameters replaced by `state` (empty values removed). */
export function withUrlState(href: string, state: FinderUrlState): string {
  const url = new URL(href);
  for (const key of ownParams) url.searchParams.delete(key);
  const entries: [string, string | undefined][] = [
    ['sf-q', state.query.trim()],
    ...filterParams(state.filters),
    ['sf-sort', state.sort],
    ['sf-id', state.id],
  ];
  for (const [key, value] of entries) if (value) url.searchParams.set(key, value);
  return url.href;
}

/** Replaces the page URL (no new history entry) when the finder's state changed it. */
export function writeUrlState(state: FinderUrlState): void {
  const next = withUrlState(location.href, state);
  if (next !== location.href) history.replaceState(history.state, '', next);
}
