import '../support/setup.js';
/**
 * The calendar's DOM-free parts: the items summary, list paging, share-link lookup and the
 * memoised layout of what a view shows.
 */
import { expect } from '@open-wc/testing';
import type { CalendarEvent } from '../../src/core/models.js';
import { dayOf } from '../../src/core/time/day.js';
import { colourOf, inCategories, summarize } from '../../src/event-calendar/items-summary.js';
import { ListPaging } from '../../src/event-calendar/list-layout.js';
import { PlacementCache } from '../../src/event-calendar/placement.js';
import { Zone } from '../../src/core/time/zone.js';
import { CalendarFormats } from '../../src/event-calendar/formats.js';
import { findShared, ShareOpening } from '../../src/event-calendar/share-link.js';
import { ShownMemo } from '../../src/event-calendar/view-layout.js';
import type { EventPlaced } from '../../src/event-calendar/view-parts.js';

const event = (id: string, start: string, more: Partial<CalendarEvent> = {}): CalendarEvent =>
  ({ id, title: id, start, categories: [], ...more }) as CalendarEvent;

/** A one-day occurrence of `e` on `day`. */
const placedOn = (e: CalendarEvent, day: number): EventPlaced =>
  ({
    event: e,
    key: `${e.id}@${day}`,
    startDay: day,
    endDay: day,
    allDay: true,
    startMinute: 0,
    endMinute: 1440,
    pointInTime: false,
    endBeforeStart: false,
    colour: -1,
    occurrence: { event: e, start: e.start, occurrenceId: e.id, recurring: false },
  }) as unknown as EventPlaced;

describe('calendar items summary', () => {
  it('sorts categories for the UI language; a category keeps its colour in every language', () => {
    const names = ['亲子', '家长课堂', '自然教育', '长者', '志愿服务', '工作坊', '健康', '文体'];
    const items = names.map((c, i) => event(`e${i}`, '2026-11-18', { categories: [c] }));
    const zh = summarize(items, 'zh-Hans');
    const en = summarize([...items].reverse(), 'en');
    expect(zh.categories).to.have.length(8);
    expect(zh.categories).to.not.deep.equal([...names], 'sorted for the UI language');
    expect(new Set(zh.colours.values()).size, 'eight categories, eight colours').to.equal(8);
    for (const name of names) expect(en.colours.get(name), name).to.equal(zh.colours.get(name));
    expect(colourOf(zh, items[1])).to.equal(zh.colours.get('家长课堂'));
    expect(colourOf(zh, event('none', '2026-11-18'))).to.equal(-1);
  });

  it('knows whether anything recurs and the last day any event reaches', () => {
    const s = summarize(
      [
        event('a', '2026-11-18T10:00:00+08:00'),
        event('b', '2026-11-20', { end: '2026-12-02' }),
        event('c', '2026-11-01', { recurrence: { rrule: 'FREQ=WEEKLY' } }),
      ],
      'en',
    );
    expect(s.hasSeries).to.equal(true);
    expect(s.latestDay).to.equal(dayOf(2026, 12, 2));
    expect(summarize([event('a', '2026-11-18')], 'en').hasSeries).to.equal(false);
  });

  it('filters occurrences by any active category, all when none is active', () => {
    const a = placedOn(event('a', '2026-11-18', { categories: ['亲子'] }), 1);
    const b = placedOn(event('b', '2026-11-18', { categories: ['长者', '健康'] }), 1);
    const all = [a, b];
    expect(inCategories(all, new Set())).to.equal(all);
    expect(inCategories(all, new Set(['健康']))).to.deep.equal([b]);
    expect(inCategories(all, new Set(['亲子', '长者']))).to.deep.equal([a, b]);
  });
});

describe('calendar list paging', () => {
  it('shows a page at a time and looks further ahead only while something may be there', () => {
    const paging = new ListPaging(5);
    const first = dayOf(2026, 11, 16);
    expect(paging.limit).to.equal(5);
    const [, last] = paging.range(first, undefined);
    expect(last - first + 1).to.equal(92);
    const nothingLater = {
      categories: [],
      colours: new Map(),
      custom: [],
      hasSeries: false,
      latestDay: first,
    };
    expect(paging.canWiden(last, undefined, nothingLater)).to.equal(false);
    const later = { ...nothingLater, latestDay: first + 200 };
    expect(paging.canWiden(last, undefined, later)).to.equal(true);
    expect(paging.canWiden(last, last, later), 'max-date reached').to.equal(false);
    paging.widen();
    expect(paging.range(first, undefined)[1] - first + 1).to.equal(184);
    expect(paging.range(first, first + 100)[1], 'max-date ends the window').to.equal(first + 100);
    paging.more();
    expect(paging.limit).to.equal(10);
    paging.reset();
    expect(paging.limit).to.equal(5);
    expect(paging.range(first, undefined)[1] - first + 1).to.equal(92);
    for (let i = 0; i < 10; i++) paging.widen();
    expect(paging.canWiden(first + 5000, undefined, { ...later, hasSeries: true })).to.equal(false);
    paging.setPageSize(0);
    expect(paging.limit, 'a page size of 0 means the default').to.equal(20);
  });
});

