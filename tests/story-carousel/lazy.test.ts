import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { $, settle, slides, text } from './helpers.js';

/** Module requests of this page whose URL contains `part` (each test file runs in its own page). */
const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(part));

// Order matters: the first test runs before anything on this page has loaded data.
describe('story-carousel: what loads on demand', () => {
  it('reads markup stories without downloading the data loader or the error messages', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel lang="en" per-view="1">
        <article>
          <h3>第一篇</h3>
          <p>摘要</p>
        </article>
        <article><h3>第二篇</h3></article>
      </story-carousel>`,
    );
    for (let i = 0; i < 50 && slides(el).length < 2; i++) await settle(el);
    expect(slides(el)).to.have.length(2);
    // Module requests do show up here: the markup reader was fetched for these slides.
    expect(requested('/story-carousel/slotted-stories')).to.have.length(1);
    expect(requested('/core/data/load-items')).to.have.length(0);
    expect(requested('/core/errors')).to.have.length(0);
    expect(requested('/core/data/request-cache')).to.have.length(0);
  });

  it('shows the busy skeleton from its first render for a src (no flash while the loader loads)', async () => {
    const el = document.createElement('story-carousel');
    el.lang = 'en';
    el.src = '/test-api/slow?ms=400&key=lazy-skeleton';
    document.body.append(el);
    await el.updateComplete;
    // The loader chunk is requested only now, yet the first render is the skeleton, not "empty".
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part="status"][aria-busy="true"]')).to.not.equal(null);
    expect($(el, '.status.empty')).to.equal(null);
    const loaded = oneEvent(el, 'dandelion-load');
    await loaded;
    el.remove();
  });

  it('shows a localized error with retry once the loader arrives, and follows the language', async () => {
    const el = await fixture<StoryCarousel>(html`<story-carousel lang="zh-Hant"></story-carousel>`);
    const failed = oneEvent(el, 'dandelion-error');
    el.src = '/test-api/status/404?key=lazy-error';
    const { detail } = await failed;
    expect(detail.kind).to.equal('http');
    expect(detail.message).to.equal('找不到這份資料（錯誤 404），連結可能已經更改。');
    await el.updateComplete;
    expect(text($(el, '[role="alert"] .message'))).to.equal(detail.message);
    expect(text($(el, '[role="alert"] [part="button"]'))).to.equal('重試');
    expect(requested('/core/data/load-items')).to.have.length(1);

    el.lang = 'en';
    await settle(el);
    expect(text($(el, '[role="alert"] .message'))).to.equal(
      'The data was not found (error 404). The link may have changed.',
    );
    await expect(el).to.be.accessible();
  });
});
