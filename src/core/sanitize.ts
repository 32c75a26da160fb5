/**
 * The only place remote HTML is allowed in: the browser's own Sanitizer API where it has one
 * (Chromium, Firefox: nothing to download), DOMPurify otherwise (loaded lazily, only when a
 * record really carries markup, and only where it is used). Both apply the same policy
 * (`sanitize-policy.ts`): the allowed tags and attributes, links only to `http(s)`, `mailto`,
 * `tel` or relative URLs, images only from allowed origins. Remote *text* never goes through
 * here: it is escaped. Link checks live in `safe-url.ts`, which the widgets use without this
 * module.
 */
import { parseInert, withoutInlineAttributes } from './inert-html.js';
import {
  allowedAttributes as attributeList,
  allowedTags as tagList,
  allowedUrl,
  finishElement,
  imageOriginsOf,
  type ImageOrigins,
  type ImagePolicy,
  type Purify,
} from './sanitize-policy.js';
import { isEscapedText, looksLikeHtml } from './normalize/markup.js';

/** Plain text of an HTML fragment (entities decoded, tags dropped). Never executes anything. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const doc = parseInert(`<!doctype html><body>${html}`, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export { imageAllowed, imageOriginsOf } from './sanitize-policy.js';
export type { ImageOrigins, ImagePolicy } from './sanitize-policy.js';

let purifier: Promise<Purify> | undefined;

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
const allowedTags = new Set(tagList);
const allowedAttributes = new Set(attributeList);
const urlAttributes = new Set(['href', 'src']);

/** DOMPurify's URL rule: allowed schemes or relative, empty, or a `data:` URL on an image. */
function urlAllowed(tag: string, url: string): boolean {
  return (
    url === '' || allowedUrl.test(url) || (tag === 'img' && url.toLowerCase().startsWith('data:'))
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
  return (html, origins) => {
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
      finishElement(node, origins);
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

/** Code the sanitizer downloads only where it is used (tests hold or fail it here). */
export const lazySanitizing = {
  /** DOMPurify with the policy, for browsers without the Sanitizer API. */
  dompurify: () => import('./sanitize-dompurify.js'),
};

function loadSanitizer(): Promise<Purify> {
  const native = engine === 'auto' ? nativePurifier() : undefined;
  if (native) return Promise.resolve(native);
  return lazySanitizing.dompurify().then(
    ({ dompurifyPurifier }) => dompurifyPurifier(),
    (error: unknown) => {
      // A failed download is tried again by the next call (the widget's retry), not remembered.
      purifier = undefined;
      throw error;
    },
  );
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
  return purify(html, origins);
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
