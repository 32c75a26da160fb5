import { safeUrl } from '../core/safe-url.js';

/** The placeholders a `map-link` template may use. */
export const placeholders = /\{(lat|lng|name|address)\}/g;

/** Whether a template yields an http(s) link (a `javascript:` or `data:` template does not). */
export function isSafeTemplate(template: string): boolean {
  const probe = safeUrl(template.replace(placeholders, '0'));
  return !!probe && /^https?:/.test(probe);
}
