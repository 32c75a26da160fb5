import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { mountFinder, type FinderHarness } from '../support/finder.js';
import { until } from '../support/wait.js';
import { holdLazy } from '../support/lazy.js';

/**
 * Holds back the download of the finder's `field` module until `release()`, or makes it fail:
 * the order "search done, its code later" without depending on how fast the machine is.
 */
const hold = (finder: FinderHarness, field: 'queryTools' | 'noMatch', fail = false) =>
  holdLazy(finder.el, field, fail);

/** Types `query` and presses Enter, without waiting for what it shows. */
function searchFor(finder: FinderHarness, query: string): void {
  const input = finder.searchBox();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
  );
}

const root = (finder: FinderHarness) => finder.el.shadowRoot!;

describe('service-finder: code that arrives with the first query or no match', () => {
  it('shows the no-match help once its code arrives after the empty result', async () => {
    const finder = await mountFinder({ lang: 'en' });
    const release = hold(finder, 'noMatch');
    searchFor(finder, 'nothing like this at all');
    await until(() => finder.count() === 'No services found', 'the empty result');
    expect(finder.noMatch(), 'its code is held back').to.equal(null);
    release();
    await until(() => finder.noMatch() !== null, 'the no-match view');
    expect(finder.noMatch()).to.equal(
      'No services match your search. Try other words or fewer filters.',
    );
    expect(finder.suggestions().length).to.be.greaterThan(0);
    await expect(finder.el).to.be.accessible();
  });

  it('runs a search whose highlighting code arrives late, with the matches marked', async () => {
    const finder = await mountFinder();
    const release = hold(finder, 'queryTools');
    searchFor(finder, '法律');
    // The update with the query waits for the held code: the list still shows every service.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(finder.count()).to.equal('找到 5 个服务');
    release();
    await until(() => finder.count() === '找到 1 个服务', 'the result of the search');
    await until(() => !!root(finder).querySelector('.card mark'), 'the match marked');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(root(finder).querySelector('.card mark')!.textContent).to.equal('法律');
  });

  it('still finds services when the highlighting code cannot be downloaded (unmarked)', async () => {
    const finder = await mountFinder();
    const release = hold(finder, 'queryTools', true);
    searchFor(finder, '法律');
    release();
    await until(() => finder.count() === '找到 1 个服务', 'the result of the search');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(root(finder).querySelector('.card mark')).to.equal(null);
  });
});
