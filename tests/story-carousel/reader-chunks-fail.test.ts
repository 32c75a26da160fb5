/**
 * The readers of Atom and JSON Feed (and the site owner's hints for a broken source) are chunks
 * of their own, downloaded only when a source needs them. When that download fails, an RSS
 * feed still shows, safely, and a source that needed the missing chunk gets the error view with
 * its retry button, never unsanitized markup. Runs in its own page with those chunks failing.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { Story } from '../../src/core/models.js';
import type { DandelionError } from '../../src/core/errors.js';
import { loadItems } from '../../src/core/resource/load-items.js';
import { carouselIn, carouselTemplate } from '../support/carousel.js';
import { failModules } from '../support/failing-modules.js';
import { until } from '../support/wait.js';

const failing = failModules(
  '/core/readers/atom.',
  '/core/readers/json-feed.',
  '/core/resource/unusable-records.',
);
after(() => failing.restore());

const requested = (part: string) =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(part));

describe('story-carousel: a reader chunk that cannot be downloaded', () => {
  it('still shows an RSS feed, sanitized (it needs none of the failing chunks)', async () => {
    const shown = await carouselIn(
      carouselTemplate({ lang: 'en', src: '/tests/fixtures/carousel/feed.xml' }),
    );
    const { items } = await shown.events.loaded<Story>();
    await shown.ready();
    expect(items).to.have.length(5);
    expect(shown.titles()[0]).to.equal('小明在美术小组里找到了自己的声音');
    expect(shown.slide(0).summary!.querySelector('strong')!.textContent).to.equal('不爱说话');
    expect(shown.el.shadowRoot!.querySelector('script, [onerror]')).to.equal(null);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
    expect(requested('/core/readers/atom.')).to.equal(false);
    await expect(shown.el).to.be.accessible();
    shown.el.remove();
  });

  it('an Atom feed whose reader fails to download shows the error view with a retry button', async () => {
    const shown = await carouselIn(
      carouselTemplate({ lang: 'en', src: '/tests/fixtures/carousel/atom.xml' }),
    );
    // A download that failed is the connection's fault, not the feed's: retrying may help.
    expect((await shown.events.failed()).kind).to.equal('network');
    await until(() => shown.state() === 'error', 'the error view');
    await until(() => shown.buttons().length > 0, 'the retry button');
    expect(shown.retryButton).to.exist;
    expect(shown.slides()).to.have.length(0);
    await expect(shown.el).to.be.accessible();
    shown.el.remove();
  });

  it('a source none of whose records can be used still says so without the hints chunk', async () => {
    const error = await loadItems(
      'story',
      { data: [{ foo: 1 }, { foo: 2 }] },
      { signal: new AbortController().signal, force: false },
    ).then(
      () => undefined,
      (e: DandelionError) => e,
    );
    expect(requested('/core/resource/unusable-records.'), 'the hints chunk was asked for').to.equal(
      true,
    );
    expect(error?.kind).to.equal('format');
    expect(error?.message).to.match(/^none of the 2 record\(s\) could be used/);
    expect(error?.hint).to.equal(undefined);
  });
});
