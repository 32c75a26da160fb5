import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { toIsoDate } from '../../../src/core/fields.js';
import type { Service } from '../../../src/core/models.js';
import { hsdsPagination, readHsds } from '../../../src/core/readers/hsds.js';
import { MAX_DESCRIPTION } from '../../../src/core/readers/directory-values.js';
import { byId, expectKind, fixture, nothingRead } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';
import { hsdsService } from '../../support/generated-data.js';

const hsds = (name: string) => fixture.json(`hsds/${name}`);

describe('readHsds: a page of generated services', () => {
  // Its speed (10,000 services) is measured in bench/readers.bench.ts, not here.
  it('reads 100 nested services, skipping the inactive ones', () => {
    const doc = {
      total_items: 100,
      total_pages: 1,
      page_number: 1,
      contents: Array.from({ length: 100 }, (_, i) => hsdsService(i)),
    };
    const result = readHsds(doc, { baseUrl: 'https://example.org/' });
    expect(result.items).to.have.length(98);
    expect(result.skipped).to.equal(2);
    expect(result.items[1].schedules).to.have.length(5);
    expect(result.items[1].scheduleText).to.equal('每月第一个周六上午');
  });
});

describe('readHsds: a full service (/services/{id})', () => {
  let service: Service;
  let warnings: string[];

  before(async () => {
    const result = readHsds(await hsds('service-full.json'));
    expect(result.items).to.have.length(1);
    expect(result.skipped).to.equal(0);
    service = result.items[0];
    warnings = result.warnings;
  });

  it('keeps id, name, organization and the update time', () => {
    expect(service.id).to.equal('6f1c2b9e-0a4d-4b7e-9c3a-1d2e3f4a5b60');
    expect(service.name).to.equal('长者日间照料');
    expect(service.organization).to.equal('示例社工站');
    expect(service.updated).to.equal('2026-02-10T09:30:45Z');
    expect(warnings).to.deep.equal([]);
  });

  it('turns the plain-text description into escaped HTML with line breaks', () => {
    expect(service.description).to.equal(
      '为社区长者提供日间照料、助餐和康乐活动。<br>需要提前预约 &lt;名额有限&gt; &amp; 先到先得。',
    );
  });

  it('reads phones with description as label, extension kept, quotes removed', () => {
    expect(service.phones).to.deep.equal([
      { number: '020-00001234', label: '服务热线 (ext. 100)' },
      { number: '020-00001235', label: 'fax' },
    ]);
  });

  it('structures weekly schedules by day (times without seconds or zone)', () => {
    const week = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:30' }));
    expect(service.schedules).to.deep.equal([...week, { day: 6, opens: '09:00', closes: '12:00' }]);
    expect(service.scheduleText).to.equal(undefined);
  });

  it('reads the physical address (not the postal one) as one Chinese address line, with coordinates', () => {
    expect(service.locations).to.deep.equal([
      {
        name: '示例社工站',
        address: '广东省广州市某某区某某路 1 号二楼',
        lat: 23.1291,
        lng: 113.2644,
      },
    ]);
  });

  it('maps taxonomy terms to categories with parents, once per id', () => {
    expect(service.categories).to.deep.equal([
      { id: 'term-elder-day', name: '日间照料', parent: 'term-elder' },
      { id: 'term-elder', name: '长者服务' },
    ]);
  });

  it('reads languages (name, else code), areas, ages, eligibility, e-mail and url', () => {
    expect(service.languages).to.deep.equal(['普通话', 'yue']);
    expect(service.areas).to.deep.equal(['某某街道', '某某新村']);
    expect(service.ageMin).to.equal(60);
    expect(service.ageMax).to.equal(120);
    expect(service.eligibility).to.equal('60 岁及以上、居住在某某街道的长者');
    expect(service.email).to.equal('daycare@example.org');
    expect(service.url).to.equal('https://example.org/services/day-care');
  });

  it('prefers fees_description and marks the service free when a cost option is 0', () => {
    expect(service.fees).to.equal('本街道户籍长者免费，其他长者每日 20 元。');
    expect(service.free).to.equal(true);
  });

  it('reads the published HSDS 3.0 example shape too (JSON text input)', () => {
    const text = JSON.stringify({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      status: 'active',
      phones: [{ id: 'p', number: '"+44 1234 234567"', extension: 100, type: 'voice' }],
      cost_options: [
        {
          id: 'c',
          option: 'Under 18s',
          currency: 'gbp',
          amount: 35,
          amount_description: 'per hour',
        },
      ],
      service_at_locations: [
        {
          id: 's',
          location: {
            id: 'l',
            name: 'Civic Center',
            latitude: 100,
            longitude: 101,
            addresses: [
              {
                id: 'a',
                attention: 'A. Persona',
                address_1: '1-30 Main Street',
                address_2: 'MyVillage',
                city: 'MyCity',
                region: 'MyRegion',
                state_province: 'MyState',
                postal_code: 'ABC 1234',
                country: 'US',
                address_type: 'postal',
              },
            ],
          },
        },
      ],
    });
    const { items, warnings } = readHsds(text);
    expect(items[0].phones).to.deep.equal([
      { number: '+44 1234 234567', label: 'voice (ext. 100)' },
    ]);
    expect(items[0].fees).to.equal('Under 18s: 35 GBP per hour');
    expect(items[0].free).to.equal(undefined);
    expect(items[0].locations).to.deep.equal([
      {
        name: 'Civic Center',
        address: '1-30 Main Street, MyVillage, MyCity, MyRegion, MyState ABC 1234, US',
      },
    ]);
    expect(warnings[0]).to.match(/coordinates out of range \(100, 101\)/);
  });
});

