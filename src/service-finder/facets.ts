/**
 * Filter choices built from the data: a category tree (hierarchical where categories name a
 * parent), languages, areas, and whether ages / free / opening hours exist at all (a filter
 * with nothing to filter is not shown).
 */
import type { Service } from '../core/models.js';

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

/** Key a language is filtered by: the canonical BCP 47 tag when it is one, else the text. */
export function languageKey(value: string): string {
  const text = value.trim();
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) {
    try {
      return Intl.getCanonicalLocales(text)[0].toLowerCase();
    } catch {
      /* not a tag after all */
    }
  }
  return text.normalize('NFKC').toLowerCase();
}

/** A language for people: `yue` → 粤语 in zh-Hans; names given as text stay as they are. */
export function languageLabel(value: string, names: Intl.DisplayNames | undefined): string {
  const text = value.trim();
  if (names && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) {
    try {
      return names.of(text) ?? text;
    } catch {
      return text;
    }
  }
  return text;
}

/** Key an area is filtered by (width- and case-insensitive). */
export function areaKey(value: string): string {
  return value.trim().normalize('NFKC').toLowerCase();
}

function collect(
  map: Map<string, ValueOption>,
  values: readonly string[],
  key: (v: string) => string,
  label: (v: string) => string,
): void {
  const seen = new Set<string>();
  for (const value of values) {
    const k = key(value);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    const option = map.get(k);
    if (option) option.count++;
    else map.set(k, { value: k, label: label(value), count: 1 });
  }
}

export function buildFacets(
  services: readonly Service[],
  compare: (a: string, b: string) => number,
  languageNames?: Intl.DisplayNames,
): Facets {
  const categories = new Map<string, { id: string; name: string; parent?: string }>();
  const direct = new Map<string, Set<number>>();
  const languages = new Map<string, ValueOption>();
  const areas = new Map<string, ValueOption>();
  let hasAges = false;
  let hasFree = false;
  let hasSchedules = false;

  services.forEach((s, i) => {
    for (const c of s.categories) {
      if (!categories.has(c.id)) categories.set(c.id, { id: c.id, name: c.name, parent: c.parent });
      else if (c.parent && !categories.get(c.id)!.parent) categories.get(c.id)!.parent = c.parent;
      let set = direct.get(c.id);
      if (!set) direct.set(c.id, (set = new Set()));
      set.add(i);
    }
    collect(languages, s.languages, languageKey, (v) => languageLabel(v, languageNames));
    collect(areas, s.areas, areaKey, (v) => v.trim());
    if (s.ageMin !== undefined || s.ageMax !== undefined) hasAges = true;
    if (s.free) hasFree = true;
    if (s.schedules.length > 0) hasSchedules = true;
  });

  // Parents that no service names are unknown: their children become roots. Cycles are cut.
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const c of categories.values()) {
    const parent = c.parent && c.parent !== c.id && categories.has(c.parent) ? c.parent : undefined;
    if (parent && !reaches(categories, parent, c.id)) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(c.id);
    } else {
      roots.push(c.id);
    }
  }
  const byName = (a: string, b: string) =>
    compare(categories.get(a)!.name, categories.get(b)!.name);
  const options: CategoryOption[] = [];
  const categoryScopes = new Map<string, Set<string>>();
  const walk = (id: string, depth: number): { scope: Set<string>; members: Set<number> } => {
    const option: CategoryOption = { id, name: categories.get(id)!.name, depth, count: 0 };
    options.push(option);
    const scope = new Set<string>([id]);
    const members = new Set<number>(direct.get(id));
    for (const child of (children.get(id) ?? []).sort(byName)) {
      const sub = walk(child, depth + 1);
      for (const x of sub.scope) scope.add(x);
      for (const m of sub.members) members.add(m);
    }
    option.count = members.size;
    categoryScopes.set(id, scope);
    return { scope, members };
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
