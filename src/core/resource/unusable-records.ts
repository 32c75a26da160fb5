/**
 * What to tell a site owner when not one record of a source could be used (see `load-items.ts`):
 * which `map` paths matched nothing, and which fields the records do have. A chunk of its own:
 * only a broken source needs it.
 */
import { DandelionError } from '../errors.js';
import { getPath, type FieldMap } from '../fields.js';
import type { ModelKind } from '../models.js';
import { findRecords } from '../readers/json-document.js';
import { isRecord } from '../readers/reader-definition.js';

/** The error for a source none of whose `skipped` records could be used, with a hint to fix it. */
export function unusableRecords(
  why: string,
  kind: ModelKind,
  map: FieldMap | undefined,
  docs: unknown[],
  itemsPath: string | undefined,
  skipped: number,
): DandelionError {
  const records = docs.flatMap((doc) => recordsOf(doc, itemsPath));
  const unmatched = map ? unmatchedPaths(map, records) : [];
  const fields = [
    ...new Set(records.slice(0, 20).flatMap((r) => (isRecord(r) ? Object.keys(r) : []))),
  ];
  const theirs = fields.length
    ? ` The records' fields are: ${fields.slice(0, 12).join(', ')}.`
    : '';
  return new DandelionError('format', why, undefined, {
    skipped,
    attribute: 'map',
    hint: unmatched.length
      ? `In map, ${unmatched.map(([field, path]) => `"${field}": "${path}"`).join(', ')} matched nothing in the records; change the path to one of their fields.${theirs}`
      : `No record has the fields a ${kind} needs. Point map at them, e.g. map='{"${kind === 'event' ? 'start' : kind === 'service' ? 'name' : 'title'}":"…"}', or set items-path if the records are elsewhere in the document.${theirs}`,
  });
}

/** The JSON records of a document (none when it is not JSON records). */
function recordsOf(doc: unknown, itemsPath?: string): unknown[] {
  if (doc === undefined || typeof doc === 'string') return [];
  try {
    return findRecords(doc, itemsPath);
  } catch {
    return [];
  }
}

/** Map entries whose path finds a value in none of the first records. */
function unmatchedPaths(map: FieldMap, records: unknown[]): [string, string][] {
  const sample = records.slice(0, 50);
  return Object.entries(map).filter(
    ([, path]) => sample.length > 0 && sample.every((r) => getPath(r, path) === undefined),
  );
}