describe('readHsds: a paginated /services page', () => {
  let result: ReturnType<typeof readHsds>;

  before(async () => {
    result = readHsds(await hsds('service-list.json'), { baseUrl: 'https://example.org/api/' });
  });

  it('keeps valid services in order and counts inactive, defunct, nameless, duplicate and non-object records', () => {
    expect(result.items.map((s) => s.id)).to.deep.equal(['svc-1', 'svc-5', 'svc-6', 'svc-7']);
    expect(result.skipped).to.equal(5);
  });

  it('gives a short reason per skipped record, at most five warnings in all', () => {
    expect(result.warnings).to.have.length(5);
    expect(result.warnings[0]).to.match(/svc-2.*inactive/);
    expect(result.warnings[1]).to.match(/svc-3.*defunct/);
    expect(result.warnings[2]).to.match(/svc-4.*no name/);
    expect(result.warnings[3]).to.match(/svc-1.*duplicate/);
    expect(result.warnings[4]).to.match(/svc-5.*coordinates out of range/);
  });

  it('keeps the first of two services with the same id', () => {
    expect(byId(result.items, 'svc-1').name).to.equal('青少年课后托管');
  });

  it('resolves relative urls against the document, reads numeric strings and "free of charge"', () => {
    const svc = byId(result.items, 'svc-1');
    expect(svc.url).to.equal('https://example.org/services/svc-1');
    expect(svc.ageMin).to.equal(6);
    expect(svc.ageMax).to.equal(14);
    expect(svc.free).to.equal(true);
    expect(svc.organization).to.equal('示例社工站');
    expect(svc.updated).to.equal('2026-03-01T08:00:00Z');
  });

  it('drops unsafe urls, invalid e-mails and ages, out-of-range and 0,0 coordinates, virtual locations', () => {
    const svc = byId(result.items, 'svc-5');
    expect(svc.url).to.equal(undefined);
    expect(svc.email).to.equal(undefined);
    expect(svc.ageMin).to.equal(undefined);
    expect(svc.ageMax).to.equal(undefined);
    expect(svc.locations).to.deep.equal([{ name: '坐标错误的地点' }, { name: '零点坐标' }]);
  });

  it('structures odd-but-weekly schedules and keeps the rest as readable text', () => {
    const svc = byId(result.items, 'svc-6');
    expect(svc.name).to.equal('家庭综合服务');
    expect(svc.schedules).to.deep.equal([
      { day: 4, opens: '09:00', closes: '17:30' },
      { day: 7, opens: '10:00', closes: '11:00' },
    ]);
    expect(svc.scheduleText).to.equal('MONTHLY 2MO 10:00–12:00\n隔周周三下午\n日期有误\n时间无效');
  });

  it('summarizes cost options when there is no fees_description, else falls back to the old fees field', () => {
    expect(byId(result.items, 'svc-6').fees).to.equal('每次: 15 CNY');
    expect(byId(result.items, 'svc-6').free).to.equal(undefined);
    expect(byId(result.items, 'svc-7').fees).to.equal('按次收费');
    expect(byId(result.items, 'svc-7').phones).to.deep.equal([
      { number: '020-00007777', label: 'text' },
    ]);
  });

  it('reports the page position for the loader', async () => {
    expect(hsdsPagination(await hsds('service-list.json'))).to.deep.equal({
      page: 1,
      totalPages: 3,
    });
    expect(hsdsPagination(await hsds('empty-page.json'))).to.deep.equal({
      page: 1,
      totalPages: 0,
    });
    expect(hsdsPagination({ contents: [], total_pages: '4', page_number: '2' })).to.deep.equal({
      page: 2,
      totalPages: 4,
    });
    expect(hsdsPagination(await hsds('service-full.json'))).to.equal(undefined);
    expect(hsdsPagination({ contents: [], total_pages: 2.5 })).to.equal(undefined);
    expect(hsdsPagination('{"contents":[]}')).to.equal(undefined);
    expect(hsdsPagination(null)).to.equal(undefined);
  });

  it('reads an empty page as no services', async () => {
    expect(readHsds(await hsds('empty-page.json'))).to.deep.equal(nothingRead);
  });
});

