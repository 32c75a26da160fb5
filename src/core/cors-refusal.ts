/**
 * Tells a request the browser refused under its cross-origin rules (CORS) apart from one lost on
 * the network. `fetch` rejects both with the same `TypeError`; a second, opaque `no-cors` request
 * to the same URL reaches a server that answers but does not allow this page to read it. Such a
 * failure is the site's set-up (the data server must send `Access-Control-Allow-Origin`), so
 * retrying does not help and the visitor's connection is not to blame.
 */
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
