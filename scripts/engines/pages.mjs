// The pages the engine smoke test opens: one per widget, each loading that widget's CDN file
// (`dist/cdn/<widget>.js`) with fixture data under the strict Content-Security-Policy the README
// supports (Trusted Types included), after a small classic script (`probe.js`) that records page
// errors, CSP violations and the widget events from before the module runs, and gives the checks
// a few helpers that look through shadow roots.

/** Served as `/smoke/probe.js`: runs before any module, so no error or event is missed. */
export const probeScript = `(() => {
  const errors = [];
  const submits = [];
  addEventListener('error', (e) => errors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + String(e.reason && e.reason.message || e.reason)));
  addEventListener('dandelion-error', (e) => errors.push('dandelion-error: ' + e.detail.kind + ' ' + e.detail.message));
  addEventListener('dandelion-submit', (e) => submits.push(e.detail.status));
  document.addEventListener('securitypolicyviolation', (e) => errors.push('CSP violation: ' + e.effectiveDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')), true);
  const all = (root, selector, found = []) => {
    found.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, found);
    return found;
  };
  const text = (el) => (el ? el.textContent.replace(/\\s+/g, ' ').trim() : '');
  window.smoke = {
    errors,
    submits,
    text,
    /** Every element matching selector, in the page and inside every shadow root. */
    all: (selector) => all(document, selector),
    one: (selector) => all(document, selector)[0] || null,
    /** The focused element, looking inside shadow roots. */
    active() {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el;
    },
    /** Scrolls el into view and gives the viewport point at its centre (for a real click). */
    centre(el) {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
  };
})();
`;

const page = (title, script, body) => `<!doctype html>
<html lang="zh-Hans">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <script src="/smoke/probe.js"></script>
    <script type="module" src="/dist/cdn/${script}.js"></script>
  </head>
  <body>
    ${body}
  </body>
</html>`;

/** The page of each widget, by path. `engine` keeps each engine's intake answers apart. */
export function widgetPages(engine) {
  return {
    '/smoke/service-finder.html': page(
      'service-finder',
      'service-finder',
      '<service-finder src="/tests/fixtures/finder/hsds-services.json" format="hsds"></service-finder>',
    ),
    '/smoke/event-calendar.html': page(
      'event-calendar',
      'event-calendar',
      '<event-calendar src="/tests/fixtures/calendar/activities.ics" date="2026-11-16" time-zone="Asia/Shanghai" view="month"></event-calendar>',
    ),
    '/smoke/intake-form.html': page(
      'intake-form',
      'intake-form',
      `<intake-form schema="/tests/fixtures/intake/forms/test-signup.json" action="/smoke/receive?engine=${engine}" storage-key="engine-smoke-${engine}" no-draft></intake-form>`,
    ),
    '/smoke/story-carousel.html': page(
      'story-carousel',
      'story-carousel',
      '<story-carousel src="/tests/fixtures/carousel/feed.xml" per-view="1"></story-carousel>',
    ),
  };
}