describe('readHsds: /service_at_locations and /organizations', () => {
  it('merges one service offered at several locations and takes the site phones and hours', async () => {
    const { items, skipped, warnings } = readHsds(await hsds('service-at-location-list.json'));
    expect(items).to.have.length(1);
    const meal = items[0];
    expect(meal.id).to.equal('svc-meal');
    expect(meal.organization).to.equal('示例长者服务中心');
    expect(meal.description).to.equal('午餐配送');
    expect(meal.locations).to.deep.equal([
      { name: '某某街道东站点', address: '广东省广州市某某区东路 8 号', lat: 23.1, lng: 113.3 },
      { name: '某某街道西站点', lat: 23.11, lng: 113.2 },
    ]);
    expect(meal.phones).to.deep.equal([{ number: '020-00002001', label: '东站点前台' }]);
    expect(meal.schedules).to.deep.equal([
      { day: 1, opens: '08:30', closes: '12:00' },
      { day: 3, opens: '08:30', closes: '12:00' },
    ]);
    expect(skipped).to.equal(1);
    expect(warnings).to.deep.equal(['service "svc-old": status "defunct"']);
  });

  it('reads services nested in organizations, with the organization as provider and contact fallback', async () => {
    const { items, skipped } = readHsds(await hsds('organization-list.json'));
    expect(items.map((s) => s.id)).to.deep.equal(['svc-a1', 'svc-a2']);
    expect(skipped).to.equal(0);
    const [visit, training] = items;
    expect(visit.organization).to.equal('示例社工站');
    expect(visit.description).to.equal('上门探访独居长者');
    expect(visit.phones).to.deep.equal([{ number: '020-00003000', label: '总机' }]);
    expect(visit.email).to.equal('station@example.org');
    expect(training.phones).to.deep.equal([{ number: '020-00003001' }]);
    expect(training.email).to.equal('volunteer@example.org');
  });

  it('reads a single organization (/organizations/{id}) with its services', async () => {
    const { items } = readHsds(await hsds('organization-single.json'));
    const lists = ['categories', 'languages', 'phones', 'locations', 'schedules', 'areas'];
    const empty = Object.fromEntries(lists.map((list) => [list, []]));
    expect(items).to.deep.equal([
      { id: 'svc-c1', name: '生涯规划工作坊', organization: '示例青年空间', ...empty },
    ]);
  });

  it('accepts a bare array of services (older HSDA servers)', () => {
    const { items } = readHsds([
      { id: 'a', name: '服务甲', status: 'active' },
      { name: '服务乙', phones: [] },
    ]);
    expect(items.map((s) => s.name)).to.deep.equal(['服务甲', '服务乙']);
  });
});