describe('calendar share-link opening', () => {
  const e = event('reading', '2026-11-07');
  const placed = [placedOn(e, dayOf(2026, 11, 7)), placedOn(e, dayOf(2026, 11, 21))];

  it('finds the occurrence on the shared date, or the first without one', () => {
    expect(findShared(placed, { id: 'reading', date: '2026-11-21' })).to.equal(placed[1]);
    expect(findShared(placed, { id: 'reading' })).to.equal(placed[0]);
    expect(findShared(placed, { id: 'reading', date: '2026-11-22' })).to.equal(undefined);
    expect(findShared(placed, { id: 'other' })).to.equal(undefined);
  });

  it('reads the link once and opens its occurrence once', () => {
    const share = new ShareOpening();
    expect(share.check('https://example.org/#event=reading&date=2026-11-21')).to.equal(
      '2026-11-21',
    );
    expect(share.check('https://example.org/#event=reading&date=2026-11-21')).to.equal(undefined);
    expect(share.take(placed)).to.equal(placed[1]);
    expect(share.take(placed)).to.equal(undefined);
  });
});

describe('calendar list widening', () => {
  const first = dayOf(2026, 11, 16);
  const days = (paging: ListPaging) => paging.range(first, undefined)[1] - first + 1;

  it('skips the windows that would still fall short at the density found so far', () => {
    const paging = new ListPaging(100_000);
    paging.widen(900); // 900 in 92 days: even two years would hold far fewer than 100,000
    expect(days(paging)).to.equal(1827);
    const some = new ListPaging(40);
    some.widen(15); // 15 in 92 days: 184 days ≈ 30, 366 days ≈ 60 ≥ 40
    expect(days(some)).to.equal(366);
  });

  it('looks one window further when nothing was found yet or when asked without a count', () => {
    const paging = new ListPaging(100_000);
    paging.widen(0);
    expect(days(paging)).to.equal(184);
    paging.widen();
    expect(days(paging)).to.equal(366);
  });
});

describe('calendar placement memory', () => {
  const shanghai = Zone.get('Asia/Shanghai')!;
  const london = Zone.get('Europe/London')!;
  const e = event('talk', '2026-11-18T23:30:00+08:00', { end: '2026-11-19T01:00:00+08:00' });
  const occurrence = (ev: CalendarEvent) => ({
    event: ev,
    start: ev.start,
    end: ev.end,
    occurrenceId: ev.id,
    recurring: false,
  });

  it('places an occurrence seen before at once, as the same placement, in the same zone', () => {
    const cache = new PlacementCache();
    const a = cache.place(occurrence(e), shanghai, () => 2)!;
    expect(a).to.include({ startDay: dayOf(2026, 11, 18), endDay: dayOf(2026, 11, 19) });
    expect(
      cache.place(occurrence(e), shanghai, () => 2),
      'a new occurrence object',
    ).to.equal(a);
  });

  it('places it again in another zone, and gives it a changed colour', () => {
    const cache = new PlacementCache();
    const a = cache.place(occurrence(e), shanghai, () => 2)!;
    const inLondon = cache.place(occurrence(e), london, () => 2)!;
    expect(inLondon.startDay, 'the same evening in London').to.equal(dayOf(2026, 11, 18));
    expect(inLondon.startMinute).to.equal(15 * 60 + 30);
    const recoloured = cache.place(occurrence(e), london, () => 5)!;
    expect(recoloured.colour).to.equal(5);
    expect(recoloured.startMinute).to.equal(inLondon.startMinute);
    expect(a.colour, 'the old placement is left as it was').to.equal(2);
    const other = event('talk', '2026-11-20T10:00:00+08:00');
    expect(cache.place(occurrence(other), london, () => 5)!.startDay).to.equal(dayOf(2026, 11, 20));
  });
});

