/**
 * The `map` attribute: model field → path in the source record. Its own module, so the loader
 * (which parses the attribute) carries neither the paths code (`field-paths.ts`) nor the value
 * helpers (`fields.ts`).
 */

/** A field map: model field → path in the source record (see the `map` attribute). */
export type FieldMap = Record<string, string>;

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
