import '../support/setup.js';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { carouselStyles } from '../../src/story-carousel/story-carousel.styles.js';
import { themeTokens } from '../../src/core/theme-tokens.js';
import {
  $,
  html,
  mount,
  nextButton,
  prevButton,
  settle,
  slides,
  stories,
  text,
} from './helpers.js';

/** Tokens this widget introduces and has asked the core to add to `themeTokens`. */
const proposedTokens = ['--dandelion-carousel-ratio'];

describe('story-carousel: states', () => {
  const warnings: string[] = [];
  const warn = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
  });
  after(() => {
    console.warn = warn;
  });

  it('shows a busy skeleton with the shape of a slide while loading', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel
        lang="en"
        per-view="1"
        src=${'/test-api/slow?ms=1500&key=carousel-loading'}
      ></story-carousel>`,
    );
    const loaded = oneEvent(el, 'dandelion-load');
    await el.updateComplete;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    const status = $(el, '[part="status"]')!;
    expect(text(status)).to.contain('Loading');
    const skeleton = $(el, '.skeleton')!;
    expect(getComputedStyle(skeleton, '::before').aspectRatio).to.equal('16 / 9');
    const box = skeleton.getBoundingClientRect();
    expect(box.width).to.be.closeTo(el.getBoundingClientRect().width, 1);
    await expect(el).to.be.accessible();
    await loaded;
    expect(el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('keeps the skeleton one view wide when several stories share the view', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel
        lang="en"
        per-view="2"
        src=${'/test-api/slow?ms=1500&key=carousel-loading-2'}
      ></story-carousel>`,
    );
    const loaded = oneEvent(el, 'dandelion-load');
    await settle(el);
    const width = $(el, '.skeleton')!.getBoundingClientRect().width;
    expect(width).to.be.closeTo((el.getBoundingClientRect().width - 16) / 2, 2);
    await loaded;
  });

  it('shows the empty state, with a slot for the page’s own message', async () => {
    const el = await mount(html`<story-carousel lang="en"></story-carousel>`, []);
    expect(text($(el, '[part="status"]'))).to.equal('No stories to show yet.');
    expect($(el, 'slot[name="empty"]')).to.not.equal(null);
    expect($(el, '[part="base"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const custom = await mount(
      html`<story-carousel lang="en"><p slot="empty">还没有故事，敬请期待。</p></story-carousel>`,
      [],
    );
    const slot = $<HTMLSlotElement>(custom, 'slot[name="empty"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal([
      '还没有故事，敬请期待。',
    ]);
    expect(slides(custom)).to.have.length(0);
  });

  it('shows a localized error with a working retry button', async () => {
    const el = await fixture<StoryCarousel>(html`<story-carousel lang="en"></story-carousel>`);
    const failed = oneEvent(el, 'dandelion-error');
    el.src = '/test-api/status/500?key=carousel-error';
    expect((await failed).detail.kind).to.equal('http');
    await el.updateComplete;
    expect($(el, '[role="alert"]')).to.not.equal(null);
    expect(text($(el, '[role="alert"]'))).to.contain('500');
    const retry = $<HTMLButtonElement>(el, '[part="button"]')!;
    expect(text(retry)).to.equal('Try again');
    await expect(el).to.be.accessible();
    const again = oneEvent(el, 'dandelion-error');
    retry.click();
    await again;
  });

  it('shows the content as an accessible carousel, in light and dark theme', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(4),
    );
    expect(slides(el)).to.have.length(4);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the basic variant (many stories) and with several per view', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="2"></story-carousel>`,
      stories(14),
    );
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('speaks zh-Hans by default, and zh-Hant and English when asked', async () => {
    const labels = async (lang: string) => {
      const el = await mount(
        html`<story-carousel lang=${lang} per-view="1"></story-carousel>`,
        stories(12),
      );
      const base = $(el, '[part="base"]')!;
      return {
        role: base.getAttribute('aria-roledescription'),
        name: base.getAttribute('aria-label'),
        slide: slides(el)[2].getAttribute('aria-label'),
        slideRole: slides(el)[2].getAttribute('aria-roledescription'),
        previous: text(prevButton(el)),
        next: text(nextButton(el)),
        more: text($(el, '.more')),
        counter: text($(el, '[part="counter"]')),
      };
    };
    expect(await labels('zh-Hans')).to.deep.equal({
      role: '轮播',
      name: '故事',
      slide: '第 3 篇，共 12 篇',
      slideRole: '幻灯片',
      previous: '上一篇',
      next: '下一篇',
      more: '阅读全文',
      counter: '1 / 12',
    });
    expect(await labels('zh-Hant')).to.deep.equal({
      role: '輪播',
      name: '故事',
      slide: '第 3 篇，共 12 篇',
      slideRole: '投影片',
      previous: '上一篇',
      next: '下一篇',
      more: '閱讀全文',
      counter: '1 / 12',
    });
    expect(await labels('en')).to.deep.equal({
      role: 'carousel',
      name: 'Stories',
      slide: '3 of 12',
      slideRole: 'slide',
      previous: 'Previous story',
      next: 'Next story',
      more: 'Read more',
      counter: '1 / 12',
    });
    const empty = async (lang: string) =>
      text($(await mount(html`<story-carousel lang=${lang}></story-carousel>`, []), '.message'));
    expect(await empty('zh-Hans')).to.equal('暂时还没有故事。');
    expect(await empty('zh-Hant')).to.equal('暫時還沒有故事。');
  });

  it('follows a language change on the page', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-Hans"><story-carousel per-view="1"></story-carousel></div>`,
    );
    const el = wrapper.querySelector('story-carousel')!;
    const loaded = oneEvent(el, 'dandelion-load');
    el.data = stories(3);
    await loaded;
    await settle(el);
    expect(text($(el, '.more'))).to.equal('阅读全文');
    wrapper.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(text($(el, '.more'))).to.equal('Read more');
    expect(text($(el, 'time'))).to.equal('Nov 1, 2026');
  });

  it('takes its region name from the label attribute', async () => {
    const el = await mount(
      html`<story-carousel lang="en" label="Family stories"></story-carousel>`,
      stories(2),
    );
    expect($(el, '[part="base"]')!.getAttribute('aria-label')).to.equal('Family stories');
  });

  it('uses only declared theme tokens, plus the ratio token proposed for themeTokens', () => {
    const used = new Set(carouselStyles.cssText.match(/--dandelion-[\w-]+/g));
    expect([...used]).to.include('--dandelion-carousel-ratio');
    for (const token of used) {
      expect(token in themeTokens || proposedTokens.includes(token), token).to.equal(true);
    }
  });

  it('lets pages set the image ratio with --dandelion-carousel-ratio', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(2));
    el.style.setProperty('--dandelion-carousel-ratio', '1 / 1');
    const media = $(el, '[part="image"]')!.getBoundingClientRect();
    expect(media.height).to.be.closeTo(media.width, 1);
  });

  it('logs no Lit warnings while rendering', async () => {
    await mount(
      html`<story-carousel autoplay interval="100" per-view="1"></story-carousel>`,
      stories(3),
    );
    await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(30));
    const lit = warnings.filter((w) => /lit\.dev\/msg\//.test(w) && !/dev-mode/.test(w));
    expect(lit).to.deep.equal([]);
  });
});
