#!/usr/bin/env node
// `npm run gallery`: screenshots of every widget in the demo (`npm start`, zh-Hans, light) at a
// phone width (390 px) and a desktop width (1280 px), written to docs/gallery/ for the README;
// at 390 px also the calendar's month view (marks in the grid, the chosen day's events under it).
// Names as arguments take only those shots: `npm run gallery -- event-calendar-month-390`.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { hasChineseFont } from './ensure-chromium.mjs';
import { startDemo } from './demo-server.mjs';

const widgets = {
  'service-finder': '[part~="service"]',
  'event-calendar': '[part~="event"]',
  'intake-form': '[part~="field"]',
  'story-carousel': '[part~="slide"]',
};
// Chinese text needs Chinese fonts: a bare Debian machine has none (every character a box).
if (hasChineseFont() === false) {
  console.log('Installing Debian fonts-noto-cjk for the screenshots…');
  execSync('apt-get install -y --no-install-recommends fonts-noto-cjk', { stdio: 'inherit' });
}
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

/** The top of the widget, at most a screen and a half: what a visitor sees first. */
async function shoot(page, tag, name, width) {
  const path = `docs/gallery/${name}.png`;
  const box = await page.locator(tag).first().boundingBox();
  // The box is in the viewport's coordinates, the full-page clip in the page's.
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const clip = {
    ...box,
    x: box.x + scroll.x,
    y: box.y + scroll.y,
    height: Math.min(box.height, width < 600 ? 1300 : 1000),
  };
  await page.screenshot({ path, clip, fullPage: true, animations: 'disabled' });
  console.log(`wrote ${path}`);
}

/** The phone calendar in its month view, the busiest day of the month chosen with a tap. */
async function phoneMonth(page) {
  const calendar = page.locator('event-calendar').first();
  await calendar.getByRole('button', { name: '月', exact: true }).click();
  await calendar.locator('.agenda').waitFor();
  const days = calendar.locator('[role="gridcell"]').filter({ has: page.locator('.mark') });
  const busiest = await days.evaluateAll((cells) => {
    const marks = cells.map((c) => c.querySelectorAll('.mark').length);
    return marks.indexOf(Math.max(...marks));
  });
  await days.nth(busiest).click();
  await calendar.locator('.agenda [part~="event"]').first().waitFor();
}

mkdirSync('docs/gallery', { recursive: true });
const demo = await startDemo();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({
      viewport: { width, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    await page.goto(demo.url);
    await page.waitForFunction(
      (parts) =>
        Object.entries(parts).every(([tag, selector]) =>
          document.querySelector(tag)?.shadowRoot?.querySelector(selector),
        ),
      widgets,
      { timeout: 60_000 },
    );
    // Fonts and images in place before the picture is taken.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');
    for (const tag of Object.keys(widgets)) {
      if (wanted(`${tag}-${width}`)) await shoot(page, tag, `${tag}-${width}`, width);
    }
    if (width < 600 && wanted(`event-calendar-month-${width}`)) {
      await phoneMonth(page);
      await shoot(page, 'event-calendar', `event-calendar-month-${width}`, width);
    }
    await page.close();
  }
} finally {
  await browser.close();
  demo.stop();
}
