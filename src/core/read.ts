/**
 * One entry point from a source body to normalized, sanitized models: picks the registered
 * reader for the format (sniffing when `auto`, see `readers/registry.ts`), checks the format fits
 * the wanted model, and sanitizes every HTML field. A named `format` the widget gives the
 * definition of ({@link FormatDefinitions}) loads that definition alone; `auto` and other names
 * load the registry with every format's sniffer (`readers/sniffing.ts`). Every reader's code is
 * a dynamic import, so a page loads only the reader its data needs, and the sanitizer (`sanitize.ts`, `inert-html.ts`) loads only when some record really has markup:
 * a JSON list of plain text never downloads it.
 */
import { DandelionError } from './errors.js';
import type { ConcreteFormat, Format } from './formats.js';
import type { FieldMap } from './fields.js';
import type { ModelByKind, ModelKind, ReadResult, Story } from './models.js';
import { loadMarkupCode, needsSanitizing } from './normalize/markup.js';
import type { Reader, ReadSource } from './readers/reader-definition.js';

/**
 * The definitions of the formats a widget usually reads, each loaded on its own: a page that names
 * one of them downloads no other format's sniffer or loader (the finder gives those of the
 * formats most service directories publish). Any other format is read through the registry.
 */
export type FormatDefinitions = {
  readonly [F in ConcreteFormat]?: () => Promise<Reader<F>>;
};

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
  /** Definitions of the formats the widget usually reads, loaded one by one when named. */
  definitions?: FormatDefinitions;
}

const htmlFields: { [K in ModelKind]: (keyof ModelByKind[K])[] } = {
  service: ['description'],
  event: ['description'],
  story: ['summary'],
};

/**
 * Starts loading the reader a source will need while its data is still on its way: the one
 * `format` names, else the one its URL points to (`.ics`, `.json`…). A wrong guess costs only a
 * download; `read()` still decides by the answer.
 */
export async function preloadReader(
  kind: ModelKind,
  format: Format = 'auto',
  url?: string,
  definitions?: FormatDefinitions,
): Promise<void> {
  try {
    const named =
      format === 'auto' ? url && (await lazyReading.sniffing()).formatOfUrl(url) : format;
    const reader = named ? await readerNamed(named, definitions) : undefined;
    if (reader?.kinds.includes(kind)) reader.preload(kind);
  } catch {
    // A download that failed: `read()` asks again and reports it.
  }
}

/**
 * The reader of a named format: its definition alone when the widget gives it, else from the
 * registry; `undefined` for a name no reader has.
 */
async function readerNamed(
  format: string,
  definitions?: FormatDefinitions,
): Promise<Reader | undefined> {
  const own = definitionOf(definitions, format);
  return own ? own() : (await lazyReading.sniffing()).readerOf(format);
}

/** The widget's own definition of `format`, if it gives one. */
function definitionOf(
  definitions: FormatDefinitions | undefined,
  format: string,
): (() => Promise<Reader>) | undefined {
  return definitions && Object.hasOwn(definitions, format)
    ? definitions[format as ConcreteFormat]
    : undefined;
}

/**
 * The body with its text and JSON views, each computed once (and only when a reader asks).
 * `parse` reads JSON text (given when the format reads JSON and the pager has not parsed it).
 */
function sourceOf(body: unknown, parsed: unknown, parse?: (text: string) => unknown): ReadSource {
  // Only the text formats need a string; stringifying 10,000 records for nothing costs ~40 ms.
  if (typeof body !== 'string')
    return { raw: body, text: () => JSON.stringify(body), json: () => body };
  let doc: { value: unknown } | undefined = parsed !== undefined ? { value: parsed } : undefined;
  const notJson = () => {
    throw new DandelionError('format', 'not a JSON document');
  };
  return {
    raw: body,
    text: () => body,
    json: () => (doc ??= { value: (parse ?? notJson)(body) }).value,
  };
}

/**
 * The JSON document reader (BOM, anti-hijacking prefixes, errors that say what is wrong), for
 * JSON text the pager has not parsed: loaded only for a format that reads JSON, so an RSS feed's
 * page never downloads it.
 */
async function jsonParser(
  body: unknown,
  parsed: unknown,
  reader: Reader | undefined,
): Promise<((text: string) => unknown) | undefined> {
  const json = reader?.name === 'json' || !!reader?.records;
  if (typeof body !== 'string' || parsed !== undefined || !json) return undefined;
  return (await lazyReading.jsonDocument()).readJsonDocument;
}

