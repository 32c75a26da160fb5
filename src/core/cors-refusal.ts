/**
 * Tells a request the browser refused under its cross-origin rules (CORS) apart from one lost on
 * the network. `fetch` rejects both with the same `TypeError`; a second, opaque `no-cors` request
 * to the same URL reaches a server that answers but does not allow this page to read it. Such a
 * failure is the site's set-up (the data server must send `Access-Control-Allow-Origin`), so
 * retrying does not help and the visitor's connection is not to blame. Loaded by `fetchText` only
 * when a request fails.
 */
import { DandelionError } from './errors.js';

export async function refusedByCors(url: string, signal?: AbortSignal): Promise<boolean> {
  let target: URL;
  try {
    target = new URL(url, globalThis.location?.href);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(target.protocol) || target.origin === globalThis.location?.origin) {
    return false;
  }
  if (globalThis.navigator?.onLine === false) return false;
  try {
    await fetch(target, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The error for a failed request to `url` that the browser refused under CORS (saying how the
 * site fixes it; not retried), or `undefined` when it was lost on the network.
 */
export async function corsRefusal(
  url: string,
  cause: unknown,
  signal?: AbortSignal,
): Promise<DandelionError | undefined> {
  if (!(await refusedByCors(url, signal))) return undefined;
  return new DandelionError(
    'network',
    `the browser refused to let this page read ${url}: that server does not allow the origin ${location.origin}. It must answer with the header Access-Control-Allow-Origin: ${location.origin} (or the data must come from this site). Not retried.`,
    undefined,
    { cause, corsRefused: true },
  );
}
