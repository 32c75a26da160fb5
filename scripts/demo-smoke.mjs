#!/usr/bin/env node
// Smoke test of `npm start`: starts the demo server (demo/server.mjs, its embedded backend
// included) on a free port, opens the demo page in headless Chromium at a phone and a desktop
// width, and checks that all four widgets show their content from the demo backend, with no page
// errors and no layout shift while they load (CLS 0, as the carousel issue asks of the demo).
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { startDemo } from './demo-server.mjs';

const problems = [];
let browser;
let demo;
try {
  demo = await startDemo({ DANDELION_STAFF_TOKEN: 'smoke' });
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
    await page.goto(demo.url);
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
  demo?.stop();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('Demo smoke test: npm start serves all four widgets with no layout shift.');
