#!/usr/bin/env node
// Smoke test of the built CDN files (`dist/cdn/`, run `npm run build` first): one plain page under
// a strict Content-Security-Policy with Trusted Types loads `dist/cdn/index.js` and all four
// widgets must render from fixture data — an ICS calendar with recurrence (ical.js chunk), an HSDS
// directory, a schema form, a carousel from page markup and one from an RSS feed (XML parser,
// HTML sanitizer) — with no page errors and no CSP violations. A second page loads the four
// `dist/cdn/<widget>/class.js` files, registers them under its own tag names (`<ngo-finder>`, …)
// and must show all four, with none of the standard names registered.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html dompurify dandelion-inert";
const page = `<!doctype html>
<html lang="zh-Hans">
  <head><meta charset="utf-8"><title>CDN smoke</title></head>
  <body>
    <story-carousel>
      <article><h3>故事一</h3><p>摘要一</p></article>
      <article><h3>故事二</h3><p>摘要二</p></article>
    </story-carousel>
    <story-carousel id="feed" src="/tests/fixtures/carousel/feed.xml"></story-carousel>
    <event-calendar src="/tests/fixtures/calendar/activities.ics" date="2026-11-16" time-zone="Asia/Shanghai" view="list" lunar></event-calendar>
    <service-finder src="/tests/fixtures/finder/hsds-services.json" format="hsds"></service-finder>
    <intake-form schema="/tests/fixtures/intake/forms/kitchen-sink.json" no-draft></intake-form>
    <script type="module" src="/dist/cdn/index.js"></script>
  </body>
</html>`;
/** The class entries under the page's own tag names (a module file: the CSP allows no inline script). */
const ownTags = {
  'ngo-finder': ['service-finder', 'ServiceFinder'],
  'ngo-calendar': ['event-calendar', 'EventCalendar'],
  'ngo-form': ['intake-form', 'IntakeForm'],
  'ngo-stories': ['story-carousel', 'StoryCarousel'],
};
const ownTagsScript = Object.entries(ownTags)
  .map(
    ([tag, [widget, name]]) =>
      `import { ${name} } from '/dist/cdn/${widget}/class.js';\ncustomElements.define('${tag}', ${name});`,
  )
  .join('\n');
const ownPage = page
  .replace(
    /<(\/?)(story-carousel|event-calendar|service-finder|intake-form)\b/g,
    (_, slash, tag) => {
      const own = Object.keys(ownTags).find((t) => ownTags[t][0] === tag);
      return `<${slash}${own}`;
    },
  )
  .replace('/dist/cdn/index.js', '/own-tags.js');
// Each CDN file carries its own Lit, so a page loading several creates the `lit-html` policy
// more than once: Trusted Types then needs 'allow-duplicates' (README "Use it from a CDN").
const severalFilesCsp = csp.replace('dandelion-inert', "dandelion-inert 'allow-duplicates'");
const routes = {
  '/': ['text/html; charset=utf-8', page, csp],
  '/own': ['text/html; charset=utf-8', ownPage, severalFilesCsp],
  '/own-tags.js': ['text/javascript; charset=utf-8', ownTagsScript, csp],
};
const server = await serveStatic(process.cwd(), (path, res) => {
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  if (!routes[path]) return false;
  const [type, body, policy] = routes[path];
  res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': policy });
  res.end(body);
  return true;
});

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const problems = [];

/** Opens `path` and waits until every widget, by its tag name on that page, shows content. */
async function visit(path, tags) {
  const tab = await browser.newPage();
  const seen = [];
  tab.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  // The feed fixture has a photo that 404s on purpose (the slide shows a placeholder).
  const expected404 = /\/missing-photo\.jpg$/;
  tab.on('response', (response) => {
    if (response.status() >= 400 && !expected404.test(response.url())) {
      seen.push(`${response.status()} ${response.url()}`);
    }
  });
  tab.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error') return;
    if (/status of 404/.test(text) && expected404.test(message.location().url ?? '')) return;
    // The feed carries `<img onerror>` on purpose. Parsing it into an inert document (our text
    // extraction, DOMPurify) makes Chrome report the blocked handler attribute although nothing
    // runs there; that nothing ran is checked below with window.hacked.
    if (/^Executing inline event handler violates/.test(text)) return;
    seen.push(`console error: ${text}`);
  });
  try {
    await tab.goto(`${server.base}${path}`);
    const shown = await tab.waitForFunction(
      (t) => {
        const $ = (tag, selector) =>
          document.querySelector(tag)?.shadowRoot?.querySelector(selector);
        const ready = {
          carousel: $(t.carousel, '[part="slide"] h3, [part="slide"] .title')?.textContent,
          feed: document
            .querySelector('#feed')
            ?.shadowRoot?.querySelector('[part="slide"] h3, [part="slide"] .title')?.textContent,
          calendar: $(t.calendar, '[part="event"]')?.textContent,
          finder: $(t.finder, '[part="service"]')?.textContent,
          form: $(t.form, '[part="field"]')?.textContent,
        };
        return Object.values(ready).every(Boolean) ? ready : false;
      },
      tags,
      { timeout: 20_000 },
    );
    const ready = await shown.jsonValue();
    if (await tab.evaluate(() => 'hacked' in window)) {
      seen.push('script from the hostile feed item ran');
    }
    for (const [widget, text] of Object.entries(ready)) {
      console.log(`${path} ${widget}: ${String(text).replace(/\s+/g, ' ').trim().slice(0, 40)}`);
    }
    return tab;
  } catch (error) {
    seen.push(String(error));
    return tab;
  } finally {
    problems.push(...seen.map((problem) => `${path}: ${problem}`));
  }
}

try {
  await visit('/', {
    carousel: 'story-carousel',
    calendar: 'event-calendar',
    finder: 'service-finder',
    form: 'intake-form',
  });
  const own = await visit('/own', {
    carousel: 'ngo-stories',
    calendar: 'ngo-calendar',
    finder: 'ngo-finder',
    form: 'ngo-form',
  });
  // The class files register nothing themselves.
  const standard = await own.evaluate(
    (tags) => tags.filter((tag) => customElements.get(tag)),
    ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'],
  );
  if (standard.length) problems.push(`/own: the class files registered ${standard.join(', ')}`);
} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`CDN smoke test failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  "CDN smoke test: all four widgets render from dist/cdn under a strict CSP, by their own names and from the class files under the page's names.",
);
