#!/usr/bin/env node
// `npm run gallery`: screenshots of every widget in the demo (`npm start`, zh-Hans, light) at a
// phone width (390 px) and a desktop width (1280 px), written to docs/gallery/ for the README.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { startDemo } from './demo-server.mjs';

const widgets = {
  'service-finder': '[part~="service"]',
  'event-calendar': '[part~="event"]',
  'intake-form': '[part~="field"]',
  'story-carousel': '[part~="slide"]',
};
// Chinese text needs Chinese fonts: a bare Debian machine has none (every character a box).
const hasCjk = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};
if (!hasCjk()) {
  console.log('Installing Debian fonts-noto-cjk for the screenshots…');
  execSync('apt-get install -y --no-install-recommends fonts-noto-cjk', { stdio: 'inherit' });
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
      const path = `docs/gallery/${tag}-${width}.png`;
      // The top of the widget, at most a screen and a half: what a visitor sees first.
      const box = await page.locator(tag).first().boundingBox();
      const clip = { ...box, height: Math.min(box.height, width < 600 ? 1300 : 1000) };
      await page.screenshot({ path, clip, fullPage: true, animations: 'disabled' });
      console.log(`wrote ${path}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  demo.stop();
}
