#!/usr/bin/env node
// `npm run bench`: serves the repo with Vite, opens every bench/*.html page in headless Chromium
// (playwright-core on the system browser) and prints the numbers each page reports.
// A bench page sets `window.benchResults = [{ name, value, unit, budget? }]` and then
// `window.benchDone = true`. Pass page names to run only some: `npm run bench -- story-carousel`.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium-launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const pages = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .filter((name) => only.length === 0 || only.includes(name));

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  server: { port: 0 },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let overBudget = 0;
try {
  for (const name of pages) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    await page.goto(`http://localhost:${port}/bench/${name}.html`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 300_000 });
    const results = await page.evaluate(() => window.benchResults);
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
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(overBudget ? 1 : 0);
