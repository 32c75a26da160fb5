import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless=new','--disable-gpu'] });
for (const w of [390, 1100]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ v: e.value, t: Math.round(e.startTime), srcs: e.sources.map((s) => (s.node?.nodeName ?? '?') + '#' + (s.node?.id ?? '') + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect)) }); }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('http://localhost:5199/'); await page.waitForTimeout(6000);
  const shifts = await page.evaluate(() => window.__shifts);
  console.log(w, 'CLS', shifts.reduce((a, s) => a + s.v, 0).toFixed(4), JSON.stringify(shifts).slice(0, 900));
  await page.close();
}
await browser.close();
