import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeBytes, readCsv } from '../../../src/core/readers/csv.js';
import { read } from '../../../src/core/read.js';
import type { ModelKind } from '../../../src/core/models.js';
import { expectKind, fixture, nothingRead } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';

const generic = (name: string) => fixture.text(`generic/${name}`);

/** Categories read from text: each name is its own id. */
const named = (...names: string[]) => names.map((name) => ({ id: name, name }));

describe('decodeBytes', () => {
  it('decodes a GBK file saved by Chinese Excel', async () => {
    const response = await fetch('/tests/fixtures/services-gbk.csv');
    const bytes = await response.arrayBuffer();
    const text = decodeBytes(bytes);
    expect(text.split('\n')[0]).to.equal('名称,机构,类别,电话');
    expect(text).to.contain('示例法律中心');
    // Servers often label every .csv as UTF-8; invalid UTF-8 still falls back to GB18030.
    expect(decodeBytes(bytes, 'text/csv; charset=utf-8')).to.equal(text);
    expect(decodeBytes(new Uint8Array(bytes), 'text/csv; charset="GBK"')).to.equal(text);
    expect(decodeBytes(bytes, response.headers.get('content-type') ?? undefined)).to.equal(text);
  });

  it('decodes UTF-8 with a BOM (and drops the BOM)', async () => {
    const bytes = await fixture.bytes('services-bom.csv');
    const text = decodeBytes(bytes);
    expect(text.charCodeAt(0)).not.to.equal(0xfeff);
    expect(text.split('\n')[0]).to.equal('名称,机构,类别,电话');
    // The BOM wins over a wrong label.
    expect(decodeBytes(bytes, 'text/csv; charset=gbk')).to.equal(text);
  });

  it('decodes UTF-16 with either byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x0d, 0x54, 0xf0, 0x79]); // 名称
    const be = new Uint8Array([0xfe, 0xff, 0x54, 0x0d, 0x79, 0xf0]);
    expect(decodeBytes(le)).to.equal('名称');
    expect(decodeBytes(be)).to.equal('名称');
  });

  it('uses the declared charset, and sniffs when the label is unknown', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // café
    expect(decodeBytes(latin1, 'text/csv; charset=iso-8859-1')).to.equal('café');
    const utf8 = new TextEncoder().encode('名称');
    expect(decodeBytes(utf8, 'text/csv; charset=no-such-charset')).to.equal('名称');
    expect(decodeBytes(utf8.buffer as ArrayBuffer)).to.equal('名称');
  });
});

