/**
 * Field lookup by alias in loose records. Keys are compared loosely: case, spaces, `_`, `-`, `.`
 * and a bracketed note (`费用（元）`) are ignored, so `start_date`, `Start Date` and `startDate`
 * are one key. The model field name is looked up first (that is where a `map` puts values).
 */
import type { LazyPart } from './lazy-part.js';

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

/** The aliases a loose key belongs to, with its rank in each (lower wins). */
export function aliasesOfKey(looseKey: string): readonly { alias: Alias; rank: number }[] {
  return aliasesByKey.get(looseKey) ?? [];
}

/**
 * `alias('name title 名称')`: the model field name first, then the other keys it may have. With
 * `into`, that alias gets these keys instead of its own (the full list, once loaded).
 */
export function alias(names: string, into?: Alias): Alias {
  const [canonical, ...others] = names.split(' ');
  const keys = [...new Set([canonical, ...others].map(normKey))];
  const a: Alias = into ?? { id: aliasCount++, canonical, keys };
  if (into) {
    for (const key of into.keys) {
      const list = aliasesByKey.get(key)!;
      list.splice(
        list.findIndex((entry) => entry.alias === into),
        1,
      );
    }
  }
  a.keys = keys;
  a.keys.forEach((key, rank) => {
    const list = aliasesByKey.get(key) ?? [];
    list.push({ alias: a, rank });
    aliasesByKey.set(key, list);
  });
  // Plans made before this alias existed do not know it.
  shapes = { plan: undefined, next: undefined };
  planCount = 0;
  return a;
}

/**
 * Keys some aliases get only with a lazy part (a service's Chinese field names, see `service.ts`):
 * a record with a key outside ASCII that no alias knows waits for it. Until then no such key
 * can be one of theirs, so records with plain English keys read the same without it.
 */
let moreKeys: LazyPart<unknown> | undefined;

export function keysLater(part: LazyPart<unknown>): void {
  moreKeys = part;
}

/** Anything but printable ASCII (a loose key has no spaces or control characters left). */
const NOT_ASCII = /[^!-~]/;

export interface Hit {
  rank: number;
  /** The loose key the value came from. */
  key: string;
  value: unknown;
}

/** A key of a record that may hold an alias's value. */
interface Candidate extends Omit<Hit, 'value'> {
  /** The key as the record spells it. */
  own: string;
}

/**
 * Where each alias's value may be in records of one shape (one list of keys): per alias id, the
 * record's keys that spell it, best first (the exact model field name, then by rank, then in the
 * record's order). Records of one document nearly always share a handful of shapes, so the loose
 * comparison of keys runs once per shape, not once per record.
 */
type Plan = (readonly Candidate[] | undefined)[];

/** Shapes seen so far, as a tree of keys in record order; a node's plan is for that key list. */
interface Shape {
  plan: Plan | undefined;
  next: Map<string, Shape> | undefined;
}

/** More distinct shapes than this (odd documents only) start the cache afresh. */
const MAX_SHAPES = 2000;
let shapes: Shape = { plan: undefined, next: undefined };
let planCount = 0;

function planFor(keys: string[]): Plan {
  let node = shapes;
  for (const key of keys) {
    node.next ??= new Map();
    let next = node.next.get(key);
    if (!next) {
      next = { plan: undefined, next: undefined };
      node.next.set(key, next);
    }
    node = next;
  }
  if (node.plan) return node.plan;
  if (++planCount > MAX_SHAPES) {
    shapes = { plan: undefined, next: undefined };
    planCount = 1;
  }
  return (node.plan = makePlan(keys));
}

function makePlan(keys: string[]): Plan {
  const plan: (Candidate & { order: number })[][] = [];
  keys.forEach((own, order) => {
    const key = normKey(own);
    const aliases = aliasesOfKey(key);
    // Throws `CodeNeeded` while the part is not loaded: the record is read again once it is.
    if (aliases.length === 0 && moreKeys && NOT_ASCII.test(key)) moreKeys.code();
    for (const { alias: a, rank: r } of aliases) {
      // The exact model field name beats every other spelling.
      const rank = own === a.canonical ? -1 : r;
      (plan[a.id] ??= []).push({ rank, key, own, order });
    }
  });
  return plan.map((candidates) =>
    candidates
      .sort((x, y) => x.rank - y.rank || x.order - y.order)
      .map(({ rank, key, own }) => ({ rank, key, own })),
  );
}

/** A record prepared for alias lookups: the record and the plan of its shape. */
export interface Fields {
  raw: Dict;
  plan: Plan;
}

export function isObject(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'string') return true;
  // Most values start with a printable ASCII or CJK character: no need to trim them.
  const first = value.charCodeAt(0);
  if ((first > 32 && first < 127) || (first > 0x3000 && first < 0xfeff)) return true;
  return value.trim() !== '';
}

export function fieldsOf(raw: Dict): Fields {
  return { raw, plan: planFor(Object.keys(raw)) };
}

/** Best present value for an alias, with the loose key it came from (not `exceptKey`). */
export function pickEntry(f: Fields, a: Alias, exceptKey?: string): Hit | undefined {
  let hit: Hit | undefined;
  for (const candidate of f.plan[a.id] ?? []) {
    const value = f.raw[candidate.own];
    if (present(value)) {
      hit = { rank: candidate.rank, key: candidate.key, value };
      break;
    }
  }
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

/** Best present value for an alias. */
export function pick(f: Fields, a: Alias): unknown {
  const candidates = f.plan[a.id];
  if (!candidates) return undefined;
  for (let i = 0; i < candidates.length; i++) {
    const value = f.raw[candidates[i].own];
    if (present(value)) return value;
  }
  return undefined;
}
