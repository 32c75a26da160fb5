/**
 * The errors of a source that cannot be read as the page set it up (wrong format, a `map` that
 * is not JSON, records without the fields a widget needs), each with the hint that tells the
 * site owner how to fix it. Loaded only when one happens: a page whose data reads fine never
 * downloads these messages.
 */
import { DandelionError } from './errors.js';
import type { FieldMap } from './field-map.js';
import { getPath } from './field-paths.js';
import type { ModelKind } from './models.js';
import { findRecords } from './readers/find-records.js';
import { readers } from './readers/registry.js';

/** The `format` attribute names no reader. */
export function unknownFormat(format: string): DandelionError {
  return new DandelionError('format', `unknown format "${format}"`, undefined, {
    attribute: 'format',
    hint: `Set format to auto (the default) or one of: ${readers.map((r) => r.name).join(', ')}.`,
  });
}

/** The format gives other models than the widget shows. */
export function wrongKind(
  format: string,
  kinds: readonly ModelKind[],
  kind: ModelKind,
): DandelionError {
  return new DandelionError(
    'format',
    `format "${format}" gives ${kinds.join(' or ')}s, but this widget shows ${kind}s`,
    undefined,
    {
      attribute: 'format',
      hint: `Point src at a source of ${kind}s, or set format to the source's real format.`,
    },
  );
}

/** The `map` attribute is not a JSON object. */
export function invalidMap(error: unknown): DandelionError {
  return new DandelionError(
    'format',
    `the map attribute is not valid JSON: ${String(error)}`,
    undefined,
    {
      attribute: 'map',
      hint: `Write map as a JSON object of field → path, e.g. map='{"title":"name","start":"when.begin"}' (double quotes inside, single quotes around).`,
    },
  );
}

/** What a load that could not use one of its records knew about them. */
export interface UnusableRecords {
  kind: ModelKind;
  skipped: number;
  warnings: string[];
  /** The documents read (JSON ones give the records' fields for the hint). */
  docs: unknown[];
  map?: FieldMap;
  itemsPath?: string;
}

/**
 * Not one record could be used: a broken source (no dates, wrong format, lists nested 100,000
 * deep), not an empty one. The hint names the `map` paths that matched nothing, or the fields
 * the records do have.
 */
export function noUsableRecord(load: UnusableRecords): DandelionError {
  const { kind, map } = load;
  const records = load.docs.flatMap((doc) => recordsOf(doc, load.itemsPath));
  const unmatched = map ? unmatchedPaths(map, records) : [];
  const fields = [
    ...new Set(records.slice(0, 20).flatMap((r) => (isObject(r) ? Object.keys(r) : []))),
  ];
  const theirs = fields.length
    ? ` The records' fields are: ${fields.slice(0, 12).join(', ')}.`
    : '';
  return new DandelionError(
    'format',
    `none of the ${load.skipped} record(s) could be used — ${load.warnings.slice(0, 3).join('; ')}`,
    undefined,
    {
      skipped: load.skipped,
      attribute: 'map',
      hint: unmatched.length
        ? `In map, ${unmatched.map(([field, path]) => `"${field}": "${path}"`).join(', ')} matched nothing in the records; change the path to one of their fields.${theirs}`
        : `No record has the fields a ${kind} needs. Point map at them, e.g. map='{"${kind === 'event' ? 'start' : kind === 'service' ? 'name' : 'title'}":"…"}', or set items-path if the records are elsewhere in the document.${theirs}`,
    },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
