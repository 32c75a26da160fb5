/**
 * What `fetchText` does after a failed request (retries with backoff, timeouts, HTTP statuses,
 * CORS refusals) is a chunk of its own, loaded on the first failure: a widget whose first load
 * succeeds never downloads it; a failure waits for it and ends as it always did; when it cannot
 * be downloaded, the widget still shows an error (the network's, with a retry button), never a
 * blank widget or an unhandled rejection. Runs in a page of its own: the first test runs before
 * the code loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { lazyFetching } from '../../src/core/data/fetch-text.js';
import { clearRequestCache } from '../../src/core/data/request-cache.js';
import { byRole, text, until } from '../support/index.js';
import { mountFinder, mountFinderLoading } from '../support/finder.js';
import { requested } from '../support/fetch-log.js';
import { collectRejections } from '../support/rejections.js';

let keys = 0;
const key = () => `lazy-failure-${++keys}-${Date.now()}`;

describe('the code for failed requests', () => {
  const load = lazyFetching.failure;
  const rejections = collectRejections();
  afterEach(() => {
    lazyFetching.failure = load;
    clearRequestCache();
  });

  it('is never downloaded by a successful first load', async () => {
    const finder = await mountFinder({ src: `/test-api/flaky?fail=0&key=${key()}` });
    expect(finder.names()).to.deep.equal(['recovered']);
    expect(requested('/core/data/fetch-failure.')).to.equal(false);
    expect(requested('/core/cors-refusal.')).to.equal(false);
  });

  it('a failure waits for it, then shows the usual message (loading meanwhile)', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    lazyFetching.failure = () => ((asked = true), released.then(load));
    const finder = await mountFinderLoading({
      lang: 'en',
      src: `/test-api/status/404?key=${key()}`,
    });
    await until(() => asked, 'the code for failures asked for');
    await finder.el.updateComplete;
    expect(finder.el.getAttribute('aria-busy')).to.equal('true');
    expect(finder.events.of('dandelion-error')).to.be.empty;
    release();
    const error = await finder.events.failed();
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    await finder.settled();
    expect(finder.text()).to.contain('cannot be found');
    expect(requested('/core/data/fetch-failure.')).to.equal(true);
    expect(rejections).to.be.empty;
  });

  it('when it cannot be downloaded, the failure is the network’s, with a retry button', async () => {
    lazyFetching.failure = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'));
    // The server fails the first request only.
    const finder = await mountFinderLoading({
      lang: 'en',
      src: `/test-api/flaky?fail=1&status=503&key=${key()}`,
    });
    const error = await finder.events.failed();
    expect(error.kind).to.equal('network');
    expect(error.message).to.contain('Could not connect');
    await finder.settled();
    // An error state, not a blank widget (byRole throws when there is none).
    expect(text(byRole(finder.el, 'alert'))).to.contain('Could not connect');
    expect(finder.el.hasAttribute('aria-busy')).to.equal(false);
    await expect(finder.el).to.be.accessible();

    lazyFetching.failure = load;
    byRole<HTMLButtonElement>(finder.el, 'button', 'Try again').click();
    await finder.events.loaded();
    await finder.settled();
    expect(finder.names()).to.deep.equal(['recovered']);
    expect(rejections).to.be.empty;
  });
});
