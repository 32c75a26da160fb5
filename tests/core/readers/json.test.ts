import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { findRecords, readJson, readJsonDocument } from '../../../src/core/readers/json.js';
import { expectKind, fixture, thrown } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';

const generic = (name: string) => fixture.text(`generic/${name}`);

describe('readJsonDocument', () => {
  it('parses JSON text, ignoring a BOM and an anti-hijacking prefix', () => {
    expect(readJsonDocument('\uFEFF[1]')).to.deep.equal([1]);
    expect(readJsonDocument(')]}\',\n{"a":1}')).to.deep.equal({ a: 1 });
  });

  it('reports truncated JSON as a parse error', async () => {
    expectKind(() => readJsonDocument(''), 'parse');
    const text = await generic('truncated.json');
    const error = thrown(() => readJsonDocument(text));
    expect(error.kind).to.equal('parse');
    expect(error.message).to.match(/^invalid JSON/);
  });

  it('reports an HTML page served as JSON as a format error', async () => {
    const error = thrown(() => readJsonDocument('  <!doctype html><p>x</p>'));
    expect(error.kind).to.equal('format');
    expect(error.message).to.equal('received HTML, not JSON');
  });
});

describe('findRecords', () => {
  it('uses items-path (dot paths and [n] indexes)', () => {
    const doc = { payload: { pages: [{ rows: [{ a: 1 }, { a: 2 }] }] } };
    expect(findRecords(doc, 'payload.pages[0].rows')).to.deep.equal([{ a: 1 }, { a: 2 }]);
  });

  it('throws a format error when items-path is missing or not records', () => {
    expectKind(() => findRecords({ data: [] }, 'data.results'), 'format');
    expectKind(() => findRecords({ data: 'x' }, 'data'), 'format');
  });

  it('returns a top-level array as is', () => {
    expect(findRecords([{ a: 1 }])).to.deep.equal([{ a: 1 }]);
  });

  it('finds the first array under a common envelope key', () => {
    for (const key of [
      'items',
      'data',
      'results',
      'records',
      'events',
      'services',
      'posts',
      'contents',
      'entries',
      '@graph',
    ]) {
      expect(findRecords({ total: 1, [key]: [{ k: key }] }), key).to.deep.equal([{ k: key }]);
    }
    // items comes before data, whatever the order in the document
    expect(findRecords({ data: [{ a: 1 }], items: [{ b: 2 }] })).to.deep.equal([{ b: 2 }]);
    // envelope keys match case-insensitively
    expect(findRecords({ Data: [{ a: 1 }] })).to.deep.equal([{ a: 1 }]);
  });

  it('looks one level deep (data.items, data.list)', () => {
    expect(findRecords({ code: 0, data: { total: 1, items: [{ a: 1 }] } })).to.deep.equal([
      { a: 1 },
    ]);
    expect(findRecords({ code: 0, data: { list: [{ a: 1 }], total: 1 } })).to.deep.equal([
      { a: 1 },
    ]);
  });

  it('turns a single object into a one-record list', () => {
    const one = { name: '示例服务', phones: [{ number: '020-00000001' }] };
    expect(findRecords(one)).to.deep.equal([one]);
  });

  it('rejects documents that are not records', () => {
    expectKind(() => findRecords('text'), 'format');
    expectKind(() => findRecords(null), 'format');
    expectKind(() => findRecords(42), 'format');
  });
});

