import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { carouselIn, carouselTemplate, stories } from '../support/carousel.js';

/** A carousel in a box `width` px wide (a 390 px phone leaves about 358 px inside the page). */
async function carouselAt(width: number, n: number, autoplay = true) {
  const shown = await carouselIn(
    html`<div style="inline-size: ${width}px">${carouselTemplate({ autoplay })}</div>`,
  );
  await shown.show(stories(n));
  return shown;
}

const rect = (el: Element | Range) => el.getBoundingClientRect();

describe('story-carousel controls on a phone', () => {
  for (const n of [6, 10]) {
    it(`previous, the ${n} dots and next sit on one row at 358 px, in that order`, async () => {
      const c = await carouselAt(358, n);
      const [prev, next, picker, rotation] = [
        rect(c.previousButton),
        rect(c.nextButton),
        rect(c.tablist!),
        rect(c.rotationButton!),
      ];
      expect(next.top, 'next beside previous').to.be.closeTo(prev.top, 1);
      expect(rotation.top, 'rotation on the same row').to.be.closeTo(prev.top, 1);
      expect(picker.left).to.be.at.least(prev.right);
      expect(next.left).to.be.at.least(picker.right);
      expect(next.right, 'nothing overflows the box').to.be.at.most(rect(c.el).right + 0.5);
      if (n <= 6) {
        const rows = new Set(c.tabs().map((tab) => Math.round(rect(tab).top)));
        expect(rows.size, 'six dots on one row').to.equal(1);
      }
      // Every dot is still a target of at least 24 × 24 px.
      for (const tab of c.tabs()) {
        expect(rect(tab).width, 'dot width').to.be.at.least(24);
        expect(rect(tab).height, 'dot height').to.be.at.least(24);
      }
    });
  }

  it('the "1 / 20" counter keeps clear of the arrows', async () => {
    const c = await carouselAt(1000, 20, false);
    // The digits themselves, not the counter's box.
    const digits = document.createRange();
    digits.selectNodeContents(c.toolbar!.querySelector('[part~="counter"]')!);
    expect(rect(digits).left - rect(c.previousButton).right).to.be.at.least(8);
    expect(rect(c.nextButton).left - rect(digits).right).to.be.at.least(8);
  });
});
