import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { resetMouse } from '@web/test-runner-commands';
import { useFakeClock } from '../support/index.js';
import { carouselIn, carouselTemplate, stories } from '../support/carousel.js';
import type { CarouselOptions } from '../support/carousel.js';

/** A carousel in a box `width` px wide (390: a phone) showing `n` stories, the browser's snapping off. */
async function carouselAt(width: number, n: number, options: CarouselOptions = {}) {
  const box = html`<div class="box" style="inline-size: ${width}px">
    ${carouselTemplate({ perView: 'auto', ...options })}
  </div>`;
  const shown = await carouselIn(box);
  await shown.show(stories(n));
  shown.withoutBrowserSnapping();
  return shown;
}

/**
 * Slides always come to rest whole: no sliver of one story beside half of the next. The tests
 * turn the browser's CSS snapping off, so what they see is the widget realigning the track
 * itself (as it must where snapping does not act), and wait for the track to land.
 */
describe('story-carousel comes to rest on whole stories', () => {
  before(() => resetMouse());
  afterEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('after a swipe that stops between two stories, the nearer one comes in whole', async () => {
    const shown = await carouselAt(390, 5);
    shown.scrollBy(1.3);
    await shown.restsOn(1);
    expect(shown.current).to.equal(1);
    expect(shown.inView()).to.deep.equal([1]);
    shown.scrollBy(2.7);
    await shown.restsOn(3);
    expect(shown.current).to.equal(3);
  });

  it('after a resize, the current story is whole again at the new width', async () => {
    const shown = await carouselAt(390, 6);
    await shown.next();
    await shown.next();
    await shown.restsOn(2);
    const box = shown.el.parentElement!;
    box.style.inlineSize = '331px';
    await shown.restsOn(2);
    expect(shown.current).to.equal(2);
    box.style.inlineSize = '700px'; // two per view from 36rem
    await shown.restsOn(2);
    expect(shown.inView()).to.deep.equal([2, 3]);
  });

  describe('when rotation pauses mid-move', () => {
    const clock = useFakeClock();

    it('on hover, the move lands on a whole story', async () => {
      const shown = await carouselAt(390, 5, { autoplay: true, interval: 100 });
      await clock().tickAsync(100);
      await shown.el.updateComplete;
      expect(shown.current, 'rotation moved on').to.equal(1);
      // The move is cut short a third of the way (as by the page, focus or the browser).
      shown.cutShort(0.3);
      await shown.hover();
      await shown.restsOn(1);
      expect(shown.inView()).to.deep.equal([1]);
      await shown.leave();
    });

    it('when the page is hidden, rotation pauses and the track rests on a whole story', async () => {
      const shown = await carouselAt(390, 5, { autoplay: true, interval: 100 });
      const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
      const show = (state: string) => {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      try {
        await clock().tickAsync(100);
        await shown.el.updateComplete;
        shown.cutShort(0.6);
        show('hidden');
        await shown.restsOn(1);
        expect(shown.live, 'rotation paused').to.equal('polite');
        await clock().tickAsync(500);
        await shown.el.updateComplete;
        expect(shown.current, 'no rotation while hidden').to.equal(1);
        show('visible');
        await shown.el.updateComplete;
        expect(shown.live, 'rotating again once visible').to.equal('off');
        await clock().tickAsync(100);
        await shown.el.updateComplete;
        expect(shown.current).to.equal(2);
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState;
        Object.defineProperty(Document.prototype, 'visibilityState', visibility);
      }
    });
  });
});

describe('story-carousel counter on a desktop', () => {
  it('keeps the "1–3 / 6" counter at least 8 px clear of the arrows', async () => {
    const shown = await carouselAt(1000, 6);
    expect(shown.counter).to.equal('1–3 / 6');
    const digits = document.createRange();
    digits.selectNodeContents(shown.toolbar!.querySelector('[part~="counter"]')!);
    const text = digits.getBoundingClientRect();
    expect(text.left - shown.previousButton.getBoundingClientRect().right).to.be.at.least(8);
    expect(shown.nextButton.getBoundingClientRect().left - text.right).to.be.at.least(8);
  });
});
