import '../support/setup.js';
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import {
  $,
  $$,
  html,
  mount,
  nextButton,
  prevButton,
  scrollSettled,
  settle,
  slides,
  stories,
  tabs,
  text,
  visibleSlides,
} from './helpers.js';

const shown = (el: StoryCarousel) => visibleSlides(el).map((s) => s.id);
const focused = (el: StoryCarousel) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('story-carousel: APG structure', () => {
  it('is a labelled region with the carousel role description', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(5),
    );
    const base = $(el, '[part="base"]')!;
    expect(base.localName).to.equal('section');
    expect(base.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(base.getAttribute('aria-label')).to.equal('Stories');
  });

  it('uses the tabbed variant up to ten stories: a tablist of tabs controlling tab panels', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(5),
    );
    const list = $(el, '[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Choose a story');
    expect(tabs(el)).to.have.length(5);
    tabs(el).forEach((tab, k) => {
      const panel = $(el, `#${tab.getAttribute('aria-controls')}`)!;
      expect(panel).to.equal(slides(el)[k]);
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      expect(panel.hasAttribute('aria-roledescription')).to.equal(false);
      expect(tab.getAttribute('aria-label')).to.equal(`故事 ${k + 1}`);
      expect(tab.getAttribute('aria-selected')).to.equal(String(k === 0));
      expect(tab.tabIndex).to.equal(k === 0 ? 0 : -1);
    });
    expect($(el, '[part="counter"]')).to.equal(null);
  });

  it('names a tab by number when its story has no title', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(3, (i) => (i === 1 ? { title: '' } : {})),
    );
    expect(tabs(el)[1].getAttribute('aria-label')).to.equal('Story 2');
  });

  it('uses the basic variant above ten stories: groups labelled "3 of 11" and a compact counter', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(11),
    );
    expect(tabs(el)).to.have.length(0);
    const third = slides(el)[2];
    expect(third.getAttribute('role')).to.equal('group');
    expect(third.getAttribute('aria-roledescription')).to.equal('slide');
    expect(third.getAttribute('aria-label')).to.equal('3 of 11');
    expect(text($(el, '[part="counter"]'))).to.equal('1 / 11');
  });

  it('makes every slide but the one in view inert', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(4));
    expect(shown(el)).to.deep.equal(['slide-0']);
    nextButton(el).click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['slide-1']);
  });

  it('has a live region that is polite when not rotating', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(3));
    const track = $(el, '[part="track"]')!;
    expect(track.getAttribute('aria-live')).to.equal('polite');
    expect(track.getAttribute('aria-atomic')).to.equal('false');
    expect(prevButton(el).getAttribute('aria-controls')).to.equal(track.id);
  });

  it('shows no controls for a single story, or when every story fits in view', async () => {
    const one = await mount(
      html`<story-carousel lang="en" per-view="1" autoplay></story-carousel>`,
      stories(1),
    );
    expect(slides(one)).to.have.length(1);
    expect($(one, '[part="toolbar"]')).to.equal(null);
    expect($$(one, 'button')).to.have.length(0);
    expect(visibleSlides(one)).to.have.length(1);
    const fits = await mount(html`<story-carousel per-view="3"></story-carousel>`, stories(3));
    expect($(fits, '[part="toolbar"]')).to.equal(null);
    expect(visibleSlides(fits)).to.have.length(3);
  });
});

describe('story-carousel: previous / next', () => {
  it('moves to the next and previous story and scrolls it into view', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(4));
    const track = $(el, '.track')!;
    nextButton(el).click();
    await scrollSettled(el);
    expect(el.activeIndex).to.equal(1);
    expect(Math.round(track.scrollLeft)).to.equal(
      Math.round(slides(el)[1].offsetLeft - slides(el)[0].offsetLeft),
    );
    expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
    prevButton(el).click();
    await scrollSettled(el);
    expect(el.activeIndex).to.equal(0);
    expect(track.scrollLeft).to.equal(0);
  });

  it('does not move past the ends without loop, and marks the buttons disabled without losing focus', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(3));
    expect(prevButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(nextButton(el).getAttribute('aria-disabled')).to.equal('false');
    prevButton(el).click();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
    nextButton(el).focus();
    nextButton(el).click();
    nextButton(el).click();
    nextButton(el).click();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(2);
    expect(nextButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el)).to.equal(nextButton(el));
  });

  it('wraps around at both ends with loop', async () => {
    const el = await mount(html`<story-carousel per-view="1" loop></story-carousel>`, stories(3));
    expect(prevButton(el).getAttribute('aria-disabled')).to.equal('false');
    prevButton(el).click();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(2);
    nextButton(el).click();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
  });

  it('offers next(), previous() and goToSlide() and ignores them when empty', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(5));
    el.next();
    el.next();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(2);
    el.previous();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(1);
    el.goToSlide(99);
    await el.updateComplete;
    expect(el.activeIndex).to.equal(4);
    const empty = await mount(html`<story-carousel></story-carousel>`, []);
    empty.next();
    empty.previous();
    empty.goToSlide(3);
    expect(empty.activeIndex).to.equal(0);
  });
});

