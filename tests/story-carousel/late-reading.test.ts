/**
 * Reading code that travels only with the sources that need it, arriving late or not at all:
 * the carousel stays busy, then shows the stories (sanitized), or says so and retries.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { lazyReading } from '../../src/core/read.js';
import { carouselIn, carouselTemplate } from '../support/carousel.js';
import { until } from '../support/wait.js';

type Part = keyof typeof lazyReading;

/**
 * Holds back the download of one lazily loaded reading part until `release()`; with `fail`, its
 * first download then fails as the browser's does (the error view counts that as the network).
 */
function holdPart(part: Part, fail = false) {
  const load = lazyReading[part] as () => Promise<unknown>;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let failed = false;
  (lazyReading as Record<Part, () => Promise<unknown>>)[part] = () =>
    released.then(() => {
      if (fail && !failed) {
        failed = true;
        throw new TypeError('Failed to fetch dynamically imported module (test)');
      }
      return load();
    });
  return { release, restore: () => ((lazyReading as Record<Part, unknown>)[part] = load) };
}

/** A JSON Feed behind an anti-hijacking prefix: only the JSON document reader can read it. */
const xssiFeed = '/tests/fixtures/carousel/feed-xssi.json';

describe('story-carousel: the JSON document reader arrives late', () => {
  it('stays busy until the reader is there, then shows the stories, sanitized', async () => {
    const held = holdPart('jsonDocument');
    try {
      const feed = await carouselIn(carouselTemplate({ lang: 'en', src: xssiFeed }));
      expect(feed.state()).to.equal('loading');
      expect(feed.el.getAttribute('aria-busy')).to.equal('true');
      held.release();
      await feed.events.loaded();
      await feed.ready();
      expect(feed.titles()).to.deep.equal(['四点半课堂的新伙伴', '热线那头的耐心', '冬衣募集']);
      expect(feed.slide(0).summary!.textContent).to.contain('大学生志愿者');
      expect(feed.el.shadowRoot!.querySelector('script, [onclick], [href^="javascript"]')).to.equal(
        null,
      );
      expect(feed.slide(0).summary!.textContent).to.contain('报名');
      expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
      await expect(feed.el).to.be.accessible();
    } finally {
      held.restore();
    }
  });

  it('says the stories could not be loaded when its download fails, and retry shows them', async () => {
    const held = holdPart('jsonDocument', true);
    try {
      const feed = await carouselIn(carouselTemplate({ lang: 'en', src: xssiFeed }));
      held.release();
      const failure = await feed.events.failed();
      expect(failure.kind).to.equal('network');
      await until(() => feed.state() === 'error', 'the error view');
      await expect(feed.el).to.be.accessible();
      feed.retryButton.click();
      await feed.events.loaded();
      await until(() => feed.slides().length === 3, 'the stories after retry');
      expect(feed.state()).to.equal('content');
      expect(feed.el.shadowRoot!.querySelector('script, [onclick], [href^="javascript"]')).to.equal(
        null,
      );
    } finally {
      held.restore();
    }
  });
});
