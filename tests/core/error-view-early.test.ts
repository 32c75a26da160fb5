/**
 * A failed request asks for what its message is shown with (the error view, the words of
 * problems) at the same time as the code that tells what the failure means: the message then
 * waits for one download, not two in a row. A widget whose first load succeeds downloads none of
 * it, and when one of those downloads fails the widget still says what went wrong. Runs in a page
 * of its own: the first test runs before any of that code loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { lazyFetching } from '../../src/core/data/fetch-text.js';
import { clearRequestCache } from '../../src/core/data/request-cache.js';
import { lazyResource } from '../../src/core/resource/resource-controller.js';
import { byRole, text, until } from '../support/index.js';
import { mountFinder, mountFinderLoading } from '../support/finder.js';
import { requested } from '../support/fetch-log.js';
import { collectRejections } from '../support/rejections.js';
import { asked, holdLater, restoreLater } from '../support/later-words.js';
import { quietly } from '../support/calendar.js';

let keys = 0;
const key = () => `error-view-early-${++keys}-${Date.now()}`;

describe('the error view of a failed request', () => {
  const failureCode = lazyFetching.failure;
  const errorView = lazyResource.errors;
  const rejections = collectRejections();
  afterEach(() => {
    lazyFetching.failure = failureCode;
    lazyResource.errors = errorView;
    restoreLater();
    clearRequestCache();
  });

  it('is never downloaded by a successful first load, nor are the words of problems', async () => {
    let viewAsked = false;
    lazyResource.errors = () => ((viewAsked = true), errorView());
    holdLater();
    const finder = await mountFinder({ src: `/test-api/flaky?fail=0&key=${key()}` });
    expect(finder.names()).to.deep.equal(['recovered']);
    expect(viewAsked, 'error view asked for').to.equal(false);
    expect(asked, 'later words asked for').to.deep.equal([]);
    expect(requested('/core/error-view.')).to.equal(false);
    expect(requested('/core/data/fetch-failure.')).to.equal(false);
  });

  it('is downloaded with the words of problems while the failure code is still on its way', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let failureAsked = false;
    lazyFetching.failure = () => ((failureAsked = true), released.then(failureCode));
    let viewAsked = false;
    lazyResource.errors = () => ((viewAsked = true), errorView());
    const releaseWords = holdLater();
    const [detail] = await quietly(async () => {
      const finder = await mountFinderLoading({ src: `/test-api/status/404?key=${key()}` });
      await until(() => failureAsked, 'the failure code asked for');
      // Asked for with the failure code, not once it has arrived…
      expect(viewAsked, 'error view asked for').to.equal(true);
      expect(asked, 'later words asked for').to.deep.equal(['zh-Hans']);
      // …and downloaded while it is held back.
      await until(() => requested('/core/error-view.'), 'the error view downloaded');
      expect(finder.events.of('dandelion-error')).to.be.empty;
      release();
      releaseWords();
      const failed = await finder.events.failed();
      await finder.settled();
      expect(finder.text()).to.contain('暂时找不到这里的内容');
      expect(text(byRole(finder.el, 'alert'))).to.contain('给网站管理员');
      return failed;
    });
    expect(detail.kind).to.equal('http');
    expect(detail.status).to.equal(404);
    expect(rejections).to.be.empty;
  });

  it('when the error view cannot be downloaded, the failure still says so, with a retry button', async () => {
    lazyResource.errors = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'));
    // The server fails the first request only.
    const [finder] = await quietly(async () => {
      const finder = await mountFinderLoading({
        src: `/test-api/flaky?fail=1&status=404&key=${key()}`,
      });
      await finder.events.failed();
      await finder.settled();
      return finder;
    });
    // An error state, not a blank widget (byRole throws when there is none).
    expect(text(byRole(finder.el, 'alert'))).to.contain('暂时连不上');
    expect(finder.el.hasAttribute('aria-busy')).to.equal(false);

    // Asked for again at the next failure; here the retry succeeds.
    lazyResource.errors = errorView;
    byRole<HTMLButtonElement>(finder.el, 'button', '重试').click();
    await finder.events.loaded();
    await finder.settled();
    expect(finder.names()).to.deep.equal(['recovered']);
    expect(rejections).to.be.empty;
  });

  it('when the words of problems cannot be downloaded, the message still shows', async () => {
    holdLater(true)();
    const [finder] = await quietly(async () => {
      const finder = await mountFinderLoading({ src: `/test-api/status/404?key=${key()}` });
      await finder.events.failed();
      await finder.settled();
      return finder;
    });
    expect(asked).to.include('zh-Hans');
    // The failure's own view, in whatever words there are (never a blank widget).
    expect(byRole(finder.el, 'alert').querySelector('summary')).to.not.equal(null);
    expect(finder.el.hasAttribute('aria-busy')).to.equal(false);
    expect(rejections).to.be.empty;
  });
});
