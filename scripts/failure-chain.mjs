#!/usr/bin/env node
// What a visitor downloads before a failed load's message shows, on the built CDN files
// (`node scripts/build-cdn.mjs` first). Opens one zh-Hans page per data widget whose source
// answers 404, waits for the error view, and reports from Chromium's network log the chain
// level of the failure code (`fetch-failure`), of the error view (`error-view`) and of the later
// words (`zh-Hans-more`), counted as scripts/first-view.mjs counts them (each request one level
// below the script Chromium names as its initiator), and whether the error view and its words
// were asked for before the failure code had arrived (then they travel together: one round trip
// for all three, not two in a row). Fails when they were not. Every request gets `--rtt <ms>`
// of latency (default 150, a slow phone network: on localhost a chunk can arrive before the next
// line of code asks for another); the time from the page's start to the message is reported, for
// information only.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';
import { initiatorUrl, uncachedTab } from './request-levels.mjs';

const widgets = {
  'service-finder': '<service-finder src="/data/missing.json" format="json"></service-finder>',
  'event-calendar': '<event-calendar src="/data/missing.ics" view="list"></event-calendar>',
  'story-carousel': '<story-carousel src="/data/missing.xml"></story-carousel>',
  'intake-form': '<intake-form schema="/data/missing.json" no-draft></intake-form>',
};
const page = (name) => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${name}</title>
<meta name="viewport" content="width=device-width"></head>
<body>${widgets[name]}<script type="module" src="/dist/cdn/${name}.js"></script></body></html>`;

const rttArg = process.argv.indexOf('--rtt');
const rtt = rttArg > 0 ? Number(process.argv[rttArg + 1]) : 150;

const server = await serveStatic(process.cwd(), (path, res) => {
  if (path === '/favicon.ico') return (res.writeHead(204).end(), true);
  if (path.startsWith('/data/missing')) return (res.writeHead(404).end('not here'), true);
  const m = /^\/failure-chain\/([a-z-]+)\.html$/.exec(path);
  if (m && widgets[m[1]]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(m[1]));
    return true;
  }
  return false;
});

/** The part of the failure path a chunk is, by its file name. */
const parts = {
  failure: /\/fetch-failure-[\w-]+\.js$/,
  view: /\/error-view-[\w-]+\.js$/,
  words: /\/zh-Hans-more-[\w-]+\.js$/,
};

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const rows = [];
let failed = false;
try {
  for (const name of Object.keys(widgets)) {
    const { context, tab, cdp } = await uncachedTab(browser);
    if (rtt > 0) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: rtt,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    /** @type {Map<string, { url: string, parent?: string, sent: number, done?: number }>} */
    const requests = new Map();
    const byId = new Map();
    cdp.on('Network.requestWillBeSent', ({ requestId, request, initiator, timestamp }) => {
      if (requests.has(request.url)) return;
      const entry = { url: request.url, parent: initiatorUrl(initiator), sent: timestamp };
      requests.set(request.url, entry);
      byId.set(requestId, entry);
    });
    cdp.on('Network.loadingFinished', ({ requestId, timestamp }) => {
      const entry = byId.get(requestId);
      if (entry) entry.done = timestamp;
    });
    await tab.goto(`${server.base}/failure-chain/${name}.html`);
    // Milliseconds from the page's start to the error view on screen.
    const shown = Math.round(
      await (
        await tab.waitForFunction(
          (tag) =>
            document.querySelector(tag)?.shadowRoot?.querySelector('[role="alert"] summary') &&
            performance.now(),
          name,
          { timeout: 60_000 },
        )
      ).jsonValue(),
    );
    const depth = (url, seen = new Set()) => {
      const r = requests.get(url);
      if (!r || seen.has(url)) return 0;
      seen.add(url);
      return 1 + (r.parent && r.parent !== url ? depth(r.parent, seen) : 0);
    };
    const find = (pattern) => [...requests.values()].find((r) => pattern.test(r.url));
    const failure = find(parts.failure);
    const view = find(parts.view);
    const words = find(parts.words);
    const level = (r) => (r ? String(depth(r.url) - 1) : '–');
    // Asked for before the failure code had arrived: it does not wait for that round trip.
    const together = (r) => !!r && !!failure?.done && r.sent < failure.done;
    const ok = !!failure && together(view) && (!words || together(words));
    failed ||= !ok;
    if (process.argv.includes('--verbose')) {
      for (const r of requests.values())
        console.log(
          `  ${name} L${depth(r.url) - 1} +${((r.sent - [...requests.values()][0].sent) * 1000).toFixed(0)} ms ${r.url.replace(server.base, '')} ← ${r.parent?.replace(server.base, '') ?? ''}`,
        );
    }
    rows.push({ name, failure, view, words, level, together, ok, shown });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `widget            fetch-failure  error-view  later words  view/words asked before failure code arrived${rtt ? `  message shown (rtt ${rtt} ms)` : ''}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(18)}${('L' + r.level(r.failure)).padStart(8)}${('L' + r.level(r.view)).padStart(12)}${('L' + r.level(r.words)).padStart(13)}      ${r.together(r.view) ? 'yes' : 'no'} / ${r.words ? (r.together(r.words) ? 'yes' : 'no') : '(none)'}${rtt ? `${String(r.shown).padStart(30)} ms` : ''}  ${r.ok ? 'ok' : 'WAITS'}`,
  );
}
if (failed) process.exit(1);
