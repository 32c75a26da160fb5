import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { mountFinder, type FinderHarness } from '../support/finder.js';
import { until } from '../support/wait.js';
import { holdLazy, type Lazy } from '../support/lazy.js';

/**
 * Holds back the download of the finder's `field` module until `release()`, or makes it fail:
 * the order "search done, its code later" without depending on how fast the machine is.
 */
const hold = (finder: FinderHarness, field: Field, fail = false) =>
  holdLazy(finder.el, field, fail);

type Field = 'queryTools' | 'noMatch' | 'searchCode' | 'filterCode';

/**
 * Makes `field`'s download fail, does `act` (the step that needs it) and waits for the message
 * `selector` finds; `restore()` lets the next download through (the connection is back).
 */
async function failedDownload(
  finder: FinderHarness,
  field: Field,
  act: () => void,
  selector: string,
) {
  const lazy = (finder.el as unknown as Record<string, Lazy>)[field];
  const load = lazy.options.load;
  hold(finder, field, true)();
  act();
  const alert = await until(
    () => finder.el.shadowRoot!.querySelector<HTMLElement>(selector),
    'the message',
  );
  return { alert, restore: () => (lazy.options.load = load) };
}

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

/**
 * Searches for 法律 while the code it needs is held back (`release` lets it through): the list
 * stays as it is until the code arrives, then shows the one legal service.
 */
async function searchWithLateCode(finder: FinderHarness, release: () => void): Promise<void> {
  searchFor(finder, '法律');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(finder.count(), 'the update with the query waits for it').to.equal('找到 5 个服务');
  release();
  await until(() => finder.count() === '找到 1 个服务', 'the result of the search');
  expect(finder.ids()).to.deep.equal(['s-2']);
}

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

describe('service-finder: the search code arrives with the first query', () => {
  it('downloads no search code for the list without a query', async () => {
    const finder = await mountFinder();
    expect(finder.count()).to.equal('找到 5 个服务');
    const search = (finder.el as unknown as Record<string, { state: unknown }>).searchCode;
    expect(search.state, 'not asked for').to.equal(undefined);
  });

  it('gives the results of a query typed before the search code arrived, once it does', async () => {
    const finder = await mountFinder();
    await searchWithLateCode(finder, hold(finder, 'searchCode'));
    expect(root(finder).querySelector('[role="alert"]')).to.equal(null);
  });

  it('lists every service with a message and a retry when the search code cannot be downloaded', async () => {
    const finder = await mountFinder({ lang: 'en' });
    const { alert, restore } = await failedDownload(
      finder,
      'searchCode',
      () => searchFor(finder, '法律'),
      '.status.error[role="alert"]',
    );
    expect(alert.textContent).to.contain('The search could not be loaded');
    expect(finder.count()).to.equal('5 services found');
    expect(finder.ids()).to.have.length(5);
    await expect(finder.el).to.be.accessible();
    // The connection is back: "Try again" runs the search that is in the box.
    restore();
    alert.querySelector('button')!.click();
    await until(() => finder.count() === '1 service found', 'the result of the search');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(root(finder).querySelector('.status.error')).to.equal(null);
  });

  it('loads the search code when the search box gets focus, before anything is typed', async () => {
    const finder = await mountFinder();
    const search = (finder.el as unknown as Record<string, { state: unknown }>).searchCode;
    // A real click: `focus()` fires no focus event in a page that is not the focused one (the
    // test runner runs several side by side).
    const box = finder.searchBox();
    box.scrollIntoView({ block: 'center' });
    const r = box.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
    });
    await until(() => typeof search.state === 'object', 'the search code');
    expect(finder.count()).to.equal('找到 5 个服务');
  });
});

describe('service-finder: the model (search, filters, orders) arrives after the first results', () => {
  type Model = Lazy & { state: unknown };
  /** The model's code, a core LazyModule held by the finder's list controller. */
  const modelCode = (finder: FinderHarness) =>
    (finder.el as unknown as { list: { code: Model } }).list.code;
  const holdModel = (finder: FinderHarness, fail = false) =>
    holdLazy((finder.el as unknown as { list: HTMLElement }).list, 'code', fail);

  it("shows the first results without the model's code", async () => {
    const finder = await mountFinder();
    expect(finder.count()).to.equal('找到 5 个服务');
    expect(finder.ids()).to.deep.equal(['s-1', 's-2', 's-3', 's-4', 's-5']);
    expect(modelCode(finder).state, 'not asked for').to.equal(undefined);
  });

  it("gives the results of a query typed before the model's code arrived, once it does", async () => {
    const finder = await mountFinder();
    await searchWithLateCode(finder, holdModel(finder));
  });

  it("lists every service with a message and a retry when the model's code cannot be downloaded", async () => {
    const finder = await mountFinder({ lang: 'en' });
    const lazy = modelCode(finder);
    const load = lazy.options.load;
    holdModel(finder, true)();
    searchFor(finder, '法律');
    const alert = await until(
      () => root(finder).querySelector<HTMLElement>('.status.error[role="alert"]'),
      'the message',
    );
    expect(alert.textContent).to.contain('The search could not be loaded');
    expect(finder.count()).to.equal('5 services found');
    expect(finder.ids()).to.have.length(5);
    await expect(finder.el).to.be.accessible();
    // The connection is back: "Try again" runs the search that is in the box.
    lazy.options.load = load;
    alert.querySelector('button')!.click();
    await until(() => finder.count() === '1 service found', 'the result of the search');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(root(finder).querySelector('.status.error')).to.equal(null);
  });
});

