import { safeUrl } from '../core/safe-url.js';

/** The placeholders a `map-link` template may use. */
export const placeholder = /\{(lat|lng|name|address)\}/g;

/** Whether a `map-link` template is usable (http/https after filling); logs when it is not. */
export function checkTemplate(template: string | undefined): string | undefined {
  if (!template) return undefined;
  const probe = safeUrl(template.replace(placeholder, '0'));
  if (!probe || !/^https?:/.test(probe)) {
    console.warn(
      `[dandelion] map-link "${template}" is not an http(s) URL template; using the default map.`,
    );
    return undefined;
  }
  return template;
}
