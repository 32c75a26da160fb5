/**
 * Field lookup by alias in loose records. Keys are compared loosely: case, spaces, `_`, `-`, `.`
 * and a bracketed note (`费用（元）`) are ignored, so `start_date`, `Start Date` and `startDate`
 * are one key. The model field name is looked up first (that is where a `map` puts values).
 */
type Dict = Record<string, unknown>;

const BRACKETED_NOTE = /[(（[【［][^)）\]】］]*[)）\]】］]/g;
const KEY_NOISE = /[\s_\-.:：*]/g;
const keyCache = new Map<string, string>();

/** Loose form of a key: `Start Date`, `start_date`, `startDate` → `startdate`. Cached. */
export function normKey(key: string): string {
  let normalized = keyCache.get(key);
  if (normalized === undefined) {
    normalized = key.normalize('NFKC').replace(BRACKETED_NOTE, '').replace(KEY_NOISE, '');
    normalized = normalized.toLowerCase();
    // Keys repeat across records (CSV headers, API fields); the cap only guards odd documents.
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(key, normalized);
  }
  return normalized;
}

export interface Alias {
  id: number;
  /** The model field name, looked up exactly first (that is where a `map` puts values). */
  canonical: string;
  keys: string[];
}

/** Loose key → the aliases it belongs to, with its rank in each (lower wins). */
const aliasesByKey = new Map<string, { alias: Alias; rank: number }[]>();
let aliasCount = 0;

/** `alias('name title 名称')`: the model field name first, then the other keys it may have. */
export function alias(names: string): Alias {
  const [canonical, ...others] = names.split(' ');
  const a: Alias = {
    id: aliasCount++,
    canonical,
    keys: [...new Set([canonical, ...others].map(normKey))],
  };
  a.keys.forEach((key, rank) => {
    const list = aliasesByKey.get(key) ?? [];
    list.push({ alias: a, rank });
    aliasesByKey.set(key, list);
  });
  return a;
}

export interface Hit {
  rank: number;
  key: string;
  value: unknown;
}

/**
 * A record prepared for alias lookups: for every alias, the best present value. Built in one
 * pass over the record's own keys, so a lookup costs nothing per alias spelling.
 */
export interface Fields {
  raw: Dict;
  hits: (Hit | undefined)[];
}

export function isObject(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

export function fieldsOf(raw: Dict): Fields {
  const hits: (Hit | undefined)[] = new Array(aliasCount);
  for (const key of Object.keys(raw)) {
    const k = normKey(key);
    const entries = aliasesByKey.get(k);
    if (!entries) continue;
    const value = raw[key];
    if (!present(value)) continue;
    for (const { alias: a, rank: r } of entries) {
      // The exact model field name beats every other spelling.
      const rank = key === a.canonical ? -1 : r;
      const best = hits[a.id];
      if (!best || rank < best.rank) hits[a.id] = { rank, key: k, value };
    }
  }
  return { raw, hits };
}

/** Best present value for an alias, with the loose key it came from (not `exceptKey`). */
export function pickEntry(f: Fields, a: Alias, exceptKey?: string): Hit | undefined {
  const hit = f.hits[a.id];
  if (!hit || hit.key !== exceptKey) return hit;
  // Rare: the best key is excluded; find the runner-up.
  let runnerUp: Hit | undefined;
  for (const key of Object.keys(f.raw)) {
    const k = normKey(key);
    const rank = a.keys.indexOf(k);
    if (rank < 0 || k === exceptKey || !present(f.raw[key])) continue;
    if (!runnerUp || rank < runnerUp.rank) runnerUp = { rank, key: k, value: f.raw[key] };
  }
  return runnerUp;
}

export function pick(f: Fields, a: Alias): unknown {
  return f.hits[a.id]?.value;
}
