/**
 * Issue #17: field aliases are resolved once per record shape (key list), not once per record.
 * The per-record lookup this replaced is kept here as the reference: on random records of mixed
 * shapes, both must give every alias the same value and key.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  aliasesOfKey,
  fieldsOf,
  normKey,
  pick,
  pickEntry,
  present,
  type Alias,
  type Hit,
} from '../../src/core/normalize/keys.js';
import { normalizeRecords } from '../../src/core/normalize/index.js';
import { nfkc, plainClock, toIso } from '../../src/core/normalize/dates.js';
import { toIsoDate } from '../../src/core/fields.js';

/** The lookup before issue #17: every key of every record compared to every alias. */
function referenceHits(raw: Record<string, unknown>): Map<Alias, Hit> {
  const hits = new Map<Alias, Hit>();
  for (const key of Object.keys(raw)) {
    const k = normKey(key);
    const value = raw[key];
    if (!present(value)) continue;
    for (const { alias: a, rank: r } of aliasesOfKey(k)) {
      const rank = key === a.canonical ? -1 : r;
      const best = hits.get(a);
      if (!best || rank < best.rank) hits.set(a, { rank, key: k, value });
    }
  }
  return hits;
}

/** Keys as sources spell them: model names, English and Chinese aliases, loose spellings. */
const keyNames = [
  'name',
  'Name',
  'title',
  '名称',
  '服务名称',
  '机构名称',
  'organization',
  '机构',
  'start',
  'Start Date',
  'start_date',
  '开始时间',
  'date',
  '日期',
  'address',
  '地址',
  'lat',
  'Latitude',
  'lng',
  'description',
  '简介',
  'phone',
  '电话',
  'categories',
  'tags',
  '费用（元）',
  'fees',
  'id',
  'ID',
  'summary',
  'unrelated',
];
const values = fc.oneof(
  fc.constant(''),
  fc.constant('  '),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 5 }),
);
/** A few shapes, shared by many records (as in a real list), plus odd ones. */
const records = fc
  .array(fc.uniqueArray(fc.constantFrom(...keyNames), { maxLength: 8 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((shapes) =>
    fc.array(
      fc
        .tuple(fc.constantFrom(...shapes), fc.array(values, { minLength: 8, maxLength: 8 }))
        .map(([keys, vs]) => Object.fromEntries(keys.map((key, i) => [key, vs[i]]))),
      { maxLength: 12 },
    ),
  );

describe('alias lookup per record shape', () => {
  it('finds the same value and key for every alias as the per-record lookup (fast-check)', () => {
    fc.assert(
      fc.property(records, (list) => {
        for (const raw of list) {
          const reference = referenceHits(raw);
          const fields = fieldsOf(raw);
          const aliases = new Set(Object.keys(raw).flatMap((k) => aliasesOfKey(normKey(k))));
          for (const { alias: a } of aliases) {
            const hit = reference.get(a);
            expect(pick(fields, a)).to.equal(hit?.value);
            expect(pickEntry(fields, a)).to.deep.equal(hit);
          }
        }
      }),
    );
  });

  it('reads a list of mixed shapes as it reads each record alone (fast-check)', () => {
    fc.assert(
      fc.property(records, (list) => {
        const together = normalizeRecords(list, 'service').items;
        const alone = list.flatMap((r) => normalizeRecords([r], 'service').items);
        // Ids are made unique across a list; compare everything else.
        const strip = ({ id: _, ...rest }: { id: string }) => rest;
        expect(together.map(strip)).to.deep.equal(alone.map(strip));
      }),
    );
  });

  it('reads a key added to a shape seen before', () => {
    const first = normalizeRecords([{ name: 'A' }, { name: 'B', 电话: '020-1' }], 'service');
    expect(first.items.map((s) => s.phones)).to.deep.equal([[], [{ number: '020-1' }]]);
  });
});

describe('dates without a regular expression where they need none', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

  it('reads YYYY-MM-DD as the full date reader does, impossible days included (fast-check)', () => {
    const dates = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(dates, (s) => {
        expect(toIso(s)).to.equal(toIsoDate(s));
      }),
    );
    expect(toIso('2026-02-30')).to.equal(undefined);
    expect(toIso('2028-02-29')).to.equal('2028-02-29');
  });

  it('leaves ASCII text as it is and normalizes the rest (fast-check)', () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('２０２６－１１－２５', '１４：３０', 'ｱｲｳ'),
    );
    fc.assert(
      fc.property(texts, (s) => {
        expect(nfkc(s)).to.equal(s.normalize('NFKC'));
      }),
    );
  });

  it('reads H:MM, HH:MM and HH:MM:SS as the regular expression it replaced (fast-check)', () => {
    const reference = (value: string) => {
      const plain = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
      if (!plain) return null;
      const [, h, min, sec = '00'] = plain;
      if (Number(h) > 23 || Number(min) > 59 || Number(sec) > 59) return undefined;
      return `${h.padStart(2, '0')}:${min}:${sec}`;
    };
    const times = fc.oneof(
      fc
        .tuple(digits(1), digits(2), fc.option(digits(2)))
        .map(([h, m, s]) => `${h}:${m}${s === null ? '' : `:${s}`}`),
      fc
        .tuple(digits(2), digits(2), fc.option(digits(2)))
        .map(([h, m, s]) => `${h}:${m}${s === null ? '' : `:${s}`}`),
      fc.string({ maxLength: 9 }),
      fc.constantFrom('9:5', '12:345', '1:30:', '１２:３０', '24:00', '23:59:60', ':30:0'),
    );
    fc.assert(
      fc.property(times, (value) => {
        expect(plainClock(value)).to.equal(reference(value));
      }),
    );
  });
});
