/**
 * One entry point from a source body to normalized, sanitized models: picks the reader for the
 * format (sniffing when `auto`), checks the format fits the wanted model, and sanitizes every HTML
 * field with DOMPurify (loaded only when some field really has markup). Every reader except
 * plain JSON is a dynamic import, so a page loads only the reader its data needs.
 */
import { DandelionError } from './errors.js';
import {
  formatKind,
  sniffFormat,
  sniffJsonShape,
  type ConcreteFormat,
  type Format,
} from './formats.js';
import type { FieldMap } from './fields.js';
import type { ModelByKind, ModelKind, ReadResult, Story } from './models.js';
import { imageAllowed, imageOriginsOf, sanitizeFields, type ImageOrigins } from './sanitize.js';
import { findRecords, readJsonDocument } from './readers/json-document.js';

export interface ReadOptions<K extends ModelKind> {
  /** Which model the caller wants. */
  kind: K;
  /** Source format; `auto` (default) sniffs. */
  format?: Format;
  map?: FieldMap;
  itemsPath?: string;
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

/** Parses a JSON text (when a string) and refines the JSON format by the document's shape. */
function parseJson(body: unknown, parsed: unknown): unknown {
  if (typeof body !== 'string') return body;
  return parsed !== undefined ? parsed : readJsonDocument(body);
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
  let format = detectFormat(body, options.format, options.contentType, baseUrl);
  let doc: unknown = body;
  if (
    format === 'json' ||
    format === 'hsds' ||
    format === 'tribe' ||
    format === 'wordpress' ||
    format === 'jsonfeed'
  ) {
    doc = parseJson(body, options.parsed);
    if (format === 'json' && options.format !== 'json' && !itemsPath && !map)
      format = sniffJsonShape(doc);
  }
  const wanted = formatKind[format];
  if (wanted && wanted !== kind) {
    throw new DandelionError(
      'format',
      `format "${format}" gives ${wanted}s, but this widget shows ${kind}s`,
    );
  }
  const opts = { baseUrl };
  // Only the text formats need a string; stringifying 10,000 records for nothing costs ~40 ms.
  const text = () => (typeof body === 'string' ? body : JSON.stringify(body));
  let result: ReadResult<unknown>;
  switch (format) {
    case 'json':
      result = await (
        await import('./normalize.js')
      ).normalizeRecordsSliced(findRecords(doc, itemsPath), kind, {
        map,
        transform,
        baseUrl,
      });
      break;
    case 'csv':
      result = (await import('./readers/csv.js')).readCsv(text(), kind, {
        map,
        transform,
        baseUrl,
      });
      break;
    case 'jsonld':
      result = (await import('./readers/jsonld.js')).readJsonLd(body, kind, opts);
      break;
    case 'hsds':
      result = (await import('./readers/hsds.js')).readHsds(doc, opts);
      break;
    case 'tribe':
      result = (await import('./readers/tribe.js')).readTribe(doc, opts);
      break;
    case 'ics': {
      const { readIcs } = await import('./readers/ics.js');
      result = await readIcs(text(), opts);
      break;
    }
    case 'rss':
    case 'atom': {
      // Servers often label Atom as RSS and vice versa: when sniffed, trust the content.
      const { readAtom, readFeed, readRss } = await import('./readers/feed.js');
      result =
        options.format === format
          ? (format === 'rss' ? readRss : readAtom)(text(), opts)
          : readFeed(text(), opts);
      break;
    }
    case 'jsonfeed':
      result = (await import('./readers/feed.js')).readJsonFeed(doc as string, opts);
      break;
    case 'wordpress':
      result = (await import('./readers/wordpress.js')).readWordPress(doc, opts);
      break;
  }
  const typed = result as ReadResult<ModelByKind[K]>;
  const origins = imageOriginsOf({ baseUrl, imageOrigins: options.imageOrigins });
  if (kind === 'story') dropHtmlImagesFromElsewhere(typed.items as Story[], origins);
  await sanitizeFields(typed.items as object[], htmlFields[kind] as never[], origins);
  return typed;
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
