import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { service } from '../support/finder-data.js';
import { buildFacets } from '../../src/service-finder/facets.js';
import {
  filterFields,
  filterNames,
  languageKey,
  on,
  type FinderFilters,
} from '../../src/service-finder/finder-state.js';
import { activeFilterCount, emptyFilters } from '../../src/service-finder/filter-basics.js';
import { haversineKm, nearestKm, parseOrigin } from '../../src/service-finder/geo.js';
import { isOpenAt } from '../../src/service-finder/hours.js';
import { firstDayOfWeek, weekdayNames, weekOrder } from '../../src/service-finder/week-days.js';
import {
  readUrlState,
  withUrlState,
  type FinderUrlState,
} from '../../src/service-finder/url-state.js';

const compare = new Intl.Collator('zh-Hans-u-co-pinyin').compare;

describe('service-finder facets', () => {
  it('builds a category tree with counts that include children', () => {
    const facets = buildFacets(
      [
        service({ categories: [{ id: 'p', name: '心理支持' }] }),
        service({ categories: [{ id: 'c', name: '儿童心理', parent: 'p' }] }),
        service({
          categories: [
            { id: 'c', name: '儿童心理', parent: 'p' },
            { id: 'p', name: '心理支持' },
          ],
        }),
        service({ categories: [{ id: 'l', name: '法律援助' }] }),
      ],
      compare,
    );
    expect(facets.categories.map((c) => [c.name, c.depth, c.count])).to.deep.equal([
      ['法律援助', 0, 1],
      ['心理支持', 0, 3],
      ['儿童心理', 1, 2],
    ]);
    expect([...facets.categoryScopes.get('p')!]).to.have.members(['p', 'c']);
  });

  it('treats unknown parents as roots and survives cycles', () => {
    const facets = buildFacets(
      [
        service({
          categories: [
            { id: 'a', name: 'A', parent: 'b' },
            { id: 'b', name: 'B', parent: 'a' },
          ],
        }),
        service({ categories: [{ id: 'o', name: 'Orphan', parent: 'missing' }] }),
      ],
      compare,
    );
    expect(facets.categories.map((c) => c.name)).to.include.members(['A', 'B', 'Orphan']);
    expect(facets.categories.find((c) => c.name === 'Orphan')!.depth).to.equal(0);
  });

  it('groups languages by canonical tag and labels them in the UI language', () => {
    const names = new Intl.DisplayNames('zh-Hans', { type: 'language' });
    const facets = buildFacets(
      [service({ languages: ['en', 'EN', 'yue'] }), service({ languages: ['en', '普通话'] })],
      compare,
      names,
    );
    const en = facets.languages.find((l) => l.value === 'en')!;
    expect(en.count).to.equal(2);
    expect(en.label).to.equal('英语');
    expect(facets.languages.map((l) => l.label)).to.include('普通话');
    expect(languageKey('zh-hans')).to.equal('zh-hans');
  });

  it('says which filters have anything to filter', () => {
    const none = buildFacets([service({})], compare);
    expect([none.hasAges, none.hasFree, none.hasSchedules]).to.deep.equal([false, false, false]);
    const some = buildFacets(
      [
        service({
          ageMax: 6,
          free: true,
          schedules: [{ day: 1, opens: '09:00', closes: '17:00' }],
        }),
      ],
      compare,
    );
    expect([some.hasAges, some.hasFree, some.hasSchedules]).to.deep.equal([true, true, true]);
  });
});

describe('service-finder opening hours', () => {
  // 2026-11-23 is a Monday.
  const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, 22 + day, hh, mm);

  it('is open inside a slot and closed outside it, in local time', () => {
    const hours = [{ day: 1 as const, opens: '09:00', closes: '17:00' }];
    expect(isOpenAt(hours, at(1, 9))).to.equal(true);
    expect(isOpenAt(hours, at(1, 16, 59))).to.equal(true);
    expect(isOpenAt(hours, at(1, 17))).to.equal(false);
    expect(isOpenAt(hours, at(2, 10))).to.equal(false);
    expect(isOpenAt([], at(1, 10))).to.equal(false);
  });

  it('runs slots that close after midnight into the next day (Sunday into Monday too)', () => {
    const hours = [{ day: 7 as const, opens: '22:00', closes: '02:00' }];
    expect(isOpenAt(hours, at(7, 23))).to.equal(true);
    expect(isOpenAt(hours, at(8, 1))).to.equal(true);
    expect(isOpenAt(hours, at(8, 3))).to.equal(false);
  });

  it('starts the week on Monday in zh-Hans and on Sunday in en (US)', () => {
    expect(firstDayOfWeek('zh-Hans')).to.equal(1);
    expect(weekOrder('zh-Hans')[0]).to.equal(1);
    expect(weekOrder('en')[0]).to.equal(7);
    expect(weekdayNames('zh-Hans')[1]).to.equal('星期一');
    expect(weekdayNames('en')[7]).to.equal('Sunday');
  });
});

