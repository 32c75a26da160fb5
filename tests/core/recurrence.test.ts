import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import type { CalendarEvent, Recurrence } from '../../src/core/models.js';
import { readIcs } from '../../src/core/readers/ics.js';
import { occurrenceToIcs } from '../../src/core/ics-export.js';
import { expandOccurrences, type Occurrence } from '../../src/core/recurrence.js';
import { isoToInstant } from '../../src/core/time/wall.js';
import { fixture } from '../support/readers.js';

const icsFixture = (name: string) => fixture.text(`ics/${name}`);
const utc = (iso: string) => new Date(iso);
const starts = (list: Occurrence[]) => list.map((o) => o.start);

function event(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'start'>): CalendarEvent {
  return { id: 'e', title: 'Event', allDay: false, categories: [], ...fields };
}

/** An event repeating from `start` by a rule (or a whole recurrence). */
function recurring(
  start: string,
  rule: string | Recurrence,
  fields: Partial<CalendarEvent> = {},
): CalendarEvent {
  return event({ start, ...fields, recurrence: typeof rule === 'string' ? { rrule: rule } : rule });
}

/** Occurrences of one event or a list in [from, to) (ISO instants). */
function expand(
  events: CalendarEvent | CalendarEvent[],
  from: string,
  to: string,
  options?: Parameters<typeof expandOccurrences>[3],
): Promise<Occurrence[]> {
  return expandOccurrences(Array.isArray(events) ? events : [events], utc(from), utc(to), options);
}

/** The starts of the occurrences in [from, to). */
async function startsIn(events: CalendarEvent | CalendarEvent[], from: string, to: string) {
  return starts(await expand(events, from, to));
}

const newYork = { timeZone: 'America/New_York' };
const shanghai = { timeZone: 'Asia/Shanghai' };

/** ical.js's own expansion (ICAL.Event iterator: RRULE, RDATE, EXDATE, VTIMEZONE). */
function icalStarts(text: string, uid: string, from: Date, to: Date, hours = 1): number[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar
    .getAllSubcomponents('vevent')
    .find((v) => v.getFirstPropertyValue('uid') === uid);
  if (!vevent) throw new Error(`no ${uid}`);
  const iterator = new ICAL.Event(vevent).iterator();
  const out: number[] = [];
  for (let time = iterator.next(); time; time = iterator.next()) {
    const ms = time.toJSDate().getTime();
    if (ms >= to.getTime() || out.length > 5000) break;
    if (ms + hours * 3_600_000 > from.getTime()) out.push(ms);
  }
  return out;
}

