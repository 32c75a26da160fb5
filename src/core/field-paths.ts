/**
 * Paths in loose records: what the JSON document reader (`getPath`), `map` (`applyMap`) and
 * `items-path` need, apart from the coercion and date helpers of `fields.ts`, so a loader that
 * reads no JSON (the carousel's, for RSS) does not carry them.
 */

import type { FieldMap } from './field-map.js';

type Json = unknown;

/** Parses `a.b[0].c` (also `a.0.c`) into keys. */
function pathKeys(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
}

/** Value at a dot path (`data.items[0].name`); `''` or `.` means the value itself. */
export function getPath(value: Json, path: string): Json {
  let current = value;
  for (const key of pathKeys(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[key];
  }
  return current;
}

/**
 * Applies a field map: the result has every mapped model field taken from its path, plus the
 * record's own fields for anything not mapped (so a partial map is enough).
 */
export function applyMap(record: Json, map: FieldMap | undefined): Record<string, Json> {
  const base =
    record !== null && typeof record === 'object' && !Array.isArray(record)
      ? { ...(record as Record<string, Json>) }
      : {};
  if (!map) return base;
  for (const [field, path] of Object.entries(map)) {
    const value = getPath(record, path);
    if (value !== undefined) base[field] = value;
  }
  return base;
}