/**
 * Code `read()` downloads only for the sources that need it (one place, so tests can hold back
 * or fail a download and see the widget cope).
 */
export const lazyReading = {
  /** The JSON document reader (JSON text the pager could not parse, or given as text). */
  jsonDocument: () => import('./readers/json-document.js'),
  /** The errors of a source that cannot be read as set up, with their hints for the site owner. */
  errors: () => import('./reading-errors.js'),
  /**
   * The registry with every format's sniffer (`format="auto"`, or a format the widget gives no
   * definition of): the widgets ask for it when their first request starts
   * (`resource/data-controller.ts`), beside the reading code.
   */
  sniffing: () => import('./readers/sniffing.js'),
};

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
  // Markup in the text: the sanitizer is needed, so it loads alongside the reader, not after it.
  if (typeof body === 'string' && mayHaveMarkup(body)) loadMarkupCode().catch(() => undefined);
  const sniffing = requested === 'auto' ? await lazyReading.sniffing() : undefined;
  let format: string = sniffing
    ? sniffing.detectFormat(body, requested, options.contentType, baseUrl)
    : requested;
  let reader = sniffing
    ? sniffing.readerOf(format)
    : await readerNamed(format, options.definitions);
  const source = sourceOf(body, options.parsed, await jsonParser(body, options.parsed, reader));
  // Text sniffed as generic JSON: the parsed document's shape may show a more specific format.
  if (sniffing && format === 'json' && !itemsPath && !map) {
    format = sniffing.sniffJsonShape(source.json());
    reader = sniffing.readerOf(format);
  }
  if (!reader) throw (await lazyReading.errors()).unknownFormat(format);
  if (!reader.kinds.includes(kind))
    throw (await lazyReading.errors()).wrongKind(format, reader.kinds, kind);
  const shared = { map, transform, itemsPath };
  const context = { kind, requested, baseUrl, ...shared };
  const left = {
    map: map && !reader.handles.includes('map') ? map : undefined,
    transform: transform && !reader.handles.includes('transform') ? transform : undefined,
    itemsPath: itemsPath?.trim() && !reader.handles.includes('itemsPath') ? itemsPath : undefined,
  };
  let result: ReadResult<unknown>;
  if (!left.map && !left.transform && !left.itemsPath) {
    result = await reader.read(source, context);
  } else {
    // Only pages that set them for a format with its own reader load this.
    const { afterReader, recordsForReader, MAX_WARNINGS } =
      await import('./readers/shared-inputs.js');
    const before = recordsForReader(reader, source, left);
    const read = await reader.read(before.source, context);
    result = await afterReader(reader, kind, read, {
      map: left.map,
      transform: before.transformed ? undefined : left.transform,
      baseUrl,
    });
    result.skipped += before.skipped;
    result.warnings = [...before.warnings, ...result.warnings].slice(0, MAX_WARNINGS);
  }
  const typed = result as ReadResult<ModelByKind[K]>;
  const fields = htmlFields[kind] as string[];
  const items = typed.items as unknown as Record<string, unknown>[];
  const stories = kind === 'story' ? (typed.items as Story[]) : [];
  if (
    items.some((item) => fields.some((field) => needsSanitizing(item[field]))) ||
    stories.some(photoFromHtml)
  ) {
    const { imageAllowed, imageOriginsOf, sanitizeFields } = await import('./sanitize.js');
    const origins = imageOriginsOf({ baseUrl, imageOrigins: options.imageOrigins });
    dropHtmlImagesFromElsewhere(stories, (src) => imageAllowed(src, origins));
    await sanitizeFields(items, fields, origins);
  }
  return typed;
}

/** `<` in a text body, also as JSON escapes it (`\u003c`: Go, PHP and Rails APIs). */
function mayHaveMarkup(text: string): boolean {
  return text.includes('<') || text.includes('\\u003c') || text.includes('\\u003C');
}

/** Whether a story's photo may come from its own HTML (see {@link dropHtmlImagesFromElsewhere}). */
function photoFromHtml(story: Story): boolean {
  const src = story.image?.src;
  return !!src && !!story.summary?.includes(src);
}

/**
 * A story's photo taken from its own HTML (a feed item's first `<img>`) follows the same rule as
 * images inside that HTML: from another host it is a tracking pixel unless the site allows it.
 * Photos a feed declares as such (enclosure, media:content, featured image) are kept.
 */
function dropHtmlImagesFromElsewhere(stories: Story[], allowed: (src: string) => boolean): void {
  for (const story of stories) {
    if (photoFromHtml(story) && !allowed(story.image!.src)) story.image = undefined;
  }
}
