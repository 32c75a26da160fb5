/**
 * Paths in loose records and the `map` attribute: what the loader needs (`parseFieldMap`) and
 * the JSON document reader (`getPath`), without the coercion and date helpers only readers and
 * normalizers use (`fields.ts` re-exports these, so its importers keep one place to look).
 */

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

/** A field map: model field → path in the source record (see the `map` attribute). */
export type FieldMap = Record<string, string>;

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

/** Parses the `map` attribute; throws a readable Error for bad JSON. */
export function parseFieldMap(value: string | null | undefined): FieldMap | undefined {
  if (!value) return undefined;
  const parsed = JSON.parse(value) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('map must be a JSON object like {"title":"name"}');
  }
  const map: FieldMap = {};
  for (const [key, path] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof path === 'string') map[key] = path;
  }
  return map;
}
