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

/**
 * Whether the page has requested a URL containing `part` (a module such as
 * `/core/resource/refresh.` or `/service-finder/finder-model.`), from the browser's resource
 * timing: lazily loaded code can be checked without wrapping `import()`.
 */
export function requested(part: string): boolean {
  return performance.getEntriesByType('resource').some((e) => e.name.includes(part));
}
