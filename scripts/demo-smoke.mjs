#!/usr/bin/env node
// Smoke test of `npm start`: starts the demo server (demo/server.mjs, its embedded backend
// included) on a free port, opens the demo page in headless Chromium at a phone and a desktop
// width, and checks that all four widgets show their content from the demo backend, with no page
// errors and no layout shift while they load (CLS 0, as the carousel issue asks of the demo).
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { freePort } from './free-port.mjs';

const port = await freePort();
const server = spawn(process.execPath, ['demo/server.mjs'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DANDELION_STAFF_TOKEN: 'smoke' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
const started = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), 60_000);
  const onData = (chunk) => {
    output += chunk;
    if (output.includes('Dandelion demo:')) {
      clearTimeout(timer);
      resolve();
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', (chunk) => (output += chunk));
  server.once('exit', (code) => reject(new Error(`demo server exited (${code}):\n${output}`)));
});

const problems = [];
let browser;
try {
  await started;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  for (const width of [390, 1100]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (error) => problems.push(`${width}px: page error: ${error.message}`));
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    const parts = {
      'service-finder': '[part~="service"]',
      'event-calendar': '[part~="toolbar"]',
      'intake-form': '[part~="field"]',
      'story-carousel': '[part~="slide"]',
    };
    try {
      await page.waitForFunction(
        (parts) =>
          Object.entries(parts).every(([tag, selector]) =>
            document.querySelector(tag)?.shadowRoot?.querySelector(selector),
          ),
        parts,
        { timeout: 30_000 },
      );
    } catch {
      problems.push(`${width}px: not every widget showed its content within 30 s`);
    }
    await page.waitForTimeout(1500);
    const cls = await page.evaluate(() => window.__cls);
    console.log(`${width}px: all widgets shown, cumulative layout shift ${cls.toFixed(4)}`);
    if (cls > 0.01) problems.push(`${width}px: layout shift ${cls.toFixed(4)} (want 0)`);
    await page.close();
  }
} catch (error) {
  problems.push(String(error));
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('Demo smoke test: npm start serves all four widgets with no layout shift.');
