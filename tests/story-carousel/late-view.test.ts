import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import '../../src/story-carousel/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { Carousel, stories } from '../support/carousel.js';
import { mount } from '../support/mount.js';
import { until } from '../support/wait.js';

/** The content view's download (a core LazyModule), reached the way the calendar's tests do. */
type ViewCode = { content: { options: { load: () => Promise<unknown> } } };

/**
 * A carousel whose content view (its own chunk) arrives only when `release()` is called, or,
 * with `fail`, whose first download fails: the order "data here, view code later" without
 * depending on how fast the machine is.
 */
async function withHeldView(src: string, fail = false) {
  const el = document.createElement('story-carousel') as StoryCarousel;
  el.lang = 'en';
  el.setAttribute('per-view', '1');
  const view = (el as unknown as ViewCode).content;
  const load = view.options.load;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let failed = false;
  view.options.load = () =>
    released.then(() => {
      if (fail && !failed) {
        failed = true;
        throw new Error('chunk download failed (test)');
      }
      return load();
    });
  el.src = src;
  const { events } = await mount<StoryCarousel>(html`${el}`);
  return { carousel: new Carousel(el, events), release };
}

describe('story-carousel: the content view arrives after the data', () => {
  it('keeps the skeleton until the view code is there, then shows the stories', async () => {
    const { carousel, release } = await withHeldView('/tests/fixtures/carousel/feed.json');
    await carousel.events.loaded();
    // (Its update waits for the view code: `updateComplete` would not settle before release.)
    expect(carousel.state(), 'the data is there, the view code is not').to.equal('loading');
    expect(carousel.el.getAttribute('aria-busy')).to.equal(null);
    release();
    await until(() => carousel.slides().length > 0, 'slides once the view code arrived');
    await carousel.ready();
    expect(carousel.state()).to.equal('content');
    expect(carousel.titles().length).to.be.greaterThan(0);
    await expect(carousel.el).to.be.accessible();
  });

  it('says the view could not be loaded, and its retry button brings the stories', async () => {
    const { carousel, release } = await withHeldView('/tests/fixtures/carousel/feed.json', true);
    release();
    await carousel.events.loaded();
    await until(() => carousel.state() === 'error', 'the error view');
    await expect(carousel.el).to.be.accessible();
    carousel.retryButton.click();
    await until(() => carousel.slides().length > 0, 'slides after retry');
    expect(carousel.state()).to.equal('content');
  });

  it('shows stories given as .data before it is connected', async () => {
    const el = document.createElement('story-carousel') as StoryCarousel;
    el.data = stories(3);
    const { events } = await mount<StoryCarousel>(html`${el}`);
    const carousel = new Carousel(el, events);
    await events.loaded();
    await carousel.ready();
    expect(carousel.slides()).to.have.length(3);
  });
});
