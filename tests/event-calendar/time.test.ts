import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addMonths,
  DAY,
  dayOf,
  isoDate,
  isValidTimeZone,
  monthLength,
  monthStart,
  parseDay,
  parseTime,
  partsOf,
  weekdayOf,
  weekStart,
  Zone,
} from '../../src/core/time/index.js';

const utc = (iso: string) => Date.parse(iso);

/**
 * A minute (epoch minutes) between `from` and `to`, or one within two hours of one of `changes`
 * (clock changes, where zone arithmetic goes wrong if it does anywhere): a hundred random minutes
 * over decades would almost never land there.
 */
function minuteNear(from: string, to: string, changes: string[]): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: utc(from) / 60_000, max: utc(to) / 60_000 });
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -120, max: 120 }))
    .map(([change, offset]) => utc(change) / 60_000 + offset);
  return fc.oneof(anywhere, nearChange);
}

describe('calendar time: day numbers', () => {
  it('round-trips civil dates and knows weekdays', () => {
    const day = dayOf(2026, 11, 25);
    expect(isoDate(day)).to.equal('2026-11-25');
    expect(weekdayOf(day)).to.equal(3); // Wednesday
    expect(partsOf(day)).to.deep.equal({ year: 2026, month: 11, day: 25, weekday: 3 });
    expect(weekdayOf(0)).to.equal(4); // 1970-01-01 was a Thursday
  });

  it('rejects impossible dates', () => {
    expect(parseDay('2026-02-30')).to.equal(undefined);
    expect(parseDay('2026-13-01')).to.equal(undefined);
    expect(parseDay('not a date')).to.equal(undefined);
    expect(parseDay('2028-02-29')).to.equal(dayOf(2028, 2, 29));
  });

  it('moves by months, clamping to the shorter month', () => {
    expect(isoDate(addMonths(dayOf(2026, 1, 31), 1))).to.equal('2026-02-28');
    expect(isoDate(addMonths(dayOf(2028, 1, 31), 1))).to.equal('2028-02-29');
    expect(isoDate(addMonths(dayOf(2026, 3, 31), -1))).to.equal('2026-02-28');
    expect(isoDate(addMonths(dayOf(2026, 12, 15), 1))).to.equal('2027-01-15');
    expect(monthLength(dayOf(2026, 2, 10))).to.equal(28);
    expect(isoDate(monthStart(dayOf(2026, 11, 25)))).to.equal('2026-11-01');
  });

  it('finds the start of a week for Monday- and Sunday-first locales', () => {
    const wed = dayOf(2026, 11, 25);
    expect(isoDate(weekStart(wed, 1))).to.equal('2026-11-23');
    expect(isoDate(weekStart(wed, 7))).to.equal('2026-11-22');
    expect(isoDate(weekStart(dayOf(2026, 11, 22), 7))).to.equal('2026-11-22');
    expect(isoDate(weekStart(dayOf(2026, 11, 22), 1))).to.equal('2026-11-16');
  });

  it('weekStart always lands on the first weekday, at most 6 days back (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 1, max: 7 }),
        (day, first) => {
          const start = weekStart(day, first);
          return weekdayOf(start) === first && day - start >= 0 && day - start < 7;
        },
      ),
    );
  });
});