describe('readCsv: services', () => {
  it('reads Chinese headers (简体)', async () => {
    const result = readCsv(await generic('services-zh.csv'), 'service');
    expect(result.skipped).to.equal(0);
    expect(result.warnings).to.deep.equal([]);
    const [child, elder] = result.items;
    expect(child).to.deep.include({
      name: '儿童心理咨询',
      organization: '示例社工站',
      categories: named('心理', '儿童', '家庭'),
      phones: [{ number: '020-00000001' }, { number: '020-00000002' }],
      locations: [{ address: '某某街道1号', lat: 23.1291, lng: 113.2644 }],
      ageMin: 3,
      ageMax: 6,
      fees: '免费',
      free: true,
      languages: ['普通话', '粤语'],
      eligibility: '辖区内儿童及家长',
      areas: ['某某街道', '某某社区'],
      email: 'help@example.org',
      url: 'https://example.org/services/1',
      updated: '2026-03-05',
      scheduleText: '周一至周五 9:00-17:00',
      description: '为 3–6 岁儿童提供心理咨询。<br>家长可陪同。',
    });
    expect(elder).to.deep.include({
      name: '长者日间照料',
      ageMin: 60,
      fees: '30元/天',
      url: 'https://www.example.org/elder',
      updated: '2026-03-01T10:30:00',
      locations: [{ address: '某某路2号' }],
      description: '<p>提供<b>午餐</b>和康乐活动</p>',
    });
    expect(elder).not.to.have.property('free');
    expect(elder).not.to.have.property('email');
  });

  it('reads English headers (any case and spacing)', async () => {
    const result = readCsv(await generic('services-en.csv'), 'service');
    expect(result.skipped).to.equal(0);
    const [family, legal] = result.items;
    expect(family).to.deep.include({
      name: 'Family Counselling',
      organization: 'Example Social Work Station',
      categories: named('Counselling', 'Family'),
      phones: [{ number: '020-00000011' }],
      locations: [{ address: '1 Example Road, Sample District', lat: 23.1, lng: 113.3 }],
      ageMin: 6,
      ageMax: 17,
      fees: 'None',
      free: true,
      languages: ['English', 'Mandarin'],
      eligibility: 'Families living in the district',
      areas: ['Sample District'],
      email: 'family@example.org',
      url: 'https://example.org/family',
      updated: '2026-03-05',
      scheduleText: 'Mon–Fri 9:00–17:00',
      description: 'Talks for parents &amp; children &lt; 18',
    });
    expect(legal.free).to.equal(false);
    expect(legal).not.to.have.property('url');
    expect(legal).not.to.have.property('updated');
  });

  it('reads Traditional Chinese headers (繁體)', async () => {
    const [item] = readCsv(await generic('services-hant.csv'), 'service').items;
    expect(item).to.deep.include({
      name: '長者探訪',
      organization: '示例社福中心',
      categories: named('長者服務', '探訪'),
      phones: [{ number: '020-00000021' }],
      locations: [{ address: '某某街道3號', lat: 22.3, lng: 114.17 }],
      fees: '免費',
      free: true,
      languages: ['粵語'],
      eligibility: '獨居長者',
      areas: ['某某區'],
      updated: '2026-02-01',
    });
  });

  it('checks coordinates: in range kept, swapped fixed, out of range dropped, all with warnings', async () => {
    const result = readCsv(await generic('services-coords.csv'), 'service');
    const byName = Object.fromEntries(result.items.map((s) => [s.name, s.locations]));
    expect(byName['In range']).to.deep.equal([{ lat: 23.1, lng: 113.3 }]);
    expect(byName['Swapped']).to.deep.equal([{ lat: 23.1, lng: 113.3 }]);
    expect(byName['Out of range']).to.deep.equal([]);
    expect(byName['Only latitude']).to.deep.equal([]);
    expect(byName['Null island']).to.deep.equal([]);
    expect(result.skipped).to.equal(0);
    expect(result.warnings).to.have.length(3);
    expect(result.warnings[0]).to.match(/^row 3: .*swapped/);
    expect(result.warnings[1]).to.match(/^row 4: .*out of range/);
    expect(result.warnings[2]).to.match(/^row 5: .*both/);
  });

  it('keeps ragged rows: extra cells dropped with a warning naming the row, missing cells empty', async () => {
    const result = readCsv(await generic('services-ragged.csv'), 'service');
    expect(result.items.map((s) => s.name)).to.deep.equal(['完整的服务', '多出两列', '缺少电话']);
    expect(result.items[1].phones).to.deep.equal([{ number: '020-00000032' }]);
    expect(result.items[2].phones).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([
      'row 3: 2 more cells than the header; kept the named ones',
    ]);
  });

  it('hands every record the full header, even for short rows (transform sees empty cells)', () => {
    const seen: unknown[] = [];
    readCsv('name,phone,org\nA\n', 'service', {
      transform: (r) => {
        seen.push(r);
        return r;
      },
    });
    expect(seen).to.deep.equal([{ name: 'A', phone: '', org: '' }]);
  });

  it('reads a GBK file once decoded', async () => {
    const bytes = await fixture.bytes('services-gbk.csv');
    const result = readCsv(decodeBytes(bytes), 'service');
    expect(result.items.map((s) => [s.name, s.organization, s.phones[0].number])).to.deep.equal([
      ['儿童心理咨询', '示例社工站', '020-00000001'],
      ['法律援助', '示例法律中心', '020-00000002'],
    ]);
  });

  it('strips a BOM left in the text and trims header names', async () => {
    const bom = await fixture.text('services-bom.csv');
    expect(readCsv(bom, 'service').items[0].name).to.equal('儿童心理咨询');
    const result = readCsv('\uFEFF 名称 , 电话 \n示例服务,020-00000001\n', 'service');
    expect(result.items[0]).to.deep.include({
      name: '示例服务',
      phones: [{ number: '020-00000001' }],
    });
  });

  it('reads tab- and semicolon-separated files and the sep= hint', () => {
    expect(readCsv('名称\t电话\n示例服务\t020-00000001', 'service').items[0].name).to.equal(
      '示例服务',
    );
    const semi = readCsv('sep=;\nname;categories\nA;x,y\n', 'service').items[0];
    expect(semi.categories.map((c) => c.name)).to.deep.equal(['x', 'y']);
  });

  it('applies map and transform to rows', () => {
    const result = readCsv('col_a,col_b\n示例服务,示例社工站\n', 'service', {
      map: { name: 'col_a', organization: 'col_b' },
    });
    expect(result.items[0]).to.include({ name: '示例服务', organization: '示例社工站' });
    const thrownOnce = readCsv('name\nA\nB\nC\n', 'service', {
      transform: (r) => {
        if ((r as { name: string }).name === 'B') throw new Error('no B');
        return r;
      },
    });
    expect(thrownOnce.items.map((s) => s.name)).to.deep.equal(['A', 'C']);
    expect(thrownOnce.warnings).to.deep.equal(['row 3: transform failed: no B']);
  });

  it('returns no items (not an error) for a header without rows', () => {
    expect(readCsv('名称,电话\n', 'service')).to.deep.equal(nothingRead);
  });
});