describe('calendar formats', () => {
  it('says an all-day span in words, the end without what it shares with the start', () => {
    const day = (y: number, m: number, d: number) => dayOf(y, m, d);
    for (const [locale, cases] of [
      [
        'zh-Hans',
        [
          [day(2026, 11, 9), day(2026, 11, 19), '2026年11月9日星期一至19日星期四'],
          [day(2026, 11, 30), day(2026, 12, 2), '2026年11月30日星期一至12月2日星期三'],
          [day(2026, 12, 31), day(2027, 1, 2), '2026年12月31日星期四至2027年1月2日星期六'],
        ],
      ],
      // Traditional Chinese writes a space before the weekday: the end keeps it.
      ['zh-Hant', [[day(2026, 11, 9), day(2026, 11, 19), '2026年11月9日 星期一至19日 星期四']]],
    ] as const) {
      const f = new CalendarFormats(locale, 'Asia/Shanghai');
      for (const [first, last, expected] of cases) {
        expect(f.fullDateRange(first, last), `${locale} ${expected}`).to.equal(expected);
      }
    }
    // English keeps ICU's own range.
    const en = new CalendarFormats('en', 'Asia/Shanghai');
    expect(en.fullDateRange(day(2026, 11, 9), day(2026, 11, 19))).to.match(
      /^Monday, November 9\s*[–-]\s*Thursday, November 19, 2026$/,
    );
  });
});

describe('calendar week titles', () => {
  it('says a week in words, the end without what it shares with the start', () => {
    const f = new CalendarFormats('zh-Hans', 'Asia/Shanghai');
    expect(f.rangeTitle(dayOf(2026, 11, 23), dayOf(2026, 11, 29))).to.equal('2026年11月23日至29日');
    expect(f.rangeTitle(dayOf(2026, 11, 30), dayOf(2026, 12, 6))).to.equal(
      '2026年11月30日至12月6日',
    );
    expect(f.rangeTitle(dayOf(2026, 12, 28), dayOf(2027, 1, 3))).to.equal(
      '2026年12月28日至2027年1月3日',
    );
    const en = new CalendarFormats('en', 'Asia/Shanghai');
    expect(en.rangeTitle(dayOf(2026, 11, 23), dayOf(2026, 11, 29))).to.match(
      /^November 23\s*[–-]\s*29, 2026$/,
    );
  });
});

describe('calendar formats memory', () => {
  it('gives the same text for a day, a range and a time the second time, in its own zone', () => {
    const day = dayOf(2026, 11, 25);
    const ms = Date.UTC(2026, 10, 25, 6, 30);
    const texts = (f: CalendarFormats) => [
      f.fullDate(day),
      f.fullDateRange(day, day + 2),
      f.time(ms),
      f.timeRange(ms, ms + 5_400_000),
      f.dateTimeRange(ms, ms + 5_400_000),
      f.dayHeading(day),
    ];
    const f = new CalendarFormats('zh-Hans', 'Asia/Shanghai');
    const first = texts(f);
    expect(first[0]).to.equal('2026年11月25日星期三');
    expect(first[1]).to.equal('2026年11月25日星期三至27日星期五');
    expect(first[2]).to.equal('14:30');
    expect(texts(f), 'the second time').to.deep.equal(first);
    expect(texts(new CalendarFormats('zh-Hans', 'Asia/Shanghai'))).to.deep.equal(first);
    const utc = new CalendarFormats('zh-Hans', 'UTC');
    expect(texts(utc)[2], 'another zone, its own texts').to.equal('6:30');
  });
});

describe('calendar shown-layout memo', () => {
  it('works the layout out again only when an input changed', () => {
    const memo = new ShownMemo();
    const first = dayOf(2026, 11, 16);
    const placed = [placedOn(event('a', '2026-11-18'), first + 2)];
    const none = new Set<string>();
    const one = memo.get('list', placed, none, [first, first + 91], 3);
    expect(memo.get('list', placed, none, [first, first + 91], 3)).to.equal(one);
    expect(one.layout.listItems).to.deep.equal(placed);
    expect(one.byKey.get(placed[0].key)).to.equal(placed[0]);
    const other = memo.get('list', [...placed], none, [first, first + 91], 3);
    expect(other).to.not.equal(one);
    expect(
      memo.get('month', [...placed], none, [first, first + 41], 3).layout.monthRows,
    ).to.have.length(6);
  });
});
