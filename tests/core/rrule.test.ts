import '../support/setup.js';
/**
 * Our own RRULE iterator (src/core/rrule.ts) against ical.js, and the everyday rules it runs
 * through expandOccurrences.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import type { CalendarEvent, Recurrence } from '../../src/core/models.js';
import { expandOccurrences } from '../../src/core/recurrence.js';
import { parseRule, ruleWalls } from '../../src/core/rrule.js';

const DAY = 86_400_000;
const LIMIT = Date.UTC(2030, 0, 1);
const iso = (wall: number) => new Date(wall).toISOString().slice(0, 19);

/** Our wall times (ISO, no zone) for a rule from a floating start, before 2030. */
function ours(text: string, start: string, isDate: boolean): string[] {
  const rule = parseRule(text);
  if (typeof rule !== 'object') throw new Error(`${text}: not in our subset (${rule})`);
  const startWall = Date.parse(`${start}Z`);
  const u = rule.until;
  const until =
    u && (u.dateOnly || isDate)
      ? Math.floor(u.wall / DAY) * DAY + (isDate ? 0 : DAY - 1000)
      : u?.wall;
  const out: string[] = [];
  for (const wall of ruleWalls(rule, startWall, until)) {
    if (wall >= LIMIT) break;
    out.push(iso(wall));
  }
  return out;
}

/**
 * ical.js's wall times with the RFC's reading of DTSTART added: it is always the first
 * instance and counts for COUNT (ical.js's iterator leaves out a DTSTART the rule does not match).
 */
function theirs(text: string, start: string, isDate: boolean): string[] {
  const recur = ICAL.Recur.fromString(text);
  const count = recur.count;
  recur.count = null as unknown as number;
  const u = recur.until;
  if (u && (u.isDate || isDate)) {
    recur.until = ICAL.Time.fromData({
      ...{ year: u.year, month: u.month, day: u.day },
      ...(isDate ? { isDate } : { hour: 23, minute: 59, second: 59 }),
    });
  }
  const iterator = recur.iterator(
    ICAL.Time.fromString(isDate ? start.slice(0, 10) : start, undefined as never),
  );
  const set = new Set([start]);
  for (let t = iterator.next(), n = 0; t && n < 5000; t = iterator.next(), n++) {
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= LIMIT) break;
    set.add(iso(wall));
  }
  const list = [...set].sort();
  return count ? list.slice(0, count) : list;
}

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const list = <T>(arb: fc.Arbitrary<T>) =>
  fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }).map((items) => items.join(','));

/**
 * Random rules in our subset, limited to the combinations ical.js itself gets right (see the
 * hand-written cases below for where it does not: BYMONTH in WEEKLY/MONTHLY, 5th weekdays,
 * a yearly 29th–31st in short months, BYSETPOS counting a DTSTART outside the rule).
 */