describe('readCsv: events and stories', () => {
  it('reads events with 日期 + 时间 columns, skipping unknown date formats with a warning', async () => {
    const result = readCsv(await generic('events-zh.csv'), 'event');
    expect(result.items.map((e) => e.title)).to.deep.equal([
      '亲子阅读会',
      '社区义诊',
      '长者茶话会',
    ]);
    expect(result.skipped).to.equal(1);
    expect(result.warnings).to.deep.equal(['row 5: start: unknown date format 25.11.2026']);
    const [reading, clinic, tea] = result.items;
    expect(reading).to.deep.include({
      start: '2026-11-25T14:30:00',
      end: '2026-11-25T16:00:00',
      allDay: false,
      location: { name: '示例社工站活动室', address: '某某街道1号' },
      description: '带上孩子一起读绘本。<br>请提前 10 分钟到场。',
      registrationUrl: 'https://example.org/signup/1',
      categories: ['亲子', '阅读'],
      cost: '免费',
      organizer: '示例社工站',
    });
    expect(clinic).to.deep.include({
      start: '2026-11-28',
      allDay: true,
      location: { address: '某某社区广场' },
    });
    expect(tea).to.deep.include({ start: '2026-12-01T14:00:00', end: '2026-12-01T16:00:00' });
  });

  it('reads stories with Chinese headers', async () => {
    const result = readCsv(await generic('stories-zh.csv'), 'story');
    expect(result.skipped).to.equal(1);
    expect(result.warnings).to.deep.equal(['row 4: missing title and summary']);
    expect(result.items[0]).to.deep.include({
      title: '小明的新学期',
      summary: '在社工陪伴下，小明重新回到课堂。',
      image: { src: 'https://example.org/img/1.jpg', alt: '小明在教室里读书（示意图）' },
      url: 'https://example.org/stories/1',
      date: '2026-09-01',
      author: '示例社工',
      tags: ['儿童', '教育'],
    });
    expect(result.items[1]).to.include({ title: '', summary: '只有摘要的故事' });
  });
});

