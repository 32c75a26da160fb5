/**
 * The result pipeline: sort orders are computed once per data load / locale / origin (and only
 * when asked for), and a keystroke walks the current order testing one bit per service; only
 * services whose bits say they contain every character of the query get the substring check.
 * Both are steps that may pause (see `derive.ts`), so 100,000 services are sorted and filtered
 * in slices; the plain functions run them at once.
 */
import type { Service } from '../core/models.js';
import type { Facets } from './facets.js';
import { hasBit, type Bits } from './query-terms.js';
import type { SearchIndex } from './search-index.js';
import { filterTests, type FinderFilters, type FinderSort } from './finder-state.js';
import { runSteps, type Steps } from './derive.js';

/** Services (or positions) between two points where sorting or filtering may pause. */
const chunk = 2048;

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
  return runSteps(sortSteps(services, sort, compare, distances));
}

/** {@link sortOrder} as steps. */
export function* sortSteps(
  services: readonly Service[],
  sort: FinderSort,
  compare: (a: string, b: string) => number,
  distances?: Float64Array,
): Steps<number[]> {
  const n = services.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let before: ((a: number, b: number) => number) | undefined;
  if (sort === 'distance' && distances) {
    before = (a, b) => {
      const da = distances[a];
      const db = distances[b];
      const na = Number.isNaN(da);
      const nb = Number.isNaN(db);
      if (na !== nb) return na ? 1 : -1;
      return (na ? 0 : da - db) || a - b;
    };
  } else if (sort === 'updated') {
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (i % chunk === chunk - 1) yield;
      times[i] = timestamp(services[i].updated);
    }
    before = (a, b) => times[b] - times[a] || a - b;
  } else if (sort === 'name') {
    const names = services.map((s) => s.name);
    before = (a, b) => compare(names[a], names[b]) || a - b;
  }
  if (!before) return order;
  return yield* mergeSort(order, before);
}

/**
 * Sorts in runs of {@link chunk} (the engine's sort) merged pairwise, pausing between runs and
 * every {@link chunk} merged entries: one `Array.sort` of 100,000 names would block for long.
 */
function* mergeSort(order: number[], before: (a: number, b: number) => number): Steps<number[]> {
  const n = order.length;
  for (let lo = 0; lo < n; lo += chunk) {
    const run = order.slice(lo, lo + chunk).sort(before);
    for (let k = 0; k < run.length; k++) order[lo + k] = run[k];
    if (lo + chunk < n) yield;
  }
  let from = order;
  let to = new Array<number>(n);
  for (let width = chunk; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = b >= hi || (a < mid && before(from[a], from[b]) <= 0) ? from[a++] : from[b++];
        if (k % chunk === chunk - 1) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

export interface FilterInput {
  services: readonly Service[];
  order: readonly number[];
  /** Unset when the search code could not be loaded: the terms are then not applied. */
  index?: SearchIndex;
  /** Unset without the filter panel's code (see `FilterContext`). */
  facets?: Facets;
  filters: FinderFilters;
  terms: readonly string[];
  now: Date;
  /** Relevance: with a query, services whose name matches come first. */
  nameFirst?: boolean;
  /**
   * Each term with its alternative spellings (the term first, then its synonyms): a service
   * matches when it contains one alternative of every term. Unset: the terms as they are.
   */
  alternatives?: readonly (readonly string[])[];
  /**
   * Only these services can match (the previous results when the query only grew): typing
   * forward narrows, it never needs a full scan again.
   */
  within?: Bits;
}

/** Indices (in `order`) of the services that pass every filter and contain every term. */
export function filterServices(input: FilterInput): number[] {
  return runSteps(filterSteps(input));
}

/** {@link filterServices} as steps (finishing the search index first when a query needs it). */
export function* filterSteps(input: FilterInput): Steps<number[]> {
  const { services, order, facets, filters, terms, now } = input;
  const index = terms.length > 0 ? input.index : undefined;
  const tests = filterTests(filters, { facets, now });
  let bits: Bits | undefined;
  let verify = false;
  const groups = input.alternatives ?? terms.map((t) => [t]);
  if (index) {
    while (!index.step(performance.now() + 5)) yield;
    bits = index.candidatesAny(groups);
    // Single characters are answered exactly by their bitsets.
    verify = groups.some((g) => g.length > 1 || g[0]!.length > 1);
  }
  if (input.within) {
    if (bits) for (let w = 0; w < bits.length; w++) bits[w] &= input.within[w];
    else bits = input.within;
  }
  const nameFirst = input.nameFirst && !!index;
  const out: number[] = [];
  const later: number[] = [];
  next: for (let k = 0; k < order.length; k++) {
    if (k % chunk === chunk - 1) yield;
    const i = order[k];
    if (bits && !hasBit(bits, i)) continue;
    const s = services[i];
    for (const keeps of tests) if (!keeps(s)) continue next;
    if (verify && !index!.matchesEvery(i, groups)) continue;
    if (nameFirst && !index!.nameMatches(i, terms)) later.push(i);
    else out.push(i);
  }
  return later.length ? out.concat(later) : out;
}

/** Whether results for `next` can only be a subset of those for `previous` (typing forward). */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.length > 0 && previous.every((p) => next.some((t) => t.includes(p)));
}
