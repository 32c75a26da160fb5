import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { Service } from '../../src/core/models.js';
import { FinderModel, type FinderView } from '../../src/service-finder/finder-model.js';
import * as searchCode from '../../src/service-finder/search-index.js';
import * as filterCode from '../../src/service-finder/filter-panel.js';
import { emptyFilters } from '../../src/service-finder/finder-state.js';
import { until } from '../support/index.js';
import { mountFinderLoading, records, service } from '../support/finder.js';

/** `n` fictional services as the model gets them (already normalized). */
function services(n: number): Service[] {
  return Array.from({ length: n }, (_, i) =>
    service({
      id: `s${i}`,
      name: `示例服务 ${i}`,
      organization: `示例社工站 ${i % 40}`,
      categories: [{ id: `c${i % 20}`, name: `类别 ${i % 20}` }],
      languages: i % 3 ? ['zh'] : ['zh', 'en'],
      areas: [`示例街道 ${i % 12}`],
      free: i % 2 === 0,
    }),
  );
}

/**
 * Replaces `scheduler.yield` (how the finder yields to the page between slices): counts the
 * calls and, after `hold()`, keeps them waiting until `release()`, so a test can look at the
 * finder in the middle of a derivation without depending on how fast the machine is.
 */
function yieldSpy() {
  const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } })
    .scheduler;
  const real = scheduler.yield;
  let held: (() => void)[] | undefined;
  const spy = {
    calls: 0,
    get waiting() {
      return held?.length ?? 0;
    },
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const go of waiting) go();
    },
    restore() {
      spy.release();
      scheduler.yield = real;
    },
  };
  scheduler.yield = () => {
    spy.calls++;
    return held ? new Promise<void>((go) => held!.push(go)) : real.call(scheduler);
  };
  return spy;
}

/** A model whose host renders again when a paused derivation is ready (search code loaded). */
function model() {
  const state: { view?: FinderView; ready: number } = { ready: 0 };
  const m = new FinderModel(() => {
    state.ready++;
    state.view = m.view();
  });
  m.search = searchCode;
  m.filterCode = filterCode;
  return { m, state };
}

describe('service-finder model', () => {
  it('derives each value again only when its own inputs change', () => {
    const { m } = model();
    const list = services(50);
    // Services with a 4 in the name, organization or category, in the publisher's order.
    const withFour = list
      .map((s, i) => ({ i, text: [s.name, s.organization, s.categories[0].name].join(' ') }))
      .filter(({ text }) => text.includes('4'))
      .map(({ i }) => i);
    m.services = list;
    const first = m.view()!;
    expect(first.results).to.have.length(50);
    m.query = '4';
    const searched = m.view()!;
    expect(searched.facets, 'facets do not depend on the query').to.equal(first.facets);
    expect(searched.index).to.equal(first.index);
    expect(searched.results).to.deep.equal(withFour);
    m.filters = { ...emptyFilters(), free: true };
    const filtered = m.view()!;
    expect(filtered.facets).to.equal(first.facets);
    expect(filtered.results).to.deep.equal(withFour.filter((i) => list[i].free));
    m.origin = { lat: 23, lng: 113 };
    expect(m.view()!.facets, 'nor on the position').to.equal(first.facets);
    m.intl = m.messages = 'en';
    const english = m.view()!;
    expect(english.facets, 'labels follow the language').not.to.equal(first.facets);
    expect(english.index, 'the search index does not').to.equal(first.index);
    expect(m.view(), 'nothing changed').to.deep.equal(english);
    expect(m.view()!.results).to.equal(english.results);
  });

  it('lists every service under the filters, marked unsearched, while it has no search code', () => {
    const { m } = model();
    m.search = undefined;
    const list = services(50);
    m.services = list;
    m.query = '4';
    m.filters = { ...emptyFilters(), free: true };
    const view = m.view()!;
    expect(view.index).to.equal(undefined);
    expect(view.unsearched).to.equal(true);
    expect(view.results).to.deep.equal(list.flatMap((s, i) => (s.free ? [i] : [])));
    m.search = searchCode;
    const searched = m.view()!;
    expect(searched.unsearched).to.equal(false);
    expect(searched.results.length).to.be.below(view.results.length);
  });

  describe('with 100,000 services', () => {
    let spy: ReturnType<typeof yieldSpy>;
    beforeEach(() => {
      spy = yieldSpy();
    });
    afterEach(() => spy.restore());

    it('prepares them in slices that yield to the page, then has every result', async () => {
      const { m, state } = model();
      m.services = services(100_000);
      expect(m.view(), 'not ready after one slice').to.equal(undefined);
      const view = await until(() => state.view, 'the model to finish');
      expect(spy.calls, 'yields between slices').to.be.at.least(2);
      expect(view.results).to.have.length(100_000);
      expect(view.facets!.categories).to.have.length(20);
      expect(m.indexOf('s99999')).to.equal(99_999);
    });

    it('keeps the previous results (marked stale) while a query builds the search index', async () => {
      const { m, state } = model();
      m.services = services(100_000);
      m.view();
      const all = await until(() => state.view, 'the model to finish');
      state.view = undefined;
      // No query yet: the search index is not built; the first query builds it in slices.
      m.query = '示例服务 99999';
      const meanwhile = m.view()!;
      expect(meanwhile.stale).to.equal(true);
      expect(meanwhile.results).to.equal(all.results);
      expect(meanwhile.terms).to.deep.equal([]);
      // Another derivation that finished just before the query may still report ready (with
      // the stale view); the search's own report is the first view that is not stale.
      const found = await until(
        () => (state.view && !state.view.stale ? state.view : undefined),
        'the search',
      );
      expect(found.results).to.deep.equal([99_999]);
      expect(found.terms).to.deep.equal(['示例服务', '99999']);
    });

    it('drops a derivation whose inputs changed before it finished (latest wins)', async () => {
      const { m, state } = model();
      spy.hold();
      m.services = services(100_000);
      expect(m.view()).to.equal(undefined);
      expect(spy.waiting, 'paused mid-derivation').to.be.above(0);
      m.services = services(5);
      expect(m.view()!.results, 'small data is ready at once').to.have.length(5);
      const calls = spy.calls;
      spy.release();
      // The paused runs come back once, see they are outdated, and stop.
      await until(() => spy.waiting === 0, 'the paused runs to resume');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(spy.calls, 'no further slices').to.equal(calls);
      expect(state.ready, 'nothing outdated reported ready').to.equal(0);
      expect(m.view()!.results).to.have.length(5);
    });
  });
});

