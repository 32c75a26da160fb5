/**
 * The only place remote HTML is allowed in: DOMPurify (loaded lazily, only when a record really
 * carries markup). Remote *text* never goes through here: it is escaped. Link checks live in
 * `safe-url.ts`, which the widgets use without this module.
 */
import type { Config } from 'dompurify';
import { parseInert, withoutInlineAttributes } from './inert-html.js';

/** Plain text of an HTML fragment (entities decoded, tags dropped). Never executes anything. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const doc = parseInert(`<!doctype html><body>${html}`, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether a string needs the HTML sanitizer at all (has tags or entities). */
export function looksLikeHtml(value: string): boolean {
  return /[<&]/.test(value);
}

const purifyConfig: Config = {
  ALLOWED_TAGS: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'code',
    'dd',
    'del',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'li',
    'ol',
    'p',
    'pre',
    'q',
    's',
    'small',
    'span',
    'strong',
    'sub',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
  ],
  ALLOWED_ATTR: [
    'href',
    'src',
    'alt',
    'title',
    'width',
    'height',
    'colspan',
    'rowspan',
    'lang',
    'dir',
  ],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/|\.)/i,
};

/**
 * Where images inside remote HTML may load from. An `<img>` in a feed record is a request the
 * visitor's browser makes: from a third-party host it is a tracking pixel. By default images load
 * only from the page's own origin and the source's (`baseUrl`); a site lists more hosts with the
 * `image-origins` attribute (`*` for any). Other images keep their alt text, not their `src`.
 */
export interface ImagePolicy {
  /** URL the HTML came from (its origin may serve images). */
  baseUrl?: string;
  /** More origins allowed to serve images, or `['*']` for any. */
  imageOrigins?: readonly string[];
}

/** Origins that may serve images under a policy, worked out once per read (`any`: all). */
export type ImageOrigins = Set<string> | 'any';

export function imageOriginsOf({ baseUrl, imageOrigins: more = [] }: ImagePolicy): ImageOrigins {
  if (more.includes('*')) return 'any';
  const origins = [globalThis.location?.href, baseUrl, ...more].map((url) => url && originOf(url));
  return new Set(origins.filter((origin): origin is string => Boolean(origin)));
}

/** Whether an image at `src` may load from where it is (see {@link ImagePolicy}). */
export function imageAllowed(src: string, origins: ImageOrigins): boolean {
  if (origins === 'any') return true;
  const origin = originOf(src);
  return origin !== undefined && origins.has(origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return undefined;
  }
}

let purifier: Promise<(html: string) => string> | undefined;
/** The origins of the sanitize call in progress (DOMPurify's hooks run synchronously inside it). */
let currentOrigins: ImageOrigins = new Set();

async function loadPurifier(): Promise<(html: string) => string> {
  const { default: DOMPurify } = await import('dompurify');
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      const src = node.getAttribute('src');
      if (!src || !imageAllowed(src, currentOrigins)) {
        node.removeAttribute('src');
        node.removeAttribute('srcset');
      }
    }
  });
  // DOMPurify parses the string itself: inline handlers and styles go first (see inert-html.ts).
  return (html) => instance.sanitize(withoutInlineAttributes(html), purifyConfig) as string;
}

/**
 * Sanitizes remote HTML. Loads DOMPurify on first use only; text without `<`/`&` is returned
 * as is without loading anything.
 */
export async function sanitizeHtml(html: string, policy: ImagePolicy = {}): Promise<string> {
  return sanitizeWith(html, imageOriginsOf(policy));
}

/** The markup `textToHtml` writes: line breaks and the five entities. */
const ESCAPES = /&(?:amp|lt|gt|quot|#39);|<br>/g;
const MARKUP_SIGNS = /[<&]/;

/**
 * Plain text escaped by `textToHtml` (most descriptions of a JSON or HSDS list): nothing in it
 * but `<br>` and entities, so DOMPurify would give it back as it is (quotes unescaped) and the
 * page shows the same. Skipping it saves a parse per record.
 */
function isEscapedText(html: string): boolean {
  return !MARKUP_SIGNS.test(html.replace(ESCAPES, ''));
}

async function sanitizeWith(html: string, origins: ImageOrigins): Promise<string> {
  if (!looksLikeHtml(html) || isEscapedText(html)) return html;
  purifier ??= loadPurifier();
  const purify = await purifier;
  currentOrigins = origins;
  return purify(html);
}

/** Sanitizes every listed HTML field of every item in place (one DOMPurify load at most). */
export async function sanitizeFields<T extends object>(
  items: T[],
  fields: (keyof T)[],
  origins: ImageOrigins = imageOriginsOf({}),
): Promise<void> {
  for (const item of items) {
    for (const field of fields) {
      const value = item[field];
      if (typeof value === 'string' && looksLikeHtml(value)) {
        (item[field] as string) = await sanitizeWith(value, origins);
      }
    }
  }
}
