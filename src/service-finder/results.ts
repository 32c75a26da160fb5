/**
 * The result pipeline: sort orders are computed once per data load / locale / origin (and only
 * when asked for), and a keystroke walks the current order testing one bit per service; only
 * services whose bits say they contain every character of the query get the substring check.
 */
import type { Service } from '../core/models.js';
import type { Facets } from './facets.js';
import { areaKey, languageKey } from './facets.js';
import { isOpenAt } from './hours.js';
import { hasBit, type Bits, type SearchIndex } from './search-index.js';
import type { FinderFilters, FinderSort } from './finder-state.js';

function timestamp(iso: string | undefined): number {
  if (!iso) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * Indices of `services` in the order of `sort`. `relevance` keeps the publisher's order (the
 * query then ranks name matches first); `name` collates; `distance` puts services without one
 * last; `updated` is newest first. Ties keep the publisher's order.
 */
export function sortOrder(
  services: readonly Service[],
  sort: FinderSort,
  compare: (a: string, b: string) => number,
  distances?: Float64Array,
): number[] {
  const order = services.map((_, i) => i);
  if (sort === 'distance' && distances) {
    order.sort((a, b) => {
      const da = distances[a];
      const db = distances[b];
      const na = Number.isNaN(da);
      const nb = Number.isNaN(db);
      if (na !== nb) return na ? 1 : -1;
      return (na ? 0 : da - db) || a - b;
    });
  } else if (sort === 'updated') {
    const times = services.map((s) => timestamp(s.updated));
    order.sort((a, b) => times[b] - times[a] || a - b);
  } else if (sort === 'name') {
    const names = services.map((s) => s.name);
    order.sort((a, b) => compare(names[a], names[b]) || a - b);
  }
  return order;
}

export interface FilterInput {
  services: readonly Service[];
  order: readonly number[];
  index: SearchIndex;
  facets: Facets;
  filters: FinderFilters;
  terms: readonly string[];
  now: Date;
  /** Relevance: with a query, services whose name matches come first. */
  nameFirst?: boolean;
  /**
   * Only these services can match (the previous results when the query only grew): typing
   * forward narrows, it never needs a full scan again.
   */
  within?: Bits;
}

/** Indices (in `order`) of the services that pass every filter and contain every term. */
export function filterServices(input: FilterInput): number[] {
  const { services, order, index, facets, filters, terms, now } = input;
  const scope = filters.category ? facets.categoryScopes.get(filters.category) : undefined;
  const { language, area, age } = filters;
  let bits: Bits | undefined;
  let verify = false;
  if (terms.length > 0) {
    bits = index.candidates(terms);
    // Single characters are answered exactly by their bitsets.
    verify = terms.some((t) => t.length > 1);
  }
  if (input.within) {
    if (bits) for (let w = 0; w < bits.length; w++) bits[w] &= input.within[w];
    else bits = input.within;
  }
  const nameFirst = input.nameFirst && terms.length > 0;
  const out: number[] = [];
  const later: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (bits && !hasBit(bits, i)) continue;
    const s = services[i];
    if (filters.free && !s.free) continue;
    if (filters.category) {
      if (!scope) continue;
      let found = false;
      for (const c of s.categories) if (scope.has(c.id)) found = true;
      if (!found) continue;
    }
    if (language && !s.languages.some((l) => languageKey(l) === language)) continue;
    if (area && !s.areas.some((a) => areaKey(a) === area)) continue;
    if (
      age !== undefined &&
      ((s.ageMin !== undefined && age < s.ageMin) || (s.ageMax !== undefined && age > s.ageMax))
    ) {
      continue;
    }
    if (verify && !index.matches(i, terms)) continue;
    if (filters.openNow && !isOpenAt(s.schedules, now)) continue;
    if (nameFirst && !index.nameMatches(i, terms)) later.push(i);
    else out.push(i);
  }
  return later.length ? out.concat(later) : out;
}

/** Whether results for `next` can only be a subset of those for `previous` (typing forward). */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.length > 0 && previous.every((p) => next.some((t) => t.includes(p)));
}
