#!/usr/bin/env node
// `npm run size:first-view`: what a visitor really downloads before a widget shows content.
// Opens one zh-Hans page per widget on the built CDN files (`npm run build` first) with typical
// data, waits for the content state and reports, from Chromium's own network log: every script
// fetched before content, their bytes gzipped one by one as they travel, and the longest chain
// of requests that had to wait for each other (a script found in another script's code is one
// level deeper). Each of those scripts must start with V8's compile hint (`compileHints()` in
// vite.config.ts). A chain deeper than the goal always fails (every widget meets its depth goal);
// the KB goals fail only with `--strict` (the carousel's is not met yet, see CHANGELOG). A script
// that could load another widget's record converter (`recordToEvent` in the carousel) fails too.
// Levels are what Chromium reports as each request's initiator: a `<link rel=modulepreload>` or
// a chunk fetched by `import()` counts one level below the script that asked for it.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';
import { initiatorUrl, uncachedTab } from './request-levels.mjs';

/** Goals to content: KB gz of scripts and chain depth. */
export const goals = {
  'service-finder': { kb: 30, depth: 3 },
  'event-calendar': { kb: 55, depth: 4 },
  'story-carousel': { kb: 28, depth: 3 },
  'intake-form': { kb: 30, depth: 3 },
};

