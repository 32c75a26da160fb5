// Firefox for the engine smoke test: Debian's firefox-esr, headless, driven by puppeteer-core
// over WebDriver BiDi (no separate driver needed). Gives the small page driver that
// `engine-checks.mjs` uses.
import puppeteer from 'puppeteer-core';

export const firefoxPath = '/usr/bin/firefox-esr';

/** Opens headless Firefox; returns a page driver (see engine-checks.mjs). */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // A busy 2-core CI machine can take a while to start Firefox: not a failure.
    timeout: 90_000,
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    const page = await browser.newPage();
    return {
      name: 'Firefox',
      version: () => browser.version(),
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      /** Runs `fn(...args)` in the page (awaiting a promise) and returns its JSON result. */
      evaluate: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      click: (x, y) => page.mouse.click(x, y),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
