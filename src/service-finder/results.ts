/**
 * The result pipeline: sort orders are computed once per data load / locale / origin, and a
 * keystroke only walks the current order keeping what passes the filters and the query —
 * O(n) string scans, no sorting, no allocation beyond the result array.
 */
import type { Service } from '../core/models.js';
import type { Facets } from './facets.js';
import { areaKey, languageKey } from './facets.js';
import { isOpenAt } from './hours.js';
import type { SearchIndex } from './search-index.js';
import type { FinderFilters, FinderSort } from './url-state.js';

/** Per-service filter keys, precomputed once per load. */
export interface FilterKeys {
  languages: string[][];
  areas: string[][];
}

export function filterKeys(services: readonly Service[]): FilterKeys {
  return {
    languages: services.map((s) => s.languages.map(languageKey)),
    areas: services.map((s) => s.areas.map(areaKey)),
  };
}

function timestamp(iso: string | undefined): number {
  if (!iso) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** Indices of `services` in the order of `sort` (ties by name). */
export function sortOrder(
  services: readonly Service[],
  sort: FinderSort,
  compare: (a: string, b: string) => number,
  distances?: Float64Array,
): number[] {
  const order = services.map((_, i) => i);
  const byName = (a: number, b: number) => compare(services[a].name, services[b].name) || a - b;
  if (sort === 'distance' && distances) {
    // Services without a distance go last.
    order.sort((a, b) => {
      const da = distances[a];
      const db = distances[b];
      const na = Number.isNaN(da);
      const nb = Number.isNaN(db);
      if (na !== nb) return na ? 1 : -1;
      return (na ? 0 : da - db) || byName(a, b);
    });
  } else if (sort === 'updated') {
    const times = services.map((s) => timestamp(s.updated));
    order.sort((a, b) => times[b] - times[a] || byName(a, b));
  } else {
    order.sort(byName);
  }
  return order;
}

export interface FilterInput {
  services: readonly Service[];
  order: readonly number[];
  index: SearchIndex;
  keys: FilterKeys;
  facets: Facets;
  filters: FinderFilters;
  terms: readonly string[];
  now: Date;
  /** Relevance: with a query, services whose name matches come first. */
  nameFirst?: (i: number) => boolean;
}

/** Indices (in `order`) of the services that pass every filter and contain every term. */
export function filterServices(input: FilterInput): number[] {
  const { services, order, index, keys, facets, filters, terms, now, nameFirst } = input;
  const scope = filters.category ? facets.categoryScopes.get(filters.category) : undefined;
  const language = filters.language;
  const area = filters.area;
  const age = filters.age;
  const out: number[] = [];
  const later: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const s = services[i];
    if (filters.free && !s.free) continue;
    if (filters.category) {
      if (!scope) continue;
      let found = false;
      for (const c of s.categories) if (scope.has(c.id)) found = true;
      if (!found) continue;
    }
    if (language && !keys.languages[i].includes(language)) continue;
    if (area && !keys.areas[i].includes(area)) continue;
    if (
      age !== undefined &&
      ((s.ageMin !== undefined && age < s.ageMin) || (s.ageMax !== undefined && age > s.ageMax))
    ) {
      continue;
    }
    if (terms.length > 0 && !index.matches(i, terms)) continue;
    if (filters.openNow && !isOpenAt(s.schedules, now)) continue;
    if (nameFirst && !nameFirst(i)) later.push(i);
    else out.push(i);
  }
  return later.length ? out.concat(later) : out;
}
