import '../support/setup.js';
/**
 * ical.js (~23 kB gz) must load only when an event has an RRULE outside our own iterator's
 * subset (rrule.ts). This file runs in a page of its own, so the resource timing list shows
 * exactly what these imports fetched.
 */
import { expect } from '@open-wc/testing';
import { readIcs } from '../../src/core/readers/ics.js';
import { readTribe } from '../../src/core/readers/tribe.js';
import { expandOccurrences } from '../../src/core/recurrence.js';

// Every resource whose name contains "ical", except this test file (its own name does).
const self = new URL(import.meta.url).pathname;
const icalRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('ical') && new URL(name).pathname !== self);

describe('ical.js lazy loading', () => {
  it('is not downloaded to read a Tribe feed and expand events without an RRULE', async () => {
    const { items } = readTribe({
      events: [
        {
          id: 1,
          title: '讲座',
          start_date: '2026-11-28 09:30:00',
          end_date: '2026-11-28 11:30:00',
          timezone: 'Asia/Shanghai',
          all_day: false,
        },
        {
          id: 2,
          title: '义卖',
          start_date: '2026-12-07 00:00:00',
          end_date: '2026-12-09 23:59:59',
          timezone: 'Asia/Shanghai',
          all_day: true,
        },
      ],
      rest_url: 'https://events.example.org/wp-json/tribe/events/v1/events',
    });
    // A series of extra dates only (RDATE, no RRULE) needs no rule engine either.
    items.push({ ...items[0], id: '3', recurrence: { rdates: ['2026-12-05T09:30:00+08:00'] } });
    const occurrences = await expandOccurrences(
      items,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.occurrenceId)).to.deep.equal([
      '1',
      '3-20261128T013000Z',
      '3-20261205T013000Z',
      '2',
    ]);
    expect(performance.getEntriesByType('resource').length).to.be.greaterThan(0);
    expect(icalRequests()).to.deep.equal([]);
  });

  it('is not downloaded for everyday rules (our own iterator runs them)', async () => {
    const rules = [
      'FREQ=WEEKLY;COUNT=3',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231T155959Z',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=YEARLY;BYMONTH=5;BYDAY=2SU',
      'FREQ=DAILY;BYMONTHDAY=-1',
    ];
    const occurrences = await expandOccurrences(
      rules.map((rrule, i) => ({ ...weekly, id: `r${i}`, recurrence: { rrule } })),
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(occurrences.filter((o) => o.event.id === 'r0').length).to.equal(3);
    // DTSTART (a Saturday) comes first, as RFC 5545 says, then the last weekdays.
    expect(occurrences.filter((o) => o.event.id === 'r3').map((o) => o.start)).to.deep.equal([
      '2026-11-07T09:30:00+08:00',
      '2026-11-30T09:30:00+08:00',
      '2026-12-31T09:30:00+08:00',
    ]);
    expect(icalRequests()).to.deep.equal([]);
  });

  it('is not downloaded to read an iCalendar feed of everyday rules, durations and IANA zones', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:reading@example.org',
      'SUMMARY:亲子阅读会',
      'DTSTART;TZID=Asia/Shanghai:20261107T093000',
      'DURATION:PT1H30M',
      'RRULE:FREQ=WEEKLY;BYDAY=SA;CO',
      ' UNT=3',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:fair@example.org',
      'SUMMARY:义卖',
      'DTSTART;VALUE=DATE:20261207',
      'DURATION:P1W',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bad@example.org',
      'SUMMARY:时长写错',
      'DTSTART:20261210T020000Z',
      'DURATION:PT',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { items } = await readIcs(ics);
    expect(items.map((e) => [e.start, e.end, e.recurrence?.rrule])).to.deep.equal([
      ['2026-11-07T09:30:00+08:00', '2026-11-07T11:00:00+08:00', 'FREQ=WEEKLY;BYDAY=SA;COUNT=3'],
      ['2026-12-07', '2026-12-14', undefined],
      ['2026-12-10T02:00:00Z', undefined, undefined],
    ]);
    const occurrences = await expandOccurrences(
      items,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(occurrences.filter((o) => o.event.id === 'reading@example.org').length).to.equal(3);
    expect(icalRequests()).to.deep.equal([]);
  });

  for (const rrule of ['FREQ=HOURLY;INTERVAL=12;COUNT=3', 'FREQ=YEARLY;BYWEEKNO=46;BYDAY=SA']) {
    it(`is downloaded, once, for a rule outside that subset (${rrule.split(';')[0]})`, async () => {
      const occurrences = await expandOccurrences(
        [{ ...weekly, recurrence: { rrule } }],
        new Date('2026-11-01T00:00:00Z'),
        new Date('2027-01-01T00:00:00Z'),
      );
      expect(occurrences.length).to.be.greaterThan(0);
      expect(icalRequests().length).to.equal(1);
    });
  }
});

const weekly = {
  id: 'w',
  title: '周六活动',
  start: '2026-11-07T09:30:00+08:00',
  timeZone: 'Asia/Shanghai',
  allDay: false,
  categories: [],
  recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' },
};
