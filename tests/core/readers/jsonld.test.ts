import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { stableId } from '../../../src/core/fields.js';
import type { CalendarEvent } from '../../../src/core/models.js';
import { MAX_DESCRIPTION } from '../../../src/core/readers/directory-values.js';
import { readJsonLd } from '../../../src/core/readers/jsonld.js';
import { byId, expectKind, fixture, loadBefore, nothingRead } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';

const json = (name: string) => fixture.json(`jsonld/${name}`);
const text = (name: string) => fixture.text(`jsonld/${name}`);

describe('readJsonLd: events from an @graph', () => {
  let result: ReturnType<typeof readJsonLd<'event'>>;
  let events: CalendarEvent[];

  before(async () => {
    result = readJsonLd(await json('events-graph.json'), 'event', {
      baseUrl: 'https://example.org/events/',
    });
    events = result.items;
  });

  it('takes Event and its subtypes, including ones inside an ItemList, and ignores other types', () => {
    expect(events.map((e) => e.title)).to.deep.equal([
      '亲子沟通工作坊',
      '六一游园会',
      '社区美食节 & 市集',
      '重阳敬老活动',
    ]);
  });

  it('counts cancelled events, events without name or readable start, and repeated ids as skipped', () => {
    expect(result.skipped).to.equal(5);
    expect(result.warnings).to.have.length(5);
    expect(result.warnings[0]).to.match(/coordinates out of range/);
    expect(result.warnings[1]).to.match(/cancelled/);
    expect(result.warnings[2]).to.match(/startDate/);
    expect(result.warnings[3]).to.match(/startDate/);
    expect(result.warnings[4]).to.match(/without name/);
  });

  it('maps a full EducationEvent: times, place with address and geo, organizer by @id, free offer', () => {
    const event = byId(events, 'https://example.org/events/parenting');
    expect(event).to.deep.equal({
      id: 'https://example.org/events/parenting',
      title: '亲子沟通工作坊',
      start: '2026-05-16T14:30:00+08:00',
      end: '2026-05-16T16:30:00+08:00',
      allDay: false,
      categories: ['亲子', '家庭教育'],
      location: {
        name: '示例社工站活动室',
        address: '广东省广州市某某路 1 号',
        lat: 23.1291,
        lng: 113.2644,
      },
      description: '学习与孩子沟通的方法。<br>名额 &lt;30&gt; 人 &amp; 需报名。',
      url: 'https://example.org/events/parenting',
      registrationUrl: 'https://example.org/events/parenting/register',
      cost: '0 CNY',
      organizer: '示例社工站',
    });
  });

  it('reads an all-day event with an exclusive end, a text location and several organizers', () => {
    const event = byId(events, stableId('六一游园会|2026-06-01'));
    expect(event.allDay).to.equal(true);
    expect(event.start).to.equal('2026-06-01');
    expect(event.end).to.equal('2026-06-03');
    expect(event.location).to.deep.equal({ name: '某某街道文化广场' });
    expect(event.organizer).to.equal('示例社工站, 某某义工队');
    expect(event.cost).to.equal('0');
  });

  it('decodes entities in names, drops invalid coordinates, joins several offers', () => {
    const festival = events[2];
    expect(festival.title).to.equal('社区美食节 & 市集');
    expect(festival.start).to.equal('2026-09-20T10:00:00');
    expect(festival.location).to.deep.equal({ name: '某某公园' });
    expect(festival.cost).to.equal('10 CNY / 20–50 CNY');
  });

  it('ignores a VirtualLocation and keeps the first of two events with the same url', () => {
    const event = byId(events, 'https://example.org/events/chongyang');
    expect(event.title).to.equal('重阳敬老活动');
    expect(event.location).to.equal(undefined);
  });

  it('gives an empty result for the same document read as services or stories', async () => {
    const doc = await json('events-graph.json');
    expect(readJsonLd(doc, 'service')).to.deep.equal(nothingRead);
    expect(readJsonLd(doc, 'story')).to.deep.equal(nothingRead);
  });
});

