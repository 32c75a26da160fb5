import '../support/setup.js';
import { expect } from '@open-wc/testing';
import '../../src/story-carousel/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { logFetches } from '../support/fetch-log.js';
import { hits, release, uniqueKey, untilHeld } from '../support/network.js';
import { until } from '../support/wait.js';

/** Module requests of this page whose URL contains `part` (each test file runs in its own page). */
const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(part));

const slideTitles = (el: StoryCarousel) =>
  [...el.shadowRoot!.querySelectorAll('[part~="slide"] h3, [part~="slide"] h2')].map((h) =>
    h.textContent!.trim(),
  );

// Order matters: the first test runs before this page has the data loader chunk.
describe('data request at once (a phone network: data and code travel together)', () => {
  it('asks for src the moment the widget connects, before the reader code has arrived, and only once', async () => {
    const key = uniqueKey('early');
    const src = `/test-api/slow?key=${key}&hold=${key}&name=${encodeURIComponent('第一篇')}`;
    const log = logFetches();
    const el = document.createElement('story-carousel') as StoryCarousel;
    el.lang = 'en';
    el.setAttribute('src', src);
    try {
      document.body.append(el);
      // Synchronously, in the connect itself: no chunk, no update has run yet.
      expect(log.urls.map((u) => new URL(u, location.href).href)).to.deep.equal([
        new URL(src, location.href).href,
      ]);
      expect(requested('/core/resource/load-items')).to.have.length(0);
      await untilHeld(key);
      // The reader chunk arrives while the answer is still held: it takes the request over.
      await until(() => requested('/core/resource/load-items').length === 1, 'the reader chunk');
      await release(key);
      await until(() => slideTitles(el).includes('第一篇'), 'the story from the early request');
      expect(await hits(key)).to.equal(1);
      expect(log.urls.filter((u) => u.includes('/test-api/slow'))).to.have.length(1);
    } finally {
      log.restore();
      el.remove();
    }
  });
});
