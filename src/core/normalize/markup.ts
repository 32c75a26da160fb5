/**
 * Markup in remote values: cheap tests that need no parser, and the plain text of real markup,
 * whose code (`sanitize.ts` with `inert-html.ts`) loads only when a record really carries some.
 * A JSON list of plain text, most lists, never downloads it.
 */
import type { htmlToText } from '../sanitize.js';
import { lazyPart } from './lazy-part.js';

/** Real HTML markup: a known tag or an entity. "年龄<6岁 & 家长" is text, "<p>…" is HTML. */
export const HTML_MARKUP =
  /<\/?(?:a|b|i|u|p|br|hr|em|strong|span|div|ul|ol|li|h[1-6]|img|table|thead|tbody|tr|td|th|blockquote|pre|code|small|sup|sub|figure|figcaption)\b[^<>]*>|&(?:[a-z][a-z0-9]{1,9}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

const MARKUP_SIGNS = /[<&]/;

/** Whether a string needs the HTML sanitizer at all (has tags or entities). */
export function looksLikeHtml(value: string): boolean {
  return MARKUP_SIGNS.test(value);
}

/** The markup `textToHtml` writes: line breaks and the five entities. */
const ESCAPES = /&(?:amp|lt|gt|quot|#39);|<br>/g;

/**
 * Plain text escaped by `textToHtml` (most descriptions of a JSON or HSDS list): nothing in it
 * but `<br>` and entities, so the sanitizer would give it back as it is (quotes unescaped) and
 * the page shows the same. Skipping it saves a parse per record, and the sanitizer's download.
 */
export function isEscapedText(html: string): boolean {
  return !MARKUP_SIGNS.test(html.replace(ESCAPES, ''));
}

/** Whether an HTML field's value must go through the sanitizer. */
export function needsSanitizing(value: unknown): boolean {
  return typeof value === 'string' && looksLikeHtml(value) && !isEscapedText(value);
}

/** The code that reads markup (the sanitizer), loaded by the first record that has some. */
export const markupCode = lazyPart<{ htmlToText: typeof htmlToText }>('the markup reader', () =>
  import('../sanitize.js'),
);

/** Plain text of real markup; throws `CodeNeeded` until its code is there. */
export function markupText(html: string): string {
  return markupCode.code()!.htmlToText(html);
}

/** Hands the markup reader over (synchronous callers that imported it themselves). */
export const useMarkupCode = markupCode.use;

/** Loads the markup reader once (again after a failed download). */
export const loadMarkupCode = markupCode.load;
