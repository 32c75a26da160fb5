/**
 * A source's first request, started the moment a widget connects, before the chunk with the
 * fetch rules (`fetch-text.ts`, `fetch-pages.ts`, `request-cache.ts`) and the readers has
 * arrived: on a phone network the data and the code then travel at once instead of one after
 * the other. This is all the first chunk holds for it (kept small: every widget pays for it);
 * the fetch rules take the request over when their chunk is there (`takeRequest`), so the
 * timeout (counted from the start), the status check, the size cap, charset decoding, retries,
 * pages and the page-wide cache apply to it as to any other request.
 */

/** The Accept header of a data request: every data format the readers know. */
export const dataFormats =
  'application/json, text/calendar, application/feed+json, application/rss+xml, application/atom+xml, text/csv;q=0.9, */*;q=0.5';

/** A request on its way, for the fetch rules to take over as their first attempt. */
export interface StartedRequest {
  /** The `fetch()` answer; aborted by `controller`. */
  readonly response: Promise<Response>;
  /** Whoever took the request over owns it (and applies the timeout). */
  readonly controller: AbortController;
  /** When it started (`performance.now()`), for the timeout. */
  readonly started: number;
}

const started = new Map<string, StartedRequest & { waiting: number }>();

const keyOf = (url: string, credentials = 'same-origin', accept = '') =>
  `${credentials} ${accept} ${url}`;

/**
 * Starts the GET of `url` (or joins it, when another widget started the same one). When `signal`
 * aborts and no other caller waits, the request is aborted, unless it was taken over: from then
 * on its new owner decides.
 */
export function startRequest(
  url: string,
  signal: AbortSignal,
  credentials?: RequestCredentials,
  accept?: string,
): void {
  const key = keyOf(url, credentials, accept);
  let request = started.get(key);
  if (!request) {
    const controller = new AbortController();
    const response = fetch(url, {
      signal: controller.signal,
      credentials: credentials ?? 'same-origin',
      headers: { Accept: accept ?? dataFormats },
    });
    // Met when taken over; a request aborted before that must not be an unhandled rejection.
    response.catch(() => undefined);
    request = { response, controller, started: performance.now(), waiting: 0 };
    started.set(key, request);
  }
  const own = request;
  own.waiting++;
  signal.addEventListener(
    'abort',
    () => {
      if (started.get(key) !== own || --own.waiting > 0) return;
      started.delete(key);
      own.controller.abort(signal.reason);
    },
    { once: true },
  );
}

/** The request of `url` started and not taken yet, if any: the caller owns it now. */
export function takeRequest(
  url: string,
  credentials?: RequestCredentials,
  accept?: string,
): StartedRequest | undefined {
  const key = keyOf(url, credentials, accept);
  const request = started.get(key);
  started.delete(key);
  return request;
}