describe('readJsonLd: an HTML page with ld+json blocks', () => {
  beforeEach(() => {
    delete (window as unknown as Record<string, unknown>).__jsonldExecuted;
  });

  it('reads every ld+json block (comment wrappers, upper-case type, arrays) and never runs scripts', async () => {
    const { items, skipped, warnings } = readJsonLd(await text('event-page.html'), 'event');
    expect(items.map((e) => e.title)).to.deep.equal(['社区义诊', '广场舞交流']);
    expect(items[0].location).to.deep.equal({
      name: '某某社区卫生服务站',
      address: '某某街道某某路 2 号',
    });
    expect(items[0].organizer).to.equal('示例社工站');
    expect(items[0].cost).to.equal('0 CNY');
    expect(items[1].description).to.equal('&lt;b&gt;不是 HTML&lt;/b&gt;');
    expect(skipped).to.equal(0);
    expect(warnings).to.deep.equal(['JSON-LD block 2 could not be parsed']);
    expect((window as unknown as Record<string, unknown>).__jsonldExecuted).to.equal(undefined);
  });

  it('throws parse when every block is broken', () => {
    const page = '<html><script type="application/ld+json">{"@type": "Event",</script></html>';
    expectKind(() => readJsonLd(page, 'event'), 'parse');
  });

  it('gives an empty result when the blocks hold no item of the kind', () => {
    const page =
      '<html><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"x"}</script></html>';
    expect(readJsonLd(page, 'event')).to.deep.equal(nothingRead);
  });

  it('throws format for a page without ld+json blocks', async () => {
    const page = await text('page-without-ld.html');
    expectKind(() => readJsonLd(page, 'event'), 'format');
  });
});

describe('readJsonLd: stories', () => {
  const page = loadBefore(async () =>
    readJsonLd(await text('articles-page.html'), 'story', { baseUrl: 'https://example.org/' }),
  );

  it('reads a Yoast-style graph: author and image by @id, url from mainEntityOfPage, keywords as tags', () => {
    expect(page().items[0]).to.deep.equal({
      id: 'https://example.org/stories/garden/#article',
      title: '社区花园 – 一年记',
      summary: '居民一起把空地变成花园。',
      image: {
        src: 'https://example.org/img/garden.jpg',
        alt: '居民在花园里浇水',
        width: 1200,
        height: 800,
      },
      url: 'https://example.org/stories/garden/',
      date: '2026-03-08T10:00:00+08:00',
      author: '某某社工',
      tags: ['社区营造', '长者'],
    });
  });

  it('reads BlogPostings nested in a Blog, ignoring WebPage, WebSite and ImageObject nodes', () => {
    expect(page().items).to.have.length(3);
    const post = byId(page().items, 'https://example.org/blog/volunteer');
    expect(post.title).to.equal('义工招募');
    expect(post.image).to.deep.equal({ src: 'https://example.org/img/volunteer.jpg', alt: '' });
    expect(post.date).to.equal('2026-02-01');
    expect(post.author).to.equal('某某, 示例社工站');
    expect(post.tags).to.deep.equal(['义工', '招募']);
  });

  it('uses the abstract as title when there is no headline, drops unsafe images, skips empty posts', () => {
    const abstract = '只有摘要、没有标题的帖子，摘要会被用作标题。';
    const untitled = page().items[2];
    expect(untitled.title).to.equal(abstract);
    expect(untitled.summary).to.equal(abstract);
    expect(untitled.image).to.equal(undefined);
    expect(page().skipped).to.equal(1);
  });

  it('reads image objects with contentUrl and a plain CreativeWork', () => {
    const { items } = readJsonLd(
      {
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        name: '年度报告',
        abstract: '第一行\n第二行',
        image: [{ '@type': 'ImageObject', contentUrl: 'https://example.org/r.png', name: '封面' }],
        datePublished: '2026/01/15',
        keywords: '年报；透明',
      },
      'story',
    );
    expect(items[0].title).to.equal('年度报告');
    expect(items[0].summary).to.equal('第一行<br>第二行');
    expect(items[0].image).to.deep.equal({ src: 'https://example.org/r.png', alt: '封面' });
    expect(items[0].date).to.equal('2026-01-15');
    expect(items[0].tags).to.deep.equal(['年报', '透明']);
    expect(items[0].id).to.equal(stableId('年度报告|2026-01-15'));
  });
});

