/**
 * The loading work of {@link DataController}: fetch (through the page-wide request cache), read
 * every page with its reader, join pages and drop duplicate ids, and the messages for what can go
 * wrong. Loaded on first use, so a widget that gets its content from markup never downloads the
 * fetch and reader machinery or the error messages. A page's first request does not wait for
 * this chunk: it starts when the widget connects, and the request cache takes it over.
 */
import { DandelionError } from '../errors.js';
import { getPath, parseFieldMap, type FieldMap } from '../fields.js';
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { preloadReader, read } from '../read.js';
import type { DataInputs } from './data-controller.js';
import { cachedPages } from '../data/request-cache.js';

export interface LoadedItems<T> {
  items: T[];
  /** Records that could not be used (skipped by a reader or duplicate ids). */
  skipped: number;
  /** Why records were skipped, in order. */
  warnings: string[];
}

export interface LoadRequest {
  /** Absolute URL of the source, or undefined for `data`. */
  source?: string;
  signal: AbortSignal;
  /** Bypasses the request cache (retry, `refresh`). */
  force: boolean;
}

/** Fetches and reads a widget's data by the design's rules. */
export async function loadItems<K extends ModelKind>(
  kind: K,
  inputs: DataInputs,
  request: LoadRequest,
): Promise<LoadedItems<ModelByKind[K]>> {
  const map = typeof inputs.map === 'string' ? parseMap(inputs.map) : (inputs.map ?? undefined);
  const options = {
    kind,
    format: inputs.format ?? 'auto',
    map,
    itemsPath: inputs.itemsPath ?? undefined,
    transform: inputs.transform ?? undefined,
    imageOrigins: inputs.imageOrigins?.split(/\s+/).filter(Boolean),
  };
  let results: ReadResult<ModelByKind[K]>[];
  let docs: unknown[] = [inputs.data];
  if (request.source) {
    preloadReader(kind, options.format, request.source);
    const pages = await cachedPages(request.source, {
      signal: request.signal,
      force: request.force,
      credentials: inputs.credentials ?? undefined,
      timeout: inputs.timeout ? inputs.timeout * 1000 : undefined,
      maxPages: inputs.maxPages,
      pageOrigins: inputs.pageOrigins?.split(/\s+/).filter(Boolean),
    });
    docs = pages.map((page) => page.json);
    results = await Promise.all(
      pages.map((page) =>
        read(page.text, {
          ...options,
          parsed: page.json,
          baseUrl: page.url,
          contentType: page.contentType,
        }),
      ),
    );
  } else {
    results = [await read(inputs.data, options)];
  }
  const loaded = join(results);
  // Not one record could be used: a broken source (no dates, wrong format, lists nested 100,000
  // deep), not an empty one. Saying "nothing published yet" would hide it from the site owner.
  if (loaded.items.length === 0 && loaded.skipped > 0) {
    // Only for this message: the document reader loads now, not with every source.
    const { findRecords } = await import('../readers/json-document.js');
    const records = docs.flatMap((doc) => recordsOf(findRecords, doc, options.itemsPath));
    const unmatched = map ? unmatchedPaths(map, records) : [];
    const fields = [
      ...new Set(records.slice(0, 20).flatMap((r) => (isObject(r) ? Object.keys(r) : []))),
    ];
    const theirs = fields.length
      ? ` The records' fields are: ${fields.slice(0, 12).join(', ')}.`
      : '';
    throw new DandelionError(
      'format',
      `none of the ${loaded.skipped} record(s) could be used — ${loaded.warnings.slice(0, 3).join('; ')}`,
      undefined,
      {
        skipped: loaded.skipped,
        attribute: 'map',
        hint: unmatched.length
          ? `In map, ${unmatched.map(([field, path]) => `"${field}": "${path}"`).join(', ')} matched nothing in the records; change the path to one of their fields.${theirs}`
          : `No record has the fields a ${kind} needs. Point map at them, e.g. map='{"${kind === 'event' ? 'start' : kind === 'service' ? 'name' : 'title'}":"…"}', or set items-path if the records are elsewhere in the document.${theirs}`,
      },
    );
  }
  return loaded;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON records of a document (none when it is not JSON records). */
function recordsOf(
  findRecords: (doc: unknown, itemsPath?: string) => unknown[],
  doc: unknown,
  itemsPath?: string,
): unknown[] {
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

function parseMap(text: string): FieldMap | undefined {
  try {
    return parseFieldMap(text);
  } catch (error) {
    throw new DandelionError(
      'format',
      `the map attribute is not valid JSON: ${String(error)}`,
      undefined,
      {
        attribute: 'map',
        hint: `Write map as a JSON object of field → path, e.g. map='{"title":"name","start":"when.begin"}' (double quotes inside, single quotes around).`,
      },
    );
  }
}

/** Joins pages and drops duplicate ids across pages (first wins). */
function join<T extends { id: string }>(results: ReadResult<T>[]): LoadedItems<T> {
  const seen = new Set<string>();
  const items: T[] = [];
  let skipped = 0;
  const warnings: string[] = [];
  for (const result of results) {
    skipped += result.skipped;
    warnings.push(...result.warnings);
    for (const item of result.items) {
      if (seen.has(item.id)) {
        skipped++;
        warnings.push(`duplicate id "${item.id}"`);
        continue;
      }
      seen.add(item.id);
      items.push(item);
    }
  }
  return { items, skipped, warnings };
}