const ruleArb = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    by: fc.constantFrom('none', 'day', 'monthday'),
    ordinal: fc.boolean(),
    days: list(fc.constantFrom(...weekdays)),
    numbered: list(
      fc
        .tuple(fc.constantFrom('', '1', '2', '3', '4', '-1', '-2'), fc.constantFrom(...weekdays))
        .map(([ordinal, day]) => ordinal + day),
    ),
    monthDays: list(fc.constantFrom(1, 2, 15, 28, 29, 30, 31, -1, -2)),
    months: fc.option(list(fc.integer({ min: 1, max: 12 })), { nil: undefined }),
    setPos: fc.option(fc.constantFrom('1', '-1', '2', '1,-1'), { nil: undefined }),
    wkst: fc.option(fc.constantFrom(...weekdays), { nil: undefined }),
    end: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 12 }).map((n) => `COUNT=${n}`),
      fc.constantFrom('UNTIL=20270315', 'UNTIL=20270315T120000', 'UNTIL=20280229T235959'),
    ),
    start: fc.record({
      year: fc.integer({ min: 2024, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.constantFrom(1, 2, 15, 28, 29, 30, 31),
      time: fc.constantFrom('', 'T00:00:00', 'T09:30:00', 'T23:59:00'),
    }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`];
    if (r.interval) parts.push(`INTERVAL=${r.interval}`);
    const monthly = r.freq === 'MONTHLY' || r.freq === 'YEARLY';
    let day: number = r.start.day;
    if (r.by === 'day') {
      const numbered = monthly && r.ordinal && (r.freq === 'MONTHLY' || r.months);
      parts.push(`BYDAY=${numbered ? r.numbered : r.days}`);
      if (r.freq === 'MONTHLY' && !numbered && r.setPos && !r.end.startsWith('COUNT')) {
        parts.push(`BYSETPOS=${r.setPos}`);
      }
    } else if (r.by === 'monthday' && r.freq === 'MONTHLY') {
      parts.push(`BYMONTHDAY=${r.monthDays}`);
    } else if (r.by === 'monthday' && r.freq !== 'WEEKLY' && r.months) {
      const positive = r.monthDays.split(',').filter((d) => Number(d) > 0 && Number(d) <= 28);
      if (positive.length) parts.push(`BYMONTHDAY=${positive}`);
    }
    if (r.months && (r.freq === 'DAILY' || r.freq === 'YEARLY')) parts.push(`BYMONTH=${r.months}`);
    if (r.freq === 'YEARLY' && parts.length === (r.interval ? 2 : 1) + (r.months ? 1 : 0)) {
      day = Math.min(day, 28); // a plain yearly rule from a 29th–31st: ical.js rolls over
    }
    if (r.wkst) parts.push(`WKST=${r.wkst}`);
    if (r.end) parts.push(r.end);
    const { year, month, time } = r.start;
    day = Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const pad = (n: number) => String(n).padStart(2, '0');
    const start = `${year}-${pad(month)}-${pad(day)}${time || 'T00:00:00'}`;
    return { rule: parts.join(';'), start, isDate: time === '' };
  });

describe('rrule.ts', () => {
  it('gives ical.js’s occurrences for random everyday rules and starts (fast-check)', () => {
    fc.assert(
      fc.property(ruleArb, ({ rule, start, isDate }) => {
        let mine = ours(rule, start, isDate);
        let reference = theirs(rule, start, isDate);
        if (rule.includes('BYSETPOS')) {
          // ical.js puts a DTSTART outside the rule into the first month's set: compare after.
          const month = start.slice(0, 7);
          mine = mine.filter((t) => t.slice(0, 7) > month);
          reference = reference.filter((t) => t.slice(0, 7) > month);
        }
        expect(mine, `${rule} from ${start}`).to.deep.equal(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves rules outside the subset to ical.js, and names plain mistakes itself', () => {
    for (const rule of [
      'FREQ=HOURLY;INTERVAL=2',
      'FREQ=YEARLY;BYWEEKNO=20',
      'FREQ=YEARLY;BYYEARDAY=100',
      'FREQ=DAILY;BYHOUR=9,17',
      'FREQ=WEEKLY;BYDAY=1MO',
      'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1',
      'FREQ=DAILY;COUNT=3;UNTIL=20270101',
      'FREQ=DAILY;X-NAME=1',
    ]) {
      expect(parseRule(rule), rule).to.equal(undefined);
    }
    expect(parseRule('FREQ=SOMETIMES;COUNT=3')).to.be.a('string');
    expect(parseRule('COUNT=3')).to.equal('no FREQ');
    expect(parseRule('FREQ=DAILY;COUNT=0')).to.equal('COUNT must be positive');
    expect(parseRule('FREQ=WEEKLY;BYMONTHDAY=1')).to.equal('BYMONTHDAY cannot be WEEKLY');
    expect(parseRule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')).to.equal(
      'BYMONTHDAY never falls in BYMONTH',
    );
  });
});

const shanghai = { timeZone: 'Asia/Shanghai' };

function series(start: string, rule: string | Recurrence, fields: Partial<CalendarEvent> = {}) {
  const recurrence = typeof rule === 'string' ? { rrule: rule } : rule;
  return { id: 'e', title: '活动', allDay: false, categories: [], start, recurrence, ...fields };
}

async function starts(event: CalendarEvent, from: string, to: string): Promise<string[]> {
  const list = await expandOccurrences([event], new Date(from), new Date(to));
  return list.map((o) => o.start);
}

describe('everyday rules through expandOccurrences (no ical.js)', () => {
  it('every second week on Tuesday and Thursday', async () => {
    const event = series(
      '2026-11-03T19:00:00+08:00',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
      shanghai,
    );
    expect(await starts(event, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).to.deep.equal([
      '2026-11-03T19:00:00+08:00',
      '2026-11-05T19:00:00+08:00',
      '2026-11-17T19:00:00+08:00',
      '2026-11-19T19:00:00+08:00',
    ]);
  });

  it('the last Friday of every month', async () => {
    const event = series('2026-11-27T14:00:00+08:00', 'FREQ=MONTHLY;BYDAY=-1FR', shanghai);
    expect(await starts(event, '2026-11-01T00:00:00Z', '2027-03-01T00:00:00Z')).to.deep.equal([
      '2026-11-27T14:00:00+08:00',
      '2026-12-25T14:00:00+08:00',
      '2027-01-29T14:00:00+08:00',
      '2027-02-26T14:00:00+08:00',
    ]);
  });

  it('the second Sunday of May (Mother’s Day), all day', async () => {
    const event = series('2026-05-10', 'FREQ=YEARLY;BYMONTH=5;BYDAY=2SU', { allDay: true });
    expect(await starts(event, '2026-01-01T00:00:00Z', '2029-12-31T00:00:00Z')).to.deep.equal([
      '2026-05-10',
      '2027-05-09',
      '2028-05-14',
      '2029-05-13',
    ]);
  });

  it('the last weekday of the month (BYSETPOS=-1)', async () => {
    const rule = 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    const event = series('2026-10-30T17:00:00+08:00', rule, shanghai);
    expect(await starts(event, '2026-10-01T00:00:00Z', '2027-02-01T00:00:00Z')).to.deep.equal([
      '2026-10-30T17:00:00+08:00',
      '2026-11-30T17:00:00+08:00',
      '2026-12-31T17:00:00+08:00',
      '2027-01-29T17:00:00+08:00',
    ]);
  });

  it('the 31st skips the months without one; Feb 29 comes back in leap years only', async () => {
    const monthly = series('2026-01-31T10:00:00', 'FREQ=MONTHLY;COUNT=4');
    expect(await starts(monthly, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
      '2026-01-31T10:00:00',
      '2026-03-31T10:00:00',
      '2026-05-31T10:00:00',
      '2026-07-31T10:00:00',
    ]);
    // ical.js gives 2025-03-01, 2026-03-01… here.
    const leap = series('2024-02-29', 'FREQ=YEARLY;COUNT=3', { allDay: true });
    expect(await starts(leap, '2024-01-01T00:00:00Z', '2034-01-01T00:00:00Z')).to.deep.equal([
      '2024-02-29',
      '2028-02-29',
      '2032-02-29',
    ]);
  });

  it('a date UNTIL keeps its whole day; a UTC date-time UNTIL is an instant', async () => {
    const from = '2026-11-01T00:00:00Z';
    const to = '2027-01-01T00:00:00Z';
    const dated = series('2026-11-07T20:00:00+08:00', 'FREQ=WEEKLY;UNTIL=20261121', shanghai);
    expect((await starts(dated, from, to)).at(-1)).to.equal('2026-11-21T20:00:00+08:00');
    // 20:00 in Shanghai is 12:00Z: an UNTIL at 11:59:59Z that day leaves it out.
    const timed = series(
      '2026-11-07T20:00:00+08:00',
      'FREQ=WEEKLY;UNTIL=20261121T115959Z',
      shanghai,
    );
    expect((await starts(timed, from, to)).at(-1)).to.equal('2026-11-14T20:00:00+08:00');
    const exact = series(
      '2026-11-07T20:00:00+08:00',
      'FREQ=WEEKLY;UNTIL=20261121T120000Z',
      shanghai,
    );
    expect((await starts(exact, from, to)).at(-1)).to.equal('2026-11-21T20:00:00+08:00');
  });

  it('counts EXDATEs against COUNT (they are taken out after counting)', async () => {
    const event = series(
      '2026-11-07T10:00:00+08:00',
      { rrule: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-11-14T10:00:00+08:00'] },
      shanghai,
    );
    expect(await starts(event, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
      '2026-11-07T10:00:00+08:00',
      '2026-11-21T10:00:00+08:00',
      '2026-11-28T10:00:00+08:00',
    ]);
  });

  it('counts a DTSTART the rule does not match as the first instance (RFC 5545)', async () => {
    // A Tuesday start for a Saturday rule: ical.js would leave the Tuesday out.
    const event = series('2026-11-03T10:00:00+08:00', 'FREQ=WEEKLY;BYDAY=SA;COUNT=3', shanghai);
    expect(await starts(event, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
      '2026-11-03T10:00:00+08:00',
      '2026-11-07T10:00:00+08:00',
      '2026-11-14T10:00:00+08:00',
    ]);
  });

  it('applies BYMONTH to every week and month, the first one too', async () => {
    // A summer break: no July or August. ical.js lets the first week or month through.
    const weekly = series('2026-06-25', 'FREQ=WEEKLY;BYDAY=TH,SA;BYMONTH=6,9', { allDay: true });
    expect(await starts(weekly, '2026-06-01T00:00:00Z', '2026-09-08T00:00:00Z')).to.deep.equal([
      '2026-06-25',
      '2026-06-27',
      '2026-09-03',
      '2026-09-05',
    ]);
    const months = 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=30;BYMONTH=1,6';
    const monthly = series('2026-06-01', months, { allDay: true });
    expect(await starts(monthly, '2026-06-01T00:00:00Z', '2028-01-01T00:00:00Z')).to.deep.equal([
      '2026-06-01',
      '2026-06-30',
      '2027-06-30',
    ]);
  });

  it('pages far into an old series without replaying it (same as from the start)', async () => {
    const event = series('2001-01-05T09:00:00', 'FREQ=WEEKLY;BYDAY=FR');
    expect(await starts(event, '2026-11-01T00:00:00Z', '2026-11-15T00:00:00Z')).to.deep.equal([
      '2026-11-06T09:00:00',
      '2026-11-13T09:00:00',
    ]);
  });
});
