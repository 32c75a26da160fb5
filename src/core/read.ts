/**
 * One entry point from a source body to normalized, sanitized models: picks the registered
 * reader for the format (sniffing when `auto`, see `readers/registry.ts`), checks the format fits
 * the wanted model, and sanitizes every HTML field (DOMPurify loaded only when some field really
 * has markup). The registry holds only names and sniffers; every reader's code is a dynamic
 * import, so a page loads only the reader its data needs.
 */
import { DandelionError } from './errors.js';
import { sniffFormat, sniffJsonShape, type ConcreteFormat, type Format } from './formats.js';
import type { FieldMap } from './fields.js';
import type { ModelByKind, ModelKind, ReadResult, Story } from './models.js';
import { imageAllowed, imageOriginsOf, sanitizeFields, type ImageOrigins } from './sanitize.js';
import { getPath } from './fields.js';
import { findRecords, readJsonDocument } from './readers/json-document.js';
import type { Reader, ReadSource } from './readers/reader-definition.js';
import { readerOf } from './readers/registry.js';
import { sourceRecordOf } from './readers/source-records.js';

export interface ReadOptions<K extends ModelKind> {
  /** Which model the caller wants. */
  kind: K;
  /** Source format; `auto` (default) sniffs. */
  format?: Format;
  /**
   * Model field → path. Paths are read in each source record for JSON formats (json, csv, hsds,
   * tribe, wordpress, jsonfeed), in the model as read for ics, rss, atom and jsonld.
   */
  map?: FieldMap;
  /**
   * Path to the records in a JSON document (json, hsds, tribe, wordpress, jsonfeed, jsonld);
   * ignored with a console warning for csv, ics, rss, atom and ld+json inside HTML.
   */
  itemsPath?: string;
  /**
   * Called with each record before `map` (a copy of each model as read for ics, rss, atom and
   * ld+json inside HTML); `null`/`undefined` drops it, a throw skips it with a warning.
   */
  transform?: (record: unknown) => unknown;
  /** URL of the document, to resolve relative links and to sniff by extension. */
  baseUrl?: string;
  /** Content-Type of the response, for sniffing. */
  contentType?: string | null;
  /** The body already parsed as JSON (by the pager), so it is not parsed twice. */
  parsed?: unknown;
  /** Origins besides the page's and `baseUrl`'s that may serve images in remote HTML (`*`: any). */
  imageOrigins?: readonly string[];
}

const htmlFields: { [K in ModelKind]: (keyof ModelByKind[K])[] } = {
  service: ['description'],
  event: ['description'],
  story: ['summary'],
};

/** The concrete format of a body (text) or of data given directly (parsed JSON / records). */
export function detectFormat(
  body: unknown,
  format: Format = 'auto',
  contentType?: string | null,
  url?: string,
): ConcreteFormat {
  if (format !== 'auto') return format;
  if (typeof body !== 'string') return sniffJsonShape(body);
  return sniffFormat(contentType, url, body);
}

/** The body with its text and JSON views, each computed once (and only when a reader asks). */
function sourceOf(body: unknown, parsed: unknown): ReadSource {
  // Only the text formats need a string; stringifying 10,000 records for nothing costs ~40 ms.
  if (typeof body !== 'string')
    return { raw: body, text: () => JSON.stringify(body), json: () => body };
  let doc: { value: unknown } | undefined = parsed !== undefined ? { value: parsed } : undefined;
  return {
    raw: body,
    text: () => body,
    json: () => (doc ??= { value: readJsonDocument(body) }).value,
  };
}

/**
 * Reads a body (response text, or an already-parsed document / array of records) into models.
 * Throws {@link DandelionError} (`format` / `parse`) when the whole document is unusable;
 * bad records are skipped and counted in the result.
 */
export async function read<K extends ModelKind>(
  body: unknown,
  options: ReadOptions<K>,
): Promise<ReadResult<ModelByKind[K]>> {
  const { kind, map, itemsPath, transform, baseUrl } = options;
  const requested = options.format ?? 'auto';
  const source = sourceOf(body, options.parsed);
  let format: string = detectFormat(body, requested, options.contentType, baseUrl);
  // Text sniffed as generic JSON: the parsed document's shape may show a more specific format.
  if (format === 'json' && requested !== 'json' && !itemsPath && !map)
    format = sniffJsonShape(source.json());
  const reader = readerOf(format);
  if (!reader) throw new DandelionError('format', `unknown format "${format}"`);
  if (!reader.kinds.includes(kind)) {
    throw new DandelionError(
      'format',
      `format "${format}" gives ${reader.kinds.join(' or ')}s, but this widget shows ${kind}s`,
    );
  }
  const shared = { map, transform, itemsPath };
  const before = recordsForReader(reader, source, shared);
  const read = await reader.read(before.source, { kind, requested, baseUrl, ...shared });
  const result = await afterReader(reader, kind, read, {
    map: reader.handles.includes('map') ? undefined : map,
    transform: reader.handles.includes('transform') || before.transformed ? undefined : transform,
    baseUrl,
  });
  result.skipped += before.skipped;
  result.warnings = [...before.warnings, ...result.warnings].slice(0, MAX_WARNINGS);
  const typed = result as ReadResult<ModelByKind[K]>;
  const origins = imageOriginsOf({ baseUrl, imageOrigins: options.imageOrigins });
  if (kind === 'story') dropHtmlImagesFromElsewhere(typed.items as Story[], origins);
  await sanitizeFields(typed.items as object[], htmlFields[kind] as never[], origins);
  return typed;
}

