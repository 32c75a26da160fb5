/**
 * The list of records inside a parsed JSON document: at `items-path`, the document itself when it
 * is an array, else under a common API envelope key. Apart from `json-document.ts` (parsing JSON
 * text with its BOM, prefixes and errors), which a list the pager has already parsed never needs.
 */
import { getPath } from '../field-paths.js';
import { DandelionError } from '../errors.js';

/** Keys that usually hold the records in an API envelope, in order of preference. */
const ENVELOPE_KEYS = [
  'items',
  'data',
  'results',
  'records',
  'events',
  'services',
  'posts',
  'contents',
  'entries',
  '@graph',
  // Common in Chinese APIs: { code: 0, data: { list: [...], total } }
  'list',
  'rows',
  'result',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The first array under an envelope key (case-insensitive), in {@link ENVELOPE_KEYS} order. */
function envelopeArray(doc: Record<string, unknown>): unknown[] | undefined {
  const byLowerKey = new Map<string, unknown>();
  for (const key of Object.keys(doc)) {
    const lower = key.toLowerCase();
    if (!byLowerKey.has(lower) || key === lower) byLowerKey.set(lower, doc[key]);
  }
  for (const key of ENVELOPE_KEYS) {
    const value = byLowerKey.get(key);
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

/**
 * The records of a document: at `itemsPath` when given; else the document if it is an array;
 * else the first array under a common envelope key (also one level down, `data.items`); else a
 * single object as a one-record list.
 */
export function findRecords(doc: unknown, itemsPath?: string): unknown[] {
  if (itemsPath !== undefined && itemsPath.trim() !== '') {
    const value = getPath(doc, itemsPath.trim());
    if (Array.isArray(value)) return value;
    if (isObject(value)) return [value];
    const keys = isObject(doc) ? Object.keys(doc).slice(0, 12).join(', ') : undefined;
    throw new DandelionError(
      'format',
      value === undefined
        ? `items-path "${itemsPath}" not found in the document`
        : `items-path "${itemsPath}" is not a list of records`,
      undefined,
      {
        attribute: 'items-path',
        hint: `Set items-path to the dot path of the list of records${
          keys ? ` (the document's top-level keys are: ${keys})` : ''
        }, e.g. items-path="data.list", or remove it to let the widget find the list.`,
      },
    );
  }
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new DandelionError('format', 'JSON document holds no records');

  const top = envelopeArray(doc);
  if (top) return top;
  for (const key of ENVELOPE_KEYS) {
    const inner = Object.hasOwn(doc, key) ? doc[key] : undefined;
    if (isObject(inner)) {
      const nested = envelopeArray(inner);
      if (nested) return nested;
    }
  }
  return [doc];
}
