/**
 * A page-wide cache of source requests, so two widgets with the same `src` make one request.
 * The request is shared: it is aborted only when every widget waiting for it has gone away.
 */
import { takeRequest } from './early-request.js';
import { sourcePages, type Page, type PagesOptions } from './pages.js';

interface Entry {
  promise: Promise<Page[]>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

const entries = new Map<string, Entry>();

function keyOf(url: string, options: PagesOptions): string {
  return `${options.credentials ?? 'same-origin'} ${options.maxPages ?? ''} ${options.pageOrigins?.join(' ') ?? ''} ${url}`;
}

/**
 * Pages of `url`, from the cache when another widget asked already. `force` starts a fresh
 * request (used by `refresh` and the retry button). `signal` cancels this caller's wait. A
 * request for the same pages started before this chunk arrived (`early-request.ts`) becomes the
 * first page's first attempt. The request's `onFailure` is its first caller's: what that caller
 * loads for a failure (the error view, the words of problems) is the page's for every widget.
 */
export function cachedPages(
  url: string,
  options: PagesOptions & { force?: boolean } = {},
): Promise<Page[]> {
  const { signal, force, ...rest } = options;
  // A caller that has already gone away (its widget was removed) starts nothing.
  if (signal?.aborted) {
    return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
  }
  const key = keyOf(url, rest);
  const first = takeRequest(url, rest.credentials);
  let entry = entries.get(key);
  if (!entry || force) {
    const controller = first?.controller ?? new AbortController();
    const created: Entry = { controller, waiting: 0, settled: false, promise: Promise.resolve([]) };
    created.promise = sourcePages(url, { ...rest, first, signal: controller.signal }).then(
      (pages) => {
        created.settled = true;
        return pages;
      },
      (error: unknown) => {
        created.settled = true;
        if (entries.get(key) === created) entries.delete(key);
        throw error;
      },
    );
    // Every waiter gets the outcome through its own promise; an aborted shared request whose
    // waiters have all left must not surface as an unhandled rejection.
    created.promise.catch(() => undefined);
    entries.set(key, created);
    entry = created;
  } else {
    // The cache answers: a request started meanwhile is not needed.
    first?.controller.abort();
  }
  const shared = entry;
  shared.waiting++;
  return new Promise<Page[]>((resolve, reject) => {
    const onAbort = () => {
      shared.waiting--;
      if (shared.waiting === 0 && !shared.settled) {
        shared.controller.abort(signal?.reason);
        if (entries.get(key) === shared) entries.delete(key);
      }
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (pages) => {
        signal?.removeEventListener('abort', onAbort);
        shared.waiting--;
        resolve(pages);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        shared.waiting--;
        reject(error);
      },
    );
  });
}

/** Forgets every cached response (tests, or a page that knows its data changed). */
export function clearRequestCache(): void {
  entries.clear();
}
