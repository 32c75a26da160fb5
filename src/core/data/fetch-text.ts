/**
 * One HTTP GET with the design's rules: timeout, abort, size cap, retry with backoff, and
 * Content-Type-aware decoding (UTF-8, BOMs, and GB18030/GBK from Chinese Excel exports). What
 * happens after a failed attempt (retries, the error's kind, the CORS check) is
 * `fetch-failure.ts`, a chunk loaded on the first failure.
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
  /**
   * Told when the first attempt has failed, as the failure code is asked for: a caller that
   * shows failures starts loading what it shows them with (its error view, the words of
   * problems) now, so those download alongside that code instead of a round trip after it.
   * Not told when the first attempt succeeds (nor for an abort); a retry may still succeed.
   */
  onFailure?: () => void;
}

export interface FetchedText {
  url: string;
  text: string;
  contentType: string | null;
  headers: Headers;
}

export const defaultTimeout = 15_000;
export const defaultMaxBytes = 10 * 1024 * 1024;

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

/**
 * How one attempt failed, before it is told what that means: `fetch-failure.ts` (retries,
 * timeouts, HTTP statuses, CORS) makes a {@link DandelionError} of it. Loaded on the first
 * failure only: a page whose requests succeed never downloads it.
 */
export interface FailedAttempt {
  /** What was thrown, or the answer whose status is not OK. */
  thrown: unknown;
  /** The server answered (the failure came with or after its headers). */
  answered: boolean;
  /** This attempt's own timeout had fired. */
  timedOut: boolean;
  /** The attempt's timeout in ms (for the message). */
  timeout: number;
}

/** One attempt: the text, or how it failed (aborts and too-large answers are thrown). */
export type Attempt = (
  url: string,
  options: FetchOptions,
  first?: StartedRequest,
) => Promise<FetchedText | FailedAttempt>;

const attempt: Attempt = async (url, options, first) => {
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
  let answered = false;
  try {
    const response = await (first?.response ??
      fetch(url, {
        signal,
        credentials: options.credentials ?? 'same-origin',
        headers: {
          Accept: options.accept ?? dataFormats,
        },
      }));
    answered = true;
    // Not OK: the failure code reads the status from the answer itself.
    if (!response.ok) throw response;
    const bytes = await readCapped(response, options.maxBytes ?? defaultMaxBytes);
    const contentType = response.headers.get('Content-Type');
    return {
      url: response.url || url,
      text: decodeBytes(bytes, contentType ?? undefined),
      contentType,
      headers: response.headers,
    };
  } catch (thrown) {
    if (options.signal?.aborted) throw options.signal.reason;
    // Over the size cap: said already, and not worth retrying.
    if (thrown instanceof DandelionError) throw thrown;
    return { thrown, answered, timedOut: timeoutSignal.aborted, timeout };
  }
};

/** Code `fetchText` loads only when a request fails (tests hold or fail its download here). */
export const lazyFetching = {
  /** Retries with backoff; timeouts, HTTP statuses and CORS refusals as `DandelionError`s. */
  failure: () => import('./fetch-failure.js'),
};

/** GET `url` as text, retrying network errors, timeouts and 408/429/5xx with backoff. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchedText> {
  const fetched = await attempt(url, options, options.first);
  if (!('thrown' in fetched)) return fetched;
  // What the caller shows a failure with travels alongside the failure code.
  options.onFailure?.();
  const failure = await lazyFetching.failure().catch(() => undefined);
  if (options.signal?.aborted) throw options.signal.reason;
  if (failure) return failure.afterFailure(url, options, fetched, attempt);
  // Without that code, the failure is the network's (so is not being able to fetch the code).
  const cause = fetched.thrown;
  throw new DandelionError('network', `request to ${url} failed: ${String(cause)}`, undefined, {
    cause,
  });
}
