/**
 * Follows paginated sources: `Link: <…>; rel="next"`, WordPress `X-WP-TotalPages`, The Events
 * Calendar `next_rest_url`, HSDS `total_pages`/`page_number`, and a plain `next` URL — up to a
 * page cap. Loaded only for a first page that may name a next one (`pages.ts`).
 */
import { defaultMaxPages, fetchPage, type Page, type PagesOptions } from './pages.js';

export { defaultMaxPages, type Page, type PagesOptions };

function linkNext(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?/i.test(match[2]))
      return new URL(match[1], base).href;
  }
  return undefined;
}

function withPage(url: string, page: number): string {
  const next = new URL(url);
  next.searchParams.set('page', String(page));
  return next.href;
}

function currentPage(url: string): number {
  return Number(new URL(url).searchParams.get('page') ?? 1) || 1;
}

/** The next page's URL, or undefined on the last page. */
export function nextPageUrl(page: Page): string | undefined {
  const fromLink = linkNext(page.headers.get('Link'), page.url);
  if (fromLink) return fromLink;
  const wpTotal = Number(page.headers.get('X-WP-TotalPages'));
  if (wpTotal > 0) {
    const current = currentPage(page.url);
    return current < wpTotal ? withPage(page.url, current + 1) : undefined;
  }
  const body = page.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const doc = body as Record<string, unknown>;
  if (typeof doc.next_rest_url === 'string') return new URL(doc.next_rest_url, page.url).href;
  if (typeof doc.total_pages === 'number' && Array.isArray(doc.contents)) {
    const current = typeof doc.page_number === 'number' ? doc.page_number : currentPage(page.url);
    return current < doc.total_pages ? withPage(page.url, current + 1) : undefined;
  }
  const links = doc.links as Record<string, unknown> | undefined;
  const next =
    typeof doc.next === 'string'
      ? doc.next
      : typeof links?.next === 'string'
        ? links.next
        : undefined;
  return next ? new URL(next, page.url).href : undefined;
}

/**
 * The next page's URL when it may be followed: `http(s)` on the origin of the first page or one
 * of `pageOrigins`. A source must not send the widget (with the visitor's cookies, when
 * `credentials="include"`) to any other place; a refused or broken link ends the pages with a
 * console warning and keeps those already read.
 */
export function followableNext(
  page: Page,
  first: string,
  pageOrigins: readonly string[] = [],
): string | undefined {
  let next: string | undefined;
  try {
    next = nextPageUrl(page);
  } catch {
    console.warn(`[dandelion] ${page.url}: the link to the next page is not a URL; stopped there`);
    return undefined;
  }
  if (!next) return undefined;
  const target = new URL(next);
  const allowed = new Set([new URL(first, page.url).origin, ...pageOrigins.map(originOf)]);
  if (/^https?:$/.test(target.protocol) && allowed.has(target.origin)) return next;
  console.warn(
    `[dandelion] ${page.url}: not following the next page on another origin or scheme (${target.origin === 'null' ? target.protocol : target.origin}); allow it with page-origins`,
  );
  return undefined;
}

function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

/** Fetches `url` and the pages after it. */
export async function fetchPages(url: string, options: PagesOptions = {}): Promise<Page[]> {
  return morePages(url, await fetchPage(url, options), options);
}

/** The pages of `url` from its first page on: `first`, then those it leads to. */
export async function morePages(
  url: string,
  first: Page,
  options: PagesOptions = {},
): Promise<Page[]> {
  const maxPages = Math.max(1, options.maxPages ?? defaultMaxPages);
  const seen = new Set<string>([url]);
  const pages: Page[] = [first];
  // A request already on its way is the first page's first attempt, never another page's.
  const rest = { ...options, first: undefined };
  let next = followableNext(first, url, options.pageOrigins);
  while (next && pages.length < maxPages && !seen.has(next)) {
    seen.add(next);
    const page = await fetchPage(next, rest);
    pages.push(page);
    next = followableNext(page, url, options.pageOrigins);
  }
  if (next && pages.length >= maxPages) {
    console.warn(`[dandelion] ${url}: stopped after ${maxPages} pages (max-pages)`);
  }
  return pages;
}
