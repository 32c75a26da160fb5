/**
 * The background reloads (`refresh`) are a chunk of their own, loaded after the first load that
 * asks for them: a widget without `refresh` never downloads it; when its download fails, the
 * content stays on screen (a console warning, no unhandled rejection) and the next load tries
 * again. Runs in a page of its own: the first test runs before the code loaded.
 */
import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/story-carousel/index.js';
import { clearRequestCache } from '../../src/core/data/request-cache.js';
import { lazyResource } from '../../src/core/resource/resource-controller.js';
import { fakeClock, mount, parts, until } from '../support/index.js';
import { requested } from '../support/fetch-log.js';
import { collectRejections } from '../support/rejections.js';

const src = '/tests/fixtures/pages/second.json';
const refreshRequested = () => requested('/core/resource/refresh.');

describe('the code of background reloads (refresh)', () => {
  const load = lazyResource.refresh;
  const warn = console.warn;
  const rejections = collectRejections();
  afterEach(() => {
    lazyResource.refresh = load;
    console.warn = warn;
    clearRequestCache();
  });

  it('is never downloaded by a widget without refresh', async () => {
    const { el, events } = await mount<LitElement>(
      html`<story-carousel src=${src}></story-carousel>`,
    );
    await events.loaded();
    await el.updateComplete;
    expect(parts(el, 'slide')).not.to.be.empty;
    expect(refreshRequested()).to.equal(false);
  });

  it('when it cannot be downloaded, keeps the content and tries again with the next load', async () => {
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    let asked = 0;
    lazyResource.refresh = () => {
      asked++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'));
    };
    const clock = fakeClock();
    try {
      const { el, events } = await mount<LitElement>(
        html`<story-carousel src=${src} refresh="60"></story-carousel>`,
      );
      await events.loaded();
      await until(
        () => warnings.some((w) => w.includes('could not load the background reloads')),
        'the warning',
      );
      await el.updateComplete;
      expect(asked).to.equal(1);
      expect(parts(el, 'slide')).not.to.be.empty;
      expect(events.of('dandelion-error')).to.be.empty;
      expect(el.getAttribute('aria-busy')).to.equal(null);

      // The code can be downloaded again: a new load (another interval) asks for it once more.
      lazyResource.refresh = load;
      el.setAttribute('refresh', '90');
      await events.loaded();
      await until(() => clock.countTimers() > 0, 'the next reload scheduled');
      expect(refreshRequested()).to.equal(true);
      await clock.tickAsync(90_000);
      await events.loaded();
      expect(parts(el, 'slide')).not.to.be.empty;
      expect(rejections).to.be.empty;
    } finally {
      clock.uninstall();
    }
  });
});
