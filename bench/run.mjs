#!/usr/bin/env node
// `npm run bench`: builds every bench/*.html page for production (minified, Lit's production
// build, as a site ships it), serves the output, opens each page in headless Chromium
// (playwright-core on the system browser) and prints the numbers each page reports, with budgets
// and ratios. A bench page sets `window.benchResults = [{ name, value, unit, budget? }]` and then
// `window.benchDone = true`.
// A page can ask for real touch input: `await window.benchTouch({ x, y, dx, dy, speed })` puts a
// finger down at (x, y) (CSS px in the viewport), moves it by (dx, dy) at `speed` px/s and lifts
// it; it resolves once the finger is up. It is real touch input (CDP `Input.dispatchTouchEvent`:
// touch start, a move every 1/60 s, touch end), which reaches the page as a touchscreen's does,
// through the compositor (native scrolling) and as touch and pointer events.
// (`Input.synthesizeScrollGesture` would be neater, but headless Chromium sends its touch start
// and no moves.)
//
//   npm run bench                       all pages; exits 0 when they ran (budgets are reported)
//   npm run bench -- story-carousel     only some pages (`cold-load`: the phone load vs FullCalendar)
//   npm run bench -- --strict           exit 1 when a number is over its budget
//   npm run bench -- --dev              on Vite's dev server instead (quicker to iterate; slower code)
//   npm run bench -- --readme           also writes the budgeted numbers into README's table
//
// Every run writes bench/results.json (machine, date, every number) for comparing runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium-launch.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { ensureLocales } from '../scripts/ensure-locales.mjs';
import { writeReadmeTable } from './readme-table.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const dev = args.includes('--dev');
const readme = args.includes('--readme');
const only = args.filter((arg) => !arg.startsWith('--'));
const pages = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .filter((name) => only.length === 0 || only.includes(name));

/** Serves the bench pages: a production build by default, Vite's dev server with `--dev`. */
async function servePages() {
  // Without the project's Vite config: build the translated message modules here.
  ensureLocales();
  if (dev) {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'error',
      server: { port: 0 },
    });
    await server.listen();
    const { port } = server.httpServer.address();
    return { base: `http://localhost:${port}`, close: () => server.close() };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'dandelion-bench-'));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: { input: pages.map((name) => join(root, 'bench', `${name}.html`)) },
    },
  });
  // The pages read fixture data and photos from the repo's test fixtures, as on the dev server.
  cpSync(join(root, 'tests', 'fixtures'), join(outDir, 'tests', 'fixtures'), { recursive: true });
  const server = await serveStatic(outDir);
  return {
    base: server.base,
    close: () => {
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** One finger swipe for `window.benchTouch` (see the top of this file). */
async function touch(cdp, { x, y, dx = 0, dy = 0, speed = 800 }) {
  const steps = Math.max(2, Math.round((Math.hypot(dx, dy) / speed) * 60));
  const send = (type, points) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await send('touchStart', [{ x, y }]);
  for (let k = 1; k <= steps; k++) {
    await new Promise((r) => setTimeout(r, 1000 / 60));
    await send('touchMove', [{ x: x + (dx * k) / steps, y: y + (dy * k) / steps }]);
  }
  await send('touchEnd', []);
}

// `npm run bench -- cold-load` alone has no page to build (that page runs its own browser).
const server = pages.length ? await servePages() : undefined;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let overBudget = 0;
const report = {
  date: new Date().toISOString(),
  build: dev ? 'vite dev server' : 'production build',
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  browser: browser.version(),
  pages: {},
};
/** Prints one page's numbers and counts those over budget. */
function print(name, results) {
  report.pages[name] = results;
  console.log(`\n${name}`);
  for (const r of results) {
    const verdict =
      r.budget === undefined
        ? ''
        : r.value <= r.budget
          ? `  ok (budget ${r.budget})`
          : `  OVER (budget ${r.budget})`;
    if (r.budget !== undefined && r.value > r.budget) overBudget++;
    console.log(`  ${r.name.padEnd(58)} ${String(r.value).padStart(10)} ${r.unit}${verdict}`);
  }
}

try {
  for (const name of pages) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    const cdp = await page.context().newCDPSession(page);
    await page.exposeFunction('benchTouch', (swipe) => touch(cdp, swipe));
    await page.goto(`${server.base}/bench/${name}.html`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 900_000 });
    print(name, await page.evaluate(() => window.benchResults));
    await page.close();
  }
} finally {
  await browser.close();
  server?.close();
}
// The cold phone load against FullCalendar uses the built CDN files (`npm run build` first). It
// runs in a Node process of its own: its server answers every request of both sides, and should
// not share a heap (and its garbage collections) with the Vite build and the pages above.
if (only.length === 0 || only.includes('cold-load')) {
  const cold = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('cold-load.mjs', import.meta.url)), '--json'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (cold.status !== 0) throw new Error(`bench/cold-load.mjs exited with ${cold.status}`);
  print('cold-load (emulated slow 4G phone)', JSON.parse(cold.stdout.trim().split('\n').pop()));
}
writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
if (readme) writeReadmeTable(report);
console.log(
  `\n${report.build}; results in bench/results.json; ${overBudget} number(s) over budget${
    overBudget && !strict ? ' (reported; --strict fails the run)' : ''
  }`,
);
process.exit(strict && overBudget ? 1 : 0);
