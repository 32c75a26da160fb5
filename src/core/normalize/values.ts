/**
 * Values out of loose records: strings from strings, numbers, lists or `{name}` objects; plain
 * text and HTML fields; lists; safe links. Total: a bad value comes back as `undefined`.
 */
import { asStringList } from '../field-lists.js';
import { asString } from '../fields.js';
import { safeImageUrl, safeUrl, textToHtml } from '../safe-url.js';
import { HTML_MARKUP, markupText } from './markup.js';
import { isObject } from './keys.js';

const NAME_KEYS = ['name', 'title', 'label', 'text', 'value', 'rendered'];

/** A trimmed string from a string, number, first array item or `{name|title|…}` object. */
export function stringOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return asString(value);
  if (depth > 2) return undefined;
  if (Array.isArray(value)) return value.length ? stringOf(value[0], depth + 1) : undefined;
  if (isObject(value)) {
    for (const key of NAME_KEYS) {
      if (key in value) {
        const s = stringOf(value[key], depth + 1);
        if (s) return s;
      }
    }
  }
  return undefined;
}

/**
 * Plain text (titles, names): markup in the source is reduced to its text (throws
 * `MarkupCodeNeeded` while that code is not loaded).
 */
export function plainText(value: unknown): string | undefined {
  const s = stringOf(value);
  if (s === undefined || !HTML_MARKUP.test(s)) return s;
  return markupText(s) || undefined;
}

/** An HTML model field: plain text is escaped, real markup passes through (sanitized later). */
export function htmlField(value: unknown): string | undefined {
  const s = stringOf(value);
  if (s === undefined) return undefined;
  return HTML_MARKUP.test(s) ? s : textToHtml(s);
}

export function listOf(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  const list = asStringList(value);
  for (let i = 0; i < list.length; i++) {
    if (HTML_MARKUP.test(list[i])) return list.map(textOfMarkup).filter(Boolean);
  }
  return list;
}

const textOfMarkup = (s: string) => (HTML_MARKUP.test(s) ? markupText(s) : s);

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/|\.\.?\/|www\.)/i;
const WWW = /^www\./i;
/** `img/1.jpg`, `events/1.html?x=1` (but not `n/a`). */
const RELATIVE_FILE = /^[\w-]+\/\S*\.[a-z0-9]{2,5}(?:[?#]\S*)?$/i;

/**
 * A safe link. Only values that look like links are taken, so "无" or "见官网" in a URL column
 * does not become a relative link to the page itself.
 */
export function linkOf(
  value: unknown,
  baseUrl: string | undefined,
  schemes: 'web' | 'any' = 'web',
): string | undefined {
  const s = stringOf(value);
  if (!s || !(URL_LIKE.test(s) || RELATIVE_FILE.test(s))) return undefined;
  const href = WWW.test(s) ? `https://${s}` : s;
  // safeImageUrl is safeUrl restricted to http(s): what page links and images need.
  return schemes === 'web' ? safeImageUrl(href, baseUrl) : safeUrl(href, baseUrl);
}

export function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