describe('calendar time: zones', () => {
  it('knows valid and invalid zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).to.equal(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).to.equal(false);
    expect(Zone.get('Mars/Olympus_Mons')).to.equal(undefined);
  });

  it('computes offsets across a DST change (America/New_York)', () => {
    const ny = Zone.get('America/New_York')!;
    expect(ny.offsetAt(utc('2026-03-08T06:59:00Z'))).to.equal(-300);
    expect(ny.offsetAt(utc('2026-03-08T07:00:00Z'))).to.equal(-240);
    expect(ny.offsetAt(utc('2026-11-01T05:59:00Z'))).to.equal(-240);
    expect(ny.offsetAt(utc('2026-11-01T06:00:00Z'))).to.equal(-300);
  });

  it('reads a wall time skipped by spring-forward as the time after the jump', () => {
    const ny = Zone.get('America/New_York')!;
    // 02:30 does not exist on 2026-03-08 in New York: it becomes 03:30 EDT (07:30Z).
    const wall = Date.UTC(2026, 2, 8, 2, 30);
    expect(new Date(ny.fromWall(wall)).toISOString()).to.equal('2026-03-08T07:30:00.000Z');
  });

  it('reads a repeated wall time (fall-back) as the earlier instant', () => {
    const ny = Zone.get('America/New_York')!;
    const wall = Date.UTC(2026, 10, 1, 1, 30);
    expect(new Date(ny.fromWall(wall)).toISOString()).to.equal('2026-11-01T05:30:00.000Z');
  });

  it('gives a 23-hour and a 25-hour day their right midnights', () => {
    const london = Zone.get('Europe/London')!;
    const spring = dayOf(2026, 3, 29);
    expect(london.startOfDay(spring + 1) - london.startOfDay(spring)).to.equal(23 * 3_600_000);
    const autumn = dayOf(2026, 10, 25);
    expect(london.startOfDay(autumn + 1) - london.startOfDay(autumn)).to.equal(25 * 3_600_000);
  });

  it('puts an instant on the right local day and minute', () => {
    const shanghai = Zone.get('Asia/Shanghai')!;
    const t = utc('2026-11-25T17:30:00Z'); // 01:30 on the 26th in Shanghai
    expect(isoDate(shanghai.dayOf(t))).to.equal('2026-11-26');
    expect(shanghai.minuteOf(t)).to.equal(90);
  });

  it('toWall and fromWall are inverse for every instant (property, several zones)', () => {
    const zones = [
      'Asia/Shanghai',
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
    ].map((z) => Zone.get(z)!);
    // Clock changes in New York, London and Lord Howe (a half-hour change) in 2026.
    const changes = [
      '2026-03-08T07:00:00Z',
      '2026-11-01T06:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-04-04T15:00:00Z',
      '2026-10-03T15:30:00Z',
    ];
    fc.assert(
      fc.property(
        minuteNear('2000-01-01T00:00:00Z', '2040-01-01T00:00:00Z', changes),
        fc.integer({ min: 0, max: zones.length - 1 }),
        (minute, z) => {
          const zone = zones[z];
          const t = minute * 60_000;
          const back = zone.fromWall(zone.toWall(t));
          // Ambiguous wall times resolve to the earlier instant; it shows the same wall time.
          return back === t || (back < t && zone.toWall(back) === zone.toWall(t));
        },
      ),
    );
  });

  it('agrees with Intl for the local date of any instant (property)', () => {
    const zone = Zone.get('America/Sao_Paulo')!;
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Sao_Paulo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // São Paulo's clocks jumped at midnight (a day without 00:00) until 2019.
    const changes = ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z'];
    fc.assert(
      fc.property(minuteNear('1990-01-01T00:00:00Z', '2035-01-01T00:00:00Z', changes), (minute) => {
        const t = minute * 60_000;
        return isoDate(zone.dayOf(t)) === format.format(t);
      }),
    );
  });
});

describe('calendar time: parsing model dates', () => {
  const shanghai = Zone.get('Asia/Shanghai')!;
  /** What `parseTime` gives for an instant: its UTC time. */
  const instant = (iso: string) => ({ kind: 'instant', ms: utc(iso) });

  it('reads a date as a day and a date-time with offset as an instant', () => {
    expect(parseTime('2026-11-25', shanghai)).to.deep.equal({
      kind: 'date',
      day: dayOf(2026, 11, 25),
    });
    const cases: [written: string, utc: string][] = [
      ['2026-11-25T14:30:00+08:00', '2026-11-25T06:30:00Z'],
      ['2026-11-25T06:30:00Z', '2026-11-25T06:30:00Z'],
      ['2026-11-25T14:30:00.500-0330', '2026-11-25T18:00:00.500Z'],
    ];
    for (const [written, at] of cases) {
      expect(parseTime(written, shanghai), written).to.deep.equal(instant(at));
    }
  });

  it('reads a floating time in the zone it is given', () => {
    const ny = Zone.get('America/New_York')!;
    expect(parseTime('2026-07-01T09:00:00', shanghai)).to.deep.equal(
      instant('2026-07-01T01:00:00Z'),
    );
    expect(parseTime('2026-07-01T09:00:00', ny)).to.deep.equal(instant('2026-07-01T13:00:00Z'));
  });

  it('returns undefined for malformed dates', () => {
    for (const bad of ['2026-02-30', '2026-11-25T25:00', 'tomorrow', '', '25/11/2026']) {
      expect(parseTime(bad, shanghai), bad).to.equal(undefined);
    }
    expect(parseTime(42, shanghai)).to.equal(undefined);
  });

  it('uses day numbers that match UTC midnights', () => {
    expect(dayOf(2026, 11, 25) * DAY).to.equal(utc('2026-11-25T00:00:00Z'));
  });
});