const categories = ['入学咨询', '儿童健康', '法律援助', '心理辅导', '亲子活动', '就业服务'];
const services = Array.from({ length: 30 }, (_, i) => ({
  id: `svc-${i + 1}`,
  name: `${categories[i % categories.length]}服务点 ${i + 1}`,
  description: `示例机构为外来务工家庭提供${categories[i % categories.length]}，周一至周五开放。`,
  categories: [categories[i % categories.length]],
  phone: `020-0000${String(1000 + i)}`,
  address: `示例市某某区某某街道 ${i + 1} 号`,
}));
const schema = {
  title: '活动报名',
  type: 'object',
  required: ['name', 'phone'],
  properties: {
    name: { type: 'string', title: '家长姓名', maxLength: 20 },
    phone: { type: 'string', title: '联系电话', format: 'tel' },
    children: { type: 'integer', title: '孩子人数', minimum: 1, maximum: 5 },
    note: { type: 'string', title: '备注', maxLength: 200 },
  },
};
/** V8's explicit compile hint that every script before content starts with. */
const compileHint = '//# allFunctionsCalledOnLoad\n';
/** Each widget's file carries the record converter of its own kind only (`__DANDELION_KIND__`). */
const converters = ['recordToService', 'recordToEvent', 'recordToStory'];
const widgets = {
  'service-finder': {
    converter: 'recordToService',
    markup: '<service-finder src="/data/services.json" format="json"></service-finder>',
    content: '[part~="service"]',
    zh: '搜索服务',
  },
  'event-calendar': {
    converter: 'recordToEvent',
    markup:
      '<event-calendar src="/tests/fixtures/calendar/activities.ics" date="2026-11-16" view="list"></event-calendar>',
    content: '[part~="event"]',
    zh: '今天',
  },
  'story-carousel': {
    converter: 'recordToStory',
    markup: '<story-carousel src="/tests/fixtures/carousel/feed.xml"></story-carousel>',
    content: '[part~="slide"]',
    zh: '下一篇',
  },
  'intake-form': {
    markup: '<intake-form schema="/data/schema.json" no-draft></intake-form>',
    content: '[part~="field"]',
    zh: '（选填）',
  },
};
const page = (name) => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${name}</title>
<meta name="viewport" content="width=device-width"></head>
<body>${widgets[name].markup}<script type="module" src="/dist/cdn/${name}.js"></script></body></html>`;

const server = await serveStatic(process.cwd(), (path, res) => {
  const json = (body) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
    return true;
  };
  if (path === '/favicon.ico') return (res.writeHead(204).end(), true);
  if (path === '/data/services.json') return json(services);
  if (path === '/data/schema.json') return json(schema);
  const m = /^\/first-view\/([a-z-]+)\.html$/.exec(path);
  if (m && widgets[m[1]]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(m[1]));
    return true;
  }
  return false;
});

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const rows = [];
let failed = false;
let deeper = false;
try {
  for (const name of Object.keys(widgets)) {
    const { context, tab, cdp } = await uncachedTab(browser);
    /** @type {Map<string, { url: string, parent?: string }>} */
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      if (requests.has(request.url)) return;
      requests.set(request.url, { url: request.url, parent: initiatorUrl(initiator) });
    });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${server.base}/first-view/${name}.html`);
    const selector = widgets[name].content;
    await tab.waitForFunction(
      ([tag, sel]) => document.querySelector(tag)?.shadowRoot?.querySelector(sel),
      [name, selector],
      { timeout: 60_000 },
    );
    // The widget speaks zh-Hans (its own messages made it into the CDN build's translations).
    const markup = await tab.evaluate(
      (tag) => document.querySelector(tag).shadowRoot.innerHTML,
      name,
    );
    if (!markup.includes(widgets[name].zh))
      errors.push(
        `no zh-Hans UI text "${widgets[name].zh}": ${markup
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 300)}`,
      );
    const depth = (url, seen = new Set()) => {
      const r = requests.get(url);
      if (!r || seen.has(url)) return 0;
      seen.add(url);
      return 1 + (r.parent && r.parent !== url ? depth(r.parent, seen) : 0);
    };
    const page = `${server.base}/first-view/${name}.html`;
    // A lazy chunk's static imports start with it (the build's preloadLazyDependencies): none
    // may be found only once that chunk has arrived and been parsed, a round trip later.
    for (const { url, parent } of requests.values()) {
      const importer = parent && requests.get(parent);
      if (!importer?.parent || importer.parent === page || !/\.js$/.test(parent)) continue;
      const code = readFileSync(decodeURIComponent(new URL(parent).pathname).slice(1), 'utf8');
      const file = url.split('/').pop();
      if (
        new RegExp(`(from|import)\\s*["'\`][^"'\`]*/${file.replace(/[.$]/g, '\\$&')}["'\`]`).test(
          code,
        )
      )
        errors.push(`${file} is found only once ${parent.split('/').pop()} has arrived`);
    }
    const scripts = [...requests.keys()].filter((u) => /\.js(\?|$)/.test(u));
    let bytes = 0;
    for (const url of scripts) {
      const file = decodeURIComponent(new URL(url).pathname).slice(1);
      const code = readFileSync(file);
      bytes += gzipSync(code, { level: 9 }).length;
      // Our files compile on a background thread as they arrive (vite.config.ts, compileHints).
      if (code.toString('utf8', 0, compileHint.length) !== compileHint)
        errors.push(`${file} does not start with V8's compile hint`);
      const others = converters.filter(
        (c) => c !== widgets[name].converter && code.includes(`.${c}`),
      );
      if (others.length) errors.push(`${file} can load ${others.join(', ')}`);
    }
    // The page itself is level 0: a chain counts the requests after it.
    const chain = Math.max(
      ...[...requests.keys()].filter((u) => u !== page).map((u) => depth(u) - 1),
    );
    const kb = bytes / 1024;
    const goal = goals[name];
    const kbOk = kb <= goal.kb;
    const depthOk = chain <= goal.depth;
    const ok = kbOk && depthOk && errors.length === 0;
    failed ||= !ok;
    deeper ||= !depthOk;
    if (process.argv.includes('--verbose')) {
      for (const url of requests.keys())
        console.log(`  ${name} L${depth(url) - 1} ${url.replace(server.base, '')}`);
    }
    rows.push({ name, kb, scripts: scripts.length, chain, goal, ok, kbOk, depthOk, errors });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log('widget            KB gz to content   scripts   chain depth   goal');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(18)}${r.kb.toFixed(1).padStart(8)}${String(r.scripts).padStart(14)}${String(
      r.chain,
    ).padStart(12)}      ≤ ${r.goal.kb} KB, ≤ ${r.goal.depth}  ${
      r.ok ? 'ok' : `OVER (${[!r.kbOk && 'KB', !r.depthOk && 'depth'].filter(Boolean).join(', ')})`
    }${r.errors.length ? ` page errors: ${r.errors.join('; ')}` : ''}`,
  );
}
// Page errors (or a widget not speaking zh-Hans) and a chain over its goal always fail; the KB
// goals only with --strict.
if (rows.some((r) => r.errors.length) || deeper) process.exit(1);
if (failed && process.argv.includes('--strict')) process.exit(1);
