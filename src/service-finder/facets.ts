/**
 * Filter choices built from the data: a category tree (hierarchical where categories name a
 * parent), languages, areas, and whether ages / free / opening hours exist at all (a filter
 * with nothing to filter is not shown).
 *
 * Part of the filter panel's chunk (`filter-panel.ts`): loaded when the panel opens, a filter is
 * on, or nothing matches (the suggested categories), never for the list as it first shows.
 */
import type { Service } from '../core/models.js';
import { runSteps, type Steps } from './derive.js';
import { areaKey, languageKey, languageLabel } from './finder-state.js';

export interface CategoryOption {
  id: string;
  name: string;
  /** 0 for roots, 1 for their children … */
  depth: number;
  /** Services in this category or any category below it. */
  count: number;
}

export interface ValueOption {
  /** The value as kept in filters and the URL. */
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  categories: CategoryOption[];
  /** Category id → itself and all its descendants. */
  categoryScopes: Map<string, Set<string>>;
  languages: ValueOption[];
  areas: ValueOption[];
  hasAges: boolean;
  hasFree: boolean;
  hasSchedules: boolean;
}

function collect(
  map: Map<string, ValueOption>,
  values: readonly string[],
  key: (v: string) => string,
  label: (v: string) => string,
): void {
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    const id = key(value);
    if (!id) continue;
    // Count a service once per value (lists are short: a scan beats a Set).
    let repeated = false;
    for (let j = 0; j < k; j++) if (key(values[j]) === id) repeated = true;
    if (repeated) continue;
    const option = map.get(id);
    if (option) option.count++;
    else map.set(id, { value: id, label: label(value), count: 1 });
  }
}

/** Services between two points where building the facets may pause. */
const chunk = 1024;

export function buildFacets(
  services: readonly Service[],
  compare: (a: string, b: string) => number,
  languageNames?: Intl.DisplayNames,
): Facets {
  return runSteps(facetSteps(services, compare, languageNames));
}

/** {@link buildFacets} as steps that may pause every few hundred services. */
export function* facetSteps(
  services: readonly Service[],
  compare: (a: string, b: string) => number,
  languageNames?: Intl.DisplayNames,
): Steps<Facets> {
  const categories = new Map<string, { id: string; name: string; parent?: string }>();
  const languages = new Map<string, ValueOption>();
  const areas = new Map<string, ValueOption>();
  let hasAges = false;
  let hasFree = false;
  let hasSchedules = false;

  for (let i = 0; i < services.length; i++) {
    if (i % chunk === chunk - 1) yield;
    const s = services[i];
    for (const c of s.categories) {
      const known = categories.get(c.id);
      if (!known) categories.set(c.id, { id: c.id, name: c.name, parent: c.parent });
      else if (c.parent && !known.parent) known.parent = c.parent;
    }
    if (s.languages.length) {
      collect(languages, s.languages, languageKey, (v) => languageLabel(v, languageNames));
    }
    if (s.areas.length) collect(areas, s.areas, areaKey, (v) => v.trim());
    if (s.ageMin !== undefined || s.ageMax !== undefined) hasAges = true;
    if (s.free) hasFree = true;
    if (s.schedules.length > 0) hasSchedules = true;
  }

  // Parents that no service names are unknown: their children become roots. Cycles are cut.
  const parentOf = new Map<string, string>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const c of categories.values()) {
    const parent = c.parent && c.parent !== c.id && categories.has(c.parent) ? c.parent : undefined;
    if (parent && !reaches(categories, parent, c.id)) {
      parentOf.set(c.id, parent);
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(c.id);
    } else {
      roots.push(c.id);
    }
  }

  // Counts: each service once per category it is in, directly or through a child.
  const counts = new Map<string, number>();
  const seen: string[] = [];
  for (let i = 0; i < services.length; i++) {
    if (i % chunk === chunk - 1) yield;
    const s = services[i];
    if (s.categories.length === 0) continue;
    seen.length = 0;
    for (const c of s.categories) {
      for (let id: string | undefined = c.id; id !== undefined; id = parentOf.get(id)) {
        if (seen.includes(id)) break;
        seen.push(id);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }

  const byName = (a: string, b: string) =>
    compare(categories.get(a)!.name, categories.get(b)!.name);
  const options: CategoryOption[] = [];
  const categoryScopes = new Map<string, Set<string>>();
  const walk = (id: string, depth: number): Set<string> => {
    options.push({ id, name: categories.get(id)!.name, depth, count: counts.get(id) ?? 0 });
    const scope = new Set<string>([id]);
    for (const child of (children.get(id) ?? []).sort(byName)) {
      for (const x of walk(child, depth + 1)) scope.add(x);
    }
    categoryScopes.set(id, scope);
    return scope;
  };
  for (const id of roots.sort(byName)) walk(id, 0);

  const sorted = (m: Map<string, ValueOption>) =>
    [...m.values()].sort((a, b) => compare(a.label, b.label));
  return {
    categories: options,
    categoryScopes,
    languages: sorted(languages),
    areas: sorted(areas),
    hasAges,
    hasFree,
    hasSchedules,
  };
}

/** Whether following parents from `from` ever reaches `target` (a cycle if it does). */
function reaches(
  categories: Map<string, { parent?: string }>,
  from: string,
  target: string,
): boolean {
  const seen = new Set<string>();
  let at: string | undefined = from;
  while (at && !seen.has(at)) {
    if (at === target) return true;
    seen.add(at);
    at = categories.get(at)?.parent;
  }
  return false;
}
