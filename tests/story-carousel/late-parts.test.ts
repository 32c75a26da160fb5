/**
 * The overlay layout's styles and rotation (with its control) are chunks of their own, loaded
 * only by carousels that use them: arriving late, the carousel waits and then shows them whole;
 * failing, it still shows every story.
 */
import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import '../../src/story-carousel/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { Carousel } from '../support/carousel.js';
import { holdLazy } from '../support/lazy.js';
import { mount } from '../support/mount.js';
import { until } from '../support/wait.js';

const feed = '/tests/fixtures/carousel/feed.json';

/**
 * A carousel of the JSON Feed fixture (one story in view, English) with `attribute` set, whose
 * lazily loaded `part` is held back until `release()` (with `fail`, it then fails). `mounted`
 * settles after the first render (which, with `autoplay`, waits for the rotation code).
 */
function withHeld(attribute: 'overlay' | 'autoplay', part: string, fail = false) {
  const el = document.createElement('story-carousel') as StoryCarousel;
  el.lang = 'en';
  el.setAttribute('per-view', '1');
  el.setAttribute(attribute, '');
  const release = holdLazy(el, part, fail);
  el.src = feed;
  const mounted = mount<StoryCarousel>(html`${el}`).then(({ events }) => new Carousel(el, events));
  return { el, mounted, release };
}

/** Whether the first story's text is laid over its image (white on the dark gradient). */
const overImage = (carousel: Carousel) =>
  getComputedStyle(carousel.slide(0).textBox).color === 'rgb(255, 255, 255)';

describe('story-carousel: the overlay styles arrive late', () => {
  it('keeps the skeleton until they are there, then shows the text over the image', async () => {
    const held = withHeld('overlay', 'overlayStyles');
    const carousel = await held.mounted;
    await carousel.events.loaded();
    expect(carousel.state(), 'the stories wait for the overlay styles').to.equal('loading');
    expect(carousel.skeleton).not.to.equal(null);
    held.release();
    await until(() => carousel.slides().length > 0, 'the stories once the styles arrived');
    await carousel.ready();
    expect(overImage(carousel)).to.equal(true);
    await expect(carousel.el).to.be.accessible();
  });

  it('shows every story, text below the image, when they cannot be downloaded', async () => {
    const held = withHeld('overlay', 'overlayStyles', true);
    const carousel = await held.mounted;
    held.release();
    await carousel.events.loaded();
    await until(() => carousel.slides().length === 3, 'the stories without the overlay styles');
    await carousel.ready();
    expect(carousel.state()).to.equal('content');
    expect(overImage(carousel)).to.equal(false);
    expect(carousel.titles()).to.have.length(3);
    await expect(carousel.el).to.be.accessible();
  });

  it('are not downloaded without overlay', async () => {
    const el = document.createElement('story-carousel') as StoryCarousel;
    let asked = false;
    const lazy = (el as unknown as { overlayStyles: { options: { load: () => unknown } } })
      .overlayStyles;
    const load = lazy.options.load;
    lazy.options.load = () => ((asked = true), load());
    el.src = feed;
    const { events } = await mount<StoryCarousel>(html`${el}`);
    const carousel = new Carousel(el, events);
    await events.loaded();
    await until(() => carousel.slides().length === 3, 'the stories');
    expect(asked).to.equal(false);
    expect(overImage(carousel)).to.equal(false);
  });
});

describe('story-carousel: rotation arrives late', () => {
  it('shows the rotation control, styled, once its code is there', async () => {
    const held = withHeld('autoplay', 'rotation');
    await until(() => held.el.isConnected, 'connected');
    expect(held.el.shadowRoot?.querySelector('[part~="slide"]') ?? null).to.equal(null);
    held.release();
    const carousel = await held.mounted;
    await carousel.events.loaded();
    await until(() => carousel.rotationButton !== null, 'the rotation control');
    await carousel.ready();
    expect(carousel.tabSequence()[0]).to.equal(carousel.rotationButton);
    // The pause icon is two bars: the borders its own styles give it.
    const icon = carousel.rotationButton!.querySelector('[aria-hidden="true"]')!;
    expect(parseFloat(getComputedStyle(icon).borderInlineStartWidth)).to.be.above(0);
    await expect(carousel.el).to.be.accessible();
  });

  it('shows every story without a rotation control when it cannot be downloaded', async () => {
    const held = withHeld('autoplay', 'rotation', true);
    held.release();
    const carousel = await held.mounted;
    await carousel.events.loaded();
    await until(() => carousel.slides().length === 3, 'the stories without rotation');
    await carousel.ready();
    expect(carousel.rotationButton).to.equal(null);
    await carousel.next();
    expect(carousel.current).to.equal(1);
    await expect(carousel.el).to.be.accessible();
  });
});
