/**
 * Generic JSON: any API that returns a list of records, bare or wrapped in an envelope
 * (`{ "data": { "items": [...] } }`), normalized by field aliases, `map` and `transform`.
 */
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { DandelionError } from '../errors.js';
import { normalizeRecords, type NormalizeOptions } from '../normalize/index.js';
import { findRecords } from './find-records.js';
import { readJsonDocument } from './json-document.js';

export { findRecords, readJsonDocument };

export interface JsonReadOptions extends NormalizeOptions {
  /** Path to the records inside the document (the `items-path` attribute), e.g. `data.results`. */
  itemsPath?: string;
}

/**
 * Reads generic JSON (text or an already parsed document) into models of `kind`.
 * Throws only {@link DandelionError}: `parse` for broken JSON, `format` for a wrong document.
 */
export function readJson<K extends ModelKind>(
  input: unknown,
  kind: K,
  opts: JsonReadOptions = {},
): ReadResult<ModelByKind[K]> {
  const doc = typeof input === 'string' ? readJsonDocument(input) : input;
  let records: unknown[];
  try {
    records = findRecords(doc, opts.itemsPath);
  } catch (error) {
    if (error instanceof DandelionError) throw error;
    throw new DandelionError('format', `unreadable JSON document: ${String(error)}`, undefined, {
      cause: error,
    });
  }
  return normalizeRecords(records, kind, opts);
}
