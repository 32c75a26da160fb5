#!/usr/bin/env node
// Smoke test of the split translations of the CDN widgets (`dist/cdn/`, run `npm run build`
// first; vite.config.ts `splitMessages`): each widget's zh-Hans locale chunk carries its first
// view's strings and one more file (`*-more-*.js`) the rest. On a zh-Hans page, in real Chromium,
// for each widget and each way the rest can arrive (at once, held back, not at all):
// - the rest is not requested before the widget shows content (it is not part of the first view);
// - held back, a view beyond the first (a problem left in a question, a service's details, an
//   error with its help) shows nothing of itself until the rest arrives, then its zh-Hans words
//   (never English first);
// - when it cannot be downloaded, the widget still works: the view shows (in English, as for a
//   language whose messages cannot be downloaded at all) and nothing the person typed is lost.
// The finder's "use my location" words are such a view too.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';

const pageOf = (name, markup) => `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<title>split</title></head><body>${markup}<script type="module" src="/dist/cdn/${name}.js"></script></body></html>`;

const services = Array.from({ length: 3 }, (_, i) => ({
  id: `svc-${i + 1}`,
  name: `示例服务点 ${i + 1}`,
  description: '示例机构为外来务工家庭提供咨询。',
  phone: `020-0000100${i}`,
}));

const frames = (tab) =>
  tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Each widget: its page, what shows its first content, how to reach a view beyond it (`act`,
 * which may check what must survive: the person's answers), and that view's words. `page` names
 * a second page of the same widget (`name`); `position` gives the page a position to share.
 */
const widgets = [
  {
    name: 'intake-form',
    markup:
      '<intake-form schema="/tests/fixtures/intake/forms/test-signup.json" no-draft></intake-form>',
    content: '[part~="field"]',
    zh: '请填写手机号',
    en: 'Enter a mobile number',
    async act(tab) {
      const phone = tab.locator('intake-form input[type="tel"]');
      await phone.fill('12345');
      await phone.blur();
      return async (check, mode, what) => {
        check((await phone.inputValue()) === '12345', `${what}: the answer stays in the question`);
        if (mode === 'fail') return;
        await tab.click('intake-form button.link');
        await tab.waitForFunction(() =>
          document.querySelector('intake-form').shadowRoot.textContent.includes('已清空'),
        );
        check(true, `${what}: the notice is in zh-Hans`);
      };
    },
  },
  {
    name: 'service-finder',
    markup: '<service-finder src="/split/services.json" format="json"></service-finder>',
    content: '[part~="service"]',
    zh: '返回列表',
    en: 'Back to results',
    async act(tab) {
      await tab.locator('service-finder [part~="service"] button.open').first().click();
    },
  },
  {
    name: 'service-finder',
    page: 'service-finder-locate',
    markup: '<service-finder src="/split/services.json" format="json"></service-finder>',
    content: '[part~="service"]',
    position: { latitude: 23.13, longitude: 113.26 },
    zh: '已按离你的距离从近到远排列。',
    en: 'Sorted by distance from where you are.',
    async act(tab) {
      await tab.locator('service-finder button.locate').click();
    },
  },
  {
    name: 'story-carousel',
    markup: '<story-carousel src="/tests/fixtures/carousel/feed.xml"></story-carousel>',
    content: '[part~="slide"]',
    // A second carousel whose feed is missing: its error view says how to get help.
    zh: '如果一直这样，请联系主办机构。',
    en: 'If this keeps happening, please contact the organisation.',
    async act(tab) {
      await tab.evaluate(() => {
        const broken = document.createElement('story-carousel');
        broken.setAttribute('src', '/split/missing.xml');
        document.body.append(broken);
      });
    },
    // The words are checked in the broken carousel (the last one on the page).
    last: true,
  },
];

const server = await serveStatic(process.cwd(), (path, res) => {
  const send = (type, body) => (res.writeHead(200, { 'Content-Type': type }).end(body), true);
  if (path === '/split/services.json') return send('application/json', JSON.stringify(services));
  if (path === '/split/missing.xml') return (res.writeHead(404).end(), true);
  const widget = widgets.find((w) => path === `/split/${w.page ?? w.name}.html`);
  if (widget) return send('text/html; charset=utf-8', pageOf(widget.name, widget.markup));
  return false;
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function run(widget, mode) {
  const tab = await browser.newPage(
    widget.position ? { geolocation: widget.position, permissions: ['geolocation'] } : {},
  );
  const tag = widget.name;
  const text = () =>
    tab.evaluate(
      ([t, last]) => {
        const all = document.querySelectorAll(t);
        return all[last ? all.length - 1 : 0].shadowRoot.textContent;
      },
      [tag, !!widget.last],
    );
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let requested = false;
  let asked;
  const askedFor = new Promise((resolve) => (asked = resolve));
  await tab.route(/-more-[\w-]+\.js$/, async (route) => {
    requested = true;
    asked();
    if (mode === 'fail') return route.abort();
    if (mode === 'late') await held;
    return route.continue();
  });
  await tab.goto(`${server.base}/split/${widget.page ?? tag}.html`);
  await tab.waitForFunction(
    ([t, part]) => document.querySelector(t)?.shadowRoot?.querySelector(part),
    [tag, widget.content],
  );
  const what = `${widget.page ?? tag} ${mode}`;
  check(!requested, `${what}: the rest of the messages is not requested before content`);
  const after = await widget.act(tab);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000));
  if ((await Promise.race([askedFor, timeout])) === 'timeout') {
    check(false, `${what}: the rest of the messages is asked for by the view beyond the first`);
    await tab.close();
    return;
  }
  if (mode === 'late') {
    await frames(tab);
    const before = await text();
    check(
      !before.includes(widget.en) && !before.includes(widget.zh),
      `${what}: nothing of the view before its words`,
    );
    release();
  }
  const expected = mode === 'fail' ? widget.en : widget.zh;
  await tab.waitForFunction(
    ([t, last, words]) => {
      const all = document.querySelectorAll(t);
      return all[last ? all.length - 1 : 0].shadowRoot.textContent.includes(words);
    },
    [tag, !!widget.last, expected],
  );
  check(true, `${what}: the view shows (${expected.slice(0, 12)}…)`);
  await after?.(check, mode, what);
  await tab.close();
}

try {
  for (const widget of widgets) {
    for (const mode of ['normal', 'late', 'fail']) await run(widget, mode);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`messages split: ${failures.length ? `${failures.length} failed` : 'ok'}`);
if (failures.length) process.exit(1);
