import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CalendarEvent } from '../../src/core/models.js';
import { expandOccurrences } from '../../src/core/recurrence.js';
import { DAY, isoToInstant, overlaps, parseIso, localInstant } from '../../src/core/time/wall.js';

/**
 * The single (not recurring) events of a range are found through an index by start, built once
 * per list (issue #17: paging months of 5,000 events). It must find exactly what reading every
 * event finds, in the same order, for any mix of timed, floating, all-day, point-in-time and
 * very long events, and see an event changed in place.
 */

/** What the calendar found before the index: every event read, in the order given. */
function byReadingAll(events: CalendarEvent[], from: number, to: number): string[] {
  const found: { id: string; start: number; k: number }[] = [];
  events.forEach((event, k) => {
    const start = isoToInstant(event.start);
    if (start === undefined) return;
    let end = isoToInstant(event.end);
    const parts = parseIso(event.start)!;
    if (end === undefined && (event.allDay || parts.dateOnly)) end = localInstant(parts.wall + DAY);
    if (overlaps(start, end, from, to)) found.push({ id: event.id, start, k });
  });
  found.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.k - b.k);
  return found.map((f) => f.id);
}

const base = Date.UTC(2026, 10, 1);
/** A single event as the core's normalizers give it. */
const single = (fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'start'>) =>
  ({ title: fields.id, allDay: false, categories: [], ...fields }) as CalendarEvent;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** An event around November 2026: offset, floating, all-day (with or without end), long. */
const event = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    kind: fc.constantFrom('offset', 'floating', 'date', 'date-span', 'point', 'long'),
    at: fc.integer({ min: -60, max: 90 }).map((d) => d * DAY),
    minute: fc.integer({ min: 0, max: 47 }).map((h) => h * 30 * 60_000),
    length: fc.integer({ min: 0, max: 6 }).map((n) => n * 45 * 60_000),
    days: fc.integer({ min: 1, max: 120 }),
  })
  .map(({ id, kind, at, minute, length, days }): CalendarEvent => {
    const start = base + at + minute;
    switch (kind) {
      case 'offset':
        return single({ id, start: `${iso(start)}+08:00`, end: `${iso(start + length)}+08:00` });
      case 'floating':
        return single({ id, start: iso(start), end: iso(start + length) });
      case 'point':
        return single({ id, start: `${iso(start)}Z` });
      case 'date':
        return single({ id, start: iso(base + at).slice(0, 10), allDay: true });
      case 'date-span':
        return single({
          id,
          start: iso(base + at).slice(0, 10),
          end: iso(base + at + (days % 9) * DAY).slice(0, 10),
          allDay: true,
        });
      default:
        return single({ id, start: `${iso(start)}Z`, end: `${iso(start + days * DAY)}Z` });
    }
  });

describe('expandOccurrences: single events through the index', () => {
  it('finds exactly what reading every event finds, in the same order (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 40 }),
        fc.array(
          fc.record({
            from: fc.integer({ min: -70, max: 100 }),
            days: fc.integer({ min: 1, max: 42 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (events, ranges) => {
          for (const { from, days } of ranges) {
            const start = base + from * DAY;
            const end = start + days * DAY;
            const found = await expandOccurrences(events, new Date(start), new Date(end));
            expect(found.map((o) => o.occurrenceId)).to.deep.equal(
              byReadingAll(events, start, end),
            );
            // The occurrence of a single event is the event itself.
            for (const o of found) expect(events).to.include(o.event);
          }
        },
      ),
    );
  });

  it('sees an event moved in place, and an event added to the same list', async () => {
    const events: CalendarEvent[] = [
      single({ id: 'talk', start: '2026-11-18T14:30:00+08:00' }),
      single({ id: 'fair', start: '2026-12-05', allDay: true }),
    ];
    const november = [new Date('2026-11-01T00:00:00+08:00'), new Date('2026-12-01T00:00:00+08:00')];
    const ids = async () =>
      (await expandOccurrences(events, november[0], november[1])).map((o) => o.occurrenceId);
    expect(await ids()).to.deep.equal(['talk']);
    events[1].start = '2026-11-28';
    expect(await ids()).to.deep.equal(['talk', 'fair']);
    events.push(single({ id: 'choir', start: '2026-11-02T19:00:00+08:00' }));
    expect(await ids()).to.deep.equal(['choir', 'talk', 'fair']);
  });

  it('skips series over before the range or starting after it, not one reaching into it', async () => {
    const series = (id: string, start: string, rrule: string, more: Partial<CalendarEvent> = {}) =>
      single({ id, start, recurrence: { rrule }, ...more });
    const events = [
      // Three-day weekend camps, twice: the second runs 31 Oct – 2 Nov, into November.
      series('camp', '2026-10-24', 'FREQ=WEEKLY;COUNT=2', { end: '2026-10-27', allDay: true }),
      // Over in September, but one extra date (RDATE) in November.
      series('course', '2026-09-01T10:00:00+08:00', 'FREQ=WEEKLY;COUNT=3', {
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', rdates: ['2026-11-20T10:00:00+08:00'] },
      }),
      // Over in September; starts in December.
      series('old', '2026-09-02T10:00:00+08:00', 'FREQ=DAILY;COUNT=5'),
      series('later', '2026-12-02T10:00:00+08:00', 'FREQ=WEEKLY'),
      // A late-night session that ends after midnight on 1 November.
      series('night', '2026-10-17T23:00:00+08:00', 'FREQ=WEEKLY;COUNT=3', {
        end: '2026-10-18T01:00:00+08:00',
      }),
    ];
    const found = await expandOccurrences(
      events,
      new Date('2026-11-01T00:00:00+08:00'),
      new Date('2026-12-01T00:00:00+08:00'),
    );
    expect(found.map((o) => [o.event.id, o.start])).to.deep.equal([
      ['camp', '2026-10-31'],
      ['night', '2026-10-31T23:00:00+08:00'],
      ['course', '2026-11-20T10:00:00+08:00'],
    ]);
  });
});
