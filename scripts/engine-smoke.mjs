#!/usr/bin/env node
// Smoke test of the built CDN files (`dist/cdn/`, run `npm run build` first) in the engines
// families use besides Chromium: WebKit (WebKitGTK's MiniBrowser: the engine of Safari, of every
// iPhone browser and of WeChat on iOS) and Firefox ESR. Per widget, with real clicks and keys:
// content appears, a detail opens, a keyboard interaction works, an intake form is submitted
// to a receiver in this script (exactly one POST), the carousel moves to the next slide and
// comes to rest there; each page under the README's strict CSP, with no page error and no CSP
// violation. One PASS/FAIL line per check, a summary, exit 1 on any failure.
//
//   node scripts/engine-smoke.mjs [--engine webkit|firefox|all]
//
// Installs Debian's `webkit2gtk-driver`, `xvfb` and `firefox-esr` when they are missing and it
// can (root with apt-get), like ensure-chromium.mjs does for Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { noPageErrors, widgets } from './engines/checks.mjs';
import { probeScript, widgetPages } from './engines/pages.mjs';
import { serveStatic } from './static-server.mjs';
import { strictCsp } from '../tests/server/strict-csp-page.mjs';

const engines = {
  webkit: {
    packages: ['webkit2gtk-driver', 'xvfb'],
    present: async () => {
      const { miniBrowserPath } = await import('./engines/webkit.mjs');
      return ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb'].every(existsSync) && !!miniBrowserPath();
    },
    launch: async () => (await import('./engines/webkit.mjs')).launchWebKit(),
  },
  firefox: {
    packages: ['firefox-esr'],
    present: async () => existsSync((await import('./engines/firefox.mjs')).firefoxPath),
    launch: async () => (await import('./engines/firefox.mjs')).launchFirefox(),
  },
};

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'all' } } });
const chosen = values.engine === 'all' ? Object.keys(engines) : [values.engine];
if (!chosen.every((name) => name in engines)) {
  console.error(`--engine must be webkit, firefox or all (got ${values.engine})`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist/cdn/index.js'))) {
  console.error('dist/cdn is missing: run `npm run build` first.');
  process.exit(2);
}
await ensurePackages(chosen);

/** Intake answers the receiver got, per engine (from `?engine=` in the form's action). */
const received = new Map(chosen.map((name) => [name, []]));
const pages = Object.fromEntries(
  chosen.flatMap((name) =>
    Object.entries(widgetPages(name)).map(([path, html]) => [`/${name}${path}`, html]),
  ),
);
const server = await serveStatic(root, (path, res, req) => {
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  if (path === '/smoke/probe.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(probeScript);
    return true;
  }
  if (path in pages) {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': strictCsp,
    });
    res.end(pages[path]);
    return true;
  }
  if (path === '/smoke/receive') {
    receive(req, res);
    return true;
  }
  return false;
});

/** The intake receiver: records each POST and answers 201 with a reference. */
function receive(req, res) {
  const engine = new URL(req.url, 'http://x').searchParams.get('engine');
  if (req.method !== 'POST' || !received.has(engine)) {
    res.writeHead(405).end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = body;
    }
    const list = received.get(engine);
    list.push({ body: parsed, key: req.headers['idempotency-key'] });
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: `smoke-${list.length}` }));
  });
}

const results = [];
function report(engine, widget, check, outcome) {
  const ok = !(outcome instanceof Error);
  results.push(ok);
  const detail = ok ? outcome : outcome.message.split('\n')[0];
  console.log(`${ok ? 'PASS' : 'FAIL'} ${engine} ${widget} ${check}: ${detail}`);
}

const started = Date.now();
const timings = [];
try {
  for (const name of chosen) {
    const t0 = Date.now();
    let driver;
    try {
      driver = await engines[name].launch();
    } catch (error) {
      report(name, '-', 'launch', error);
      continue;
    }
    try {
      // Asked on a page of the test server: some APIs exist only in a secure context.
      await driver.goto(`${server.base}/smoke/probe.js`);
      const features = await driver.evaluate(() =>
        Object.entries({
          Temporal: typeof Temporal === 'object',
          setHTML: typeof Element.prototype.setHTML === 'function',
          Sanitizer: typeof Sanitizer === 'function',
          scrollend: 'onscrollend' in window,
          'scheduler.yield': typeof scheduler === 'object' && typeof scheduler.yield === 'function',
          requestIdleCallback: typeof requestIdleCallback === 'function',
          'navigator.locks': 'locks' in navigator,
          'AbortSignal.any': typeof AbortSignal.any === 'function',
          trustedTypes: typeof trustedTypes === 'object',
        })
          .map(([api, has]) => `${has ? '+' : '-'}${api}`)
          .join(' '),
      );
      console.log(`# ${driver.name} ${await driver.version()}: ${features}`);
      for (const [widget, { page, checks }] of Object.entries(widgets)) {
        await driver.goto(`${server.base}/${name}${page}`);
        const context = { received: () => received.get(name) };
        for (const [check, run] of Object.entries(checks)) {
          report(name, widget, check, await run(driver, context).catch((error) => error));
        }
        report(name, widget, 'no page errors', await noPageErrors(driver).catch((error) => error));
      }
      const posts = received.get(name).length;
      report(
        name,
        'intake-form',
        'one POST in all',
        posts === 1 ? '1 POST' : new Error(`${posts} POSTs`),
      );
    } finally {
      await driver.close();
    }
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  server.close();
}

const failed = results.filter((ok) => !ok).length;
console.log(
  `engine smoke: ${results.length - failed} passed, ${failed} failed (${timings.join(', ') || 'no engine ran'}; ${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
);
process.exit(failed ? 1 : 0);

/** Installs the Debian packages of the chosen engines that are missing (root + apt-get only). */
async function ensurePackages(names) {
  const missing = [];
  for (const name of names)
    if (!(await engines[name].present())) missing.push(...engines[name].packages);
  if (!missing.length) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!(process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get'))) {
    console.error(
      `[dandelion] Missing browser packages: install them (Debian/Ubuntu: \`sudo apt-get install -y ${missing.join(' ')}\`).`,
    );
    process.exit(2);
  }
  console.log(`[dandelion] Installing Debian packages ${missing.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}
