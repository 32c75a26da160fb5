#!/usr/bin/env node
// Smoke test of the built CDN files (`dist/cdn/`, run `npm run build` first): one plain page under
// a strict Content-Security-Policy with Trusted Types loads `dist/cdn/index.js` and all four
// widgets must render from fixture data — an ICS calendar with recurrence (ical.js chunk), an HSDS
// directory, a schema form, a carousel from page markup and one from an RSS feed (XML parser,
// HTML sanitizer) — with no page errors and no CSP violations.
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
const server = await serveStatic(process.cwd(), (path, res) => {
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  if (path !== '/') return false;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
  });
  res.end(page);
  return true;
});

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const problems = [];
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // The feed fixture has a photo that 404s on purpose (the slide shows a placeholder).
  const expected404 = /\/missing-photo\.jpg$/;
  tab.on('response', (response) => {
    if (response.status() >= 400 && !expected404.test(response.url())) {
      problems.push(`${response.status()} ${response.url()}`);
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
    problems.push(`console error: ${text}`);
  });
  await tab.goto(`${server.base}/`);
  const shown = await tab.waitForFunction(
    () => {
      const $ = (tag, selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector);
      const ready = {
        carousel: $('story-carousel', '[part="slide"] h3, [part="slide"] .title')?.textContent,
        feed: document
          .querySelector('#feed')
          ?.shadowRoot?.querySelector('[part="slide"] h3, [part="slide"] .title')?.textContent,
        calendar: $('event-calendar', '[part="event"]')?.textContent,
        finder: $('service-finder', '[part="service"]')?.textContent,
        form: $('intake-form', '[part="field"]')?.textContent,
      };
      return Object.values(ready).every(Boolean) ? ready : false;
    },
    undefined,
    { timeout: 20_000 },
  );
  const ready = await shown.jsonValue();
  if (await tab.evaluate(() => 'hacked' in window)) {
    problems.push('script from the hostile feed item ran');
  }
  for (const [widget, text] of Object.entries(ready)) {
    console.log(`${widget}: ${String(text).replace(/\s+/g, ' ').trim().slice(0, 40)}`);
  }
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
console.log('CDN smoke test: all four widgets render from dist/cdn under a strict CSP.');
