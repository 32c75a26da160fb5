import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { text } from '../support/index.js';
import { carousel, carouselIn, carouselTemplate, stories } from '../support/carousel.js';

/** Which tab says it is selected (-1 for none). */
const selectedTab = (tabs: HTMLElement[]) =>
  tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');

describe('story-carousel: APG structure', () => {
  it('is a labelled region with the carousel role description', async () => {
    const shown = await carousel(stories(5), { lang: 'en' });
    const region = shown.region!;
    expect(region.localName).to.equal('section');
    expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(region.getAttribute('aria-label')).to.equal('Stories');
  });

  it('uses the tabbed variant up to ten stories: a tablist of tabs controlling tab panels', async () => {
    const shown = await carousel(stories(5), { lang: 'en' });
    expect(shown.tablist!.getAttribute('aria-label')).to.equal('Choose a story');
    const tabs = shown.tabs();
    expect(tabs).to.have.length(5);
    tabs.forEach((tab, k) => {
      const panel = shown.el.shadowRoot!.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel).to.equal(shown.slide(k).el);
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      expect(panel.hasAttribute('aria-roledescription')).to.equal(false);
      expect(tab.getAttribute('aria-label')).to.equal(`故事 ${k + 1}`);
      expect(tab.getAttribute('aria-selected')).to.equal(String(k === 0));
      expect(tab.tabIndex).to.equal(k === 0 ? 0 : -1);
    });
    expect(shown.counter).to.equal('');
  });

  it('names a tab by number when its story has no title', async () => {
    const shown = await carousel(
      stories(3, (i) => (i === 1 ? { title: '' } : {})),
      { lang: 'en' },
    );
    expect(shown.tabs()[1].getAttribute('aria-label')).to.equal('Story 2');
  });

  it('uses the basic variant above ten stories: groups labelled "3 of 11" and a compact counter', async () => {
    const shown = await carousel(stories(11), { lang: 'en' });
    expect(shown.tabs()).to.have.length(0);
    const third = shown.slide(2).el;
    expect(third.getAttribute('role')).to.equal('group');
    expect(third.getAttribute('aria-roledescription')).to.equal('slide');
    expect(third.getAttribute('aria-label')).to.equal('3 of 11');
    expect(shown.counter).to.equal('1 / 11');
  });

  it('makes every slide but the one in view inert', async () => {
    const shown = await carousel(stories(4));
    expect(shown.inView()).to.deep.equal([0]);
    await shown.next();
    expect(shown.inView()).to.deep.equal([1]);
  });

  it('has a live region that is polite when not rotating', async () => {
    const shown = await carousel(stories(3));
    expect(shown.live).to.equal('polite');
    expect(shown.track.getAttribute('aria-atomic')).to.equal('false');
    expect(shown.previousButton.getAttribute('aria-controls')).to.equal(shown.track.id);
    expect(shown.nextButton.getAttribute('aria-controls')).to.equal(shown.track.id);
  });

  it('shows no controls for a single story, or when every story fits in view', async () => {
    const one = await carousel(stories(1), { lang: 'en', autoplay: true });
    expect(one.slides()).to.have.length(1);
    expect(one.toolbar).to.equal(null);
    expect(one.buttons()).to.have.length(0);
    expect(one.inView()).to.deep.equal([0]);
    const fits = await carousel(stories(3), { perView: 3 });
    expect(fits.toolbar).to.equal(null);
    expect(fits.inView()).to.deep.equal([0, 1, 2]);
  });
});

