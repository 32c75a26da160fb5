/**
 * Plain text of title-like fields (titles, names, costs) that feeds and WordPress often send
 * with entities (`&#8211;`, `&amp;`, `&ldquo;`) or a little markup. Shared by the feed, WordPress
 * and The Events Calendar readers.
 */
import { htmlToText } from '../sanitize.js';

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  bull: '\u2022',
  yen: '\u00a5',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
};
const entityRef = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{0,31}));/g;
const strayAmp = /&[a-zA-Z0-9#]/;

/**
 * Plain text of a title-like field that may carry HTML or entities. Same result as
 * `htmlToText`, but entity-only strings (every WordPress title, many RSS titles) are decoded
 * without a DOMParser per record.
 */
export function plainText(value: string | undefined): string {
  if (!value) return '';
  if (!/[<&]/.test(value)) return value.trim();
  if (!value.includes('<') && !strayAmp.test(value.replace(entityRef, ''))) {
    let simple = true;
    const decoded = value.replace(entityRef, (ref, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) {
        const char = namedEntities[name];
        if (char === undefined) simple = false;
        return char ?? ref;
      }
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
      // Numbers HTML remaps or replaces (C1 controls, surrogates, NUL, out of range).
      if (
        code === 0 ||
        code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff) ||
        (code >= 0x80 && code <= 0x9f)
      ) {
        simple = false;
        return ref;
      }
      return String.fromCodePoint(code);
    });
    if (simple) return decoded.replace(/\0/g, '').replace(/\s+/g, ' ').trim();
  }
  try {
    return htmlToText(value);
  } catch {
    // DOMParser refused (e.g. Trusted Types enforced): drop tags crudely; the UI escapes text anyway.
    return value
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
}
