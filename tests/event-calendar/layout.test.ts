import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CalendarEvent } from '../../src/core/models.js';
import { groupByDay, upcoming } from '../../src/event-calendar/list-layout.js';
import { place, type OccurrenceLike, type Placed } from '../../src/event-calendar/placement.js';
import { layoutRows } from '../../src/event-calendar/row-layout.js';
import { layoutDay } from '../../src/event-calendar/time-layout.js';
import { dayOf, isoDate, Zone } from '../../src/core/time/index.js';

const shanghai = Zone.get('Asia/Shanghai')!;

function occ(
  id: string,
  start: string,
  end?: string,
  extra: Partial<CalendarEvent> = {},
): OccurrenceLike {
  const event: CalendarEvent = {
    id,
    title: id,
    start,
    allDay: !start.includes('T'),
    categories: [],
    ...extra,
  };
  if (end) event.end = end;
  return { event, start, end, occurrenceId: id, recurring: false };
}

function placed(
  id: string,
  start: string,
  end?: string,
  extra: Partial<CalendarEvent> = {},
  zone = shanghai,
): Placed {
  const p = place(occ(id, start, end, extra), zone, () => -1);
  if (!p) throw new Error(`could not place ${id}`);
  return p;
}

describe('calendar placement', () => {
  it('places an all-day event on its dates, end exclusive', () => {
    const p = placed('fair', '2026-11-13', '2026-11-16');
    expect(p.allDay).to.equal(true);
    expect(isoDate(p.startDay)).to.equal('2026-11-13');
    expect(isoDate(p.endDay)).to.equal('2026-11-15');
  });

  it('keeps an all-day date whatever the display zone', () => {
    const p = placed('day', '2026-11-13', undefined, {}, Zone.get('America/Los_Angeles')!);
    expect(isoDate(p.startDay)).to.equal('2026-11-13');
    expect(isoDate(p.endDay)).to.equal('2026-11-13');
  });

  it('places a timed event by its wall-clock time in the display zone', () => {
    const p = placed('talk', '2026-11-25T12:00:00Z', '2026-11-25T13:00:00Z');
    expect(isoDate(p.startDay)).to.equal('2026-11-25');
    expect(p.startMinute).to.equal(20 * 60);
    expect(p.endMinute).to.equal(21 * 60);
    const london = placed(
      'talk',
      '2026-11-25T12:00:00Z',
      '2026-11-25T13:00:00Z',
      {},
      Zone.get('Europe/London')!,
    );
    expect(london.startMinute).to.equal(12 * 60);
  });

  it('moves an event across midnight onto the next local day', () => {
    const p = placed('late', '2026-11-25T17:00:00Z', '2026-11-25T18:00:00Z');
    expect(isoDate(p.startDay)).to.equal('2026-11-26');
    expect(p.startMinute).to.equal(60);
  });

  it('does not let an event ending at midnight cover the next day', () => {
    const p = placed('evening', '2026-11-25T20:00:00+08:00', '2026-11-26T00:00:00+08:00');
    expect(p.endDay).to.equal(p.startDay);
    expect(p.endMinute).to.equal(1440);
  });

  it('treats end before start as a point in time, and flags it', () => {
    const p = placed('odd', '2026-11-25T10:00:00+08:00', '2026-11-25T09:00:00+08:00');
    expect(p.endBeforeStart).to.equal(true);
    expect(p.pointInTime).to.equal(true);
    expect(p.endMs).to.equal(p.startMs);
  });

  it('treats a zero-length event as a point in time', () => {
    const p = placed('zero', '2026-11-25T10:00:00+08:00', '2026-11-25T10:00:00+08:00');
    expect(p.pointInTime).to.equal(true);
    expect(p.endBeforeStart).to.equal(false);
  });

  it('reads a floating time in the event zone', () => {
    const p = placed('floating', '2026-11-25T09:00:00', undefined, { timeZone: 'Europe/London' });
    // 09:00 London = 17:00 Shanghai
    expect(p.startMinute).to.equal(17 * 60);
  });

  it('skips an occurrence whose start cannot be read', () => {
    expect(place(occ('bad', 'yesterday'), shanghai, () => -1)).to.equal(undefined);
  });
});