describe('<service-finder> with 100,000 services', () => {
  let spy: ReturnType<typeof yieldSpy>;
  beforeEach(() => {
    spy = yieldSpy();
  });
  afterEach(() => spy.restore());

  /** Loose records as a JSON API would send them. */
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `m-${i}`,
      name: `示例服务 ${i}`,
      categories: [`类别 ${i % 20}`],
    }));

  it("lists them at once in the publisher's order, before the model's code is there", async () => {
    const finder = await mountFinderLoading({ data: undefined });
    finder.el.data = many(100_000);
    await finder.events.loaded();
    await until(() => finder.ids().length > 0, 'the first results');
    expect(finder.count()).to.equal('找到 100,000 个服务');
    expect(finder.ids()).to.deep.equal(Array.from({ length: 20 }, (_, i) => `m-${i}`));
    expect(finder.el.getAttribute('aria-busy')).to.equal(null);
    const list = (finder.el as unknown as { list: { code: { state: unknown } } }).list;
    expect(list.code.state, 'the model was not needed').to.equal(undefined);
  });

  it('keeps the list, the search box and its focus while a first query prepares them', async () => {
    const finder = await mountFinderLoading({ data: undefined });
    finder.el.data = many(100_000);
    await until(() => finder.ids().length > 0, 'the first results');
    const box = finder.searchBox();
    box.focus();
    spy.hold();
    // Typed and Enter pressed before the model's code was there: it arrives, and its first
    // derivation (the search index of 100,000 services) pauses where it yields.
    box.value = '示例服务 99999';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    box.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await until(() => spy.waiting > 0, 'the finder to pause between slices');
    await finder.el.updateComplete;
    expect(finder.searchBox(), 'the same search box').to.equal(box);
    expect(finder.el.shadowRoot!.activeElement, 'focus stays in it').to.equal(box);
    expect(finder.text()).not.to.contain('正在加载');
    expect(finder.ids(), 'the list shown before').to.have.length(20);
    const list = finder.el.shadowRoot!.querySelector('.results')!;
    expect(list.getAttribute('aria-busy'), 'marked as being updated').to.equal('true');
    spy.release();
    await until(() => finder.count() === '找到 1 个服务', 'the result of the search');
    expect(finder.ids()).to.deep.equal(['m-99999']);
    expect(finder.el.shadowRoot!.activeElement).to.equal(box);
  });

  it('with a query, shows the loading state while it prepares them in slices, and the newest data wins', async () => {
    const finder = await mountFinderLoading({ data: undefined });
    finder.el.search('示例服务');
    let callsAtLoad = 0;
    // From the moment the data is read, the finder's own slices are held where they yield.
    finder.el.addEventListener(
      'dandelion-load',
      () => {
        callsAtLoad = spy.calls;
        spy.hold();
      },
      { once: true },
    );
    finder.el.data = many(100_000);
    await until(() => spy.waiting > 0, 'the finder to pause between slices');
    await finder.el.updateComplete;
    expect(finder.el.items).to.have.length(100_000);
    expect(finder.el.getAttribute('aria-busy')).to.equal('true');
    expect(finder.text()).to.contain('正在加载');
    expect(finder.ids()).to.deep.equal([]);

    // The page gives other data while the first is still being prepared.
    finder.el.data = records();
    await until(() => finder.el.items.length === 5, 'the new data to be read');
    spy.release();
    await finder.settled();
    expect(finder.el.items).to.have.length(5);
    expect(finder.count(), 'none of them is a 示例服务').to.equal('没有找到服务');
    expect(spy.calls - callsAtLoad, 'the held slices').to.be.at.least(1);

    finder.el.data = many(100_000);
    await until(() => finder.events.of('dandelion-load').length === 3, 'the third load');
    await finder.settled();
    expect(finder.count()).to.equal('找到 100,000 个服务');
  });
});
