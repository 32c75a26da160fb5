/**
 * A source's first request, started the moment a widget connects, before the chunk with the
 * fetch rules (`fetch-text.ts`, `fetch-pages.ts`, `request-cache.ts`) and the readers has
 * arrived: on a phone network the data and the code then travel at once instead of one after
 * the other. This module is the whole of what the first chunk needs for that; the fetch rules
 * take the request over when their chunk is there (`takeRequest`), so the timeout, the status
 * check, the size cap, charset decoding, retries, pages and the page-wide cache all apply to it
 * as to any other request.
 */
import { anySignal } from './any-signal.js';

/** Milliseconds before one attempt gives up. */
export const defaultTimeout = 15_000;

/** The Accept header of a data request: every data format the readers know. */
export const dataFormats =
  'application/json, text/calendar, application/feed+json, application/rss+xml, application/atom+xml, text/csv;q=0.9, */*;q=0.5';

/** A request on its way, for the fetch rules to take over as their first attempt. */
export interface StartedRequest {
  readonly url: string;
  /** The `fetch()` answer (its signal is `controller`'s and `timeout`'s). */
  readonly response: Promise<Response>;
  /** Aborts the request; whoever took it over owns it. */
  readonly controller: AbortController;
  /** The attempt's own timeout, counted from the start. */
  readonly timeout: AbortSignal;
}

export interface StartOptions {
  credentials?: RequestCredentials;
  /** Milliseconds before the attempt gives up (default 15 000). */
  timeout?: number;
  /** The Accept header (default: every data format the readers know). */
  accept?: string;
}

interface Started extends StartedRequest {
  /** Callers still waiting for the takeover. */
  waiting: number;
}

const started = new Map<string, Started>();

/** The GET every data request makes (the fetch rules' attempts use the same). */
export function startFetch(
  url: string,
  signal: AbortSignal,
  options: StartOptions,
): Promise<Response> {
  return fetch(url, {
    signal,
    credentials: options.credentials ?? 'same-origin',
    headers: { Accept: options.accept ?? dataFormats },
  });
}

/**
 * Starts the request `key` names (or joins it, when another widget started it already). When
 * `signal` aborts and no other caller waits, the request is aborted, unless it was taken over:
 * from then on its new owner decides.
 */
export function startRequest(
  key: string,
  url: string,
  options: StartOptions,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  let request = started.get(key);
  if (!request) {
    const controller = new AbortController();
    const timeout = AbortSignal.timeout(options.timeout ?? defaultTimeout);
    const response = startFetch(url, anySignal([controller.signal, timeout]), options);
    // Met when taken over; a request aborted before that must not be an unhandled rejection.
    response.catch(() => undefined);
    request = { url, response, controller, timeout, waiting: 0 };
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

/** The request `key` names, if one was started and not taken yet: the caller owns it now. */
export function takeRequest(key: string): StartedRequest | undefined {
  const request = started.get(key);
  started.delete(key);
  return request;
}

/** The key of a source's pages: requests that would fetch the same pages share one. */
export function pagesKey(
  url: string,
  options: {
    credentials?: RequestCredentials;
    maxPages?: number;
    pageOrigins?: readonly string[];
  },
): string {
  return `${options.credentials ?? 'same-origin'} ${options.maxPages ?? ''} ${options.pageOrigins?.join(' ') ?? ''} ${url}`;
}