describe('story-carousel: previous / next', () => {
  it('moves to the next and previous story and scrolls it into view', async () => {
    const shown = await carousel(stories(4));
    await shown.afterScroll(() => shown.next());
    expect(shown.current).to.equal(1);
    const [first, second] = shown.slides();
    expect(Math.round(shown.track.scrollLeft)).to.equal(
      Math.round(second.el.offsetLeft - first.el.offsetLeft),
    );
    expect(selectedTab(shown.tabs())).to.equal(1);
    await shown.afterScroll(() => shown.previous());
    expect(shown.current).to.equal(0);
    expect(shown.track.scrollLeft).to.equal(0);
  });

  it('does not move past the ends without loop, and marks the buttons disabled without losing focus', async () => {
    const shown = await carousel(stories(3));
    expect(shown.previousButton.getAttribute('aria-disabled')).to.equal('true');
    expect(shown.nextButton.getAttribute('aria-disabled')).to.equal('false');
    await shown.previous();
    expect(shown.current).to.equal(0);
    shown.nextButton.focus();
    await shown.next();
    await shown.next();
    await shown.next();
    expect(shown.current).to.equal(2);
    expect(shown.nextButton.getAttribute('aria-disabled')).to.equal('true');
    expect(shown.focused).to.equal(shown.nextButton);
  });

  it('wraps around at both ends with loop', async () => {
    const shown = await carousel(stories(3), { loop: true });
    expect(shown.previousButton.getAttribute('aria-disabled')).to.equal('false');
    await shown.previous();
    expect(shown.current).to.equal(2);
    await shown.next();
    expect(shown.current).to.equal(0);
  });

  it('offers next(), previous() and goToSlide() and ignores them when empty', async () => {
    const shown = await carousel(stories(5));
    shown.el.next();
    shown.el.next();
    await shown.el.updateComplete;
    expect(shown.current).to.equal(2);
    shown.el.previous();
    await shown.el.updateComplete;
    expect(shown.current).to.equal(1);
    shown.el.goToSlide(99);
    await shown.el.updateComplete;
    expect(shown.current).to.equal(4);
    const empty = await carousel([]);
    empty.el.next();
    empty.el.previous();
    empty.el.goToSlide(3);
    expect(empty.current).to.equal(0);
  });
});

describe('story-carousel: keyboard', () => {
  it('moves with ArrowRight / ArrowLeft and jumps with Home / End from the buttons', async () => {
    const shown = await carousel(stories(12));
    await shown.press('ArrowRight', shown.nextButton);
    expect(shown.current).to.equal(1);
    await shown.press('ArrowLeft');
    expect(shown.current).to.equal(0);
    await shown.press('End');
    expect(shown.current).to.equal(11);
    expect(shown.counter).to.equal('12 / 12');
    await shown.press('Home');
    expect(shown.current).to.equal(0);
  });

  it('leaves arrow keys with modifiers to the browser', async () => {
    const shown = await carousel(stories(3));
    shown.nextButton.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await shown.el.updateComplete;
    expect(shown.current).to.equal(0);
  });

  it('follows the tabs pattern in the picker: arrows select and focus the next tab, wrapping', async () => {
    const shown = await carousel(stories(4));
    await shown.press('ArrowRight', shown.tabs()[0]);
    expect(shown.current).to.equal(1);
    const tabs = shown.tabs();
    expect(shown.focused).to.equal(tabs[1]);
    expect(selectedTab(tabs)).to.equal(1);
    expect(tabs[1].tabIndex).to.equal(0);
    await shown.press('End');
    expect(shown.focused).to.equal(tabs[3]);
    await shown.press('ArrowRight');
    expect(shown.current).to.equal(0);
    expect(shown.focused).to.equal(tabs[0]);
    await shown.press('ArrowLeft');
    expect(shown.focused).to.equal(tabs[3]);
  });

  it('shows a story when its tab is clicked', async () => {
    const shown = await carousel(stories(4));
    await shown.pick(2);
    expect(shown.current).to.equal(2);
    expect(shown.inView()).to.deep.equal([2]);
  });

  it('keeps focus in the carousel when arrows move away from a focused link', async () => {
    const shown = await carousel(stories(3));
    await shown.press('ArrowRight', shown.slide(0).link!);
    expect(shown.current).to.equal(1);
    expect(shown.focused).to.equal(shown.slide(1).el);
    await shown.press('ArrowRight');
    expect(shown.current).to.equal(2);
  });

  it('swaps the meaning of the arrows in right-to-left pages', async () => {
    const shown = await carouselIn(html`<div dir="rtl">${carouselTemplate()}</div>`);
    await shown.show(stories(4));
    await shown.afterScroll(() => shown.press('ArrowLeft', shown.nextButton));
    expect(shown.current).to.equal(1);
    expect(shown.track.scrollLeft).to.be.below(0);
    const slide = shown.slide(1).el.getBoundingClientRect();
    expect(slide.right).to.be.closeTo(shown.track.getBoundingClientRect().right, 1);
    await shown.press('ArrowRight');
    expect(shown.current).to.equal(0);
    // The "next" chevron points left (‹ is rotate -135deg), the "previous" one right.
    const chevron = (button: HTMLElement) => getComputedStyle(button.querySelector('.chevron')!);
    expect(chevron(shown.nextButton).rotate).to.equal('-135deg');
    expect(chevron(shown.previousButton).rotate).to.equal('45deg');
  });
});

