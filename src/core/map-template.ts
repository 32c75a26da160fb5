/**
 * The check of a `map-link` attribute (see `map-link.ts` for the links themselves), on its own
 * so that an element's first-load chunk holds only this and the lazy detail views the links.
 */
import { safeUrl } from './safe-url.js';

/** The placeholders a `map-link` template may use. */
export const placeholders = /\{(lat|lng|name|address)\}/g;

/** Whether a URL is one a map link may be (http or https only). */
export function httpUrl(url: string): string | undefined {
  const safe = safeUrl(url);
  return safe && /^https?:/i.test(safe) ? safe : undefined;
}

/**
 * Whether `template` can give an http(s) link once filled (`javascript:` and `data:` templates,
 * and text that is no URL, cannot). No warning; see {@link checkMapTemplate}.
 */
export function isMapTemplate(template: string): boolean {
  return httpUrl(template.replace(placeholders, '0')) !== undefined;
}

/**
 * The `map-link` attribute's value when usable, else `undefined` (the defaults apply), with a
 * console warning naming the widget (`tag`) for a value that can never give an http(s) link.
 * Call when the attribute changes, and pass the result to `mapLink` (`map-link.ts`).
 */
export function checkMapTemplate(
  template: string | null | undefined,
  tag = 'dandelion',
): string | undefined {
  if (!template) return undefined;
  if (isMapTemplate(template)) return template;
  console.warn(
    `[dandelion] <${tag}> map-link "${template}" is not an http(s) URL template; using the default map.`,
  );
  return undefined;
}
