/**
 * The only place remote HTML is allowed in: the browser's own Sanitizer API where it has one
 * (Chromium, Firefox: nothing to download), DOMPurify otherwise (loaded lazily, only when a
 * record really carries markup). Both apply the same policy: the allowed tags and attributes
 * below, links only to `http(s)`, `mailto`, `tel` or relative URLs, images only from allowed
 * origins. Remote *text* never goes through here: it is escaped. Link checks live in
 * `safe-url.ts`, which the widgets use without this module.
 */
import type { Config } from 'dompurify';
import { parseInert, withoutInlineAttributes } from './inert-html.js';
import { isEscapedText, looksLikeHtml } from './normalize/markup.js';

/** Plain text of an HTML fragment (entities decoded, tags dropped). Never executes anything. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const doc = parseInert(`<!doctype html><body>${html}`, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
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
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'lang', 'dir'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/|\.)/i,
  // DOMPurify checks every attribute value that is not on its list of URI-safe attributes
  // against ALLOWED_URI_REGEXP: without this, `colspan="2"` or `lang="en"` would be dropped.
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'lang', 'dir'],
  ALLOW_DATA_ATTR: false,
  // Fallback content of plugins goes with them, as the browser's Sanitizer API does.
  ADD_FORBID_CONTENTS: ['object', 'embed'],
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

type Purify = (html: string) => string;
let purifier: Promise<Purify> | undefined;
/** The origins of the sanitize call in progress (DOMPurify's hooks run synchronously inside it). */
let currentOrigins: ImageOrigins = new Set();

/** Links open in a new tab without handing over the page; images load lazily, from allowed hosts. */
function finishElement(node: Element): void {
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
}

async function loadPurifier(): Promise<Purify> {
  const { default: DOMPurify } = await import('dompurify');
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', finishElement);
  // DOMPurify parses the string itself: inline handlers and styles go first (see inert-html.ts).
  return (html) => instance.sanitize(withoutInlineAttributes(html), purifyConfig) as string;
}

/**
 * Elements dropped with everything inside them (as DOMPurify does); other elements that are not
 * allowed give way to their content. Anything outside HTML (SVG, MathML) is dropped whole.
 */
const dropWithContent = new Set([
  'annotation-xml',
  'audio',
  'colgroup',
  'desc',
  'foreignobject',
  'head',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'object',
  'embed',
  'plaintext',
  'script',
  'style',
  'svg',
  'template',
  'title',
  'video',
  'xmp',
]);
const allowedTags = new Set(purifyConfig.ALLOWED_TAGS);
const allowedAttributes = new Set(purifyConfig.ALLOWED_ATTR);
const urlAttributes = new Set(['href', 'src']);

/** DOMPurify's URL rule: allowed schemes or relative, empty, or a `data:` URL on an image. */
function urlAllowed(tag: string, url: string): boolean {
  return (
    url === '' ||
    purifyConfig.ALLOWED_URI_REGEXP!.test(url) ||
    (tag === 'img' && url.toLowerCase().startsWith('data:'))
  );
}

interface NativeSanitizerApi {
  Sanitizer?: new (config: object) => object;
}
type SetHtml = (html: string, options: { sanitizer: object }) => void;

/**
 * The browser's Sanitizer API with our policy: `setHTML` parses into a document without a
 * browsing context (nothing runs or loads) and removes what is unsafe; a walk then keeps only
 * the allowed tags (others give way to their content, as with DOMPurify) and attributes.
 * Undefined where the browser has no Sanitizer API (WebKit today) or rejects the config.
 */
function nativePurifier(): Purify | undefined {
  const Native = (globalThis as NativeSanitizerApi).Sanitizer;
  const setHtml = (globalThis.Element?.prototype as { setHTML?: SetHtml } | undefined)?.setHTML;
  if (typeof Native !== 'function' || typeof setHtml !== 'function') return undefined;
  let sanitizer: object;
  try {
    sanitizer = new Native({ comments: false });
  } catch {
    return undefined;
  }
  const doc = document.implementation.createHTMLDocument('');
  return (html) => {
    const box = doc.createElement('div');
    setHtml.call(box, withoutInlineAttributes(html), { sanitizer });
    // Innermost first, so an element given way to has its children already checked.
    for (const node of [...box.querySelectorAll('*')].reverse()) {
      const name = node.localName.toLowerCase();
      if (node.namespaceURI !== box.namespaceURI || dropWithContent.has(name)) {
        node.remove();
        continue;
      }
      if (!allowedTags.has(name)) {
        node.replaceWith(...node.childNodes);
        continue;
      }
      for (const { name, value } of [...node.attributes]) {
        const allowed =
          allowedAttributes.has(name) &&
          (!urlAttributes.has(name) || urlAllowed(node.localName, value.trim()));
        if (!allowed) node.removeAttribute(name);
      }
      finishElement(node);
    }
    return box.innerHTML;
  };
}

/** Which engine sanitizes: the browser's own where present (`auto`), or DOMPurify. */
export type SanitizerEngine = 'auto' | 'dompurify';
let engine: SanitizerEngine = 'auto';

/**
 * Chooses the engine for the calls that follow (tests compare both; `dompurify` is also the
 * escape hatch should a browser's Sanitizer API misbehave).
 */
export function useSanitizerEngine(next: SanitizerEngine): void {
  if (next !== engine) purifier = undefined;
  engine = next;
}

function loadSanitizer(): Promise<Purify> {
  const native = engine === 'auto' ? nativePurifier() : undefined;
  return native ? Promise.resolve(native) : loadPurifier();
}

/**
 * Sanitizes remote HTML. Uses the browser's Sanitizer API where present and otherwise loads
 * DOMPurify on first use only; text without `<`/`&` is returned as is without loading anything.
 */
export async function sanitizeHtml(html: string, policy: ImagePolicy = {}): Promise<string> {
  return sanitizeWith(html, imageOriginsOf(policy));
}

async function sanitizeWith(html: string, origins: ImageOrigins): Promise<string> {
  if (!looksLikeHtml(html) || isEscapedText(html)) return html;
  purifier ??= loadSanitizer();
  const purify = await purifier;
  currentOrigins = origins;
  return purify(html);
}

/** Sanitizes every listed HTML field of every item in place (one sanitizer load at most). */
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
