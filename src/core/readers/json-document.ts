/**
 * JSON documents as text: parsing with a BOM, anti-hijacking prefixes, HTML pages served as JSON,
 * and errors that say what is wrong. Only JSON text the pager could not parse needs this; finding
 * the records in a parsed document is `find-records.ts`.
 */
import { DandelionError } from '../errors.js';

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
