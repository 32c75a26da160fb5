import '../support/setup.js';
// WebKit (Safari, every iPhone browser, WeChat on iOS) has no `scrollend`: the carousel then
// learns where a scroll came to rest from `scroll` events going quiet. Here Chromium plays that
// engine: no `onscrollend`, and no `scrollend` listener ever hears anything.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until, useFakeClock, type FakeClock } from '../support/index.js';
import {
  carousel,
  carouselIn,
  carouselTemplate,
  stories,
  type Carousel,
} from '../support/carousel.js';
import { withoutApis, withoutEvent } from '../support/missing-api.js';

/** Distance between the starts of two neighbouring slides. */
const pitch = (shown: Carousel) => shown.slide(1).el.offsetLeft - shown.slide(0).el.offsetLeft;

/** Resolves at the track's next `scroll` event. */
const scrolled = (shown: Carousel) =>
  new Promise((resolve) => shown.track.addEventListener('scroll', resolve, { once: true }));

/**
 * Scrolls the track itself, as a finger or a trackpad does, to story `k`, and lets the scroll go
 * quiet (the carousel's timers run; time is the test's).
 */
async function swipeTo(shown: Carousel, k: number, clock: FakeClock) {
  const event = scrolled(shown);
  shown.track.scrollTo({ left: pitch(shown) * k, behavior: 'instant' });
  await event;
  await clock.runToLastAsync();
}

/** Waits until the track rests on story `k`, lets the scroll go quiet, and checks the index. */
async function restsOn(shown: Carousel, k: number, clock: FakeClock) {
  await until(
    () => Math.abs(shown.track.scrollLeft - pitch(shown) * k) < 1,
    `the track to reach story ${k}`,
  );
  await clock.runToLastAsync();
  await shown.el.updateComplete;
  expect(shown.current).to.equal(k);
  expect(shown.inView()).to.deep.equal([k]);
}

describe('story-carousel without scrollend (WebKit)', () => {
  const clock = useFakeClock();
  let restore: (() => void)[] = [];
  beforeEach(() => {
    restore = [withoutApis([window, 'onscrollend']), withoutEvent('scrollend')];
  });
  afterEach(() => {
    for (const undo of restore.reverse()) undo();
  });

  it('makes the story a swipe lands on the current one once the scroll goes quiet', async () => {
    expect('onscrollend' in window).to.equal(false);
    const shown = await carousel(stories(5));
    const event = scrolled(shown);
    shown.track.scrollTo({ left: pitch(shown) * 3, behavior: 'instant' });
    await event;
    await shown.el.updateComplete;
    expect(shown.current, 'while still scrolling').to.equal(0);
    await clock().runToLastAsync();
    await shown.el.updateComplete;
    expect(shown.current).to.equal(3);
    expect(shown.tabs()[3].getAttribute('aria-selected')).to.equal('true');
  });

  it('comes to rest on the next story, and a later swipe still counts', async () => {
    const shown = await carousel(stories(5));
    await shown.next();
    await restsOn(shown, 1, clock());
    await shown.next();
    await restsOn(shown, 2, clock());
    // Had the carousel not noticed where its own scroll ended, it would still wait for story 2
    // and ignore this swipe.
    await swipeTo(shown, 0, clock());
    await shown.el.updateComplete;
    expect(shown.current).to.equal(0);
  });

  it('moves with the arrow keys on the tabs and rests on the story chosen', async () => {
    const shown = await carousel(stories(4));
    shown.tabs()[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await restsOn(shown, 1, clock());
    await sendKeys({ press: 'End' });
    await restsOn(shown, 3, clock());
    expect(shown.focused).to.equal(shown.tabs()[3]);
  });
});

describe('story-carousel without the :dir() selector (Chrome before 120, Safari before 16.4)', () => {
  const matches = Element.prototype.matches;
  beforeEach(() => {
    Element.prototype.matches = function (this: Element, selectors: string) {
      if (selectors.includes(':dir('))
        throw new DOMException(`'${selectors}' is not a valid selector`, 'SyntaxError');
      return matches.call(this, selectors);
    };
  });
  afterEach(() => {
    Element.prototype.matches = matches;
  });

  it('still swaps the meaning of the arrows in right-to-left pages', async () => {
    const shown = await carouselIn(html`<div dir="rtl">${carouselTemplate()}</div>`);
    await shown.show(stories(4));
    await shown.press('ArrowLeft', shown.nextButton);
    expect(shown.current).to.equal(1);
    await shown.press('ArrowRight');
    expect(shown.current).to.equal(0);
    await shown.next();
    expect(shown.current).to.equal(1);
  });
});