describe('readJson', () => {
  it('reads events from an envelope fixture, with skips and warnings', async () => {
    const result = readJson(await generic('events-en.json'), 'event', {
      baseUrl: 'https://example.org/api/events.json',
    });
    expect(result.items.map((e) => e.title)).to.deep.equal([
      'Volunteer Training',
      'Harvest Festival',
      'Backwards Event',
      'Google Style',
    ]);
    expect(result.skipped).to.equal(1);
    expect(result.warnings).to.include('record 4: start: unknown date format next Tuesday');
    expect(result.warnings.find((w) => w.startsWith('record 3: '))).to.contain('before start');

    const [training, festival, backwards, google] = result.items;
    expect(training).to.deep.equal({
      id: 'evt-1',
      title: 'Volunteer Training',
      start: '2026-11-25T09:00:00+08:00',
      end: '2026-11-25T12:00:00+08:00',
      allDay: false,
      timeZone: 'Asia/Shanghai',
      categories: ['Training', 'Volunteers'],
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4' },
      location: { name: 'Example Hall', address: '1 Example Road', lat: 23.1, lng: 113.3 },
      description: 'Bring a pen.<br>Lunch provided.',
      url: 'https://example.org/events/1',
      registrationUrl: 'mailto:volunteer@example.org',
      cost: '0',
      organizer: 'Example Social Work Station',
    });
    expect(festival).to.deep.include({
      start: '2026-11-27',
      end: '2026-11-29',
      allDay: true,
      location: { address: 'Sample Community Square' },
    });
    expect(backwards).not.to.have.property('end');
    expect(google).to.deep.include({
      start: '2026-12-02T10:00:00',
      end: '2026-12-02T11:30:00',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('reads stories: image objects, HTML summaries, unsafe links dropped', async () => {
    const result = readJson(await generic('stories.json'), 'story', {
      baseUrl: 'https://example.org/feed.json',
    });
    expect(result.skipped).to.equal(0);
    const [garden, visit] = result.items;
    expect(garden).to.deep.equal({
      id: 'story-1',
      title: 'A Garden on the Roof',
      summary: '<p>Neighbours built a <strong>garden</strong> together.</p>',
      image: {
        src: 'https://example.org/img/garden.jpg',
        alt: 'Raised beds on a roof',
        srcset:
          'https://example.org/img/garden-480.jpg 480w, https://example.org/img/garden-960.jpg 960w',
        width: 960,
        height: 640,
      },
      url: 'https://example.org/stories/garden',
      date: '2026-10-01T08:00:00Z',
      author: 'Sample Writer',
      tags: ['community', 'environment'],
    });
    expect(visit.title).to.equal('Tom & Jerry Visit');
    expect(visit.summary).to.equal('A &amp; B &lt; C');
    expect(visit).not.to.have.property('image');
    expect(visit).not.to.have.property('url');
  });

  it('accepts an already parsed document and items-path', () => {
    const doc = { response: { body: { 服务: [{ 名称: '示例服务', 电话: '020-00000001' }] } } };
    const result = readJson(doc, 'service', { itemsPath: 'response.body.服务' });
    expect(result.items[0]).to.deep.include({
      name: '示例服务',
      phones: [{ number: '020-00000001' }],
    });
  });

  it('passes map and transform through', () => {
    const text = JSON.stringify({ data: [{ info: { t: '示例活动', d: '2026/11/25' } }] });
    const result = readJson(text, 'event', {
      transform: (r) => (r as { info: unknown }).info,
      map: { title: 't', start: 'd' },
    });
    expect(result.items[0]).to.include({ title: '示例活动', start: '2026-11-25', allDay: true });
  });

  it('throws parse for truncated JSON and format for HTML from fixtures', async () => {
    expectKind(() => readJson('{"items": [', 'service'), 'parse');
    const truncated = await generic('truncated.json');
    expectKind(() => readJson(truncated, 'service'), 'parse');
    const html = await generic('html-page.json');
    const error = thrown(() => readJson(html, 'service'));
    expect(error.kind).to.equal('format');
    expect(error.message).to.equal('received HTML, not JSON');
  });

  it('never throws anything but DandelionError on arbitrary text or JSON (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), small.kind(), (text, kind) =>
        onlyDandelionErrors(() => readJson(text, kind)),
      ),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), small.kind(), (value, kind) =>
        onlyDandelionErrors(
          () => readJson(JSON.stringify(value), kind),
          () => readJson(value, kind),
          () => readJson(JSON.stringify(value).slice(0, -1), kind),
        ),
      ),
    );
    fc.assert(
      fc.property(
        small.anything(),
        fc.string({ maxLength: 20 }),
        small.kind(),
        (value, path, kind) =>
          onlyDandelionErrors(() => readJson(value, kind, { itemsPath: path })),
      ),
    );
  });
});