describe('readJsonLd: services', () => {
  const catalog = loadBefore(async () =>
    readJsonLd(await json('services.json'), 'service', { baseUrl: 'https://example.org/' }),
  );

  it('takes Service and GovernmentService (also offered in a catalog), skips one without name', () => {
    expect(catalog().items.map((s) => s.name)).to.deep.equal([
      '困难家庭临时救助',
      '社区心理咨询',
      '不规则时间的服务',
      '法律咨询',
    ]);
    expect(catalog().skipped).to.equal(1);
  });

  it('maps provider, categories, areas, audience, channels, hours and a free offer', () => {
    const s = byId(catalog().items, 'https://example.org/services/subsidy');
    expect(s.organization).to.equal('某某街道办事处');
    expect(s.description).to.equal('为遭遇突发困难的家庭提供临时救助。');
    expect(s.categories).to.deep.equal([
      { id: '社会救助', name: '社会救助' },
      { id: 'SA-01', name: '临时救助' },
      { id: '家庭服务', name: '家庭服务' },
    ]);
    expect(s.areas).to.deep.equal(['某某街道', '某某新村']);
    expect(s.eligibility).to.equal('本街道低收入家庭');
    expect(s.ageMin).to.equal(18);
    expect(s.ageMax).to.equal(undefined);
    expect(s.phones).to.deep.equal([
      { number: '020-00004001', label: '救助热线' },
      { number: '10600000000', label: 'SMS' },
    ]);
    expect(s.email).to.equal('help@example.org');
    expect(s.url).to.equal('https://example.org/apply');
    expect(s.locations).to.deep.equal([
      {
        name: '某某街道便民服务中心',
        address: '广东省广州市某某路 10 号',
        lat: 23.12,
        lng: 113.25,
      },
    ]);
    expect(s.languages).to.deep.equal(['普通话', 'yue']);
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:00' }));
    expect(s.schedules).to.deep.equal([...weekdays, { day: 6, opens: '09:00', closes: '12:00' }]);
    expect(s.fees).to.equal('0 CNY');
    expect(s.free).to.equal(true);
    expect(s.updated).to.equal('2026-03-02');
  });

  it("falls back to the provider's contact point, parses openingHours text, resolves relative urls", () => {
    const s = byId(catalog().items, 'https://example.org/services/counselling');
    expect(s.organization).to.equal('示例社工站');
    expect(s.phones).to.deep.equal([{ number: '020-00005000', label: '预约' }]);
    const afternoons = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '14:00', closes: '18:00' }));
    expect(s.schedules).to.deep.equal([...afternoons, { day: 6, opens: '09:00', closes: '12:00' }]);
    expect(s.fees).to.equal('50 CNY');
    expect(s.free).to.equal(undefined);
  });

  it('keeps opening hours it cannot structure as text', () => {
    const s = catalog().items[2];
    expect(s.schedules).to.deep.equal([]);
    expect(s.scheduleText).to.equal('每月第一个周六上午');
  });

  it('reads isAccessibleForFree as free', () => {
    expect(catalog().items[3].free).to.equal(true);
  });
});

