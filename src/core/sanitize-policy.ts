/**
 * The one policy remote HTML is sanitized by, whichever engine applies it (the browser's
 * Sanitizer API in `sanitize.ts`, DOMPurify in `sanitize-dompurify.ts`): the allowed tags and
 * attributes, links only to `http(s)`, `mailto`, `tel` or relative URLs, images only from
 * allowed origins, links opening in a new tab without handing over the page.
 */

/** Tags kept; others give way to their content (or go with it, see `sanitize.ts`). */
export const allowedTags = [
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
];

/** Attributes kept on the allowed tags. */
export const allowedAttributes = [
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'lang',
  'dir',
];

/** URLs allowed in `href` / `src`: these schemes, or relative. */
export const allowedUrl = /^(?:https?:|mailto:|tel:|#|\/|\.)/i;

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

/** An engine with the policy applied: sanitized HTML of `html`, images from `origins` only. */
export type Purify = (html: string, origins: ImageOrigins) => string;

/** Links open in a new tab without handing over the page; images load lazily, from allowed hosts. */
export function finishElement(node: Element, origins: ImageOrigins): void {
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    const src = node.getAttribute('src');
    if (!src || !imageAllowed(src, origins)) {
      node.removeAttribute('src');
      node.removeAttribute('srcset');
    }
  }
}
