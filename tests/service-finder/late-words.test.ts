import '../support/setup.js';
// "Use my location" and the notice that records were skipped say things no first view says, so
// their words are not part of it: the words of each position state come with the location
// request's chunk (`geolocation.ts`), the notice with a chunk of its own (`skipped-view.ts`), each
// with the rest of the messages where the CDN build splits the translations (vite.config.ts
// `splitMessages`). These tests hold back or fail those downloads (the LazyModules,
// `messageParts`), so "the state came before its words" happens in that order on any machine. A
// language's rest, once loaded (or failed), stays for the page: each language is held once per
// file, here and in late-words-lost.test.ts. `npm run smoke:messages` checks the built files.
import { expect } from '@open-wc/testing';
import { holdLazy, type Lazy } from '../support/lazy.js';
import { requested } from '../support/fetch-log.js';
import {
  mountFinder,
  mountFinderLoading,
  records,
  stubGeolocation,
  type FinderHarness,
} from '../support/finder.js';
import { asked, frames, holdLater, restoreLater } from '../support/later-words.js';
import { until } from '../support/wait.js';

type Locating = { locator: Lazy & { state: unknown } };
const locating = (finder: FinderHarness) =>
  (finder.el as unknown as { locating: Locating }).locating;
const notice = (finder: FinderHarness) =>
  (finder.el as unknown as { skippedNotice: Lazy & { state: unknown } }).skippedNotice;
const message = (finder: FinderHarness) => finder.geoMessage().textContent?.trim();
const busy = (finder: FinderHarness) =>
  finder.el.shadowRoot!.querySelector('button.locate')!.getAttribute('aria-disabled');
/** The five test records and one without a name (skipped). */
const withSkipped = () => [...records(), { id: 'no-name' }];
const position = (ok: PositionCallback) =>
  ok({ coords: { latitude: 23.3, longitude: 113.5 } } as GeolocationPosition);

describe('service-finder: the words of locating and of skipped records come later', () => {
  let restoreGeolocation = () => {};
  afterEach(() => {
    restoreLater();
    restoreGeolocation();
  });

  it('a first view, with or without `origin`, downloads none of them', async () => {
    holdLater();
    const plain = await mountFinder();
    const sorted = await mountFinder({ origin: '23.3,113.5' });
    expect(sorted.sort()).to.equal('距离（由近到远）');
    expect(sorted.card(sorted.ids()[0]).distance).to.equal('距离 0米');
    expect(message(sorted)).to.equal('');
    expect(message(plain)).to.equal('');
    expect(plain.skipped()).to.equal(null);
    expect(asked, 'the rest of the messages').to.deep.equal([]);
    expect(locating(sorted).locator.state).to.equal(undefined);
    expect(requested('/service-finder/geolocation.'), 'the location request').to.equal(false);
    expect(requested('/service-finder/skipped-view.'), 'the notice').to.equal(false);
  });

  it('says nothing about the position until its words arrive, then sorts and says so', async () => {
    restoreGeolocation = stubGeolocation(position);
    const finder = await mountFinder();
    const release = holdLater();
    finder.startLocating();
    await until(() => asked.includes('zh-Hans'), 'the rest of the messages asked for');
    await frames();
    expect(busy(finder), 'asking').to.equal('true');
    expect(message(finder), 'no words before they arrive').to.equal('');
    release();
    await until(() => message(finder) === '已按离你的距离从近到远排列。', 'the position message');
    expect(finder.ids()[0]).to.equal('s-3');
    expect(busy(finder)).to.equal('false');
    await expect(finder.el).to.be.accessible();
  });

  it('says nothing while the location code travels, then what the browser answered', async () => {
    restoreGeolocation = stubGeolocation((_ok, fail) =>
      fail!({ code: 1, message: 'denied' } as GeolocationPositionError),
    );
    const finder = await mountFinder();
    const release = holdLazy(locating(finder) as unknown as HTMLElement, 'locator');
    finder.startLocating();
    await frames();
    expect(busy(finder), 'asking').to.equal('true');
    expect(message(finder), 'no words before they arrive').to.equal('');
    release();
    await until(() => message(finder)?.startsWith('没有获得位置权限'), 'the refusal explained');
    expect(finder.ids()).to.have.length(5);
  });

  it('says the connection failed when the location code cannot be downloaded; a click tries again', async () => {
    restoreGeolocation = stubGeolocation(position);
    const finder = await mountFinder({ lang: 'en' });
    const before = finder.ids();
    const locator = locating(finder).locator;
    const load = locator.options.load;
    holdLazy(locating(finder) as unknown as HTMLElement, 'locator', true)();
    await finder.locate();
    expect(message(finder)).to.equal(
      'Could not connect. Please check your internet connection and try again.',
    );
    expect(finder.geoMessage().classList.contains('problem')).to.equal(true);
    expect(finder.ids()).to.deep.equal(before);
    await expect(finder.el).to.be.accessible();
    locator.options.load = load;
    await finder.locate();
    expect(message(finder)).to.equal('Sorted by distance from where you are.');
    expect(finder.ids()[0]).to.equal('s-3');
  });

  it('still shows the skipped-records notice when the rest of the messages cannot be downloaded', async () => {
    holdLater(true)();
    const finder = await mountFinder({ lang: 'zh-Hant', data: withSkipped() });
    // In the split build the notice is then in English; the sources here carry every word.
    expect(await finder.skippedNotice()).to.be.oneOf([
      '資料中有 1 筆紀錄無法顯示（例如缺少名稱，或編號重複）。',
      '1 entry in the data could not be shown (for example, a missing name or a repeated id).',
    ]);
    expect(asked).to.deep.equal(['zh-Hant']);
    expect(finder.ids()).to.have.length(5);
  });

  it('shows the results at once and the skipped-records notice once its code arrives', async () => {
    const finder = await mountFinderLoading({ data: [] });
    await finder.settled();
    const release = holdLazy(finder.el, 'skippedNotice');
    finder.el.data = withSkipped();
    await until(() => finder.ids().length === 5, 'the results');
    expect(finder.count()).to.equal('找到 5 个服务');
    await frames();
    expect(finder.skipped(), 'no notice before its words').to.equal(null);
    release();
    expect(await finder.skippedNotice()).to.equal(
      '数据里有 1 条记录无法显示（比如缺少名称，或编号重复）。',
    );
    await expect(finder.el).to.be.accessible();
  });

  it('keeps the results, without the notice, when its code cannot be downloaded', async () => {
    const finder = await mountFinderLoading({ data: [] });
    await finder.settled();
    holdLazy(finder.el, 'skippedNotice', true)();
    finder.el.data = withSkipped();
    await until(() => notice(finder).state === 'failed', 'the failed download');
    await finder.settled();
    expect(finder.ids()).to.have.length(5);
    expect(finder.skipped()).to.equal(null);
    await expect(finder.el).to.be.accessible();
  });
});
