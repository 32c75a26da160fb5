/**
 * The finder's state a visitor sets — query, filters, sort — declared once. Each filter says here
 * how it reads from and writes to the page URL (`sync-url`), when it is on, and which services it
 * keeps; the filter pipeline, the "filters (n on)" summary and the URL all follow this table, so
 * a new filter is one entry below plus its control in `filter-panel.ts`.
 */
import type { Service } from '../core/models.js';
import type { Facets } from './facets.js';
import { isOpenAt } from './hours.js';

import { activeFilterCount, emptyFilters, sorts, type FinderSort } from './filter-basics.js';

export { activeFilterCount, emptyFilters, sorts, type FinderSort };

const languageKeys = new Map<string, string>();

/** Key a language is filtered by: the canonical BCP 47 tag when it is one, else the text. */
export function languageKey(value: string): string {
  let key = languageKeys.get(value);
  if (key !== undefined) return key;
  const text = value.trim();
  key = text.normalize('NFKC').toLowerCase();
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) {
    try {
      key = Intl.getCanonicalLocales(text)[0].toLowerCase();
    } catch {
      /* not a tag after all */
    }
  }
  // Values repeat across thousands of services; the cache stays as small as the set of values.
  if (languageKeys.size < 10_000) languageKeys.set(value, key);
  return key;
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

const areaKeys = new Map<string, string>();

/** Key an area is filtered by (width- and case-insensitive). */
export function areaKey(value: string): string {
  let key = areaKeys.get(value);
  if (key === undefined) {
    key = value.trim().normalize('NFKC').toLowerCase();
    if (areaKeys.size < 10_000) areaKeys.set(value, key);
  }
  return key;
}

/** What a filter's test may look at besides the service. */
export interface FilterContext {
  /** Unset without the filter panel's code: a category then keeps only its own services. */
  facets?: Facets;
  now: Date;
}

/** One filter: its URL parameter, its "off" value, and the services it keeps when on. */
export interface FilterField<T> {
  /** The `sync-url` parameter (`sf-…`). */
  param: string;
  /** The value when the filter is off. */
  off: T;
  /** The value from the URL parameter (`null` when absent); `off` for anything unusable. */
  parse: (text: string | null) => T;
  /** The URL parameter for a value that is on. */
  format: (value: T) => string;
  /** Whether the filter keeps only some services. */
  on: (value: T) => boolean;
  /** A test for the services the filter keeps (built once per run, called per service). */
  keeps: (value: T, context: FilterContext) => (service: Service) => boolean;
}

const field = <T>(f: FilterField<T>): FilterField<T> => f;

/** Trimmed text, or undefined when empty. */
const text = (value: string | null): string | undefined => value?.trim() || undefined;

/** A filter on one text value (an id or a key); off when empty. */
const textField = (
  param: string,
  keeps: FilterField<string | undefined>['keeps'],
): FilterField<string | undefined> =>
  field({ param, off: undefined, parse: text, format: String, on: (v) => !!v, keeps });

/** A yes/no filter written as `1` in the URL. */
const flagField = (param: string, keeps: (s: Service, c: FilterContext) => boolean) =>
  field<boolean>({
    param,
    off: false,
    parse: (v) => v === '1',
    format: () => '1',
    on: (v) => v,
    keeps: (_, context) => (s) => keeps(s, context),
  });

/**
 * Every filter, in the order services are tested (cheap tests first; the opening hours last).
 * The finder's filter state type, its URL parameters and its pipeline come from this table.
 */
export const filterFields = {
  free: flagField('sf-free', (s) => !!s.free),
  category: textField('sf-cat', (id, { facets }) => {
    const scope = facets ? facets.categoryScopes.get(id!) : new Set([id!]);
    return (s) => !!scope && s.categories.some((c) => scope.has(c.id));
  }),
  language: textField('sf-lang', (key) => (s) => s.languages.some((l) => languageKey(l) === key)),
  area: textField('sf-area', (key) => (s) => s.areas.some((a) => areaKey(a) === key)),
  /** A child's age in years. */
  age: field<number | undefined>({
    param: 'sf-age',
    off: undefined,
    parse: (value) => {
      const age = Number(text(value));
      return text(value) !== undefined && Number.isFinite(age) && age >= 0 && age <= 150
        ? age
        : undefined;
    },
    format: String,
    on: (v) => v !== undefined,
    keeps: (age) => (s) =>
      !((s.ageMin !== undefined && age! < s.ageMin) || (s.ageMax !== undefined && age! > s.ageMax)),
  }),
  openNow: flagField('sf-open', (s, { now }) => isOpenAt(s.schedules, now)),
};

type Fields = typeof filterFields;
type FilterName = keyof Fields;
type ValueOf<K extends FilterName> = Fields[K] extends FilterField<infer T> ? T : never;
/** Filters whose "off" is no value at all (optional in {@link FinderFilters}). */
type OptionalName = {
  [K in FilterName]: undefined extends ValueOf<K> ? K : never;
}[FilterName];

/** The filters a visitor set (category, language, age, area, free only, open now). */
export type FinderFilters = { [K in Exclude<FilterName, OptionalName>]: ValueOf<K> } & {
  [K in OptionalName]?: Exclude<ValueOf<K>, undefined>;
};

export const filterNames = Object.keys(filterFields) as FilterName[];

/** Whether a filter is on (`filter-basics.ts` counts them the same way, without this table). */
export function on(name: FilterName, filters: FinderFilters): boolean {
  return (filterFields[name] as FilterField<unknown>).on(filters[name]);
}

/** The tests of the filters that are on, in table order. */
export function filterTests(
  filters: FinderFilters,
  context: FilterContext,
): ((service: Service) => boolean)[] {
  return filterNames
    .filter((name) => on(name, filters))
    .map((name) => (filterFields[name] as FilterField<unknown>).keeps(filters[name], context));
}

/** Whether the results depend on the time of day (open now is on). */
export const dependsOnTime = (filters: FinderFilters): boolean => filters.openNow;

/** The filters as URL parameters (`sf-…` → text), only those that are on. */
export function filterParams(filters: FinderFilters): [string, string][] {
  return filterNames
    .filter((name) => on(name, filters))
    .map((name) => {
      const f = filterFields[name] as FilterField<unknown>;
      return [f.param, f.format(filters[name])];
    });
}

/** The filters from URL parameters (anything unusable is off). */
export function filtersFromParams(params: URLSearchParams): FinderFilters {
  const filters: Record<string, unknown> = {};
  for (const name of filterNames)
    filters[name] = filterFields[name].parse(params.get(filterFields[name].param));
  return filters as FinderFilters;
}

/** Every URL parameter the finder owns. */
export const ownParams = [
  'sf-q',
  'sf-sort',
  'sf-id',
  ...filterNames.map((n) => filterFields[n].param),
];
