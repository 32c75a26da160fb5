import type { ModelKind } from './models.js';

/** Values of the shared `format` attribute. */
export const formats = [
  'auto',
  'json',
  'csv',
  'hsds',
  'ics',
  'rss',
  'atom',
  'jsonfeed',
  'wordpress',
  'tribe',
  'jsonld',
] as const;
export type Format = (typeof formats)[number];
export type ConcreteFormat = Exclude<Format, 'auto'>;

/** Which model a format can produce; `undefined` = any (generic formats). */
export const formatKind: Record<ConcreteFormat, ModelKind | undefined> = {
  json: undefined,
  csv: undefined,
  jsonld: undefined,
  hsds: 'service',
  ics: 'event',
  tribe: 'event',
  rss: 'story',
  atom: 'story',
  jsonfeed: 'story',
  wordpress: 'story',
};

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (formats as readonly string[]).includes(value);
}

/** Format of an already-parsed JSON document, by its shape. */
export function sniffJsonShape(doc: unknown): ConcreteFormat {
  if (Array.isArray(doc)) {
    const first = doc.find((x) => x && typeof x === 'object') as
      Record<string, unknown> | undefined;
    if (first && isRendered(first.title) && ('excerpt' in first || 'content' in first))
      return 'wordpress';
    if (first && ('@context' in first || '@type' in first)) return 'jsonld';
    return 'json';
  }
  if (!doc || typeof doc !== 'object') return 'json';
  const o = doc as Record<string, unknown>;
  if (typeof o.version === 'string' && o.version.startsWith('https://jsonfeed.org/version/'))
    return 'jsonfeed';
  if (
    Array.isArray(o.events) &&
    ('rest_url' in o || 'next_rest_url' in o || 'total_pages' in o) &&
    looksTribe(o.events)
  )
    return 'tribe';
  if (Array.isArray(o.contents) && 'total_pages' in o) return 'hsds';
  if ('@context' in o || '@graph' in o) return 'jsonld';
  return 'json';
}

function isRendered(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'rendered' in value;
}

function looksTribe(events: unknown[]): boolean {
  const first = events[0] as Record<string, unknown> | undefined;
  return !first || 'start_date' in first || 'utc_start_date' in first;
}

/**
 * `format="auto"`: decides from the Content-Type, then the URL's extension, then the content.
 * `text` is the decoded body (only its start is looked at).
 */
export function sniffFormat(
  contentType: string | null | undefined,
  url: string | undefined,
  text: string,
): ConcreteFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2048);
  const path = url ? safePath(url) : '';

  if (type === 'text/calendar' || /\.ics$/i.test(path) || head.startsWith('BEGIN:VCALENDAR'))
    return 'ics';
  if (type === 'application/feed+json') return 'jsonfeed';
  if (type === 'application/atom+xml') return 'atom';
  if (type === 'application/rss+xml') return 'rss';
  if (type === 'application/ld+json') return 'jsonld';
  if (type === 'text/csv' || /\.csv$/i.test(path)) return 'csv';
  if (head.startsWith('<')) {
    if (/<rss[\s>]|<rdf:RDF[\s>]/.test(head)) return 'rss';
    if (/<feed[\s>]/.test(head)) return 'atom';
    if (/application\/ld\+json/i.test(text)) return 'jsonld';
  }
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (type === 'application/json' || /\.json$/i.test(path)) return 'json';
  if (/\/wp-json\/tribe\/events\//.test(path)) return 'tribe';
  // Something with a header line and separators reads as CSV; HTML and the rest are rejected later.
  return head.startsWith('<') ? 'json' : 'csv';
}

function safePath(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).pathname;
  } catch {
    return url;
  }
}
