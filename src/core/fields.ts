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

/** Booleans from `true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否`. */
export function asBoolean(value: Json): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = asString(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', 'yes', 'y', '1', '是', '免费', 'free'].includes(text)) return true;
  if (['false', 'no', 'n', '0', '否'].includes(text)) return false;
  return undefined;
}

/**
 * A list from an array, or from a string separated by `;`, `,`, `、`, `，`, `；` or `|`.
 * Items are trimmed strings; empty ones dropped.
 */
export function asStringList(value: Json): string[] {
  if (Array.isArray(value)) {
    const list: string[] = [];
    for (const v of value) {
      const s =
        v && typeof v === 'object'
          ? asString((v as Record<string, Json>).name ?? (v as Record<string, Json>).title)
          : asString(v);
      if (s) list.push(s);
    }
    return list;
  }
  const text = asString(value);
  if (!text) return [];
  return text
    .split(/[;,、，；|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export { isDateOnly, toIsoDate } from './time/loose-date.js';
export { stableId } from './stable-id.js';