describe('expandOccurrences', () => {
  describe('matches ical.js on the RFC 5545 §3.8.5.3 examples', () => {
    let text: string;
    let events: CalendarEvent[];
    before(async () => {
      text = await icsFixture('rfc5545-recurrence.ics');
      ({ items: events } = await readIcs(text));
    });

    const cases: [string, string, string][] = [
      ['every-other-week-mwf', '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z'],
      ['monthly-first-last', '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z'],
      ['yearly-june-july', '1997-01-01T00:00:00Z', '2003-01-01T00:00:00Z'],
      ['daily-10', '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z'],
      ['january-3-years', '1997-12-01T00:00:00Z', '2001-01-01T00:00:00Z'],
      ['second-to-last-monday', '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z'],
      ['friday-13th', '1997-01-01T00:00:00Z', '2001-01-01T00:00:00Z'],
      ['third-tue-wed-thu', '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z'],
      ['every-20-minutes', '1997-09-01T00:00:00Z', '1997-09-05T00:00:00Z'],
      // Far from the series start: the expansion jumps ahead instead of replaying history.
      ['every-20-minutes', '1999-10-30T00:00:00Z', '1999-11-02T00:00:00Z'],
      ['weekly-until-dec-24', '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z'],
      ['us-election-day', '1996-01-01T00:00:00Z', '2030-01-01T00:00:00Z'],
      ['rdate-list', '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z'],
      // A window in the middle of a series, across the October 1997 DST change.
      ['every-other-week-mwf', '1997-10-20T00:00:00Z', '1997-11-10T00:00:00Z'],
    ];
    for (const [uid, from, to] of cases) {
      it(`${uid} in [${from.slice(0, 10)}, ${to.slice(0, 10)})`, async () => {
        const series = events.find((e) => e.id === uid) as CalendarEvent;
        expect(series.timeZone).to.equal('America/New_York');
        const mine = await expandOccurrences([series], utc(from), utc(to));
        const theirs = icalStarts(text, uid, utc(from), utc(to));
        expect(theirs.length).to.be.greaterThan(0);
        expect(mine.map((o) => Date.parse(o.start))).to.deep.equal(theirs);
        expect(mine.every((o) => o.recurring)).to.equal(true);
      });
    }

    it('matches ical.js window after window, as paging does (kept and replayed times)', async () => {
      const day = 86_400_000;
      const windows: [string, number, number, number][] = [
        // uid, first window start, window length (days), windows
        ['friday-13th', Date.parse('1997-09-01T00:00:00Z'), 31, 40],
        ['every-other-week-mwf', Date.parse('1997-08-15T00:00:00Z'), 7, 20],
        // 24 a day: more times than are kept, so it changes over to jumping ahead mid-way.
        ['every-20-minutes', Date.parse('1997-09-01T00:00:00Z'), 3, 15],
      ];
      for (const [uid, first, days, count] of windows) {
        const series = events.find((e) => e.id === uid) as CalendarEvent;
        for (const direction of [1, -1]) {
          for (let i = 0; i < count; i++) {
            const n = direction > 0 ? i : count - 1 - i;
            const from = new Date(first + n * days * day);
            const to = new Date(first + (n + 1) * days * day);
            const mine = await expandOccurrences([series], from, to);
            expect(
              mine.map((o) => Date.parse(o.start)),
              `${uid} ${from.toISOString()}`,
            ).to.deep.equal(icalStarts(text, uid, from, to));
          }
        }
      }
    });

    it('gives the RFC’s listed dates, 09:00 local on both sides of the DST change', async () => {
      const series = events.find((e) => e.id === 'monthly-first-last') as CalendarEvent;
      const list = await expand(series, '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z');
      expect(starts(list)).to.deep.equal([
        '1997-09-30T09:00:00-04:00',
        '1997-10-01T09:00:00-04:00',
        '1997-10-31T09:00:00-05:00',
        '1997-11-01T09:00:00-05:00',
        '1997-11-30T09:00:00-05:00',
        '1997-12-01T09:00:00-05:00',
        '1997-12-31T09:00:00-05:00',
        '1998-01-01T09:00:00-05:00',
        '1998-01-31T09:00:00-05:00',
        '1998-02-01T09:00:00-05:00',
      ]);
      expect(list[0].end).to.equal('1997-09-30T10:00:00-04:00');
    });
  });

  describe('time zones and DST', () => {
    it('keeps a weekly 09:30 New York series at 09:30 local across the March change', async () => {
      const series = recurring('2026-02-28T09:30:00-05:00', 'FREQ=WEEKLY', {
        ...newYork,
        end: '2026-02-28T11:00:00-05:00',
      });
      const list = await expand(series, '2026-02-27T00:00:00Z', '2026-03-22T00:00:00Z');
      expect(list.map((o) => [o.start, o.end])).to.deep.equal([
        ['2026-02-28T09:30:00-05:00', '2026-02-28T11:00:00-05:00'],
        ['2026-03-07T09:30:00-05:00', '2026-03-07T11:00:00-05:00'],
        ['2026-03-14T09:30:00-04:00', '2026-03-14T11:00:00-04:00'],
        ['2026-03-21T09:30:00-04:00', '2026-03-21T11:00:00-04:00'],
      ]);
    });

    it('keeps a weekly Berlin series at 10:00 local across both changes', async () => {
      const series = recurring('2026-03-22T10:00:00+01:00', 'FREQ=WEEKLY;BYDAY=SU', {
        timeZone: 'Europe/Berlin',
      });
      expect(await startsIn(series, '2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z')).to.deep.equal([
        '2026-03-22T10:00:00+01:00',
        '2026-03-29T10:00:00+02:00',
        '2026-04-05T10:00:00+02:00',
      ]);
      expect(await startsIn(series, '2026-10-17T00:00:00Z', '2026-11-02T00:00:00Z')).to.deep.equal([
        '2026-10-18T10:00:00+02:00',
        '2026-10-25T10:00:00+01:00',
        '2026-11-01T10:00:00+01:00',
      ]);
    });

    it('keeps Asia/Shanghai at +08:00 all year', async () => {
      const series = recurring('2026-01-03T09:30:00+08:00', 'FREQ=MONTHLY;BYDAY=1SA', shanghai);
      const list = await expand(series, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
      expect(list.length).to.equal(12);
      expect(list.every((o) => o.start.endsWith('T09:30:00+08:00'))).to.equal(true);
    });

    // A daily series in New York through each change: RFC 5545 §3.3.5 on the skipped and
    // repeated hour.
    const dailyThroughChange = [
      [
        'reads a time that DST skips with the offset before the change (RFC 5545 §3.3.5)',
        '2026-03-07T02:30:00-05:00',
        ['2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z'],
        ['2026-03-07T02:30:00-05:00', '2026-03-08T03:30:00-04:00', '2026-03-09T02:30:00-04:00'],
      ],
      [
        'takes the first of two 01:30s when DST ends',
        '2026-10-31T01:30:00-04:00',
        ['2026-10-01T00:00:00Z', '2026-11-10T00:00:00Z'],
        ['2026-10-31T01:30:00-04:00', '2026-11-01T01:30:00-04:00', '2026-11-02T01:30:00-05:00'],
      ],
    ] as const;
    for (const [name, start, [from, to], expected] of dailyThroughChange) {
      it(name, async () => {
        const series = recurring(start, 'FREQ=DAILY;COUNT=3', newYork);
        expect(await startsIn(series, from, to)).to.deep.equal(expected);
      });
    }

    it('keeps a fixed offset when the event has no zone, and floating times floating', async () => {
      const fixed = recurring('2026-11-28T09:30:00+08:00', 'FREQ=WEEKLY;COUNT=2', { id: 'fixed' });
      const floating = recurring('2026-11-28T09:30:00', 'FREQ=WEEKLY;COUNT=2', { id: 'floating' });
      const list = await expand([fixed, floating], '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z');
      expect(list.filter((o) => o.event.id === 'fixed').map((o) => o.start)).to.deep.equal([
        '2026-11-28T09:30:00+08:00',
        '2026-12-05T09:30:00+08:00',
      ]);
      expect(list.filter((o) => o.event.id === 'floating').map((o) => o.start)).to.deep.equal([
        '2026-11-28T09:30:00',
        '2026-12-05T09:30:00',
      ]);
    });

    it('repeats all-day events as dates with their length', async () => {
      const series = recurring('2026-01-01', 'FREQ=YEARLY', { end: '2026-01-03', allDay: true });
      const list = await expand(series, '2026-06-01T00:00:00Z', '2029-06-01T00:00:00Z');
      expect(list.map((o) => [o.start, o.end])).to.deep.equal([
        ['2027-01-01', '2027-01-03'],
        ['2028-01-01', '2028-01-03'],
        ['2029-01-01', '2029-01-03'],
      ]);
      expect(list[0].event).to.include({ start: '2027-01-01', end: '2027-01-03', allDay: true });
    });
  });

  describe('COUNT, UNTIL and series without an end', () => {
    it('stops after COUNT', async () => {
      const series = recurring('2026-11-02T10:00:00Z', 'FREQ=DAILY;COUNT=3');
      const list = await expand(series, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z');
      expect(list.length).to.equal(3);
    });

    it('includes an occurrence exactly at a UTC UNTIL, and a date UNTIL’s whole day', async () => {
      const base = { start: '2026-11-07T09:30:00+08:00', timeZone: 'Asia/Shanghai' };
      const utcUntil = event({
        ...base,
        recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20261121T013000Z' },
      });
      const dateUntil = event({ ...base, recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20261121' } });
      for (const series of [utcUntil, dateUntil]) {
        expect(
          await startsIn(series, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'),
        ).to.deep.equal([
          '2026-11-07T09:30:00+08:00',
          '2026-11-14T09:30:00+08:00',
          '2026-11-21T09:30:00+08:00',
        ]);
      }
    });

    // Its speed is measured in bench/readers.bench.ts; here, what it gives.
    it('expands a decades-old daily series only inside the range', async () => {
      const series = recurring('1990-01-01T09:00:00+08:00', 'FREQ=DAILY', {
        end: '1990-01-01T10:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      });
      const list = await expand(series, '2026-10-31T16:00:00Z', '2026-11-30T16:00:00Z');
      expect(list.length).to.equal(30);
      expect(list[0].start).to.equal('2026-11-01T09:00:00+08:00');
      expect(list[29].start).to.equal('2026-11-30T09:00:00+08:00');
    });

    it('caps pathological series at maxPerSeries (default 1000)', async () => {
      const secondly = recurring('2000-01-01T00:00:00Z', 'FREQ=SECONDLY');
      const range = ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'] as const;
      expect((await expand(secondly, ...range)).length).to.equal(1000);
      expect((await expand(secondly, ...range, { maxPerSeries: 10 })).length).to.equal(10);
      // The start jumps to just before the range instead of counting 26 years of seconds (its
      // speed is measured in bench/readers.bench.ts).
      const list = await expand(secondly, ...range, { maxPerSeries: 3 });
      expect(starts(list)).to.deep.equal([
        '2026-11-01T00:00:00Z',
        '2026-11-01T00:00:01Z',
        '2026-11-01T00:00:02Z',
      ]);
    });

    it('does not hang on rules that never match or crawl; shows the event once', async () => {
      const rules = [
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', // never matches: ical.js would loop forever
        'FREQ=DAILY;BYDAY=5MO', // numbered BYDAY in a DAILY rule: same
        'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29', // years of seconds between matches
        'FREQ=WEEKLY;BYDAY=XX', // not a rule
        'FREQ=HOURLY;BYYEARDAY=100', // ical.js refuses it only when iterating
        'FREQ=DAILY;UNTIL=19990101T000000Z', // ends before it starts
      ];
      const events = rules.map((rrule, i) =>
        event({ id: `r${i}`, start: `2026-11-0${i + 1}T02:00:00Z`, recurrence: { rrule } }),
      );
      const list = await expand(events, '2026-11-01T00:00:00Z', '2027-12-01T00:00:00Z');
      expect(list.map((o) => [o.occurrenceId, o.recurring])).to.deep.equal(
        rules.map((_, i) => [`r${i}`, false]),
      );
    });

    it('reads a DAILY rule with a negative BYMONTHDAY (ical.js alone never ends on it)', async () => {
      const series = recurring(
        '2026-01-31T09:00:00+08:00',
        'FREQ=DAILY;BYMONTHDAY=-1;COUNT=4',
        shanghai,
      );
      expect(await startsIn(series, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
        '2026-01-31T09:00:00+08:00',
        '2026-02-28T09:00:00+08:00',
        '2026-03-31T09:00:00+08:00',
        '2026-04-30T09:00:00+08:00',
      ]);
    });

    it('always ends, inside the range, sorted, for any mix of rule parts (fast-check)', async () => {
      const values = (name: string, list: string[]) =>
        fc.subarray(list, { minLength: 1 }).map((v) => `${name}=${v.join(',')}`);
      const part = fc.oneof(
        fc.integer({ min: 1, max: 3 }).map((n) => `INTERVAL=${n}`),
        fc.integer({ min: 1, max: 20 }).map((n) => `COUNT=${n}`),
        values('BYMONTHDAY', ['1', '2', '-1', '13', '29', '30', '31', '-31']),
        values('BYMONTH', ['1', '2', '6', '12']),
        values('BYDAY', ['MO', 'FR', '1MO', '-1FR', '2TU', '5SU', '-5SA']),
        values('BYHOUR', ['0', '9', '23']),
        values('BYMINUTE', ['0', '30', '59']),
        values('BYSETPOS', ['1', '-1', '3']),
        values('BYWEEKNO', ['1', '20', '53', '-1']),
        values('BYYEARDAY', ['1', '100', '366', '-1']),
        fc.constantFrom('WKST=SU', 'UNTIL=20300101T000000Z', 'UNTIL=20270101'),
      );
      const freq = fc.constantFrom(
        'SECONDLY',
        'MINUTELY',
        'HOURLY',
        'DAILY',
        'WEEKLY',
        'MONTHLY',
        'YEARLY',
      );
      const rule = fc
        .tuple(freq, fc.array(part, { maxLength: 4 }))
        .map(([f, rest]) => [`FREQ=${f}`, ...rest].join(';'));
      const from = utc('2027-03-01T00:00:00Z');
      const to = utc('2027-05-01T00:00:00Z');
      await fc.assert(
        fc.asyncProperty(rule, fc.boolean(), async (rrule, allDay) => {
          const series = event({
            start: allDay ? '2026-01-31' : '2026-01-31T09:30:00-05:00',
            allDay,
            timeZone: 'America/New_York',
            recurrence: { rrule },
          });
          const list = await expandOccurrences([series], from, to, { maxPerSeries: 200 });
          expect(list.length).to.be.at.most(200);
          // Dates and floating times are local: isoToInstant reads them as the grid does.
          const instants = list.map((o) => isoToInstant(o.start) as number);
          expect([...instants].sort((a, b) => a - b)).to.deep.equal(instants);
          list.forEach((o, i) => {
            expect(instants[i]).to.be.below(to.getTime());
            expect(isoToInstant(o.end) ?? instants[i] + 1).to.be.above(from.getTime());
          });
        }),
      );
    });

    it('returns nothing for an empty or inverted range', async () => {
      const single = event({ start: '2026-11-05T02:00:00Z' });
      expect(await expand(single, '2026-12-01T00:00:00Z', '2026-11-01T00:00:00Z')).to.deep.equal(
        [],
      );
    });
  });

  describe('EXDATE, RDATE and overrides (recurring.ics)', () => {
    let weekly: CalendarEvent;
    before(async () => {
      const { items } = await readIcs(await icsFixture('recurring.ics'));
      weekly = items.find((e) => e.id === 'weekly@example.org') as CalendarEvent;
    });

    it('drops EXDATEs and cancelled occurrences, adds RDATEs, moves and renames overrides', async () => {
      const list = await expand(weekly, '2026-10-31T16:00:00Z', '2026-12-31T16:00:00Z');
      expect(list.map((o) => [o.start, o.end, o.event.title])).to.deep.equal([
        ['2026-11-07T09:30:00+08:00', '2026-11-07T11:00:00+08:00', '周六亲子阅读'],
        ['2026-11-14T09:30:00+08:00', '2026-11-14T11:00:00+08:00', '周六亲子阅读'],
        ['2026-11-25T19:00:00+08:00', '2026-11-25T20:30:00+08:00', '周六亲子阅读'],
        ['2026-12-06T14:00:00+08:00', '2026-12-06T15:30:00+08:00', '周六亲子阅读（改到周日下午）'],
        ['2026-12-19T09:30:00+08:00', '2026-12-19T11:00:00+08:00', '周六亲子阅读'],
        ['2026-12-26T09:30:00+08:00', '2026-12-26T11:00:00+08:00', '周六亲子阅读'],
      ]);
      const moved = list[3];
      expect(moved.occurrenceId).to.equal('weekly@example.org-20261205T013000Z');
      expect(moved.event).to.include({
        id: 'weekly@example.org',
        start: moved.start,
        end: moved.end,
      });
      expect(moved.event).not.to.have.property('recurrence');
      expect(new Set(list.map((o) => o.occurrenceId)).size).to.equal(list.length);
    });

    it('shows an occurrence moved into the range and hides one moved out of it', async () => {
      const sunday = await expand(weekly, '2026-12-05T16:00:00Z', '2026-12-06T16:00:00Z');
      expect(starts(sunday)).to.deep.equal(['2026-12-06T14:00:00+08:00']);
      const saturday = await expand(weekly, '2026-12-04T16:00:00Z', '2026-12-05T16:00:00Z');
      expect(saturday).to.deep.equal([]);
    });

    it('gives a moved occurrence without its own end the series’ length', async () => {
      const later = { '2026-11-03T10:00:00Z': { start: '2026-11-03T15:00:00Z', title: 'Later' } };
      const series = recurring(
        '2026-11-02T10:00:00Z',
        { rrule: 'FREQ=DAILY;COUNT=3', overrides: later },
        { end: '2026-11-02T11:30:00Z' },
      );
      const list = await expand(series, '2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z');
      expect(list.map((o) => [o.start, o.end, o.event.title])).to.deep.equal([
        ['2026-11-02T10:00:00Z', '2026-11-02T11:30:00Z', 'Event'],
        ['2026-11-03T15:00:00Z', '2026-11-03T16:30:00Z', 'Later'],
        ['2026-11-04T10:00:00Z', '2026-11-04T11:30:00Z', 'Event'],
      ]);
    });

    it('matches EXDATEs by instant whatever their offset, and plain dates by day', async () => {
      const exdates = ['2026-11-03T01:00:00Z', '2026-11-04'];
      const rule = { rrule: 'FREQ=DAILY;COUNT=4', exdates };
      const series = recurring('2026-11-02T09:00:00+08:00', rule, shanghai);
      expect(await startsIn(series, '2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z')).to.deep.equal([
        '2026-11-02T09:00:00+08:00',
        '2026-11-05T09:00:00+08:00',
      ]);
    });

    it('expands an RDATE-only series (DTSTART plus the extra dates)', async () => {
      const series = event({
        start: '2026-11-02T10:00:00Z',
        recurrence: { rdates: ['2026-11-20T10:00:00Z', '2026-11-09T10:00:00Z'] },
      });
      const list = await expand(series, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
      expect(starts(list)).to.deep.equal([
        '2026-11-02T10:00:00Z',
        '2026-11-09T10:00:00Z',
        '2026-11-20T10:00:00Z',
      ]);
      expect(list.every((o) => o.recurring)).to.equal(true);
    });
  });

  describe('plain events', () => {
    it('passes through events that overlap the range, sorted with the occurrences', async () => {
      const inside = event({
        id: 'inside',
        start: '2026-11-10T10:00:00Z',
        end: '2026-11-10T11:00:00Z',
      });
      const spanning = event({
        id: 'spanning',
        start: '2026-10-30T10:00:00Z',
        end: '2026-11-02T10:00:00Z',
      });
      const endsAtStart = event({
        id: 'ends-at-start',
        start: '2026-10-31T10:00:00Z',
        end: '2026-11-01T00:00:00Z',
      });
      const after = event({ id: 'after', start: '2026-12-01T00:00:00Z' });
      const weekly = recurring('2026-11-04T08:00:00Z', 'FREQ=WEEKLY;COUNT=2', { id: 'weekly' });
      const list = await expand(
        [inside, spanning, endsAtStart, after, weekly],
        '2026-11-01T00:00:00Z',
        '2026-12-01T00:00:00Z',
      );
      expect(list.map((o) => o.occurrenceId)).to.deep.equal([
        'spanning',
        'weekly-20261104T080000Z',
        'inside',
        'weekly-20261111T080000Z',
      ]);
      expect(list[0].event).to.equal(spanning);
      expect(list[0].recurring).to.equal(false);
    });
  });

  describe('expanding one range after another (what paging months does)', () => {
    const months = Array.from({ length: 7 }, (_, i) => [
      utc(`2026-${String(i + 3).padStart(2, '0')}-01T00:00:00Z`),
      utc(`2026-${String(i + 4).padStart(2, '0')}-01T00:00:00Z`),
    ]);
    const seriesList = () => [
      event({
        id: 'count',
        start: '2026-03-04T10:00:00+08:00',
        end: '2026-03-04T11:30:00+08:00',
        timeZone: 'Asia/Shanghai',
        recurrence: {
          rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=12',
          exdates: ['2026-04-01T10:00:00+08:00'],
        },
      }),
      recurring('2026-03-31', 'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260930', {
        id: 'until',
        allDay: true,
      }),
      recurring('2026-03-02T19:00:00+08:00', 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260801T000000Z', {
        id: 'weekly-until',
      }),
    ];

    it('gives every range the same occurrences as a first expansion of that range', async () => {
      const shared = seriesList();
      let n = 0;
      for (const [from, to] of [...months, ...[...months].reverse()]) {
        const again = await expandOccurrences(shared, from, to);
        // The same rules with trailing blanks (ignored when read) are new to the rule cache.
        const fresh = seriesList().map((e) => ({
          ...e,
          recurrence: { ...e.recurrence, rrule: `${e.recurrence!.rrule}${' '.repeat(++n)}` },
        }));
        expect(again).to.deep.equal(await expandOccurrences(fresh, from, to));
        expect(again.length).to.be.above(0);
      }
    });

    it('follows an event changed in place (new start, new rule)', async () => {
      const [from, to] = [utc('2026-03-01T00:00:00Z'), utc('2026-05-01T00:00:00Z')];
      const single = event({ start: '2026-03-10T10:00:00Z' });
      expect(starts(await expandOccurrences([single], from, to))).to.deep.equal([
        '2026-03-10T10:00:00Z',
      ]);
      single.start = '2026-06-10T10:00:00Z';
      expect(await expandOccurrences([single], from, to)).to.deep.equal([]);
      const series = recurring('2026-03-02T10:00:00Z', 'FREQ=WEEKLY;COUNT=2');
      expect((await expandOccurrences([series], from, to)).length).to.equal(2);
      series.recurrence = { rrule: 'FREQ=WEEKLY;COUNT=3' };
      expect((await expandOccurrences([series], from, to)).length).to.equal(3);
      series.start = '2026-04-27T10:00:00Z';
      expect(starts(await expandOccurrences([series], from, to))).to.deep.equal([
        '2026-04-27T10:00:00Z',
      ]);
    });
  });
});

describe('occurrenceToIcs', () => {
  const lines = (ics: string) => ics.split('\r\n').slice(0, -1);
  const unfold = (ics: string) => ics.replace(/\r\n /g, '');
  const parsed = (ics: string) => {
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent(
      'vevent',
    ) as ICAL.Component;
    return new ICAL.Event(vevent);
  };

  it('writes zoned times with TZID and a VTIMEZONE ical.js reads back to the same instants', async () => {
    const cases: [CalendarEvent, string, string][] = [
      [
        recurring('2026-11-28T09:30:00+08:00', 'FREQ=WEEKLY;COUNT=2', {
          end: '2026-11-28T11:30:00+08:00',
          timeZone: 'Asia/Shanghai',
        }),
        '2026-11-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
      ],
      [
        recurring('2026-03-01T09:30:00-05:00', 'FREQ=WEEKLY;COUNT=3', {
          end: '2026-03-01T10:30:00-05:00',
          timeZone: 'America/New_York',
        }),
        '2026-02-01T00:00:00Z',
        '2026-04-01T00:00:00Z',
      ],
      [
        recurring('2026-10-18T10:00:00+02:00', 'FREQ=WEEKLY;COUNT=3', {
          timeZone: 'Europe/Berlin',
        }),
        '2026-10-01T00:00:00Z',
        '2026-12-01T00:00:00Z',
      ],
      // Spans the night DST ends: the end has the other offset.
      [
        event({
          start: '2026-11-01T00:30:00-04:00',
          end: '2026-11-01T03:00:00-05:00',
          timeZone: 'America/New_York',
        }),
        '2026-10-01T00:00:00Z',
        '2026-12-01T00:00:00Z',
      ],
    ];
    for (const [series, from, to] of cases) {
      for (const occ of await expand(series, from, to)) {
        const ics = occurrenceToIcs(occ);
        expect(unfold(ics)).to.contain(`DTSTART;TZID=${series.timeZone}:`);
        expect(ics).to.contain('BEGIN:VTIMEZONE');
        const back = parsed(ics);
        expect(back.startDate.toJSDate().getTime(), occ.start).to.equal(Date.parse(occ.start));
        if (occ.end)
          expect(back.endDate.toJSDate().getTime(), occ.end).to.equal(Date.parse(occ.end));
        const { items } = await readIcs(ics);
        expect(items[0].start).to.equal(occ.start);
        expect(items[0].timeZone).to.equal(series.timeZone);
      }
    }
  });

  it('writes offset-only times in UTC, floating times floating, all-day as VALUE=DATE', async () => {
    const [offset] = await expand(
      event({ start: '2026-11-28T09:30:00+08:00' }),
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    );
    expect(lines(occurrenceToIcs(offset))).to.include('DTSTART:20261128T013000Z');
    const [floating] = await expand(
      event({ start: '2026-11-28T09:30:00', end: '2026-11-28T10:00:00' }),
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    );
    expect(lines(occurrenceToIcs(floating))).to.include.members([
      'DTSTART:20261128T093000',
      'DTEND:20261128T100000',
    ]);
    const [allDay] = await expand(
      event({ start: '2026-12-07', end: '2026-12-10', allDay: true }),
      '2026-12-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    const ics = occurrenceToIcs(allDay);
    expect(lines(ics)).to.include.members([
      'DTSTART;VALUE=DATE:20261207',
      'DTEND;VALUE=DATE:20261210',
    ]);
    const back = parsed(ics);
    expect(back.startDate.isDate).to.equal(true);
    expect(back.startDate.toString()).to.equal('2026-12-07');
    expect(back.endDate.toString()).to.equal('2026-12-10');
  });

  it('is CRLF, folded at 75 octets without splitting characters, with escaped text', async () => {
    const title =
      '长者健康讲座；如何预防跌倒, 以及 \\ 社区里可以找到的支持服务——第一讲（共三讲），欢迎街坊报名参加';
    const [occ] = await expand(
      event({
        id: 'talk',
        title,
        start: '2026-11-28T09:30:00+08:00',
        timeZone: 'Asia/Shanghai',
        description: '<p>第一段</p><p>第二段 &amp; 更多</p>',
        location: { name: '示例社工站', address: '某某街道 100 号', lat: 23.1, lng: 113.3 },
        url: 'https://example.org/events/talk',
        categories: ['长者', '健康,安全'],
      }),
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    );
    const ics = occurrenceToIcs(occ, { prodId: '-//Example//Test//ZH' });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of lines(ics)) expect(encoder.encode(line).length, line).to.be.at.most(75);
    expect(lines(ics).some((line) => line.startsWith(' '))).to.equal(true);
    const all = lines(unfold(ics));
    expect(all).to.include('PRODID:-//Example//Test//ZH');
    expect(all).to.include('UID:talk@dandelion');
    expect(all.find((l) => l.startsWith('DTSTAMP:'))).to.match(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(all).to.include('GEO:23.1;113.3');
    const back = parsed(ics);
    expect(back.summary).to.equal(title);
    expect(back.description).to.equal('第一段\n第二段 & 更多');
    expect(back.location).to.equal('示例社工站, 某某街道 100 号');
    expect(back.component.getFirstPropertyValue('url')).to.equal('https://example.org/events/talk');
    expect(back.component.getFirstProperty('categories')?.getValues()).to.deep.equal([
      '长者',
      '健康,安全',
    ]);
    expect(back.uid).to.equal('talk@dandelion');
  });

  it('uses the occurrence id in the UID and an explicit URL when given', async () => {
    const list = await expand(
      recurring('2026-11-07T01:30:00Z', 'FREQ=WEEKLY;COUNT=2', {
        id: 'w',
        url: 'javascript:alert(1)',
      }),
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    );
    expect(
      list.map((o) => lines(occurrenceToIcs(o)).find((l) => l.startsWith('UID:'))),
    ).to.deep.equal(['UID:w-20261107T013000Z@dandelion', 'UID:w-20261114T013000Z@dandelion']);
    expect(occurrenceToIcs(list[0])).not.to.contain('URL:');
    expect(lines(occurrenceToIcs(list[0], { url: 'https://example.org/e/w' }))).to.include(
      'URL:https://example.org/e/w',
    );
  });
});