/** At most this many warnings are kept in a result (as the readers do). */
const MAX_WARNINGS = 5;

interface SharedInputs {
  map?: FieldMap;
  transform?: (record: unknown) => unknown;
  itemsPath?: string;
}

/** The JSON document of a source, or `undefined` when it is not JSON (an HTML page, a feed). */
function jsonOf(source: ReadSource): unknown {
  try {
    return source.json();
  } catch {
    return undefined;
  }
}

/**
 * `items-path` and `transform` for a JSON format whose reader does not apply them itself: the
 * records at `items-path` (or where the format keeps them) go through `transform` (a throwing
 * transform skips that record, `null` / `undefined` drops it) and are handed to the reader as a
 * document of its format. Formats that are not JSON ignore `items-path`, with a console warning.
 */
function recordsForReader(reader: Reader, source: ReadSource, inputs: SharedInputs) {
  const outcome = { source, transformed: false, skipped: 0, warnings: [] as string[] };
  const wantsPath = !!inputs.itemsPath?.trim() && !reader.handles.includes('itemsPath');
  const wantsTransform = !!inputs.transform && !reader.handles.includes('transform');
  if (!wantsPath && !wantsTransform) return outcome;
  const doc = reader.records ? jsonOf(source) : undefined;
  if (!reader.records || doc === undefined) {
    if (wantsPath)
      console.warn(
        `dandelion: items-path is ignored for format "${reader.name}" (not a JSON list)`,
      );
    return outcome;
  }
  let records = wantsPath ? findRecords(doc, inputs.itemsPath) : reader.records.of(doc);
  if (!records) return outcome;
  if (wantsTransform && inputs.transform) {
    const transform = inputs.transform;
    const kept: unknown[] = [];
    records.forEach((record, index) => {
      let value: unknown;
      try {
        value = transform(record);
      } catch (error) {
        outcome.skipped++;
        outcome.warnings.push(`record ${index + 1}: transform failed: ${errorText(error)}`);
        return;
      }
      if (value !== null && value !== undefined) kept.push(value);
    });
    records = kept;
    outcome.transformed = true;
  }
  const wrapped = reader.records.wrap(records, doc);
  outcome.source = { raw: wrapped, text: () => JSON.stringify(wrapped), json: () => wrapped };
  return outcome;
}

/**
 * `transform` (for formats without JSON records: each model as read, a copy) and `map` (model
 * field → path in the record the model was read from, or in the model as read) for readers that
 * do not apply them themselves. Changed fields are read as a generic record's fields are.
 */
async function afterReader(
  reader: Reader,
  kind: ModelKind,
  result: ReadResult<unknown>,
  inputs: { map?: FieldMap; transform?: (record: unknown) => unknown; baseUrl?: string },
): Promise<ReadResult<unknown>> {
  const { map, transform } = inputs;
  if ((!map || !Object.keys(map).length) && !transform) return result;
  const { overrideFields } = await import('./normalize/index.js');
  const items: unknown[] = [];
  const warnings = [...result.warnings];
  let skipped = result.skipped;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  result.items.forEach((item, index) => {
    if (!isModel(item)) return;
    let model: ModelByKind[ModelKind] = item;
    const where = `${reader.name} record ${index + 1}`;
    if (transform) {
      let changed: unknown;
      try {
        changed = transform(structuredClone(model));
      } catch (error) {
        skipped++;
        warn(`${where}: transform failed: ${errorText(error)}`);
        return;
      }
      if (changed === null || changed === undefined) return;
      if (typeof changed === 'object') {
        const values = changedValues(model, changed);
        if (Object.keys(values).length)
          model = overrideFields(kind, model, values, {
            baseUrl: inputs.baseUrl,
            warn: (m) => warn(`${where}: transform: ${m}`),
          });
      }
    }
    if (map) {
      const source = sourceRecordOf(item) ?? model;
      const values: Record<string, unknown> = {};
      for (const [field, path] of Object.entries(map)) {
        const value = getPath(source, path);
        if (value !== undefined) values[field] = value;
      }
      if (Object.keys(values).length)
        model = overrideFields(kind, model, values, {
          baseUrl: inputs.baseUrl,
          warn: (m) => warn(`${where}: map: ${m}`),
        });
    }
    items.push(model);
  });
  return { items, skipped, warnings };
}

function isModel(item: unknown): item is ModelByKind[ModelKind] {
  return item !== null && typeof item === 'object' && 'id' in item;
}

/** The fields of `changed` that differ from `model`'s. */
function changedValues(model: object, changed: object): Record<string, unknown> {
  const before = new Map(Object.entries(model));
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    if (JSON.stringify(value) !== JSON.stringify(before.get(key))) values[key] = value;
  }
  return values;
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * A story's photo taken from its own HTML (a feed item's first `<img>`) follows the same rule as
 * images inside that HTML: from another host it is a tracking pixel unless the site allows it.
 * Photos a feed declares as such (enclosure, media:content, featured image) are kept.
 */
function dropHtmlImagesFromElsewhere(stories: Story[], origins: ImageOrigins): void {
  for (const story of stories) {
    const src = story.image?.src;
    if (src && story.summary?.includes(src) && !imageAllowed(src, origins)) story.image = undefined;
  }
}