describe('readHsds: bad input', () => {
  it('derives a stable id for a service without one', () => {
    const doc = {
      contents: [
        { name: '无编号服务', organization: { name: '示例社工站' } },
        { name: '另一个无编号服务', organization: { name: '示例社工站' } },
      ],
    };
    const first = readHsds(doc).items;
    const second = readHsds(structuredClone(doc)).items;
    expect(first[0].id).to.be.a('string').and.not.equal('');
    expect(first.map((s) => s.id)).to.deep.equal(second.map((s) => s.id));
    expect(first[0].id).to.not.equal(first[1].id);
  });

  it('keeps plausible e-mail addresses only (mailto: removed)', () => {
    const emails = [
      'mailto:help@example.org',
      'a@b',
      'a b@example.org',
      'x@@example.org',
      'x@example.',
      '@example.org',
    ];
    const { items } = readHsds({
      contents: emails.map((email, i) => ({ id: `e${i}`, name: '服务', email })),
    });
    expect(items.map((s) => s.email)).to.deep.equal([
      'help@example.org',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('skips a service with a blank name', () => {
    const { items, skipped, warnings } = readHsds({
      contents: [{ id: 'x', name: '   ', status: 'active' }],
    });
    expect(items).to.deep.equal([]);
    expect(skipped).to.equal(1);
    expect(warnings).to.deep.equal(['service "x": no name']);
  });

  it('cuts a huge description, escapes it, and says so', () => {
    const huge = '<script>'.repeat(10) + '长'.repeat(MAX_DESCRIPTION * 5);
    const { items, warnings } = readHsds({
      contents: [{ id: 'big', name: '大段说明', description: huge }],
    });
    const description = items[0].description ?? '';
    expect(description.startsWith('&lt;script&gt;')).to.equal(true);
    expect(description).to.not.contain('<script');
    expect(description.endsWith('长…')).to.equal(true);
    expect(description.length).to.be.below(MAX_DESCRIPTION + 200);
    expect(warnings).to.deep.equal([
      `service "big": description cut to ${MAX_DESCRIPTION} characters`,
    ]);
  });

  it('throws format for documents that are not HSDS', async () => {
    const feed = await hsds('not-hsds.json');
    const rss = await fixture.text('hsds/not-hsds.rss');
    for (const doc of [
      undefined,
      null,
      42,
      { error: 'not found' },
      [{ title: '新闻' }],
      feed,
      rss,
    ]) {
      expectKind(() => readHsds(doc), 'format', JSON.stringify(doc));
    }
  });

  it('throws parse for truncated JSON text', async () => {
    const text = await fixture.text('hsds/service-list.json');
    expectKind(() => readHsds(text.slice(0, text.length / 2)), 'parse');
  });

  it('never throws anything but DandelionError for arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(small.json(), (value) =>
        onlyDandelionErrors(
          ...[
            value,
            { contents: [value] },
            { contents: value },
            [value],
            JSON.stringify(value),
          ].map((input) => () => expect(readHsds(input).items).to.be.an('array')),
        ),
      ),
    );
  });

  it('never throws for arbitrary values in every service field (property)', () => {
    const anything = fc.oneof(small.json(), fc.constant(undefined));
    const record = fc.record(
      {
        id: anything,
        name: fc.oneof(fc.string({ maxLength: 40 }), anything),
        status: fc.oneof(fc.constantFrom('active', 'inactive', 'defunct'), anything),
        phones: anything,
        schedules: fc.oneof(
          fc.array(
            fc.record({
              byday: fc.oneof(fc.string({ maxLength: 20 }), anything),
              freq: anything,
              wkst: anything,
              opens_at: fc.oneof(fc.string({ maxLength: 20 }), anything),
              closes_at: anything,
              interval: anything,
            }),
            { maxLength: 4 },
          ),
          anything,
        ),
        service_at_locations: fc.oneof(
          fc.array(
            fc.record({
              location: fc.record({ latitude: anything, longitude: anything, addresses: anything }),
            }),
            { maxLength: 4 },
          ),
          anything,
        ),
        attributes: anything,
        cost_options: anything,
        languages: anything,
        service_areas: anything,
        organization: anything,
        minimum_age: anything,
        url: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (contents) => {
        const result = readHsds({ total_pages: 1, contents });
        expect(result.items.length + result.skipped).to.be.at.most(contents.length);
        for (const s of result.items) {
          expect(s.name).to.be.a('string').and.not.equal('');
          for (const l of s.locations) {
            if (l.lat !== undefined) expect(Math.abs(l.lat)).to.be.at.most(90);
            if (l.lng !== undefined) expect(Math.abs(l.lng)).to.be.at.most(180);
          }
        }
      }),
    );
  });
});

describe('readHsds: update times (property)', () => {
  it('reads last_modified exactly as toIsoDate does, fast path or not', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(
        fc.integer({ min: 1990, max: 2099 }),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.constantFrom('', '.1', '.123', '.123456'),
        fc.constantFrom('Z', 'z', '+08:00', '-05:30', '+0800', ''),
        fc.constantFrom('T', ' '),
      )
      .map(
        ([y, mo, d, h, mi, s, frac, zone, sep]) =>
          `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}${zone}`,
      );
    fc.assert(
      fc.property(stamp, (last_modified) => {
        const [service] = readHsds({ contents: [{ id: 'a', name: '服务', last_modified }] }).items;
        expect(service.updated).to.equal(toIsoDate(last_modified));
      }),
    );
  });
});

describe('readHsds: round trip (property)', () => {
  const text = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => s.trim().length > 0)
    .map((s) => s.trim());
  const phone = fc
    .array(fc.constantFrom(...'0123456789- +'), { minLength: 3, maxLength: 16 })
    .map((chars) => chars.join('').trim())
    .filter((s) => /\d/.test(s));

  it('keeps name, organization and phone number', () => {
    fc.assert(
      fc.property(fc.uuid(), text, text, phone, (id, name, organization, number) => {
        const doc = {
          total_items: 1,
          total_pages: 1,
          page_number: 1,
          contents: [
            {
              id,
              name,
              status: 'active',
              organization: { id: 'o', name: organization },
              phones: [{ id: 'p', number }],
            },
          ],
        };
        const [service] = readHsds(JSON.stringify(doc)).items;
        expect(service.id).to.equal(id);
        expect(service.name).to.equal(name);
        expect(service.organization).to.equal(organization);
        expect(service.phones).to.deep.equal([{ number }]);
      }),
    );
  });
});
