#!/usr/bin/env node
// axe on every story of the built Storybook (storybook-static/, `npm run build-storybook`): each
// story is opened on its own in headless Chromium, in the light and in the dark colour scheme,
// given time to load its data, then checked with axe-core (WCAG 2.1 A/AA rules, shadow roots
// included). Fails on any violation, so what the docs show is as accessible as what the test
// suite checks.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { builtStories } from './storybook-stories.mjs';

const { stories, server } = await builtStories();
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let failed = 0;
try {
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, colorScheme });
    for (const story of stories) {
      await page.goto(`${server.base}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(
        () => document.querySelector('#storybook-root')?.childElementCount,
      );
      // Widgets that load data show a skeleton first; wait until none is busy (or 5 s, for the
      // stories whose point is the loading state).
      await page
        .waitForFunction(
          () => {
            const busy = (root) =>
              [...root.querySelectorAll('*')].some(
                (el) =>
                  el.getAttribute('aria-busy') === 'true' || (el.shadowRoot && busy(el.shadowRoot)),
              );
            return !busy(document);
          },
          null,
          { timeout: 5000 },
        )
        .catch(() => {});
      await page.waitForTimeout(150);
      // Storybook's a11y addon may have put axe on the page and be running it: wait for it.
      if (!(await page.evaluate(() => 'axe' in window)))
        await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        let result;
        for (let tries = 0; !result; tries++) {
          try {
            result = await window.axe.run('#storybook-root', {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            });
          } catch (error) {
            if (tries > 50 || !String(error).includes('already running')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        return result.violations.map((v) => ({
          id: v.id,
          help: v.help,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      if (violations.length > 0) {
        failed++;
        console.log(`✗ ${story.id} (${colorScheme})`);
        for (const v of violations) console.log(`    ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const runs = stories.length * 2;
console.log(
  `Storybook a11y: ${runs - failed} of ${runs} story views (light and dark) pass axe (WCAG 2.1 AA).`,
);
if (failed > 0) process.exit(1);