describe('calendar row layout (month weeks, all-day row)', () => {
  const start = dayOf(2026, 11, 2); // a Monday

  it('splits a multi-week event into continuation bars', () => {
    const p = placed('training', '2026-11-09', '2026-11-20');
    const rows = layoutRows([p], start, 3, 7, 3);
    const bars = rows.flatMap((r) => r.segments.flat());
    expect(bars.map((b) => [b.column, b.span, b.continuesBefore, b.continuesAfter])).to.deep.equal([
      [0, 7, false, true],
      [0, 4, true, false],
    ]);
  });

  it('stacks overlapping bars in lanes and counts what does not fit', () => {
    const items = Array.from({ length: 5 }, (_, i) =>
      placed(`e${i}`, `2026-11-04T0${i + 1}:00:00+08:00`),
    );
    const [row] = layoutRows(items, start, 1, 7, 3);
    expect(row.counts[2]).to.equal(5);
    expect(row.hidden[2]).to.equal(2);
    expect(row.segments[2].map((s) => s.lane)).to.deep.equal([0, 1, 2]);
    expect(row.segments[2].map((s) => s.placed.key)).to.deep.equal(['e0', 'e1', 'e2']);
  });

  it('handles 500 events on one day without laying out more than the lanes', () => {
    const items = Array.from({ length: 500 }, (_, i) =>
      placed(`n${i}`, '2026-11-04T10:00:00+08:00'),
    );
    const [row] = layoutRows(items, start, 1, 7, 3);
    expect(row.segments[2]).to.have.length(3);
    expect(row.hidden[2]).to.equal(497);
  });

  it('puts longer bars first so they stay visible', () => {
    const items = [
      placed('short', '2026-11-04T09:00:00+08:00'),
      placed('long', '2026-11-04', '2026-11-07'),
    ];
    const [row] = layoutRows(items, start, 1, 7, 1);
    expect(row.segments[2].map((s) => s.placed.key)).to.deep.equal(['long']);
    expect(row.hidden.slice(2, 5)).to.deep.equal([1, 0, 0]);
  });

  it('never puts two visible bars in one lane on one day, and counts add up (property)', () => {
    const event = fc.record({
      startOffset: fc.integer({ min: -3, max: 30 }),
      length: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (events, lanes) => {
          const items = events.map((e, i) =>
            placed(
              `p${i}`,
              isoDate(start + e.startOffset),
              isoDate(start + e.startOffset + e.length),
            ),
          );
          const rows = layoutRows(items, start, 4, 7, lanes);
          for (const row of rows) {
            const used = new Set<string>();
            const shown = new Array(7).fill(0);
            for (const segment of row.segments.flat()) {
              if (segment.lane < 0 || segment.lane >= lanes) return false;
              for (let c = segment.column; c < segment.column + segment.span; c++) {
                const key = `${segment.lane}/${c}`;
                if (used.has(key)) return false;
                used.add(key);
                shown[c]++;
              }
            }
            for (let c = 0; c < 7; c++) {
              const day = row.start + c;
              const covering = items.filter((p) => p.startDay <= day && p.endDay >= day).length;
              if (row.counts[c] !== covering || row.hidden[c] !== covering - shown[c]) return false;
            }
          }
          return true;
        },
      ),
    );
  });
});

describe('calendar time layout (week view day column)', () => {
  const day = dayOf(2026, 11, 25);

  it('positions events by minute and puts overlaps side by side', () => {
    const items = [
      placed('a', '2026-11-25T09:00:00+08:00', '2026-11-25T10:30:00+08:00'),
      placed('b', '2026-11-25T10:00:00+08:00', '2026-11-25T11:00:00+08:00'),
      placed('c', '2026-11-25T13:00:00+08:00', '2026-11-25T14:00:00+08:00'),
    ];
    const column = layoutDay(items, day, 4);
    const byKey = Object.fromEntries(column.blocks.map((b) => [b.placed.key, b]));
    expect([byKey.a.top, byKey.a.bottom, byKey.a.column, byKey.a.columns]).to.deep.equal([
      540, 630, 0, 2,
    ]);
    expect([byKey.b.column, byKey.b.columns]).to.deep.equal([1, 2]);
    expect([byKey.c.column, byKey.c.columns]).to.deep.equal([0, 1]);
  });

  it('splits an overnight event at midnight', () => {
    const night = placed('night', '2026-11-25T22:00:00+08:00', '2026-11-26T02:00:00+08:00');
    const first = layoutDay([night], day, 4).blocks[0];
    const second = layoutDay([night], day + 1, 4).blocks[0];
    expect([first.top, first.bottom, first.continuesAfter]).to.deep.equal([1320, 1440, true]);
    expect([second.top, second.bottom, second.continuesBefore]).to.deep.equal([0, 120, true]);
  });

  it('keeps at most maxColumns side by side and counts the rest', () => {
    const items = Array.from({ length: 500 }, (_, i) =>
      placed(`x${i}`, '2026-11-25T10:00:00+08:00', '2026-11-25T11:00:00+08:00'),
    );
    const column = layoutDay(items, day, 4);
    expect(column.blocks).to.have.length(4);
    expect(column.hidden).to.equal(496);
  });

  it('gives zero-length events a block of their own', () => {
    const items = [
      placed('z1', '2026-11-25T10:00:00+08:00'),
      placed('z2', '2026-11-25T10:10:00+08:00'),
    ];
    const column = layoutDay(items, day, 4);
    expect(column.blocks.map((b) => b.column)).to.deep.equal([0, 1]);
  });

  it('leaves all-day events to the all-day row', () => {
    expect(layoutDay([placed('all', '2026-11-25')], day, 4).blocks).to.have.length(0);
  });
});

describe('calendar list layout', () => {
  it('lists upcoming events by day, an ongoing one under the first day', () => {
    const from = dayOf(2026, 11, 16);
    const items = [
      placed('later', '2026-11-18T09:00:00+08:00'),
      placed('ongoing', '2026-11-09', '2026-11-20'),
      placed('past', '2026-11-10T09:00:00+08:00'),
      placed('today', '2026-11-16T14:00:00+08:00'),
    ];
    const list = upcoming(items, from);
    expect(list.map((p) => p.key)).to.deep.equal(['ongoing', 'today', 'later']);
    const groups = groupByDay(list, from);
    expect(groups.map((g) => [isoDate(g.day), g.items.map((p) => p.key)])).to.deep.equal([
      ['2026-11-16', ['ongoing', 'today']],
      ['2026-11-18', ['later']],
    ]);
  });
});
