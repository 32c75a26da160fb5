/**
 * Paths in records (`field-paths.ts`: `getPath`, `applyMap`) serve JSON sources, `map` and
 * `items-path` only, yes/no and list values (`field-lists.ts`) the normalizers and JSON-LD: a
 * carousel reading an RSS feed never downloads them, and one that sets `map` on its feed gets
 * the paths with the code that applies it. Each test file runs in its own
 * page, so the first test runs before anything but the widget has loaded.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { carouselIn, carouselTemplate } from '../../support/carousel.js';
import { until } from '../../support/wait.js';

/** Module requests of this page whose URL contains `part`. */
const requested = (part: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

const feed = '/tests/fixtures/carousel/feed.xml';

describe('paths in records load only with the sources that use them', () => {
  it('an RSS carousel shows its stories without the paths code', async () => {
    const shown = await carouselIn(carouselTemplate({ lang: 'en', src: feed }));
    await shown.events.loaded();
    await shown.ready();
    expect(shown.titles()[0]).to.equal('小明在美术小组里找到了自己的声音');
    expect(requested('/core/field-map.'), 'the map attribute parser').to.equal(true);
    expect(requested('/core/field-paths.'), 'the paths code').to.equal(false);
    expect(requested('/core/field-lists.'), 'yes/no and list values').to.equal(false);
    shown.el.remove();
  });

  it('a map on that feed still takes each story title from its path (loading the paths code)', async () => {
    const shown = await carouselIn(carouselTemplate({ lang: 'en' }));
    shown.el.setAttribute('map', '{"title":"author"}');
    shown.el.setAttribute('src', '/tests/fixtures/feed/rss-mapped.xml');
    await shown.events.loaded();
    await until(() => shown.titles().length === 1, 'the mapped story');
    expect(shown.titles()).to.deep.equal(['社工小李']);
    expect(requested('/core/field-paths.')).to.equal(true);
    await expect(shown.el).to.be.accessible();
    shown.el.remove();
  });
});
