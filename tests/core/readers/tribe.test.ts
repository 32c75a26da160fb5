import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readTribe, tribeNextPage } from '../../../src/core/readers/tribe.js';
import { byId, expectKind, fixture, loadBefore } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';

const load = () => fixture.json<Record<string, unknown>>('tribe/events.json');

describe('readTribe', () => {
  const result = loadBefore(async () =>
    readTribe(await load(), {
      baseUrl: 'https://events.example.org/wp-json/tribe/events/v1/events',
    }),
  );

  it('reads a timed event in its zone as an offset ISO time', () => {
    expect(byId(result().items, '1201')).to.include({
      start: '2026-11-28T09:30:00+08:00',
      end: '2026-11-28T11:30:00+08:00',
      timeZone: 'Asia/Shanghai',
      allDay: false,
    });
  });

  it('decodes HTML entities in titles and category names, keeps the description HTML', () => {
    const event = byId(result().items, '1201');
    expect(event.title).to.equal('长者健康讲座 – 预防跌倒 & 居家安全');
    expect(event.categories).to.deep.equal(['长者服务', '健康 & 安全']);
    expect(event.description).to.equal(
      '<p>欢迎参加！请带上<strong>身份证</strong>。</p>\n<p>咨询电话：020-00001234</p>',
    );
    expect(byId(result().items, '1203').title).to.equal('Online sharing & Q&A');
  });

  it('reads venue, organizers, cost, page URL and registration website', () => {
    expect(byId(result().items, '1201')).to.deep.include({
      location: {
        name: '示例社工站',
        address: '某某街道 100 号, 广州, 广东, 510000, 中国',
        lat: 23.1,
        lng: 113.3,
      },
      organizer: '示例社工站、某某街道办',
      cost: '免费',
      url: 'https://events.example.org/event/elder-health-talk/',
      registrationUrl: 'https://signup.example.org/form?event=1201&src=site',
    });
  });

  it('reads all-day events as dates with an exclusive end (Tribe ends at 23:59:59)', () => {
    const event = byId(result().items, '1202');
    expect(event).to.include({ allDay: true, start: '2026-12-07', end: '2026-12-10' });
    expect(event).not.to.have.property('location');
    expect(event).not.to.have.property('registrationUrl');
    expect(event).not.to.have.property('cost');
    expect(event).not.to.have.property('description');
  });

  it('reads WordPress manual offsets (UTC+8) and drops javascript: links', () => {
    const event = byId(result().items, '1203');
    expect(event).to.include({
      start: '2026-12-01T20:00:00+08:00',
      end: '2026-12-01T21:00:00+08:00',
      cost: '¥20',
    });
    expect(event).not.to.have.property('timeZone');
    expect(event).not.to.have.property('registrationUrl');
  });

  it('derives the offset from the utc_* fields when the zone is missing', () => {
    expect(byId(result().items, '1204')).to.include({
      start: '2026-12-02T09:00:00+08:00',
      end: '2026-12-02T10:00:00+08:00',
    });
  });

  it('uses DST offsets for zones that have them', () => {
    const summer = readTribe({
      events: [
        {
          id: 1,
          title: 'Picnic',
          start_date: '2026-07-04 12:00:00',
          end_date: '2026-07-04 15:00:00',
          timezone: 'America/New_York',
          all_day: false,
        },
      ],
      rest_url: 'x',
    });
    expect(summer.items[0]).to.include({
      start: '2026-07-04T12:00:00-04:00',
      end: '2026-07-04T15:00:00-04:00',
    });
  });

  it('skips events without a title or start, says why, and leaves out hidden ones', () => {
    expect(result().items.map((e) => e.id)).to.deep.equal(['1201', '1202', '1203', '1204']);
    expect(result().skipped).to.equal(2);
    expect(result().warnings.length).to.equal(2);
    expect(result().warnings[1]).to.contain('Bad date');
  });

  it('reads a single event and a bare array of events', async () => {
    const fresh = await load();
    const events = fresh.events as unknown[];
    expect(readTribe(events[0]).items.map((e) => e.id)).to.deep.equal(['1201']);
    expect(readTribe(events.slice(0, 2)).items.length).to.equal(2);
  });

  it('reads an empty archive and the 404 body of a page without events as no events', () => {
    expect(
      readTribe({ events: [], rest_url: 'https://events.example.org/x', total: 0, total_pages: 0 })
        .items,
    ).to.deep.equal([]);
    const notFound = {
      code: 'event-archive-page-not-found',
      message: 'No events',
      data: { status: 404 },
    };
    expect(readTribe(notFound).items).to.deep.equal([]);
  });

  it('throws format for anything that is not a Tribe response', () => {
    for (const input of [
      null,
      'text',
      42,
      {},
      [],
      [{ id: 1, title: { rendered: 'WordPress post' } }],
      { items: [] },
    ]) {
      expectKind(() => readTribe(input), 'format', JSON.stringify(input));
    }
  });

  it('never throws anything but a DandelionError (fast-check)', () => {
    const eventLike = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string({ maxLength: 20 })),
        title: fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constant('A &amp; B &#8211; &bogus; <b>x</b>'),
        ),
        start_date: fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constant('2026-02-30 25:00:00'),
          fc.constant('2026-11-28 09:30:00'),
        ),
        end_date: small.anything(),
        utc_start_date: small.anything(),
        timezone: fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom('UTC+5.5', 'UTC-99', 'Asia/Shanghai', 'Nowhere/Zone'),
        ),
        all_day: small.anything(),
        venue: small.anything(),
        organizer: small.anything(),
        categories: small.anything(),
        website: small.anything(),
        cost: small.anything(),
      },
      { requiredKeys: ['start_date'] },
    );
    const docs = fc.oneof(
      small.anything(),
      fc.record({ events: fc.array(eventLike, { maxLength: 5 }), total: small.anything() }),
    );
    fc.assert(fc.property(docs, (input) => onlyDandelionErrors(() => readTribe(input))));
  });
});

describe('tribeNextPage', () => {
  it('gives next_rest_url when there is a next page', async () => {
    expect(tribeNextPage(await load())).to.equal(
      'https://events.example.org/wp-json/tribe/events/v1/events/?per_page=7&start_date=2026-11-01%2000%3A00%3A00&end_date=2028-11-01%2023%3A59%3A59&page=2',
    );
  });

  it('gives nothing on the last page or for unsafe links', () => {
    expect(tribeNextPage({ events: [], rest_url: 'https://events.example.org/x' })).to.equal(
      undefined,
    );
    expect(tribeNextPage({ events: [], next_rest_url: 'javascript:alert(1)' })).to.equal(undefined);
    expect(tribeNextPage({ events: [], next_rest_url: 'mailto:a@example.org' })).to.equal(
      undefined,
    );
    expect(tribeNextPage(null)).to.equal(undefined);
  });
});
