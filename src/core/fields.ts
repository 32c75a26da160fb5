/**
 * Small, total helpers readers use to pull values out of loose records: coercion and dates
 * (paths are `field-paths.ts`, the `map` attribute `field-map.ts`). None of them throws; bad
 * values come back as `undefined`.
 */

type Json = unknown;

export type { FieldMap } from './field-map.js';

/** Trimmed non-empty string from a string/number; `undefined` otherwise. */
export function asString(value: Json): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed ? trimmed : undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Finite number from a number or numeric string (full-width digits allowed). */
export function asNumber(value: Json): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const normalized = value.normalize('NFKC').trim();
  if (!normalized || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return undefined;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

export { isDateOnly, toIsoDate } from './time/loose-date.js';
export { stableId } from './stable-id.js';
