/**
 * Yes/no and list values from loose records, for the normalizers and the JSON-LD reader: apart
 * from `fields.ts`, which a feed reader in a loader (the carousel's RSS) needs without these.
 */
import { asString } from './fields.js';

type Json = unknown;

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
