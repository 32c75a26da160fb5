/**
 * The `format` attribute's values and `format="auto"`'s sniffing, derived from the reader
 * registry (`readers/registry.ts`): a new format is one file and one line there, not here.
 */
import { readerOf, readers, type ConcreteFormat } from './readers/registry.js';
import type { SniffHints } from './readers/reader-definition.js';
import type { ModelKind } from './models.js';

export type { ConcreteFormat };
/** Values of the shared `format` attribute. */
export type Format = 'auto' | ConcreteFormat;

/** Values of the shared `format` attribute: `auto`, then every registered format. */
export const formats: readonly Format[] = ['auto', ...readers.map((reader) => reader.name)];

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (value === 'auto' || readerOf(value) !== undefined);
}

/** The models a format can give. */
export function formatKinds(format: ConcreteFormat): readonly ModelKind[] {
  return readerOf(format)?.kinds ?? [];
}

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