describe('service-finder distances', () => {
  it('computes great-circle distances (haversine)', () => {
    // One degree of latitude is about 111.2 km.
    expect(haversineKm({ lat: 23, lng: 113 }, { lat: 24, lng: 113 })).to.be.closeTo(111.2, 0.2);
    expect(haversineKm({ lat: 23, lng: 113 }, { lat: 23, lng: 113 })).to.equal(0);
  });

  it('uses the nearest valid location and ignores out-of-range ones', () => {
    const s = service({
      locations: [{ lat: 95, lng: 200 }, { lat: 23.01, lng: 113 }, { address: 'no coordinates' }],
    });
    expect(nearestKm(s, { lat: 23, lng: 113 })).to.be.closeTo(1.11, 0.01);
    expect(
      nearestKm(service({ locations: [{ lat: 95, lng: 200 }] }), { lat: 23, lng: 113 }),
    ).to.equal(undefined);
  });

  it('parses origin="lat,lng" and refuses out-of-range or malformed values', () => {
    expect(parseOrigin('23.13,113.26')).to.deep.equal({ lat: 23.13, lng: 113.26 });
    expect(parseOrigin(' 23.13 ， 113.26 ')).to.deep.equal({ lat: 23.13, lng: 113.26 });
    expect(parseOrigin('113.26,23.13')).to.equal(undefined);
    expect(parseOrigin('here')).to.equal(undefined);
    expect(parseOrigin('1,2,3')).to.equal(undefined);
  });
});

describe('service-finder filter state', () => {
  // The first view counts filters without their table (filter-basics.ts): both must agree.
  it('starts with every filter off, as the table declares it', () => {
    const off = Object.fromEntries(filterNames.map((name) => [name, filterFields[name].off]));
    expect(emptyFilters()).to.deep.equal(
      Object.fromEntries(Object.entries(off).filter(([, v]) => v !== undefined)),
    );
    expect(activeFilterCount(emptyFilters())).to.equal(0);
  });

  it('counts a filter as on exactly when the table says it is on', () => {
    for (const name of filterNames) {
      for (const text of [null, '', ' ', '0', '1', '5', 'x', '200', 'yes']) {
        const value = filterFields[name].parse(text);
        const filters = { ...emptyFilters(), [name]: value } as FinderFilters;
        expect(activeFilterCount(filters), `${name}=${String(value)}`).to.equal(
          on(name, filters) ? 1 : 0,
        );
      }
    }
  });
});

describe('service-finder URL state', () => {
  it('writes namespaced parameters and keeps the rest of the URL', () => {
    const href = withUrlState('https://example.org/page?tab=2#top', {
      query: '心理',
      filters: { category: 'cat-psy', age: 7, free: true, openNow: false },
      sort: 'name',
      id: 's-1',
    });
    const url = new URL(href);
    expect(url.searchParams.get('tab')).to.equal('2');
    expect(url.hash).to.equal('#top');
    expect(url.searchParams.get('sf-q')).to.equal('心理');
    expect(url.searchParams.get('sf-cat')).to.equal('cat-psy');
    expect(url.searchParams.get('sf-age')).to.equal('7');
    expect(url.searchParams.get('sf-free')).to.equal('1');
    expect(url.searchParams.has('sf-open')).to.equal(false);
    expect(url.searchParams.get('sf-id')).to.equal('s-1');
  });

  it('ignores bad values when reading', () => {
    const state = readUrlState('https://example.org/?sf-age=-3&sf-sort=evil&sf-free=yes');
    expect(state.filters.age).to.equal(undefined);
    expect(state.sort).to.equal(undefined);
    expect(state.filters.free).to.equal(false);
  });

  it('round-trips any state (property)', () => {
    const text = fc
      .string({ maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        fc.record({
          query: text,
          category: fc.option(text, { nil: undefined }),
          language: fc.option(text, { nil: undefined }),
          area: fc.option(text, { nil: undefined }),
          age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
          free: fc.boolean(),
          openNow: fc.boolean(),
          sort: fc.constantFrom(undefined, 'name', 'distance', 'updated', 'relevance'),
          id: fc.option(text, { nil: undefined }),
        }),
        (r) => {
          const state: FinderUrlState = {
            query: r.query,
            filters: {
              category: r.category,
              language: r.language,
              area: r.area,
              age: r.age,
              free: r.free,
              openNow: r.openNow,
            },
            sort: r.sort as FinderUrlState['sort'],
            id: r.id,
          };
          const back = readUrlState(withUrlState('https://example.org/x?keep=1', state));
          expect(back).to.deep.equal(state);
        },
      ),
    );
  });
});