describe('service-finder: the filter controls arrive when the panel opens', () => {
  const filterCode = (finder: FinderHarness) =>
    (finder.el as unknown as Record<string, Lazy & { state: unknown }>).filterCode;
  const openPanel = (finder: FinderHarness) =>
    finder.el.shadowRoot!.querySelector<HTMLElement>('[part="filters"] > summary')!.click();

  it('shows the panel closed without downloading its controls', async () => {
    const finder = await mountFinder();
    expect(finder.filtersSummary()).to.equal('筛选');
    expect(filterCode(finder).state, 'not asked for').to.equal(undefined);
    expect(root(finder).querySelector('.filter-grid')).to.equal(null);
  });

  it('shows the controls once their code arrives, and they filter', async () => {
    const finder = await mountFinder();
    const release = hold(finder, 'filterCode');
    openPanel(finder);
    await until(() => finder.filters()!.open, 'the panel open');
    expect(root(finder).querySelector('.filter-grid'), 'its code is held back').to.equal(null);
    release();
    await until(() => root(finder).querySelector('.filter-grid'), 'the controls');
    await finder.filter('只看免费服务', true);
    expect(finder.ids()).to.have.members(['s-1', 's-2']);
    expect(finder.filtersSummary()).to.equal('筛选（已选 1 个）');
  });

  it('keeps the list and says so in the panel when the controls cannot be downloaded', async () => {
    const finder = await mountFinder({ lang: 'en' });
    const { alert, restore } = await failedDownload(
      finder,
      'filterCode',
      () => openPanel(finder),
      '[part="filters"] [role="alert"]',
    );
    expect(alert.textContent).to.contain('Could not connect');
    expect(finder.count()).to.equal('5 services found');
    await expect(finder.el).to.be.accessible();
    restore();
    alert.querySelector('button')!.click();
    await until(() => root(finder).querySelector('.filter-grid'), 'the controls');
    expect(root(finder).querySelector('[part="filters"] [role="alert"]')).to.equal(null);
  });
});

describe('service-finder: the distance code arrives with the first position', () => {
  type Locating = { geo: Lazy & { state: unknown } };
  const locating = (finder: FinderHarness) =>
    (finder.el as unknown as { locating: Locating }).locating;
  /** Holds the distance code (`geo.ts`, held by the finder's locate controller). */
  const holdGeo = (finder: FinderHarness, fail = false) =>
    holdLazy(locating(finder) as unknown as HTMLElement, 'geo', fail);
  const distances = (finder: FinderHarness) => finder.ids().map((id) => finder.card(id).distance);

  it('downloads no distance code for a list without a position', async () => {
    const finder = await mountFinder();
    expect(finder.count()).to.equal('找到 5 个服务');
    expect(locating(finder).geo.state, 'not asked for').to.equal(undefined);
  });

  it('keeps the list shown while the distance code travels, then sorts by distance', async () => {
    const finder = await mountFinder();
    const release = holdGeo(finder);
    finder.el.origin = '23.3,113.5';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(finder.count()).to.equal('找到 5 个服务');
    expect(distances(finder)).to.deep.equal(Array(5).fill(null));
    release();
    await until(() => finder.card(finder.ids()[0]).distance === '距离 0米', 'the nearest first');
    expect(finder.sort()).to.equal('距离（由近到远）');
    await expect(finder.el).to.be.accessible();
  });

  it('keeps every service listed when the distance code cannot be downloaded', async () => {
    const finder = await mountFinder();
    const before = finder.ids();
    const release = holdGeo(finder, true);
    finder.el.origin = '23.3,113.5';
    release();
    await until(() => locating(finder).geo.state === 'failed', 'the failed download');
    await finder.settled();
    expect(finder.ids()).to.deep.equal(before);
    expect(distances(finder)).to.deep.equal(Array(5).fill(null));
    await expect(finder.el).to.be.accessible();
  });

  it('"use my location" says the position is unavailable when the distance code cannot be downloaded', async () => {
    const geolocation = navigator.geolocation;
    Object.defineProperty(geolocation, 'getCurrentPosition', {
      value: ((ok) =>
        ok({
          coords: { latitude: 23.3, longitude: 113.5 },
        } as GeolocationPosition)) as Geolocation['getCurrentPosition'],
      configurable: true,
      writable: true,
    });
    try {
      const finder = await mountFinder({ lang: 'en' });
      const before = finder.ids();
      holdGeo(finder, true)();
      await finder.locate();
      expect(finder.geoMessage().textContent).to.contain(
        'Your location is not available right now',
      );
      expect(finder.ids()).to.deep.equal(before);
      expect(distances(finder)).to.deep.equal(Array(5).fill(null));
    } finally {
      delete (geolocation as { getCurrentPosition?: unknown }).getCurrentPosition;
    }
  });
});
