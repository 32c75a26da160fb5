// How the CDN measurements (first-view.mjs, failure-chain.mjs) see a page's requests: a fresh,
// uncached tab with Chromium's network log on, and the script each request was found in.

/**
 * A new tab in its own context with the cache off and a CDP session on the network log.
 * @param {import('playwright-core').Browser} browser
 */
export async function uncachedTab(browser) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, tab, cdp };
}

/**
 * The URL of the script (or page) a request was found in, as Chromium names its initiator: a
 * `<link rel=modulepreload>` or an `import()` counts one level below the script that asked.
 * @param {{ url?: string, stack?: { callFrames: { url: string }[], parent?: object } }} initiator
 */
export function initiatorUrl(initiator) {
  let parent = initiator.url ?? initiator.stack?.callFrames?.[0]?.url;
  for (let s = initiator.stack; !parent && s; s = s.parent) parent = s.callFrames[0]?.url;
  return parent;
}
