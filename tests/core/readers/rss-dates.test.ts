/**
 * RSS dates are RFC 822 (`pubDate`) in most feeds: the reader's async path reads those itself and
 * downloads the loose date reader (`time/loose-date.ts`: ISO, `dc:date`, `2026年3月9日`…) only
 * for a feed with another date shape, with the same result as the synchronous `readRss`.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readRss } from '../../../src/core/readers/feed.js';
import { lazyFeedParts, readRssSource } from '../../../src/core/readers/rss.js';

type Loader = typeof lazyFeedParts.looseDates;
let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** Counts the loose date reader's downloads; `fail`: they fail as the browser's do. */
function watchLooseDates(fail = false) {
  const load: Loader = lazyFeedParts.looseDates;
  const calls = { count: 0 };
  lazyFeedParts.looseDates = () => {
    calls.count++;
    return fail
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'))
      : load();
  };
  restore = () => (lazyFeedParts.looseDates = load);
  return calls;
}

const rss = (items: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<link>https://example.org/</link>${items}</channel></rss>`;

const item = (title: string, dates: string) => `<item><title>${title}</title>${dates}</item>`;

describe('RSS dates: the loose date reader is downloaded only for dates that are not RFC 822', () => {
  const cases = [
    {
      name: 'reads RFC 822 dates (and items without a date) without it',
      items: [
        item('a', '<pubDate>Tue, 03 Nov 2026 09:00:00 +0800</pubDate>'),
        item('b', '<pubDate>01 Nov 2026 10:30 GMT</pubDate>'),
        item('c', ''),
      ],
      dates: ['2026-11-03T09:00:00+08:00', '2026-11-01T10:30:00Z', undefined],
      downloads: 0,
    },
    {
      name: 'downloads it for an ISO pubDate or a dc:date, and reads them as readRss does',
      items: [
        item('a', '<pubDate>Tue, 03 Nov 2026 09:00:00 +0800</pubDate>'),
        item('b', '<pubDate>2026-11-02T08:00:00+0800</pubDate>'),
        item('c', '<dc:date>2026年11月1日 14:30</dc:date>'),
        item('d', '<pubDate>下周一上午</pubDate><dc:date>2026-10-30</dc:date>'),
        item('e', '<pubDate>yesterday</pubDate>'),
      ],
      dates: [
        '2026-11-03T09:00:00+08:00',
        '2026-11-02T08:00:00+08:00',
        '2026-11-01T14:30:00',
        '2026-10-30',
        undefined,
      ],
      downloads: 1,
    },
  ];
  for (const { name, items, dates, downloads } of cases) {
    it(name, async () => {
      const calls = watchLooseDates();
      const text = rss(items.join(''));
      // Both paths of the reader: `format="rss"` (strict) and a sniffed feed.
      for (const strict of [true, false]) {
        const read = await readRssSource(text, strict);
        expect(read.items.map((s) => s.date)).to.deep.equal(dates);
        expect(read).to.deep.equal(readRss(text));
      }
      expect(calls.count).to.equal(downloads * 2);
    });
  }

  it('reads any mix of date shapes exactly as readRss does (property)', async () => {
    const dateText = fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
        .chain((d) =>
          fc.constantFrom(d.toUTCString(), d.toISOString(), d.toISOString().slice(0, 10)),
        ),
      fc.constantFrom('下周一上午', '2026/11/03', '2026年11月3日', 'Mon, 30 Feb 2026', ' '),
    );
    const dates = fc.record({ pubDate: dateText, dcDate: dateText }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.array(dates, { maxLength: 6 }), async (list) => {
        const text = rss(
          list
            .map(({ pubDate, dcDate }, i) =>
              item(
                `t${i}`,
                (pubDate === undefined ? '' : `<pubDate>${pubDate}</pubDate>`) +
                  (dcDate === undefined ? '' : `<dc:date>${dcDate}</dc:date>`),
              ),
            )
            .join(''),
        );
        expect(await readRssSource(text, false)).to.deep.equal(readRss(text));
      }),
    );
  });

  it('rejects as the failed download does (no story loses its date silently), and reads on the next try', async () => {
    const text = rss(item('a', '<dc:date>2026-03-01T09:00:00+08:00</dc:date>'));
    watchLooseDates(true);
    const error = await readRssSource(text, false).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TypeError);
    restore?.();
    const { items } = await readRssSource(text, false);
    expect(items[0].date).to.equal('2026-03-01T09:00:00+08:00');
  });
});
