/**
 * Issue #16: `map`, `transform` and `items-path` reach every format, not only generic JSON and
 * CSV. JSON formats hand `transform` each record as the format gives it and take `map` paths in
 * that record; iCalendar, RSS and Atom (no JSON records) hand `transform` each model as read and
 * take `map` paths in it, and ignore `items-path` with a console warning.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { read } from '../../../src/core/read.js';
import type { CalendarEvent, Service, Story } from '../../../src/core/models.js';
import { quietly } from '../../support/calendar.js';

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Dandelion//test//ZH',
  'BEGIN:VEVENT',
  'UID:a@example.org',
  'DTSTAMP:20261101T000000Z',
  'SUMMARY:亲子阅读',
  'DTSTART:20261125T060000Z',
  'LOCATION:示例社区中心',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b@example.org',
  'DTSTAMP:20261101T000000Z',
  'SUMMARY:内部会议',
  'DTSTART:20261126T060000Z',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>社区新闻</title><link>https://example.org/a</link><description>摘要</description><author>news@example.org (示例作者)</author><guid>a</guid></item>
<item><title>草稿</title><link>https://example.org/b</link><guid>b</guid></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2026-11-01T00:00:00Z</updated>
<entry><title>社区新闻</title><id>urn:a</id><updated>2026-11-01T00:00:00Z</updated><summary>摘要</summary><link href="https://example.org/a"/></entry>
<entry><title>草稿</title><id>urn:b</id><updated>2026-11-01T00:00:00Z</updated><summary>草稿</summary></entry>
</feed>`;

const hsds = {
  total_items: 2,
  total_pages: 1,
  page_number: 1,
  contents: [
    { id: 's1', name: 'Family support', alternate_name: '家庭支持', status: 'active' },
    { id: 's2', name: 'Legal aid', alternate_name: '法律援助', status: 'active' },
  ],
};

const tribe = {
  rest_url: 'https://example.org/wp-json/tribe/events/v1/events',
  total: 2,
  total_pages: 1,
  events: [
    {
      id: 1,
      title: '亲子阅读',
      start_date: '2026-11-25 14:00:00',
      end_date: '2026-11-25 16:00:00',
      timezone: 'Asia/Shanghai',
      meta: { price: '免费' },
    },
    { id: 2, title: '内部会议', start_date: '2026-11-26 14:00:00', timezone: 'Asia/Shanghai' },
  ],
};

const wordpress = [
  {
    id: 1,
    title: { rendered: '社区新闻' },
    excerpt: { rendered: '<p>摘要</p>' },
    link: 'https://example.org/a',
    acf: { subtitle: '副标题' },
  },
  { id: 2, title: { rendered: '草稿' }, excerpt: { rendered: '<p>草稿</p>' } },
];

const jsonFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 't',
  items: [
    { id: 'a', title: '社区新闻', content_text: '摘要', _meta: { writer: '示例作者' } },
    { id: 'b', title: '草稿', content_text: '草稿' },
  ],
};

const jsonLd = [
  {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': 'https://example.org/e/1',
    name: '亲子阅读',
    startDate: '2026-11-25T14:00:00+08:00',
    location: { '@type': 'Place', name: '示例社区中心' },
  },
  {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': 'https://example.org/e/2',
    name: '内部会议',
    startDate: '2026-11-26T14:00:00+08:00',
  },
];

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('map, transform and items-path on every format', () => {
  it('json: map and transform, the transform called once per record', async () => {
    const seen: unknown[] = [];
    const records = [
      { label: '甲', hidden: false },
      { label: '乙', hidden: true },
    ];
    const { items } = await read(records, {
      kind: 'service',
      map: { name: 'label' },
      transform: (r) => (seen.push(r), (r as { hidden: boolean }).hidden ? null : r),
    });
    expect((items as Service[]).map((s) => s.name)).to.deep.equal(['甲']);
    expect(seen).to.deep.equal(records);
  });

  it('csv: map and transform, the transform called once per row', async () => {
    let calls = 0;
    const { items } = await read('名字,状态\n甲,开放\n乙,关闭\n', {
      kind: 'service',
      format: 'csv',
      map: { name: '名字' },
      transform: (r) => (calls++, (r as Record<string, string>)['状态'] === '关闭' ? null : r),
    });
    expect(items.map((s) => s.name)).to.deep.equal(['甲']);
    expect(calls).to.equal(2);
  });

  it('hsds: map takes a field of the HSDS record, transform sees each raw service', async () => {
    const seen: unknown[] = [];
    const { items } = await read(hsds, {
      kind: 'service',
      format: 'hsds',
      map: { name: 'alternate_name' },
      transform: (r) => (seen.push(r), (r as { id: string }).id === 's2' ? null : r),
    });
    expect(items.map((s) => [s.id, s.name])).to.deep.equal([['s1', '家庭支持']]);
    expect(seen).to.deep.equal(hsds.contents);
  });

  it('hsds: items-path finds the services inside another envelope', async () => {
    const { items } = await read(
      { code: 0, data: { list: hsds.contents } },
      { kind: 'service', format: 'hsds', itemsPath: 'data.list' },
    );
    expect(items.map((s) => s.id)).to.deep.equal(['s1', 's2']);
  });

  it('tribe: map and transform on the Tribe event records', async () => {
    const { items } = await read(tribe, {
      kind: 'event',
      format: 'tribe',
      map: { cost: 'meta.price' },
      transform: (r) => ((r as { id: number }).id === 2 ? undefined : r),
    });
    expect((items as CalendarEvent[]).map((e) => [e.title, e.cost])).to.deep.equal([
      ['亲子阅读', '免费'],
    ]);
  });

  it('wordpress: map and transform on the posts', async () => {
    const { items } = await read(wordpress, {
      kind: 'story',
      format: 'wordpress',
      map: { title: 'acf.subtitle' },
      transform: (r) => ((r as { link?: string }).link ? r : null),
    });
    expect(titles(items as Story[])).to.deep.equal(['副标题']);
  });

  it('jsonfeed: map and transform on the feed items; items-path to the items', async () => {
    const { items } = await read(
      { feed: jsonFeed },
      {
        kind: 'story',
        format: 'jsonfeed',
        itemsPath: 'feed.items',
        map: { author: '_meta.writer' },
        transform: (r) => ((r as { id: string }).id === 'b' ? null : r),
      },
    );
    expect((items as Story[]).map((s) => [s.title, s.author])).to.deep.equal([
      ['社区新闻', '示例作者'],
    ]);
  });

  it('jsonld: transform sees each node; map takes paths in the event as read', async () => {
    const { items } = await read(jsonLd, {
      kind: 'event',
      format: 'jsonld',
      transform: (r) => ((r as { name: string }).name === '内部会议' ? null : r),
      map: { organizer: 'location.name' },
    });
    expect((items as CalendarEvent[]).map((e) => [e.title, e.organizer])).to.deep.equal([
      ['亲子阅读', '示例社区中心'],
    ]);
  });

  it('ics: transform edits or drops each event as read; map takes paths in it', async () => {
    const { items } = await read(ics, {
      kind: 'event',
      format: 'ics',
      transform: (e) => {
        const event = e as CalendarEvent;
        return event.title === '内部会议' ? null : { ...event, title: `【推荐】${event.title}` };
      },
      map: { organizer: 'location.name' },
    });
    const events = items as CalendarEvent[];
    expect(events.map((e) => [e.title, e.organizer])).to.deep.equal([
      ['【推荐】亲子阅读', '示例社区中心'],
    ]);
    expect(events[0].start).to.equal('2026-11-25T06:00:00Z');
  });

  it('ics: a transform that throws skips that event with a warning', async () => {
    const result = await read(ics, {
      kind: 'event',
      format: 'ics',
      transform: (e) => {
        if ((e as CalendarEvent).title === '内部会议') throw new Error('no');
        return e;
      },
    });
    expect(titles(result.items)).to.deep.equal(['亲子阅读']);
    expect(result.skipped).to.equal(1);
    expect(result.warnings.join()).to.contain('transform failed: no');
  });

  it('ics: items-path is ignored with a console warning', async () => {
    const [result, warnings] = await quietly(() =>
      read(ics, { kind: 'event', format: 'ics', itemsPath: 'data.items' }),
    );
    expect(result.items).to.have.length(2);
    expect(warnings.join()).to.contain('items-path is ignored for format "ics"');
  });

  it('rss: transform and map on each story as read', async () => {
    const { items } = await read(rss, {
      kind: 'story',
      format: 'rss',
      transform: (s) => ((s as Story).summary ? { ...(s as Story), tags: ['新闻'] } : null),
      map: { summary: 'author' },
    });
    expect((items as Story[]).map((s) => [s.title, s.tags, s.summary])).to.deep.equal([
      ['社区新闻', ['新闻'], '示例作者'],
    ]);
  });

  it('atom: transform and map on each story as read', async () => {
    const { items } = await read(atom, {
      kind: 'story',
      format: 'atom',
      transform: (s) => ((s as Story).url ? s : null),
      map: { author: 'title' },
    });
    expect((items as Story[]).map((s) => [s.title, s.author])).to.deep.equal([
      ['社区新闻', '社区新闻'],
    ]);
  });

  it('a link from a transform goes through the same safety rules as in JSON', async () => {
    const { items } = await read(ics, {
      kind: 'event',
      format: 'ics',
      transform: (e) => {
        const event = e as CalendarEvent;
        const url = event.title === '亲子阅读' ? 'https://example.org/x' : 'javascript:alert(1)';
        return { ...event, url };
      },
    });
    expect((items as CalendarEvent[]).map((e) => e.url)).to.deep.equal([
      'https://example.org/x',
      undefined,
    ]);
  });
});
