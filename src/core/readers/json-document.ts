/**
 * JSON documents: parsing (BOM, anti-hijacking prefixes, HTML pages served as JSON) and finding
 * the list of records inside an API envelope. Kept apart from normalization so the loader can
 * read a document without loading the record normalizer.
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

const BOM = /^\uFEFF/;
/** Anti-JSON-hijacking prefixes some APIs put in front of the JSON (`)]}',`, `while(1);`). */
const XSSI_PREFIX = /^(?:\)\]\}'?,?\s*|while\s*\(1\);\s*|for\s*\(;;\);\s*)/;

/** Parses JSON text. Truncated or invalid JSON → `parse`; an HTML page → `format`. */
export function readJsonDocument(text: string): unknown {
  if (typeof text !== 'string') throw new DandelionError('format', 'expected JSON text');
  const body = text.replace(BOM, '').trimStart().replace(XSSI_PREFIX, '');
  if (body.startsWith('<')) throw new DandelionError('format', 'received HTML, not JSON');
  if (!body.trim()) throw new DandelionError('parse', 'empty JSON document');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DandelionError('parse', `invalid JSON: ${detail}`, undefined, { cause: error });
  }
}

/**
 * A document given as JSON text (a leading BOM dropped) or already parsed (returned as it is).
 * Invalid JSON → `parse`, its message starting with the format's name (`JSON Feed: …`).
 */
export function parseJsonText(textOrDoc: unknown, format: string): unknown {
  if (typeof textOrDoc !== 'string') return textOrDoc;
  try {
    return JSON.parse(textOrDoc.replace(BOM, '')) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DandelionError('parse', `${format}: ${detail}`, undefined, { cause: error });
  }
}

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
