/**
 * One HTTP GET with the design's rules: timeout, abort, size cap, retry with backoff, and
 * Content-Type-aware decoding (UTF-8, BOMs, and GB18030/GBK from Chinese Excel exports).
 */
import { DandelionError } from '../errors.js';
import { anySignal } from './any-signal.js';
import { decodeBytes } from './decode-bytes.js';
import { dataFormats, type StartedRequest } from './early-request.js';

export interface FetchOptions {
  signal?: AbortSignal;
  /** Milliseconds before one attempt gives up (default 15 000). */
  timeout?: number;
  /** Bytes above which the response is refused as `too-large` (default 10 MB). */
  maxBytes?: number;
  /** Attempts in all, for failures worth retrying (default 3). */
  attempts?: number;
  /** First backoff delay in ms; doubles each retry (default 400). */
  backoff?: number;
  credentials?: RequestCredentials;
  /** The Accept header (default: every data format the readers know). */
  accept?: string;
  /**
   * The first attempt, already on its way (started when the widget connected, see
   * `early-request.ts`); retries make requests of their own. `signal` aborts it too.
   */
  first?: StartedRequest;
}

export interface FetchedText {
  url: string;
  text: string;
  contentType: string | null;
  headers: Headers;
}

export const defaultTimeout = 15_000;
export const defaultMaxBytes = 10 * 1024 * 1024;

const retryableStatus = new Set([408, 425, 429, 500, 502, 503, 504]);

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

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

/** Reads the body while counting bytes, cancelling as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new DandelionError(
      'too-large',
      `Content-Length ${declared} > ${maxBytes}`,
      response.status,
    );
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DandelionError('too-large', `body passed ${maxBytes} bytes`, response.status);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function attempt(
  url: string,
  options: FetchOptions,
  first?: StartedRequest,
): Promise<FetchedText> {
  const timeout = options.timeout ?? defaultTimeout;
  // A started request's time counts from its start.
  const timeoutSignal = AbortSignal.timeout(
    first ? Math.max(0, timeout - (performance.now() - first.started)) : timeout,
  );
  const signal = options.signal ? anySignal([options.signal, timeoutSignal]) : timeoutSignal;
  // The started request runs on its own signal: this caller's abort and timeout reach it now.
  if (first) {
    const abort = () => first.controller.abort(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  try {
    let response: Response;
    try {
      response = await (first?.response ??
        fetch(url, {
          signal,
          credentials: options.credentials ?? 'same-origin',
          headers: {
            Accept: options.accept ?? dataFormats,
          },
        }));
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeoutSignal.aborted)
        throw new DandelionError('timeout', `no answer from ${url} within ${timeout} ms`);
      // fetch rejects with a TypeError for DNS, refused connections, CORS and mixed content.
      // A server that answers but does not allow this page is the site's set-up: say how to
      // fix it, and do not retry. (That check is a chunk of its own, loaded only now; without
      // it, the failure counts as the network's.)
      const refusal = await lazyFetching.corsRefusal().then(
        ({ corsRefusal }) => corsRefusal(url, error, options.signal),
        () => undefined,
      );
      if (refusal) throw refusal;
      throw new DandelionError('network', `request to ${url} failed: ${String(error)}`, undefined, {
        cause: error,
      });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new DandelionError('http', `${url} answered ${response.status}`, response.status);
    }
    const bytes = await readCapped(response, options.maxBytes ?? defaultMaxBytes);
    const contentType = response.headers.get('Content-Type');
    return {
      url: response.url || url,
      text: decodeBytes(bytes, contentType ?? undefined),
      contentType,
      headers: response.headers,
    };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof DandelionError) throw error;
    if (timeoutSignal.aborted || (error instanceof DOMException && error.name === 'TimeoutError')) {
      throw new DandelionError('timeout', `no answer from ${url} within ${timeout} ms`);
    }
    if (isAbort(error)) throw error;
    throw new DandelionError('network', `reading ${url} failed: ${String(error)}`, undefined, {
      cause: error,
    });
  }
}

/** Code `fetchText` loads only when a request fails (tests hold or fail its download here). */
export const lazyFetching = {
  /** Tells a CORS refusal from a network failure. */
  corsRefusal: () => import('../cors-refusal.js'),
};

function worthRetrying(error: unknown): boolean {
  if (!(error instanceof DandelionError) || error.corsRefused) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && retryableStatus.has(error.status);
}

/** GET `url` as text, retrying network errors, timeouts and 408/429/5xx with backoff. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchedText> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoff = options.backoff ?? 400;
  for (let i = 1; ; i++) {
    try {
      return await attempt(url, options, i === 1 ? options.first : undefined);
    } catch (error) {
      if (i >= attempts || !worthRetrying(error)) throw error;
      const jitter = 0.75 + Math.random() * 0.5;
      await sleep(backoff * 2 ** (i - 1) * jitter, options.signal);
    }
  }
}
