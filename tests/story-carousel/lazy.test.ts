import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { until } from '../support/index.js';
import { carousel, carouselIn, carouselTemplate } from '../support/carousel.js';
import { release, uniqueKey } from '../support/network.js';

/** Module requests of this page whose URL contains `part` (each test file runs in its own page). */
const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(part));

/** An `<article>` as a page would write it. */
function article(title?: string, summary?: string): HTMLElement {
  const el = document.createElement('article');
  if (title) el.insertAdjacentHTML('beforeend', `<h3>${title}</h3>`);
  if (summary) el.insertAdjacentHTML('beforeend', `<p>${summary}</p>`);
  return el;
}

// Order matters: the first test runs before anything on this page has loaded data.
describe('story-carousel: what loads on demand', () => {
  it('reads markup stories without downloading the data loader or the error messages', async () => {
    const markup = await carouselIn(
      carouselTemplate(
        { lang: 'en' },
        html`<article>
            <h3>第一篇</h3>
            <p>摘要</p>
          </article>
          <article><h3>第二篇</h3></article>`,
      ),
    );
    // The markup reader is its own chunk: fetched now, so the slides come when it has arrived.
    await until(() => markup.slides().length === 2, 'the two articles as slides');
    expect(markup.titles()).to.deep.equal(['第一篇', '第二篇']);
    expect(requested('/story-carousel/slotted-stories')).to.have.length(1);
    expect(requested('/core/resource/load-items')).to.have.length(0);
    expect(requested('/core/errors')).to.have.length(0);
    expect(requested('/core/data/request-cache')).to.have.length(0);
  });

  it('shows the busy skeleton from its first render for a src (no flash while the loader loads)', async () => {
    const hold = uniqueKey('lazy-skeleton');
    const feed = await carouselIn(
      carouselTemplate({ lang: 'en', src: `/test-api/slow?hold=${hold}&key=${hold}` }),
    );
    // The loader chunk is requested only now, yet the first render is the skeleton, not "empty".
    expect(feed.el.getAttribute('aria-busy')).to.equal('true');
    expect(feed.state()).to.equal('loading');
    await release(hold);
    await feed.events.loaded();
  });

  it('shows a localized error with retry once the loader arrives, and follows the language', async () => {
    const feed = await carousel(undefined, { lang: 'zh-Hant' });
    feed.el.timeout = 300; // the answer, not a busy machine's timeout
    feed.el.src = '/test-api/status/503?key=lazy-error';
    const failure = await feed.events.failed();
    expect(failure.kind).to.equal('http');
    expect(failure.message).to.equal('我們這邊出了點問題，請過一會兒再試。');
    await feed.el.updateComplete;
    expect(feed.state()).to.equal('error');
    expect(feed.message).to.equal(failure.message);
    expect(feed.retryButton.textContent!.trim()).to.equal('重試');
    expect(requested('/core/resource/load-items')).to.have.length(1);

    feed.el.lang = 'en';
    await feed.ready();
    expect(feed.message).to.equal('Something went wrong on our side. Please try again later.');
    await expect(feed.el).to.be.accessible();
  });
});

describe('story-carousel: markup and a src together', () => {
  it('stays busy while its src loads, and shows the src’s stories, not the markup', async () => {
    const hold = uniqueKey('markup-and-src');
    const feed = await carouselIn(
      carouselTemplate(
        { lang: 'en', src: `/test-api/slow?name=fromsrc&hold=${hold}&key=${hold}` },
        html`<article><h3>from markup</h3></article>`,
      ),
    );
    await feed.el.updateComplete;
    // The markup has nothing to read while a src is set: it must not end the src's busy state.
    expect(feed.el.getAttribute('aria-busy')).to.equal('true');
    expect(feed.state()).to.equal('loading');
    await release(hold);
    await feed.events.loaded();
    await until(() => feed.slides().length === 1, 'the story from src');
    expect(feed.titles()).to.deep.equal(['fromsrc']);
    expect(feed.el.hasAttribute('aria-busy')).to.equal(false);
  });
});

/**
 * A page whose script runs before its markup: the carousel is on the page (and has rendered)
 * before the parser has added its articles, and the parser may stop in the middle of an article.
 * These tests add the markup at chosen moments around the read of the lazily loaded reader.
 */
describe('story-carousel: markup that arrives after the carousel', () => {
  it('shows an article’s content that arrives after the carousel has read the article', async () => {
    const markup = await carousel(undefined, { lang: 'en' });
    expect(markup.state()).to.equal('empty');
    const first = article();
    markup.el.append(first);
    // The parser stopped after `<article>`: the carousel reads it as an empty story.
    await until(() => markup.slides().length === 1, 'the empty article read as a slide');
    expect(markup.titles()).to.deep.equal(['']);

    first.append(...article('美术小组的第一次展览', '孩子们把画挂在了社区中心。').childNodes);
    await until(() => markup.titles()[0] !== '', 'the title that came after the first read');
    expect(markup.titles()).to.deep.equal(['美术小组的第一次展览']);
    expect(markup.slide(0).summary!.textContent!.trim()).to.equal('孩子们把画挂在了社区中心。');

    first.querySelector('h3')!.textContent = '美术小组的第二次展览';
    await until(() => markup.titles()[0] === '美术小组的第二次展览', 'the edited title');
  });

  it('shows every article when more arrive while the reader is still loading', async () => {
    const markup = await carousel(undefined, { lang: 'en' });
    // Right after the carousel has asked for the reader (on the slot change, before that import
    // can have resolved), the parser adds the second article and finishes the first.
    const first = article('第一篇');
    markup.el.shadowRoot!.addEventListener(
      'slotchange',
      () => {
        markup.el.append(article('第二篇', '后来的'));
        first.append(article(undefined, '第一篇的摘要').firstChild!);
      },
      { once: true },
    );
    markup.el.append(first);
    await until(() => markup.slides().length === 2, 'both articles as slides');
    expect(markup.titles()).to.deep.equal(['第一篇', '第二篇']);
    expect(markup.slide(0).summary!.textContent!.trim()).to.equal('第一篇的摘要');
  });

  it('shows the empty state at once when the markup holds only the empty message', async () => {
    // No story children, and not even whitespace for the default slot: no slot change comes.
    const markup = await carouselIn(
      html`<story-carousel lang="en"><p slot="empty">暂无故事</p></story-carousel>`,
    );
    expect(markup.state()).to.equal('empty');
    expect(markup.slides()).to.have.length(0);
  });
});