describe('story-carousel: keyboard', () => {
  it('moves with ArrowRight / ArrowLeft and jumps with Home / End from the buttons', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(12));
    nextButton(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(1);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(11);
    expect(text($(el, '[part="counter"]'))).to.equal('12 / 12');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
  });

  it('leaves arrow keys with modifiers to the browser', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(3));
    nextButton(el).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
  });

  it('follows the tabs pattern in the picker: arrows select and focus the next tab, wrapping', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(4));
    tabs(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(1);
    expect(focused(el)).to.equal(tabs(el)[1]);
    expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
    expect(tabs(el)[1].tabIndex).to.equal(0);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tabs(el)[3]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
    expect(focused(el)).to.equal(tabs(el)[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tabs(el)[3]);
  });

  it('shows a story when its tab is clicked', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(4));
    tabs(el)[2].click();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(2);
    expect(shown(el)).to.deep.equal(['slide-2']);
  });

  it('keeps focus in the carousel when arrows move away from a focused link', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(3));
    slides(el)[0].querySelector<HTMLElement>('.more')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(1);
    expect(focused(el)).to.equal(slides(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(2);
  });

  it('swaps the meaning of the arrows in right-to-left pages', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl"><story-carousel per-view="1"></story-carousel></div>`,
    );
    const el = wrapper.firstElementChild as StoryCarousel;
    el.data = stories(4);
    await new Promise((r) => el.addEventListener('dandelion-load', r, { once: true }));
    await settle(el);
    nextButton(el).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await scrollSettled(el);
    expect(el.activeIndex).to.equal(1);
    const track = $(el, '.track')!;
    expect(track.scrollLeft).to.be.below(0);
    const slide = slides(el)[1].getBoundingClientRect();
    expect(slide.right).to.be.closeTo(track.getBoundingClientRect().right, 1);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.activeIndex).to.equal(0);
    // The "next" chevron points left (‹ is rotate -135deg), the "previous" one right.
    expect(getComputedStyle(nextButton(el).querySelector('.chevron')!).rotate).to.equal('-135deg');
    expect(getComputedStyle(prevButton(el).querySelector('.chevron')!).rotate).to.equal('45deg');
  });
});

describe('story-carousel: scrolling and swiping', () => {
  it('makes the story a swipe or trackpad scroll lands on the current one', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(5));
    const track = $(el, '.track')!;
    const pitch = slides(el)[1].offsetLeft - slides(el)[0].offsetLeft;
    track.scrollTo({ left: pitch * 3, behavior: 'instant' });
    await scrollSettled(el);
    expect(el.activeIndex).to.equal(3);
    expect(shown(el)).to.deep.equal(['slide-3']);
    expect(tabs(el)[3].getAttribute('aria-selected')).to.equal('true');
  });

  it('snaps to whole stories', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(5));
    const track = $(el, '.track')!;
    expect(getComputedStyle(track).scrollSnapType).to.equal('x mandatory');
    expect(getComputedStyle(slides(el)[0]).scrollSnapAlign).to.equal('start');
  });
});

describe('story-carousel: stories per view', () => {
  async function sized(width: number, perView?: number) {
    const wrapper = await fixture(
      html`<div style="width:${width}px">
        <story-carousel per-view=${perView ?? ''}></story-carousel>
      </div>`,
    );
    const el = wrapper.firstElementChild as StoryCarousel;
    if (perView === undefined) el.removeAttribute('per-view');
    el.data = stories(8);
    await new Promise((r) => el.addEventListener('dandelion-load', r, { once: true }));
    await settle(el);
    return el;
  }

  it('shows 1, 2 or 3 stories by the widget’s own width when per-view is unset', async () => {
    for (const [width, count] of [
      [400, 1],
      [700, 2],
      [1100, 3],
    ]) {
      const el = await sized(width);
      expect(visibleSlides(el), `${width}px`).to.have.length(count);
      const w = slides(el)[0].getBoundingClientRect().width;
      expect(w * count + 16 * (count - 1), `${width}px`).to.be.closeTo(width, 2);
    }
  });

  it('follows per-view, steps one story at a time and shows a range counter', async () => {
    const el = await sized(900, 2);
    expect(visibleSlides(el)).to.have.length(2);
    expect(tabs(el)).to.have.length(0);
    el.lang = 'en';
    await settle(el);
    expect(text($(el, '[part="counter"]'))).to.equal('1–2 / 8');
    nextButton(el).click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['slide-1', 'slide-2']);
    el.goToSlide(7);
    await el.updateComplete;
    expect(el.activeIndex).to.equal(6);
    expect(nextButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('re-evaluates the view when the widget is resized', async () => {
    const el = await sized(400);
    expect(visibleSlides(el)).to.have.length(1);
    el.parentElement!.style.width = '1100px';
    await settle(el);
    expect(visibleSlides(el)).to.have.length(3);
  });
});

describe('story-carousel: many stories', () => {
  it('renders 500 stories with a compact counter instead of 500 tabs', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
    );
    const data = stories(500);
    const started = performance.now();
    el.data = data;
    await new Promise((r) => el.addEventListener('dandelion-load', r, { once: true }));
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const elapsed = performance.now() - started;
    expect(slides(el)).to.have.length(500);
    expect(tabs(el)).to.have.length(0);
    expect(text($(el, '[part="counter"]'))).to.equal('1 / 500');
    expect(visibleSlides(el)).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('img[loading="eager"]')).to.have.length(1);
    expect(elapsed, 'first render of 500 stories (ms)').to.be.below(1500);
    nextButton(el).focus();
    await sendKeys({ press: 'End' });
    await scrollSettled(el);
    expect(text($(el, '[part="counter"]'))).to.equal('500 / 500');
    expect(shown(el)).to.deep.equal(['slide-499']);
  });
});
