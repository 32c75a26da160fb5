/**
 * A URL whose requests never answer (until aborted), so a Loading story stays loading: the
 * page's `fetch` is wrapped once, for this URL only, when a story calls {@link installNever}.
 */
export const neverUrl = (extension: string) => `/__dandelion-story-never__.${extension}`;

let installed = false;

/** Wraps the page's `fetch` so requests to a {@link neverUrl} wait for their abort signal. */
export function installNever(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    String(input instanceof Request ? input.url : input).includes('/__dandelion-story-never__.')
      ? new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        )
      : realFetch(input, init);
}
