/**
 * A source's pages: the first one, and the others only when it names a next page. Most sources
 * have one page, so the code that follows pages (`fetch-pages.ts`) loads only for those that do,
 * once their first page is read. JSON bodies are parsed once here and handed on.
 */
import { fetchText, type FetchedText, type FetchOptions } from './fetch-text.js';

export interface Page extends FetchedText {
  /** The parsed body when it is JSON (undefined when it is not, or does not parse). */
  json?: unknown;
}

export interface PagesOptions extends FetchOptions {
  /** Most pages to follow (default 50). */
  maxPages?: number;
  /** Origins besides the first page's whose "next" links may be followed (`page-origins`). */
  pageOrigins?: readonly string[];
}

export const defaultMaxPages = 50;

function parseJsonBody(text: string): unknown {
  const head = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (head !== '{' && head !== '[') return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Fetches one page (`url` as the first page: a request already on its way is its first try). */
export async function fetchPage(url: string, options: FetchOptions): Promise<Page> {
  const fetched = await fetchText(url, options);
  return { ...fetched, json: parseJsonBody(fetched.text) };
}

/**
 * Whether a page may name a next one: every sign `nextPageUrl` follows (a `Link` header naming
 * `next`, `X-WP-TotalPages` over 1, `next_rest_url`, `total_pages`, `next` or `links` in a JSON
 * object), looked at without that code.
 */
export function mayNameNextPage(page: Page): boolean {
  if (/next/i.test(page.headers.get('Link') ?? '')) return true;
  if (Number(page.headers.get('X-WP-TotalPages')) > 1) return true;
  const doc = page.json;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
  return ['next_rest_url', 'total_pages', 'next', 'links'].some((key) => key in doc);
}

/** The pages of `url`: the first, then (loading the pager only then) those it leads to. */
export async function sourcePages(url: string, options: PagesOptions = {}): Promise<Page[]> {
  const first = await fetchPage(url, options);
  if (!mayNameNextPage(first)) return [first];
  const { morePages } = await import('./fetch-pages.js');
  return morePages(url, first, options);
}
