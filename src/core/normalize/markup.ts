/**
 * Markup in remote values: cheap tests that need no parser, and the plain text of real markup,
 * whose code (`sanitize.ts` with `inert-html.ts`) loads only when a record really carries some.
 * A JSON list of plain text, most lists, never downloads it.
 */
import type { htmlToText } from '../sanitize.js';

/** Real HTML markup: a known tag or an entity. "年龄<6岁 & 家长" is text, "<p>…" is HTML. */
export const HTML_MARKUP =
  /<\/?(?:a|b|i|u|p|br|hr|em|strong|span|div|ul|ol|li|h[1-6]|img|table|thead|tbody|tr|td|th|blockquote|pre|code|small|sup|sub|figure|figcaption)\b[^<>]*>|&(?:[a-z][a-z0-9]{1,9}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

const MARKUP_SIGNS = /[<&]/;

/** Whether a string needs the HTML sanitizer at all (has tags or entities). */
export function looksLikeHtml(value: string): boolean {
  return MARKUP_SIGNS.test(value);
}

/**
 * A `<` or `&` that does not begin the markup `textToHtml` writes (line breaks and the five
 * entities). Each of those holds only its first `<` / `&`, so this tells the same as removing
 * them and looking for what is left, without a copy of the text per record.
 */
const NOT_ESCAPED = /<(?!br>)|&(?!(?:amp|lt|gt|quot|#39);)/;

/**
 * Plain text escaped by `textToHtml` (most descriptions of a JSON or HSDS list): nothing in it
 * but `<br>` and entities, so the sanitizer would give it back as it is (quotes unescaped) and
 * the page shows the same. Skipping it saves a parse per record, and the sanitizer's download.
 */
export function isEscapedText(html: string): boolean {
  return !NOT_ESCAPED.test(html);
}

/** Whether an HTML field's value must go through the sanitizer. */
export function needsSanitizing(value: unknown): boolean {
  return typeof value === 'string' && looksLikeHtml(value) && !isEscapedText(value);
}

/**
 * Thrown by {@link markupText} while the code that reads markup is not loaded: the sliced
 * normalizer loads it ({@link loadMarkupCode}) and reads that record again.
 */
export class MarkupCodeNeeded extends Error {}

let toText: typeof htmlToText | undefined;

/** Plain text of real markup; throws {@link MarkupCodeNeeded} until its code is there. */
export function markupText(html: string): string {
  if (!toText) throw new MarkupCodeNeeded('the markup reader is not loaded');
  return toText(html);
}

/** Hands the markup reader over (synchronous callers that imported it themselves). */
export function useMarkupCode(code: { htmlToText: typeof htmlToText }): void {
  toText = code.htmlToText;
}

let loading: Promise<void> | undefined;

/** Loads the markup reader once (again after a failed download). */
export function loadMarkupCode(): Promise<void> {
  loading ??= import('../sanitize.js').then(useMarkupCode, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
