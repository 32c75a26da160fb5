/**
 * What `fetchText` does once a request has failed: tells what went wrong (a timeout, an HTTP
 * status, a CORS refusal, the network) as a `DandelionError`, and tries again with backoff when
 * that is worth it. A chunk of its own, loaded on the first failure: a page whose requests
 * succeed never downloads it.
 */
import { corsRefusal } from '../cors-refusal.js';
import { DandelionError } from '../errors.js';
import type { Attempt, FailedAttempt, FetchedText, FetchOptions } from './fetch-text.js';

const retryableStatus = new Set([408, 425, 429, 500, 502, 503, 504]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** What a failed attempt means: a `DandelionError`, or the abort it was (thrown as it is). */
async function classify(
  url: string,
  options: FetchOptions,
  { thrown, answered, timedOut, timeout }: FailedAttempt,
): Promise<unknown> {
  if (thrown instanceof Response) {
    await thrown.body?.cancel().catch(() => undefined);
    return new DandelionError('http', `${url} answered ${thrown.status}`, thrown.status);
  }
  const timedOutError = () =>
    new DandelionError('timeout', `no answer from ${url} within ${timeout} ms`);
  if (!answered) {
    if (timedOut) return timedOutError();
    // fetch rejects with a TypeError for DNS, refused connections, CORS and mixed content.
    // A server that answers but does not allow this page is the site's set-up: say how to
    // fix it, and do not retry.
    const refusal = await corsRefusal(url, thrown, options.signal);
    if (options.signal?.aborted) throw options.signal.reason;
    return (
      refusal ??
      new DandelionError('network', `request to ${url} failed: ${String(thrown)}`, undefined, {
        cause: thrown,
      })
    );
  }
  if (timedOut || (thrown instanceof DOMException && thrown.name === 'TimeoutError')) {
    return timedOutError();
  }
  if (thrown instanceof DOMException && thrown.name === 'AbortError') return thrown;
  return new DandelionError('network', `reading ${url} failed: ${String(thrown)}`, undefined, {
    cause: thrown,
  });
}

function worthRetrying(error: unknown): boolean {
  if (!(error instanceof DandelionError) || error.corsRefused) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && retryableStatus.has(error.status);
}

/**
 * After the first attempt at `url` failed: retries network errors, timeouts and 408/429/5xx
 * with backoff (`options.attempts` in all), and throws what the last failure means.
 */
export async function afterFailure(
  url: string,
  options: FetchOptions,
  failed: FailedAttempt,
  attempt: Attempt,
): Promise<FetchedText> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoff = options.backoff ?? 400;
  for (let i = 1; ; i++) {
    const error = await classify(url, options, failed);
    if (i >= attempts || !worthRetrying(error)) throw error;
    const jitter = 0.75 + Math.random() * 0.5;
    await sleep(backoff * 2 ** (i - 1) * jitter, options.signal);
    const fetched = await attempt(url, options);
    if (!('thrown' in fetched)) return fetched;
    failed = fetched;
  }
}
