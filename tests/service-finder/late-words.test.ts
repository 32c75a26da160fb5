import '../support/setup.js';
// What "use my location" says after a click is said by no first view, so its words are not part
// of it: they come with the location request's chunk (`geolocation.ts`) and with the rest of the
// messages where the CDN build splits the translations (vite.config.ts `splitMessages`). These
// tests hold back or fail those downloads (the LazyModule, `messageParts`), so "the state came
// before its words" happens in that order on any machine. A language's rest, once loaded (or
// failed), stays for the page: each language is held once per file, here and in
// late-words-lost.test.ts. `npm run smoke:messages` checks the built files.
import { expect } from '@open-wc/testing';
import { holdLazy, type Lazy } from '../support/lazy.js';
import { requested } from '../support/fetch-log.js';
import { mountFinder, stubGeolocation, type FinderHarness } from '../support/finder.js';
import { asked, frames, holdLater, restoreLater } from '../support/later-words.js';
import { until } from '../support/wait.js';

type Locating = { locator: Lazy & { state: unknown } };
const locating = (finder: FinderHarness) =>
  (finder.el as unknown as { locating: Locating }).locating;
const message = (finder: FinderHarness) => finder.geoMessage().textContent?.trim();
const busy = (finder: FinderHarness) =>
  finder.el.shadowRoot!.querySelector('button.locate')!.getAttribute('aria-disabled');
const position = (ok: PositionCallback) =>
  ok({ coords: { latitude: 23.3, longitude: 113.5 } } as GeolocationPosition);

describe('service-finder: the words of locating come later', () => {
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
    expect(asked, 'the rest of the messages').to.deep.equal([]);
    expect(locating(sorted).locator.state).to.equal(undefined);
    expect(requested('/service-finder/geolocation.'), 'the location request').to.equal(false);
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
});
