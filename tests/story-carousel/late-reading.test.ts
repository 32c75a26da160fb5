/**
 * Reading code that travels only with the sources that need it, arriving late or not at all:
 * the carousel stays busy, then shows the stories (sanitized), or says so and retries.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { lazyReading } from '../../src/core/read.js';
import { lazySanitizing, useSanitizerEngine } from '../../src/core/sanitize.js';
import { lazyFeedParts } from '../../src/core/readers/rss.js';
import { carouselIn, carouselTemplate } from '../support/carousel.js';
import { until } from '../support/wait.js';

type Loaders = Record<string, () => Promise<unknown>>;
const restores: (() => void)[] = [];
afterEach(() => restores.splice(0).forEach((restore) => restore()));

/**
 * Holds back the download of `loaders[part]` (a lazily loaded reading part) until `release()`;
 * with `fail`, its first download then fails as the browser's does (the error view counts that
 * as the network). Restored after the test.
 */
function holdPart<T extends object>(loaders: T, part: keyof T & string, fail = false) {
  const all = loaders as unknown as Loaders;
  const load = all[part];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let failed = false;
  all[part] = () =>
    released.then(() => {
      if (fail && !failed) {
        failed = true;
        throw new TypeError('Failed to fetch dynamically imported module (test)');
      }
      return load();
    });
  restores.push(() => (all[part] = load));
  return release;
}

/**
 * A carousel of `src` whose `part` download fails once: it says so (a network error, the error
 * view, no story shown), and its retry button brings `count` stories.
 */
async function failsThenRetries<T extends object>(
  loaders: T,
  part: keyof T & string,
  src: string,
  count: number,
) {
  const release = holdPart(loaders, part, true);
  const feed = await carouselIn(carouselTemplate({ lang: 'en', src }));
  release();
  expect((await feed.events.failed()).kind).to.equal('network');
  await until(() => feed.state() === 'error', 'the error view');
  expect(feed.slides()).to.have.length(0);
  await expect(feed.el).to.be.accessible();
  feed.retryButton.click();
  await feed.events.loaded();
  await until(() => feed.slides().length === count, 'the stories after retry');
  return feed;
}

/**
 * A carousel of `src` while `part` (a feed reading part) is held back: busy, then the stories
 * once it is there.
 */
async function busyUntilThere<T extends object>(loaders: T, part: keyof T & string, src: string) {
  const release = holdPart(loaders, part);
  const feed = await carouselIn(carouselTemplate({ lang: 'en', src }));
  const loaded = feed.events.loaded();
  await until(() => feed.el.getAttribute('aria-busy') === 'true', 'busy while reading');
  expect(feed.state()).to.equal('loading');
  release();
  await loaded;
  await feed.ready();
  return feed;
}

/** The typical RSS feed (5 stories, RFC 822 dates) shown; how often `part` was asked for. */
async function typicalFeedAsks<T extends object>(loaders: T, part: keyof T & string) {
  const all = loaders as unknown as Loaders;
  const load = all[part];
  let asked = 0;
  all[part] = () => (asked++, load());
  restores.push(() => (all[part] = load));
  const feed = await carouselIn(
    carouselTemplate({ lang: 'en', src: '/tests/fixtures/carousel/feed.xml' }),
  );
  await feed.events.loaded();
  await feed.ready();
  expect(feed.slides()).to.have.length(5);
  return { feed, asked };
}

/** A JSON Feed behind an anti-hijacking prefix: only the JSON document reader can read it. */
const xssiFeed = '/tests/fixtures/carousel/feed-xssi.json';

describe('story-carousel: the JSON document reader arrives late', () => {
  it('stays busy until the reader is there, then shows the stories, sanitized', async () => {
    const release = holdPart(lazyReading, 'jsonDocument');
    const feed = await carouselIn(carouselTemplate({ lang: 'en', src: xssiFeed }));
    expect(feed.state()).to.equal('loading');
    expect(feed.el.getAttribute('aria-busy')).to.equal('true');
    release();
    await feed.events.loaded();
    await feed.ready();
    expect(feed.titles()).to.deep.equal(['四点半课堂的新伙伴', '热线那头的耐心', '冬衣募集']);
    expect(feed.slide(0).summary!.textContent).to.contain('大学生志愿者');
    expect(feed.el.shadowRoot!.querySelector('script, [onclick], [href^="javascript"]')).to.equal(
      null,
    );
    expect(feed.slide(0).summary!.textContent).to.contain('报名');
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
    await expect(feed.el).to.be.accessible();
  });

  it('says the stories could not be loaded when its download fails, and retry shows them', async () => {
    const release = holdPart(lazyReading, 'jsonDocument', true);
    const feed = await carouselIn(carouselTemplate({ lang: 'en', src: xssiFeed }));
    release();
    const failure = await feed.events.failed();
    expect(failure.kind).to.equal('network');
    await until(() => feed.state() === 'error', 'the error view');
    await expect(feed.el).to.be.accessible();
    feed.retryButton.click();
    await feed.events.loaded();
    await until(() => feed.slides().length === 3, 'the stories after retry');
    expect(feed.state()).to.equal('content');
    expect(feed.el.shadowRoot!.querySelector('script, [onclick], [href^="javascript"]')).to.equal(
      null,
    );
  });
});

/** A carousel asked to read its feed as HSDS (services, not stories): a set-up error. */
async function misconfigured() {
  const feed = await carouselIn(carouselTemplate({ lang: 'en' }));
  feed.el.setAttribute('format', 'hsds');
  feed.el.src = '/tests/fixtures/carousel/feed.xml';
  return feed;
}

