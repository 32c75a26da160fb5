#!/usr/bin/env node
// Smoke test of the split translations of the CDN intake form (`dist/cdn/`, run `npm run build`
// first; vite.config.ts `splitMessages`): the zh-Hans locale chunk carries the first view's
// strings and one more file (`*-more-*.js`) the rest. On a zh-Hans page, in real Chromium:
// - the rest is not requested before the form shows (it is not part of the first view);
// - held back, a problem left in a question shows nothing until the rest arrives, then its
//   zh-Hans words (never English first); the "form is empty again" notice is zh-Hans too;
// - when it cannot be downloaded, the form still works: the problem shows (in English, as for a
//   language whose messages cannot be downloaded at all) and the answer stays in the question.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';

const page = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>split</title></head>
<body><intake-form schema="/tests/fixtures/intake/forms/test-signup.json" no-draft></intake-form>
<script type="module" src="/dist/cdn/intake-form.js"></script></body></html>`;
const zhProblem = '请填写手机号';
const enProblem = 'Enter a mobile number';

const server = await serveStatic(process.cwd(), (path, res) => {
  const send = (type, body) => (res.writeHead(200, { 'Content-Type': type }).end(body), true);
  if (path === '/split.html') return send('text/html; charset=utf-8', page);
  return false;
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const shown = (tab) =>
  tab.evaluate(() => document.querySelector('intake-form').shadowRoot.textContent);
const frames = (tab) =>
  tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function run(mode) {
  const tab = await browser.newPage();
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
  await tab.goto(`${server.base}/split.html`);
  await tab.waitForFunction(() =>
    document.querySelector('intake-form')?.shadowRoot?.querySelector('[part~="field"]'),
  );
  check(!requested, `${mode}: the rest of the messages is not requested before the form shows`);
  const phone = tab.locator('intake-form input[type="tel"]');
  await phone.fill('12345');
  await phone.blur();
  await askedFor;
  if (mode === 'late') {
    await frames(tab);
    const before = await shown(tab);
    check(!before.includes(enProblem) && !before.includes(zhProblem), 'late: no problem shown yet');
    release();
  }
  const expected = mode === 'fail' ? enProblem : zhProblem;
  await tab.waitForFunction(
    (words) => document.querySelector('intake-form').shadowRoot.textContent.includes(words),
    expected,
  );
  check(true, `${mode}: the problem shows (${expected}…)`);
  check((await phone.inputValue()) === '12345', `${mode}: the answer stays in the question`);
  if (mode !== 'fail') {
    await tab.click('intake-form button.link');
    await tab.waitForFunction(() =>
      document.querySelector('intake-form').shadowRoot.textContent.includes('已清空'),
    );
    check(true, `${mode}: the notice is in zh-Hans`);
  }
  await tab.close();
}

try {
  for (const mode of ['normal', 'late', 'fail']) await run(mode);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) process.exit(1);
