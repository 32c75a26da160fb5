import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { carouselStyles } from '../../src/story-carousel/story-carousel.styles.js';
import { themeTokens } from '../../src/core/theme-tokens.js';
import { text } from '../support/index.js';
import { carousel, carouselIn, carouselTemplate, stories } from '../support/carousel.js';

/** Tokens this widget introduces and has asked the core to add to `themeTokens`. */
const proposedTokens = ['--dandelion-carousel-ratio'];

/** A carousel whose feed never answers, so it stays in its loading view. */
const loading = (perView: number, key: string) =>
  carouselIn(carouselTemplate({ lang: 'en', perView, src: `/test-api/never?key=${key}` }));

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
    const shown = await loading(1, 'carousel-loading');
    expect(shown.el.getAttribute('aria-busy')).to.equal('true');
    expect(shown.state()).to.equal('loading');
    expect(text(shown.status)).to.contain('Loading');
    expect(getComputedStyle(shown.skeleton!, '::before').aspectRatio).to.equal('16 / 9');
    const box = shown.skeleton!.getBoundingClientRect();
    expect(box.width).to.be.closeTo(shown.el.getBoundingClientRect().width, 1);
    await expect(shown.el).to.be.accessible();
    await shown.load('/tests/fixtures/carousel/atom.xml');
    expect(shown.el.hasAttribute('aria-busy')).to.equal(false);
    expect(shown.state()).to.equal('content');
  });

  it('keeps the skeleton one view wide when several stories share the view', async () => {
    const shown = await loading(2, 'carousel-loading-2');
    await shown.ready();
    expect(shown.state()).to.equal('loading');
    const width = shown.skeleton!.getBoundingClientRect().width;
    expect(width).to.be.closeTo((shown.el.getBoundingClientRect().width - 16) / 2, 2);
  });

  it('shows the empty state, with a slot for the page’s own message', async () => {
    const empty = await carousel([], { lang: 'en' });
    expect(empty.state()).to.equal('empty');
    expect(empty.message).to.equal('No stories to show yet.');
    expect(empty.region).to.equal(null);
    await expect(empty.el).to.be.accessible();

    const custom = await carouselIn(
      carouselTemplate({ lang: 'en' }, html`<p slot="empty">还没有故事，敬请期待。</p>`),
    );
    await custom.show([]);
    expect(custom.state()).to.equal('empty');
    expect(custom.message).to.equal('还没有故事，敬请期待。');
    expect(custom.slides()).to.have.length(0);
  });

  it('shows a localized error with a working retry button', async () => {
    const shown = await carousel(undefined, { lang: 'en' });
    shown.el.timeout = 300; // the answer, not a busy machine's timeout
    shown.el.src = '/test-api/status/500?key=carousel-error';
    expect((await shown.events.failed()).kind).to.equal('http');
    await shown.el.updateComplete;
    expect(shown.state()).to.equal('error');
    expect(shown.message).to.equal('Something went wrong on our side. Please try again later.');
    expect(text(shown.retryButton)).to.equal('Try again');
    await expect(shown.el).to.be.accessible();
    shown.retryButton.click();
    expect((await shown.events.failed()).kind).to.equal('http');
  });

  it('shows the content as an accessible carousel, in light and dark theme', async () => {
    const shown = await carousel(stories(4), { lang: 'en' });
    expect(shown.slides()).to.have.length(4);
    await expect(shown.el).to.be.accessible();
    shown.el.theme = 'dark';
    await shown.el.updateComplete;
    expect(getComputedStyle(shown.el).colorScheme).to.equal('dark');
    await expect(shown.el).to.be.accessible();
  });

  it('is accessible in the basic variant (many stories) and with several per view', async () => {
    const shown = await carousel(stories(14), { lang: 'en', perView: 2 });
    await expect(shown.el).to.be.accessible();
    shown.el.theme = 'dark';
    await shown.el.updateComplete;
    await expect(shown.el).to.be.accessible();
  });

  it('speaks zh-Hans by default, and zh-Hant and English when asked', async () => {
    const labels = async (lang?: string) => {
      const shown = await carousel(stories(12), { lang });
      const third = shown.slide(2).el;
      return {
        role: shown.region!.getAttribute('aria-roledescription'),
        name: shown.region!.getAttribute('aria-label'),
        slide: third.getAttribute('aria-label'),
        slideRole: third.getAttribute('aria-roledescription'),
        previous: text(shown.previousButton),
        next: text(shown.nextButton),
        more: text(shown.slide(0).link),
        counter: shown.counter,
      };
    };
    expect(await labels()).to.deep.equal({
      role: '故事集',
      name: '故事',
      slide: '第 3 篇，共 12 篇',
      slideRole: '故事',
      previous: '上一篇',
      next: '下一篇',
      more: '阅读全文',
      counter: '1 / 12',
    });
    expect(await labels('zh-Hant')).to.deep.equal({
      role: '故事集',
      name: '故事',
      slide: '第 3 篇，共 12 篇',
      slideRole: '故事',
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
    const empty = async (lang: string) => (await carousel([], { lang })).message;
    expect(await empty('zh-Hans')).to.equal('暂时还没有故事。');
    expect(await empty('zh-Hant')).to.equal('暫時還沒有故事。');
  });

  it('follows a language change on the page', async () => {
    const shown = await carouselIn(html`<div lang="zh-Hans">${carouselTemplate()}</div>`);
    await shown.show(stories(3));
    expect(text(shown.slide(0).link)).to.equal('阅读全文');
    shown.el.parentElement!.setAttribute('lang', 'en');
    await shown.ready();
    expect(text(shown.slide(0).link)).to.equal('Read more');
    expect(text(shown.slide(0).time)).to.equal('Nov 1, 2026');
  });

  it('takes its region name from the label attribute', async () => {
    const shown = await carousel(stories(2), { lang: 'en', label: 'Family stories' });
    expect(shown.region!.getAttribute('aria-label')).to.equal('Family stories');
  });

  it('uses only declared theme tokens, plus the ratio token proposed for themeTokens', () => {
    const used = new Set(carouselStyles.cssText.match(/--dandelion-[\w-]+/g));
    expect([...used]).to.include('--dandelion-carousel-ratio');
    for (const token of used) {
      expect(token in themeTokens || proposedTokens.includes(token), token).to.equal(true);
    }
  });

  it('lets pages set the image ratio with --dandelion-carousel-ratio', async () => {
    const shown = await carousel(stories(2));
    shown.el.style.setProperty('--dandelion-carousel-ratio', '1 / 1');
    const media = shown.slide(0).imageBox!.getBoundingClientRect();
    expect(media.height).to.be.closeTo(media.width, 1);
  });

  it('logs no Lit warnings while rendering', async () => {
    await carousel(stories(3), { autoplay: true, interval: 100 });
    await carousel(stories(30));
    const lit = warnings.filter((w) => /lit\.dev\/msg\//.test(w) && !/dev-mode/.test(w));
    expect(lit).to.deep.equal([]);
  });
});