describe('readCsv: not CSV', () => {
  it('rejects empty text, HTML, JSON, iCalendar and binary data as format errors', () => {
    for (const text of [
      '',
      '  \n\n',
      '<!doctype html><title>x</title>',
      '{"a":1}',
      'BEGIN:VCALENDAR\nVERSION:2.0',
      '\u0000\u0001PNG\u0002\u0003,\u0004',
    ]) {
      expectKind(() => readCsv(text, 'service'), 'format', JSON.stringify(text));
    }
  });

  it('rejects text whose first row is a sentence, not a header', () => {
    expectKind(() => readCsv('服务暂停，请稍后再试。\n', 'service'), 'format');
    expectKind(
      () => readCsv('The service is down for maintenance today\nSorry', 'service'),
      'format',
    );
  });

  it('rejects a file whose only record is swallowed by an unclosed quote', () => {
    expectKind(() => readCsv('name,x\n"abc,1\nfoo,2\nbar,3', 'service'), 'format');
  });

  it('keeps the rows before an unclosed quote and warns', () => {
    const result = readCsv('name,x\na,1\nb,2\n"c,3\nd,4\n', 'service');
    expect(result.items.map((s) => s.name)).to.deep.equal(['a', 'b']);
    expect(result.skipped).to.equal(1);
    expect(result.warnings[0]).to.match(/^row 4: unclosed quote/);
  });

  it('never throws anything but DandelionError on arbitrary text (property)', () => {
    const check = (text: string, kind: 'service' | 'event' | 'story') =>
      onlyDandelionErrors(() => {
        expect(readCsv(text, kind).warnings.length).to.be.at.most(5);
      });
    fc.assert(fc.property(small.text(), small.kind(), check));
    const cell = fc.oneof(
      fc.constantFrom('名称', 'name', '日期', 'start', 'lat', '"', '""', ',', '\n', '\r\n', ';'),
      fc.string({ maxLength: 20 }),
    );
    const csvish = fc
      .array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    fc.assert(fc.property(csvish, small.kind(), check));
  });
});

/**
 * A widget reads CSV through `read()`: the rows (`csv-rows.ts`) normalized in slices by its own
 * kind's code only (`formats/csv.ts`), not by `readCsv`'s every-kind normalizer. Same models,
 * skipped rows and warnings, or the same kind of error.
 */
describe('read(): CSV as a widget reads it', () => {
  /** `readCsv`'s answer, or the kind of its error. */
  const viaReadCsv = (text: string, kind: ModelKind) => {
    try {
      return readCsv(text, kind);
    } catch (error) {
      return (error as { kind: string }).kind;
    }
  };
  const viaRead = (text: string, kind: ModelKind) =>
    read(text, { kind, format: 'csv' }).catch((error: unknown) => (error as { kind: string }).kind);

  it("gives readCsv's models, skips and warnings for services, events and stories", async () => {
    const files: [string, ModelKind][] = [
      ['services-zh.csv', 'service'],
      ['services-ragged.csv', 'service'],
      ['services-coords.csv', 'service'],
      ['events-zh.csv', 'event'],
      ['stories-zh.csv', 'story'],
    ];
    for (const [file, kind] of files) {
      const text = await generic(file);
      const result = await read(text, { kind, format: 'csv' });
      expect(result, file).to.deep.equal(readCsv(text, kind));
      expect(result.items.length, file).to.be.greaterThan(0);
    }
    const events = await read(await generic('events-zh.csv'), { kind: 'event', format: 'csv' });
    expect(events.warnings).to.deep.equal(['row 5: start: unknown date format 25.11.2026']);
  });

  it('keeps the rows before an unclosed quote, and map and transform apply', async () => {
    const cut = await read('name,x\na,1\nb,2\n"c,3\nd,4\n', { kind: 'service', format: 'csv' });
    expect(cut.items.map((s) => s.name)).to.deep.equal(['a', 'b']);
    expect(cut.skipped).to.equal(1);
    expect(cut.warnings[0]).to.match(/^row 4: unclosed quote/);
    const mapped = await read('col_a,col_b\nA,x\nB,y\n', {
      kind: 'service',
      format: 'csv',
      map: { name: 'col_a', organization: 'col_b' },
      transform: (r) => ((r as { col_a: string }).col_a === 'B' ? null : r),
    });
    expect(mapped.items.map((s) => [s.name, s.organization])).to.deep.equal([['A', 'x']]);
  });

  it('agrees with readCsv on arbitrary CSV-ish text (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '名称',
        'name',
        '标题',
        '日期',
        'start',
        'summary',
        '"',
        '""',
        ',',
        '\n',
        ';',
      ),
      fc.constantFrom('<b>粗</b>', '&amp;', 'https://example.org/a', '2026-11-20 10:00'),
      fc.string({ maxLength: 12 }),
    );
    const csvish = fc
      .array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    await fc.assert(
      fc.asyncProperty(csvish, small.kind(), async (text, kind) => {
        expect(await viaRead(text, kind)).to.deep.equal(viaReadCsv(text, kind));
      }),
    );
  });
});
