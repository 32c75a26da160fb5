/**
 * The URLs the page passed to `fetch`, in order, while the real `fetch` still makes every
 * request (to the local test server): to see *when* a widget asks, not to answer for the server.
 */
export function logFetches(): { urls: string[]; restore: () => void } {
  const real = globalThis.fetch;
  const urls: string[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return real(input, init);
  };
  return {
    urls,
    restore: () => {
      globalThis.fetch = real;
    },
  };
}
