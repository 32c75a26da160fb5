import { safeUrl } from '../core/safe-url.js';

/** A `tel:` link for a phone number as written (full-width digits, spaces, dashes), if it has digits. */
export function telLink(number: string): string | undefined {
  const dial = number.normalize('NFKC').replace(/[^\d+*#,;-]/g, '');
  return /\d/.test(dial) ? safeUrl(`tel:${dial}`) : undefined;
}
