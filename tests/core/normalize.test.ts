import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_WARNINGS,
  normalizeRecords,
  recordToEvent,
  recordToService,
  recordToStory,
} from '../../src/core/normalize/index.js';
import { DandelionError } from '../../src/core/errors.js';
import { onlyDandelionErrors, small } from '../support/properties.js';
import type { CalendarEvent, Service, Story } from '../../src/core/models.js';

function service(record: unknown, warnings: string[] = []): Service {
  const result = recordToService(record, { warn: (m) => warnings.push(m) });
  if (typeof result === 'string') throw new Error(`skipped: ${result}`);
  return result;
}

function event(record: unknown, warnings: string[] = []): CalendarEvent {
  const result = recordToEvent(record, { warn: (m) => warnings.push(m) });
  if (typeof result === 'string') throw new Error(`skipped: ${result}`);
  return result;
}

function story(record: unknown): Story {
  const result = recordToStory(record, { baseUrl: 'https://example.org/news/' });
  if (typeof result === 'string') throw new Error(`skipped: ${result}`);
  return result;
}

describe('normalize: services', () => {
  it('finds the service name under English and Chinese headers', () => {
    for (const key of ['name', 'Title', '名称', '服务名称', '机构名称', '名稱', 'Service Name']) {
      expect(service({ [key]: ' 示例服务 ' }).name, key).to.equal('示例服务');
    }
  });

  it('prefers the service name to the organization name, and keeps both', () => {
    const s = service({ 机构名称: '示例社工站', 服务名称: '儿童心理咨询' });
    expect(s.name).to.equal('儿童心理咨询');
    expect(s.organization).to.equal('示例社工站');
  });

  it('does not repeat 机构名称 as the organization when it is the only name', () => {
    const s = service({ 机构名称: '示例社工站' });
    expect(s.name).to.equal('示例社工站');
    expect(s.organization).to.equal(undefined);
  });

  it('reads organization from org / 机构 / 单位 and from {name} objects', () => {
    expect(service({ name: 'a', org: '示例社工站' }).organization).to.equal('示例社工站');
    expect(service({ name: 'a', 机构: '示例社工站' }).organization).to.equal('示例社工站');
    expect(service({ name: 'a', 单位: '某某街道办' }).organization).to.equal('某某街道办');
    expect(service({ name: 'a', organization: { name: '示例机构' } }).organization).to.equal(
      '示例机构',
    );
  });

  it('splits category lists on ; , 、 and keeps objects with their ids', () => {
    expect(service({ name: 'a', 类别: '心理；儿童、家庭,心理' }).categories).to.deep.equal([
      { id: '心理', name: '心理' },
      { id: '儿童', name: '儿童' },
      { id: '家庭', name: '家庭' },
    ]);
    expect(
      service({ name: 'a', categories: [{ id: 'c1', name: 'Legal', parent: 'c0' }, 'Food'] })
        .categories,
    ).to.deep.equal([
      { id: 'c1', name: 'Legal', parent: 'c0' },
      { id: 'Food', name: 'Food' },
    ]);
    expect(service({ name: 'a', 服务类别: '养老' }).categories[0].name).to.equal('养老');
  });

  it('reads phones from strings, lists and {number,label} objects', () => {
    expect(service({ name: 'a', 联系电话: '020-00000001；020-00000002' }).phones).to.deep.equal([
      { number: '020-00000001' },
      { number: '020-00000002' },
    ]);
    expect(service({ name: 'a', tel: 2000000003 }).phones).to.deep.equal([
      { number: '2000000003' },
    ]);
    expect(
      service({ name: 'a', phones: [{ number: '020-00000004', label: 'Hotline' }] }).phones,
    ).to.deep.equal([{ number: '020-00000004', label: 'Hotline' }]);
  });

  it('reads age ranges from columns and from "3-6", "3–6岁", "60岁以上", "18岁以下"', () => {
    expect(service({ name: 'a', 年龄下限: '3', 年龄上限: '6岁' })).to.include({
      ageMin: 3,
      ageMax: 6,
    });
    expect(service({ name: 'a', age: '3-6' })).to.include({ ageMin: 3, ageMax: 6 });
    expect(service({ name: 'a', 年龄: '3–6岁' })).to.include({ ageMin: 3, ageMax: 6 });
    expect(service({ name: 'a', 适用年龄: '6个月-3岁' })).to.include({ ageMin: 0.5, ageMax: 3 });
    const elder = service({ name: 'a', 年龄: '60岁以上' });
    expect(elder.ageMin).to.equal(60);
    expect(elder.ageMax).to.equal(undefined);
    const young = service({ name: 'a', 年龄: '18岁以下' });
    expect(young.ageMax).to.equal(18);
    expect(young.ageMin).to.equal(undefined);
    expect(service({ name: 'a', ageMin: 12, ageMax: 5 })).to.include({ ageMin: 5, ageMax: 12 });
  });

  it('reads fees and free, deriving free from 免费 / 0', () => {
    expect(service({ name: 'a', 费用: '免费' })).to.include({ fees: '免费', free: true });
    expect(service({ name: 'a', fees: 0 })).to.include({ fees: '0', free: true });
    expect(service({ name: 'a', 费用: '30元/次', 免费: '否' })).to.include({
      fees: '30元/次',
      free: false,
    });
    expect(service({ name: 'a', fees: '30元' }).free).to.equal(undefined);
  });

  it('reads languages, eligibility, areas, email, url, updated and hours', () => {
    const s = service(
      {
        name: 'a',
        语言: '普通话、粤语',
        申请条件: '辖区居民',
        服务范围: '某某街道；某某社区',
        邮箱: 'mailto:help@example.org',
        网址: 'www.example.org/a',
        更新时间: '2026年3月5日',
        开放时间: '周一至周五 9:00-17:00',
      },
      [],
    );
    expect(s.languages).to.deep.equal(['普通话', '粤语']);
    expect(s.eligibility).to.equal('辖区居民');
    expect(s.areas).to.deep.equal(['某某街道', '某某社区']);
    expect(s.email).to.equal('help@example.org');
    expect(s.url).to.equal('https://www.example.org/a');
    expect(s.updated).to.equal('2026-03-05');
    expect(s.scheduleText).to.equal('周一至周五 9:00-17:00');
    expect(s.schedules).to.deep.equal([]);
    expect(service({ name: 'a', 服务对象: '长者' }).eligibility).to.equal('长者');
    expect(service({ name: 'a', 区域: '某某区' }).areas).to.deep.equal(['某某区']);
  });

  it('reads structured opening hours into schedules', () => {
    const s = service({
      name: 'a',
      hours: [
        { day: 'Monday', opens: '9:00', closes: '17:30' },
        { day: '周六', opens: '上午9点', closes: '下午1点' },
        { day: 'someday', opens: '9:00', closes: '17:00' },
        { day: 'Tuesday', opens: '25:00', closes: '26:00' },
        { day: 'Wednesday', opens: '08:60', closes: '12:00' },
        { day: 'Friday', opens: '14:00:00', closes: '18:30:00' },
      ],
    });
    expect(s.schedules).to.deep.equal([
      { day: 1, opens: '09:00', closes: '17:30' },
      { day: 6, opens: '09:00', closes: '13:00' },
      { day: 5, opens: '14:00', closes: '18:30' },
    ]);
  });

  it('drops links that are unsafe or not links at all', () => {
    expect(service({ name: 'a', url: 'javascript:alert(1)' }).url).to.equal(undefined);
    expect(service({ name: 'a', 网址: '无' }).url).to.equal(undefined);
    expect(service({ name: 'a', email: 'not an email' }).email).to.equal(undefined);
  });

  it('resolves relative links against baseUrl', () => {
    const s = recordToService(
      { name: 'a', url: '/services/1' },
      { baseUrl: 'https://example.org/api/x.json' },
    ) as Service;
    expect(s.url).to.equal('https://example.org/services/1');
  });

  it('escapes plain-text descriptions and passes real HTML through for the sanitizer', () => {
    expect(service({ name: 'a', 简介: '年龄<6岁 & 家长\n可陪同' }).description).to.equal(
      '年龄&lt;6岁 &amp; 家长<br>可陪同',
    );
    expect(service({ name: 'a', description: '<p>午餐</p>' }).description).to.equal('<p>午餐</p>');
  });

  it('builds a location from address and coordinates', () => {
    expect(
      service({ name: 'a', 地址: '某某街道1号', 纬度: '23.1', 经度: '113.3' }).locations,
    ).to.deep.equal([{ address: '某某街道1号', lat: 23.1, lng: 113.3 }]);
    expect(
      service({
        name: 'a',
        location: { name: '示例站', address: '某某路', latitude: 23, longitude: 113 },
      }).locations,
    ).to.deep.equal([{ name: '示例站', address: '某某路', lat: 23, lng: 113 }]);
    expect(
      service({ name: 'a', geometry: { type: 'Point', coordinates: [113.3, 23.1] } }).locations,
    ).to.deep.equal([{ lat: 23.1, lng: 113.3 }]);
    expect(service({ name: 'a', 经纬度: '113.3,23.1' }).locations).to.deep.equal([
      { lat: 23.1, lng: 113.3 },
    ]);
    expect(service({ name: 'a' }).locations).to.deep.equal([]);
  });

  it('fixes swapped coordinates with a warning', () => {
    const warnings: string[] = [];
    const s = service({ name: 'a', 地址: '某某街道', lat: 113.3, lng: 23.1 }, warnings);
    expect(s.locations).to.deep.equal([{ address: '某某街道', lat: 23.1, lng: 113.3 }]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('swapped');
  });

  it('drops out-of-range coordinates with a warning but keeps the address', () => {
    const warnings: string[] = [];
    const s = service({ name: 'a', 地址: '某某街道', lat: 123.4, lng: 223.5 }, warnings);
    expect(s.locations).to.deep.equal([{ address: '某某街道' }]);
    expect(warnings[0]).to.contain('out of range');
    const one: string[] = [];
    expect(service({ name: 'a', lat: 23.1 }, one).locations).to.deep.equal([]);
    expect(one[0]).to.contain('both');
  });

  it('derives a stable id from content when the record has none', () => {
    const a = service({ name: '示例服务', 机构: '示例社工站' });
    const b = service({ 名称: '示例服务', organization: '示例社工站' });
    const c = service({ name: '另一项服务', 机构: '示例社工站' });
    expect(a.id).to.equal(b.id);
    expect(a.id).not.to.equal(c.id);
    expect(service({ id: 7, name: 'x' }).id).to.equal('7');
    expect(service({ 编号: 'S-01', name: 'x' }).id).to.equal('S-01');
  });

  it('skips a record without a name with a reason', () => {
    expect(recordToService({ 机构: '示例社工站' })).to.equal('missing name');
    expect(recordToService('just text')).to.equal('not an object');
  });
});

describe('normalize: events', () => {
  it('reads title, start, end under English and Chinese keys', () => {
    for (const [titleKey, startKey, endKey] of [
      ['title', 'start', 'end'],
      ['name', 'startDate', 'endDate'],
      ['Title', 'start_date', 'end_date'],
      ['标题', '开始时间', '结束时间'],
      ['活动名称', '开始时间', '结束时间'],
    ]) {
      const e = event({
        [titleKey]: '亲子阅读会',
        [startKey]: '2026-11-25 14:30',
        [endKey]: '2026-11-25 16:00',
      });
      expect(e, titleKey).to.include({
        title: '亲子阅读会',
        start: '2026-11-25T14:30:00',
        end: '2026-11-25T16:00:00',
        allDay: false,
      });
    }
  });

  it('combines separate date and time columns (日期 + 时间), with time ranges', () => {
    expect(event({ 活动名称: 'a', 日期: '2026-11-25', 时间: '14:30-16:00' })).to.include({
      start: '2026-11-25T14:30:00',
      end: '2026-11-25T16:00:00',
      allDay: false,
    });
    expect(event({ 活动名称: 'a', 日期: '2026/11/25', 时间: '下午2:00-4:00' })).to.include({
      start: '2026-11-25T14:00:00',
      end: '2026-11-25T16:00:00',
    });
    expect(
      event({ title: 'a', date: '2026-11-25', 开始时间: '9:00', 结束时间: '10:30' }),
    ).to.include({
      start: '2026-11-25T09:00:00',
      end: '2026-11-25T10:30:00',
    });
    expect(event({ title: 'a', start: '2026年11月25日14:30' }).start).to.equal(
      '2026-11-25T14:30:00',
    );
  });

  it('is all-day when the start has no time, and turns an inclusive end date into an exclusive one', () => {
    const e = event({ title: 'a', start: '2026-11-27', end: '2026-11-28' });
    expect(e).to.include({ allDay: true, start: '2026-11-27', end: '2026-11-29' });
    const one = event({ title: 'a', start: '2026-11-27', end: '2026-11-27' });
    expect(one).to.include({ start: '2026-11-27', end: '2026-11-28' });
  });

  it('honours an explicit 全天 / allDay flag', () => {
    expect(event({ title: 'a', start: '2026-11-25 09:00', 全天: '是' })).to.include({
      allDay: true,
      start: '2026-11-25',
    });
    expect(event({ title: 'a', start: '2026-11-25 09:00', allDay: false }).allDay).to.equal(false);
  });

  it('keeps an event whose end is before its start, without the end, and warns', () => {
    const warnings: string[] = [];
    const e = event({ title: 'a', start: '2026-11-25 16:00', end: '2026-11-25 15:00' }, warnings);
    expect(e.start).to.equal('2026-11-25T16:00:00');
    expect(e).not.to.have.property('end');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('before start');
    const allDay: string[] = [];
    expect(
      event({ title: 'a', start: '2026-11-25', end: '2026-11-20' }, allDay),
    ).not.to.have.property('end');
    expect(allDay).to.have.length(1);
  });

  it('skips an event with an unknown date format, naming the value', () => {
    expect(recordToEvent({ title: 'a', start: '25.11.2026' })).to.equal(
      'start: unknown date format 25.11.2026',
    );
    expect(recordToEvent({ title: 'a', 日期: '下周二' })).to.equal(
      'start: unknown date format 下周二',
    );
    expect(recordToEvent({ title: 'a' })).to.equal('missing start');
    expect(recordToEvent({ start: '2026-11-25' })).to.equal('missing title');
  });

  it('reads Excel serial dates and compact dates', () => {
    expect(event({ title: 'a', date: 46351 }).start).to.equal('2026-11-25');
    expect(event({ title: 'a', start: 46351.5 }).start).to.equal('2026-11-25T12:00:00');
    expect(event({ title: 'a', start: '20261125' }).start).to.equal('2026-11-25');
  });

  it('reads location strings, place + address, and objects', () => {
    expect(event({ title: 'a', start: '2026-11-25', 地点: '某某社区广场' }).location).to.deep.equal(
      {
        address: '某某社区广场',
      },
    );
    expect(
      event({ title: 'a', start: '2026-11-25', 地点: '示例活动室', 地址: '某某街道1号' }).location,
    ).to.deep.equal({ name: '示例活动室', address: '某某街道1号' });
    expect(
      event({ title: 'a', start: '2026-11-25', venue: { name: 'Hall', address: '1 Example Rd' } })
        .location,
    ).to.deep.equal({ name: 'Hall', address: '1 Example Rd' });
  });

  it('reads description, links, categories, cost, organizer, time zone and rrule', () => {
    const warnings: string[] = [];
    const e = event(
      {
        标题: 'a',
        开始时间: '2026-11-25 09:00',
        详情: '第一行\n第二行 1<2',
        url: 'https://example.org/e/1',
        报名链接: 'https://example.org/signup/1',
        类别: '亲子、阅读',
        费用: '免费',
        主办: '示例社工站',
        timeZone: 'Asia/Shanghai',
        rrule: 'RRULE:FREQ=WEEKLY;BYDAY=SA',
      },
      warnings,
    );
    expect(e).to.deep.include({
      description: '第一行<br>第二行 1&lt;2',
      url: 'https://example.org/e/1',
      registrationUrl: 'https://example.org/signup/1',
      categories: ['亲子', '阅读'],
      cost: '免费',
      organizer: '示例社工站',
      timeZone: 'Asia/Shanghai',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=SA' },
    });
    expect(warnings).to.deep.equal([]);
  });

  it('drops an unknown time zone or a non-rule rrule with a warning', () => {
    const warnings: string[] = [];
    const e = event(
      { title: 'a', start: '2026-11-25', tz: 'Mars/Base', rrule: 'every week' },
      warnings,
    );
    expect(e).not.to.have.property('timeZone');
    expect(e).not.to.have.property('recurrence');
    expect(warnings).to.have.length(2);
  });

  it('derives the id from title and start', () => {
    const a = event({ title: 'a', start: '2026-11-25' });
    const b = event({ 标题: 'a', 日期: '2026-11-25' });
    const c = event({ title: 'a', start: '2026-11-26' });
    expect(a.id).to.equal(b.id);
    expect(a.id).not.to.equal(c.id);
  });
});

describe('normalize: stories', () => {
  it('reads title, summary, image, link, date, author and tags (English keys)', () => {
    const s = story({
      title: 'A Garden',
      summary: 'Neighbours & friends',
      image: 'img/1.jpg',
      imageAlt: 'Raised beds',
      link: 'garden.html',
      date: '2026-10-01',
      author: 'Sample Writer',
      tags: 'community; environment',
    });
    expect(s).to.deep.include({
      title: 'A Garden',
      summary: 'Neighbours &amp; friends',
      date: '2026-10-01',
      author: 'Sample Writer',
      tags: ['community', 'environment'],
    });
    expect(s.image).to.deep.equal({
      src: 'https://example.org/news/img/1.jpg',
      alt: 'Raised beds',
    });
    // A bare word is not a link; only values that look like URLs or file paths are.
    expect(s.url).to.equal(undefined);
    const rel = story({ title: 'x', image: './img/1.jpg', url: '../garden.html' });
    expect(rel.image).to.deep.equal({ src: 'https://example.org/news/img/1.jpg', alt: '' });
    expect(rel.url).to.equal('https://example.org/garden.html');
  });

  it('reads Chinese keys as their English counterparts', () => {
    const fields = [
      ['标题', 'title', '小明的新学期'],
      ['摘要', 'summary', '重新回到课堂'],
      ['图片', 'image', 'https://example.org/1.jpg'],
      ['图片说明', 'imageAlt', '教室'],
      ['链接', 'link', 'https://example.org/s/1'],
      ['日期', 'date', '2026-09-01'],
      ['作者', 'author', '示例社工'],
      ['标签', 'tags', '儿童、教育'],
    ];
    const chinese = story(Object.fromEntries(fields.map(([zh, , value]) => [zh, value])));
    const english = story(Object.fromEntries(fields.map(([, en, value]) => [en, value])));
    expect(chinese).to.deep.equal(english);
    expect(chinese).to.include({
      title: '小明的新学期',
      summary: '重新回到课堂',
      date: '2026-09-01',
    });
    expect(chinese).to.include({ author: '示例社工', url: 'https://example.org/s/1' });
    expect(chinese.image).to.deep.equal({ src: 'https://example.org/1.jpg', alt: '教室' });
    expect(chinese.tags).to.deep.equal(['儿童', '教育']);
  });

  it('keeps a story with only a summary, skips one with neither title nor summary', () => {
    expect(story({ description: 'only text' })).to.include({ title: '', summary: 'only text' });
    expect(recordToStory({ image: 'https://example.org/1.jpg' })).to.equal(
      'missing title and summary',
    );
  });
});

/** The keys the readers look for (aliases included), for records made of little else. */
const aliasKey = fc.constantFrom(
  'name',
  '名称',
  'title',
  'start',
  '日期',
  '时间',
  'end',
  'lat',
  'lng',
  '年龄',
  'phones',
  'categories',
  'location',
  'image',
  'url',
  'allDay',
  'rrule',
  'hours',
  'timeZone',
  'date',
);

describe('normalizeRecords', () => {
  it('applies a map with dot paths and [n] indexes', () => {
    const records = [
      {
        info: { label: '示例服务' },
        owners: [{ title: '示例社工站' }],
        contact: { phones: ['020-00000001'] },
      },
    ];
    const result = normalizeRecords(records, 'service', {
      map: { name: 'info.label', organization: 'owners[0].title', phones: 'contact.phones[0]' },
    });
    expect(result.skipped).to.equal(0);
    expect(result.items[0]).to.deep.include({
      name: '示例服务',
      organization: '示例社工站',
      phones: [{ number: '020-00000001' }],
    });
  });

  it('lets mapped fields win over same-named source fields', () => {
    const result = normalizeRecords(
      [{ Title: 'wrong', when: { begin: '2026-11-25' }, t: 'right' }],
      'event',
      {
        map: { title: 't', start: 'when.begin' },
      },
    );
    expect(result.items[0]).to.include({ title: 'right', start: '2026-11-25' });
  });

  it('applies transform before the map', () => {
    const result = normalizeRecords([{ raw: 'a|示例社工站' }], 'service', {
      transform: (r) => {
        const [n, o] = String((r as { raw: string }).raw).split('|');
        return { nested: { n }, o };
      },
      map: { name: 'nested.n', organization: 'o' },
    });
    expect(result.items[0]).to.include({ name: 'a', organization: '示例社工站' });
  });

  it('skips only the record whose transform throws, with a reason', () => {
    const result = normalizeRecords([{ name: 'a' }, { name: 'boom' }, { name: 'c' }], 'service', {
      transform: (r) => {
        if ((r as { name: string }).name === 'boom') throw new Error('bad record');
        return r;
      },
    });
    expect(result.items.map((s) => s.name)).to.deep.equal(['a', 'c']);
    expect(result.skipped).to.equal(1);
    expect(result.warnings).to.deep.equal(['record 2: transform failed: bad record']);
  });

  it('drops records for which transform returns null without counting them as skipped', () => {
    const result = normalizeRecords([{ name: 'a' }, { name: 'b' }], 'service', {
      transform: (r) => ((r as { name: string }).name === 'a' ? null : r),
    });
    expect(result.items.map((s) => s.name)).to.deep.equal(['b']);
    expect(result.skipped).to.equal(0);
  });

  it('names skipped records in warnings and keeps at most five', () => {
    const result = normalizeRecords(
      [{ title: 'ok', start: '2026-11-25' }, ...Array.from({ length: 8 }, () => ({ title: 'x' }))],
      'event',
    );
    expect(result.items).to.have.length(1);
    expect(result.skipped).to.equal(8);
    expect(result.warnings).to.have.length(MAX_WARNINGS);
    expect(result.warnings[0]).to.equal('record 2: missing start');
  });

  it('makes ids unique within one result', () => {
    const result = normalizeRecords(
      [
        { id: 'x', name: 'a' },
        { id: 'x', name: 'b' },
        { id: 'x', name: 'c' },
      ],
      'service',
    );
    expect(result.items.map((s) => s.id)).to.deep.equal(['x', 'x-2', 'x-3']);
  });

  it('rejects a non-list with a format DandelionError', () => {
    expect(() => normalizeRecords({} as unknown as unknown[], 'service'))
      .to.throw(DandelionError)
      .with.property('kind', 'format');
  });

  it('normalizes 10,000 records', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => ({
      服务名称: `服务 ${i}`,
      机构: '示例社工站',
      类别: '心理；儿童',
      联系电话: `020-0000${String(i).padStart(4, '0')}`,
      地址: '某某街道',
      纬度: '23.1',
      经度: '113.3',
      年龄: '3-6岁',
      更新时间: '2026-03-05',
    }));
    const result = normalizeRecords(records, 'service');
    expect(result.items).to.have.length(10_000);
    expect(new Set(result.items.map((s) => s.id)).size).to.equal(10_000);
  });

  it('never throws anything but DandelionError on arbitrary values (property)', () => {
    fc.assert(
      fc.property(fc.array(small.anything(), { maxLength: 10 }), small.kind(), (records, kind) => {
        const result = normalizeRecords(records, kind);
        expect(result.items.length + result.skipped).to.equal(records.length);
      }),
    );
    fc.assert(
      fc.property(small.anything(), small.kind(), (value, kind) =>
        onlyDandelionErrors(() => normalizeRecords(value as unknown[], kind)),
      ),
    );
  });

  it('never throws on records with alias keys and arbitrary values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            aliasKey,
            fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }), small.anything()),
            { maxKeys: 8 },
          ),
          { maxLength: 10 },
        ),
        small.kind(),
        (records, kind) => {
          const result = normalizeRecords(records, kind);
          expect(result.items.length + result.skipped).to.equal(records.length);
        },
      ),
    );
  });

  it('round-trips names and titles through a map to custom keys (property)', () => {
    const safe = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() !== '' && !/[<&]/.test(s));
    const customKey = fc
      .stringMatching(/^[a-z][a-z0-9]{0,8}$/)
      .filter((k) => k !== 'nested' && k !== 'when');
    fc.assert(
      fc.property(safe, safe, safe, customKey, customKey, (name, org, title, k1, k2) => {
        const record = { [k1]: name, nested: { [k2]: org }, when: '2026-11-25' };
        const map = { name: k1, organization: `nested.${k2}`, title: k1, start: 'when' };
        const s = normalizeRecords([record], 'service', { map }).items[0];
        expect(s.name).to.equal(name.trim());
        expect(s.organization).to.equal(org.trim());

        const titled = { [k1]: title, when: '2026-11-25' };
        const e = normalizeRecords([titled], 'event', { map }).items[0];
        expect(e.title).to.equal(title.trim());
        const st = normalizeRecords([titled], 'story', { map: { title: k1 } }).items[0];
        expect(st.title).to.equal(title.trim());
      }),
    );
  });
});
