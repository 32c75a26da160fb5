/**
 * What the error stories load: the three ways a site owner's set-up fails (issue #18). Each
 * widget shows a short, kind message to visitors and the cause in a collapsed "给网站管理员"
 * block. Nothing here leaves Storybook: the files are fixtures (tests/fixtures/ at /fixtures/),
 * and the refused cross-origin request is answered inside the page.
 */

/** An HTML page ("页面不存在") served where the data should be: unreadable. */
export const badFeed = '/fixtures/generic/html-page.json';

/** Feeds whose every record lacks what the widget needs, so every one is skipped. */
export const allSkipped = {
  events: '/fixtures/errors/events-without-dates.json',
  services: '/fixtures/errors/services-without-names.json',
  stories: '/fixtures/errors/stories-without-titles.json',
} as const;

/** A data server on another origin that does not allow this page (no CORS header). */
const refusingOrigin = 'https://data.example.org';
export const corsRefusedUrl = (path: string) => `${refusingOrigin}/${path}`;

let installed = false;

/**
 * Makes requests to {@link corsRefusedUrl} fail as the browser fails a CORS refusal: the normal
 * request rejects with a `TypeError`, while an opaque `no-cors` request reaches the server (which
 * is how the widget tells a refusal from a lost connection).
 */
export function installCorsRefusal(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${refusingOrigin}/`)) return realFetch(input, init);
    return init?.mode === 'no-cors'
      ? Promise.resolve(new Response(null))
      : Promise.reject(new TypeError('Failed to fetch'));
  };
}

/** A story's render that first makes {@link corsRefusedUrl} refuse, as its server would. */
export const withCorsRefusal =
  <F extends (...args: never[]) => unknown>(render: F) =>
  (...args: Parameters<F>): ReturnType<F> => {
    installCorsRefusal();
    return render(...args) as ReturnType<F>;
  };