describe('story-carousel: scrolling and swiping', () => {
  it('makes the story a swipe or trackpad scroll lands on the current one', async () => {
    const shown = await carousel(stories(5));
    await shown.swipeTo(3);
    expect(shown.current).to.equal(3);
    expect(shown.inView()).to.deep.equal([3]);
    expect(selectedTab(shown.tabs())).to.equal(3);
  });

  it('snaps to whole stories', async () => {
    const shown = await carousel(stories(5));
    expect(getComputedStyle(shown.track).scrollSnapType).to.equal('x mandatory');
    expect(getComputedStyle(shown.slide(0).el).scrollSnapAlign).to.equal('start');
  });
});

describe('story-carousel: stories per view', () => {
  /** Eight stories in a carousel `width` pixels wide. */
  async function sized(width: number, perView: number | 'auto' = 'auto') {
    const shown = await carouselIn(
      html`<div style="width:${width}px">${carouselTemplate({ perView })}</div>`,
    );
    await shown.show(stories(8));
    return shown;
  }

  it('shows 1, 2 or 3 stories by the widget’s own width when per-view is unset', async () => {
    for (const [width, count] of [
      [400, 1],
      [700, 2],
      [1100, 3],
    ]) {
      const shown = await sized(width);
      expect(shown.inView(), `${width}px`).to.have.length(count);
      const w = shown.slide(0).el.getBoundingClientRect().width;
      expect(w * count + 16 * (count - 1), `${width}px`).to.be.closeTo(width, 2);
    }
  });

  it('follows per-view, steps one story at a time and shows a range counter', async () => {
    const shown = await sized(900, 2);
    expect(shown.inView()).to.have.length(2);
    expect(shown.tabs()).to.have.length(0);
    shown.el.lang = 'en';
    await shown.ready();
    expect(shown.counter).to.equal('1–2 / 8');
    await shown.next();
    expect(shown.inView()).to.deep.equal([1, 2]);
    shown.el.goToSlide(7);
    await shown.el.updateComplete;
    expect(shown.current).to.equal(6);
    expect(shown.nextButton.getAttribute('aria-disabled')).to.equal('true');
  });

  it('re-evaluates the view when the widget is resized', async () => {
    const shown = await sized(400);
    expect(shown.inView()).to.have.length(1);
    shown.el.parentElement!.style.width = '1100px';
    await shown.ready();
    expect(shown.inView()).to.have.length(3);
  });
});

describe('story-carousel: many stories', () => {
  // How fast 500 stories render is measured in bench/story-carousel.bench.ts, not here.
  it('shows many stories with a compact counter instead of a tab each, and reaches the last', async () => {
    const shown = await carousel(stories(60), { lang: 'en' });
    expect(shown.slides()).to.have.length(60);
    expect(shown.tabs()).to.have.length(0);
    expect(shown.counter).to.equal('1 / 60');
    expect(shown.inView()).to.have.length(1);
    expect(shown.slides().filter((s) => s.image?.loading === 'eager')).to.have.length(1);
    await shown.afterScroll(() => shown.press('End', shown.nextButton));
    expect(shown.counter).to.equal('60 / 60');
    expect(shown.inView()).to.deep.equal([59]);
    expect(text(shown.slide(59).heading)).to.equal('故事 60');
  });
});