describe('story-carousel: the set-up error messages arrive late', () => {
  it('stays busy until they are there, then says the content cannot be shown', async () => {
    const release = holdPart(lazyReading, 'errors');
    const feed = await misconfigured();
    const failure = feed.events.failed();
    await feed.el.updateComplete;
    expect(feed.state()).to.equal('loading');
    release();
    expect((await failure).kind).to.equal('format');
    await until(() => feed.state() === 'error', 'the error view');
    expect(feed.message).to.equal(
      'This content cannot be shown here right now. Please come back later.',
    );
    await expect(feed.el).to.be.accessible();
  });

  it('offers a retry when their download fails, and then gives the real reason', async () => {
    const release = holdPart(lazyReading, 'errors', true);
    const feed = await misconfigured();
    release();
    expect((await feed.events.failed()).kind).to.equal('network');
    await until(() => feed.state() === 'error', 'the error view');
    const reason = feed.events.failed();
    feed.retryButton.click();
    expect((await reason).kind).to.equal('format');
    await until(
      () => feed.message.startsWith('This content cannot be shown'),
      'the set-up error message',
    );
    expect(feed.buttons().map((b) => b.textContent!.trim())).not.to.include('Try again');
  });
});

/**
 * The sanitizer for browsers without the Sanitizer API (WebKit): DOMPurify with the policy, a
 * chunk downloaded only there. Chromium has the API, so these tests ask for DOMPurify.
 */
describe('story-carousel: the DOMPurify sanitizer arrives late (browsers without the Sanitizer API)', () => {
  beforeEach(() => useSanitizerEngine('dompurify'));
  afterEach(() => useSanitizerEngine('auto'));

  /** The RSS feed with hostile markup, shown once the sanitizer is there. */
  const rss = '/tests/fixtures/carousel/feed.xml';
  const unsafe = 'script, [onerror], [onclick], iframe, [href^="javascript"]';
  /** No inline style reached a story's summary (geometry the widget sets itself is elsewhere). */
  const styled = (feed: Awaited<ReturnType<typeof carouselIn>>) =>
    feed.slides().filter((slide) => slide.summary?.querySelector('[style]'));

  it('stays busy, then shows the stories sanitized by it', async () => {
    const release = holdPart(lazySanitizing, 'dompurify');
    const feed = await carouselIn(carouselTemplate({ lang: 'en', src: rss }));
    expect(feed.state()).to.equal('loading');
    release();
    await feed.events.loaded();
    await feed.ready();
    expect(feed.slides()).to.have.length(5);
    expect(feed.slide(0).summary!.querySelector('strong')!.textContent).to.equal('不爱说话');
    expect(feed.el.shadowRoot!.querySelector(unsafe)).to.equal(null);
    expect(styled(feed)).to.have.length(0);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
  });

  it('says so when it cannot be downloaded, never showing unsanitized HTML, and retry brings the stories', async () => {
    const feed = await failsThenRetries(lazySanitizing, 'dompurify', rss, 5);
    expect(feed.el.shadowRoot!.querySelector(unsafe)).to.equal(null);
    expect(styled(feed)).to.have.length(0);
  });
});

/**
 * A feed that uses HTML entities XML does not define (`&nbsp;`) is not well-formed XML: the
 * recovery that reads it anyway is a chunk of its own, downloaded only for such a feed.
 */
describe('story-carousel: the recovery of feeds with HTML entities arrives late', () => {
  const entities = '/tests/fixtures/feed/html-entities.xml';
  const title = 'Caf\u00e9 开放 \u00a9 2026'; // (the harness reads titles with spaces collapsed)

  it('stays busy until it is there, then shows the story', async () => {
    const feed = await busyUntilThere(lazyFeedParts, 'entities', entities);
    expect(feed.titles()).to.deep.equal([title]);
    expect(feed.slide(0).summary!.querySelector('p')!.textContent).to.equal('ok');
  });

  it('says the stories could not be loaded when its download fails, and retry shows them', async () => {
    const feed = await failsThenRetries(lazyFeedParts, 'entities', entities, 1);
    expect(feed.titles()).to.deep.equal([title]);
  });

  it('is not downloaded for a well-formed feed', async () => {
    expect((await typicalFeedAsks(lazyFeedParts, 'entities')).asked).to.equal(0);
  });
});

/**
 * Dates that are not RFC 822 (RSS 1.0's `dc:date`, ISO `pubDate`…): the loose date reader is a
 * chunk of its own, downloaded only for a feed that has such a date.
 */
describe('story-carousel: the reader of dates that are not RFC 822 arrives late', () => {
  const rdf = '/tests/fixtures/feed/rss1.rdf';
  const dates = (feed: Awaited<ReturnType<typeof carouselIn>>) =>
    feed.slides().map((slide) => slide.time?.dateTime);

  it('stays busy until it is there, then shows the stories with their dates', async () => {
    const feed = await busyUntilThere(lazyFeedParts, 'looseDates', rdf);
    expect(feed.titles()).to.deep.equal(['议事会纪要', '亲子活动']);
    expect(dates(feed)).to.deep.equal(['2026-03-01T09:00:00+08:00', undefined]);
  });

  it('says the stories could not be loaded when its download fails, and retry shows them with their dates', async () => {
    const feed = await failsThenRetries(lazyFeedParts, 'looseDates', rdf, 2);
    expect(dates(feed)).to.deep.equal(['2026-03-01T09:00:00+08:00', undefined]);
  });

  it('is not downloaded for a feed with RFC 822 dates', async () => {
    const { feed, asked } = await typicalFeedAsks(lazyFeedParts, 'looseDates');
    expect(feed.slide(0).time?.dateTime).to.equal('2026-11-03T09:00:00+08:00');
    expect(asked).to.equal(0);
  });
});