describe('readJsonLd: contexts and shapes', () => {
  it('resolves prefixes, aliases, nested contexts, value objects, @list and full IRIs', async () => {
    const { items } = readJsonLd(await json('prefixed.json'), 'event');
    expect(items.map((e) => [e.id, e.title, e.start])).to.deep.equal([
      ['https://example.org/e/1', '读书会', '2026-04-11T19:00:00+08:00'],
      [stableId('观影会|2026-04-18T19:00:00+08:00'), '观影会', '2026-04-18T19:00:00+08:00'],
      [stableId('完整 IRI 的活动|2026-04-25'), '完整 IRI 的活动', '2026-04-25'],
    ]);
    expect(items[0].location).to.deep.equal({ name: '示例图书角' });
    expect(items[1].categories).to.deep.equal(['电影', '周末']);
  });

  it('resolves blank-node references, compares ends as instants, ignores URL-only locations', () => {
    const doc = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@id': '_:org', '@type': 'Organization', name: '示例社工站' },
        {
          '@type': 'Event',
          name: '线上分享会',
          startDate: '2026-03-01T20:00:00+08:00',
          endDate: '2026-03-01T13:00:00Z',
          location: 'https://example.org/live',
          organizer: { '@id': '_:org' },
        },
        {
          '@id': '_:late',
          '@type': 'Event',
          name: '结束早于开始',
          startDate: '2026-03-02T20:00:00+08:00',
          endDate: '2026-03-02T11:00:00Z',
        },
      ],
    };
    const [online, wrong] = readJsonLd(doc, 'event').items;
    expect(online.organizer).to.equal('示例社工站');
    expect(online.end).to.equal('2026-03-01T13:00:00Z');
    expect(online.location).to.equal(undefined);
    expect(wrong.end).to.equal(undefined);
    expect(wrong.id).to.equal(stableId('结束早于开始|2026-03-02T20:00:00+08:00'));
  });

  it('reads a single object, an array, and JSON text', () => {
    const one = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: '单个活动',
      startDate: '2026-01-02',
    };
    expect(readJsonLd(one, 'event').items).to.have.length(1);
    expect(readJsonLd([one, { ...one, name: '第二个' }], 'event').items).to.have.length(2);
    expect(readJsonLd(`\uFEFF${JSON.stringify(one)}`, 'event').items[0].title).to.equal('单个活动');
  });

  it('gives an empty result for a JSON-LD document with nothing of the kind', () => {
    const doc = { '@context': 'https://schema.org', '@type': 'Organization', name: '示例社工站' };
    expect(readJsonLd(doc, 'event')).to.deep.equal(nothingRead);
    expect(
      readJsonLd({ '@context': 'https://schema.org', '@graph': [] }, 'story').items,
    ).to.deep.equal([]);
  });

  it('throws format for documents that are not JSON-LD, parse for broken JSON', async () => {
    expectKind(() => readJsonLd(undefined, 'event'), 'format');
    const plain = await json('not-jsonld.json');
    expectKind(() => readJsonLd(plain, 'event'), 'format');
    expectKind(() => readJsonLd(JSON.stringify(plain), 'event'), 'format');
    expectKind(() => readJsonLd('事件列表', 'event'), 'format');
    expectKind(() => readJsonLd('', 'event'), 'format');
    expectKind(() => readJsonLd(null, 'event'), 'format');
    expectKind(() => readJsonLd([], 'event'), 'format');
    expectKind(
      () => readJsonLd('{"@context": "https://schema.org", "@type": "Ev', 'event'),
      'parse',
    );
  });

  it('cuts a huge description and escapes it', () => {
    const huge = '<img src=x onerror=alert(1)>' + 'x'.repeat(MAX_DESCRIPTION * 3);
    const { items, warnings } = readJsonLd(
      { '@context': 'https://schema.org', '@type': 'Service', name: '大段说明', description: huge },
      'service',
    );
    expect(items[0].description?.startsWith('&lt;img src=x onerror=alert(1)&gt;')).to.equal(true);
    expect(items[0].description?.endsWith('x…')).to.equal(true);
    expect(warnings[0]).to.match(/description cut/);
  });

  it('survives reference cycles in data given directly', () => {
    const org: Record<string, unknown> = { '@type': 'Organization', name: '示例社工站' };
    const event: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: '循环引用',
      startDate: '2026-01-01',
      organizer: org,
    };
    org.event = event;
    const { items } = readJsonLd(event, 'event');
    expect(items.map((e) => [e.title, e.organizer])).to.deep.equal([['循环引用', '示例社工站']]);
  });

  it('never throws anything but DandelionError for arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(small.json(), small.kind(), (value, kind) => {
        const wrapped = { '@context': 'https://schema.org', '@graph': [value] };
        onlyDandelionErrors(
          ...[value, wrapped, JSON.stringify(value), JSON.stringify(wrapped)].map(
            (input) => () => readJsonLd(input, kind),
          ),
        );
      }),
    );
  });

  it('never throws for schema.org nodes with arbitrary property values (property)', () => {
    const anything = fc.jsonValue({ maxDepth: 3 });
    const node = fc.record(
      {
        '@type': fc.constantFrom(
          'Event',
          'Service',
          'Article',
          'Festival',
          'GovernmentService',
          'BlogPosting',
        ),
        '@id': fc.oneof(small.webUrl(), anything),
        name: fc.oneof(fc.string({ maxLength: 40 }), anything),
        headline: anything,
        startDate: fc.oneof(fc.constant('2026-01-01T10:00:00Z'), anything),
        endDate: anything,
        location: anything,
        offers: anything,
        organizer: anything,
        provider: anything,
        availableChannel: anything,
        hoursAvailable: anything,
        image: anything,
        author: anything,
        keywords: anything,
        url: anything,
      },
      { requiredKeys: ['@type'] },
    );
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), small.kind(), (nodes, kind) => {
        const result = readJsonLd({ '@context': 'https://schema.org', '@graph': nodes }, kind);
        expect(result.items.length + result.skipped).to.be.at.most(nodes.length);
        for (const item of result.items) expect(item.id).to.be.a('string').and.not.equal('');
      }),
    );
  });
});
