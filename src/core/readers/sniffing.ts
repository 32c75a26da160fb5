/**
 * `format="auto"`: which format a body is, each registered format saying how sure it is (see
 * `readers/registry.ts`). Read through this module, the registry loads only for pages that sniff
 * or name a format their widget gives no definition of (`FormatDefinitions` in `read.ts`).
 */
import type { Format } from '../formats.js';
import type { SniffHints } from './reader-definition.js';
import { readerOf, readers, type ConcreteFormat } from './registry.js';

export { readerOf };

/** The surest format by `score` (ties: the first in the registry), else `fallback`. */
function surest(score: (reader: (typeof readers)[number]) => number, fallback: ConcreteFormat) {
  let best: ConcreteFormat = fallback;
  let bestScore = 0;
  for (const reader of readers) {
    const s = score(reader);
    if (s > bestScore) {
      best = reader.name;
      bestScore = s;
    }
  }
  return best;
}

/** Format of an already-parsed JSON document (data given directly), by its shape. */
export function sniffJsonShape(doc: unknown): ConcreteFormat {
  return surest((reader) => reader.sniffJson(doc), 'json');
}

/**
 * `format="auto"`: decides from the Content-Type, the URL's extension and the content, each
 * format saying how sure it is. `text` is the decoded body (only its start is looked at, except
 * for markers such as an ld+json block in an HTML page).
 */
export function sniffFormat(
  contentType: string | null | undefined,
  url: string | undefined,
  text: string,
): ConcreteFormat {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2048);
  const hints: SniffHints = {
    type: (contentType ?? '').split(';')[0].trim().toLowerCase(),
    path: url ? safePath(url) : '',
    head,
    text,
  };
  // Something with a header line and separators reads as CSV; HTML and the rest are rejected later.
  return surest((reader) => reader.sniff(hints), head.startsWith('<') ? 'json' : 'csv');
}

/**
 * The format a URL alone points to (`.ics`, `.csv`, `.json`, a Tribe API path), before its
 * answer is there: only to start loading that reader's code early, never to read with.
 */
export function formatOfUrl(url: string): ConcreteFormat | undefined {
  const hints: SniffHints = { type: '', path: safePath(url), head: '', text: '' };
  const format = surest((reader) => reader.sniff(hints), 'json');
  return readerOf(format)!.sniff(hints) > 0 ? format : undefined;
}

function safePath(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).pathname;
  } catch {
    return url;
  }
}

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
