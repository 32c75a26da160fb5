import '../support/setup.js';
import { expect } from '@open-wc/testing';
import {
  dayNumber,
  isoOf,
  november,
  record,
  showCalendar,
  type CalendarHarness,
} from '../support/calendar.js';
import { accessibilityTree, namesIn } from '../support/ax-tree.js';

/**
 * Paging through months (issue #17): what the grid shows, and what a screen reader hears
 * (Chromium's own accessibility tree, not the DOM), must not change however many months the
 * visitor pages through. A guard for speed work on the switch: skipping the layout of the
 * screen-reader labels with `content-visibility: auto` emptied every event's name in Chromium's
 * tree, and naming bars by `aria-labelledby` fails axe's label-content-name-mismatch.
 */

/**
 * One activity on the 10th of every month from November 2026 to December 2027, a weekly series
 * and a busy day.
 */
function yearOfRecords(): Record<string, unknown>[] {
  const monthly = Array.from({ length: 14 }, (_, i) => {
    const month = monthAt(i);
    return record(`月度活动 ${month}`, `${month}-10T10:00:00+08:00`, {
      end: `${month}-10T11:30:00+08:00`,
      categories: ['亲子'],
    });
  });
  const weekly = record('长者合唱团', '2026-11-04T19:00:00+08:00', {
    end: '2026-11-04T20:30:00+08:00',
    rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=70',
    categories: ['长者'],
  });
  // A busy Wednesday in June 2027: the series first, four more after it ("+2 more").
  const busy = [20, 21, 22, 23].map((h) =>
    record(`社区活动 ${h}点`, `2027-06-16T${h}:00:00+08:00`, {
      end: `2027-06-16T${h}:45:00+08:00`,
    }),
  );
  return [...monthly, weekly, ...busy];
}

/** `YYYY-MM` of the `i`-th month after November 2026. */
function monthAt(i: number): string {
  const d = new Date(Date.UTC(2026, 10 + i, 1));
  return d.toISOString().slice(0, 7);
}

/** The days a Monday-first month grid shows for `YYYY-MM`. */
function gridDays(month: string): string[] {
  const first = dayNumber(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const last = dayNumber(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
  const monday = (day: number) => day - ((day + 3) % 7); // day 0 (1970-01-01) was a Thursday
  const days: string[] = [];
  for (let d = monday(first); d <= monday(last) + 6; d++) days.push(isoOf(d));
  return days;
}

/** Wednesdays of the series (from 4 Nov 2026, 70 times) among `days`. */
function choirDays(days: string[]): string[] {
  const start = dayNumber('2026-11-04');
  return days.filter((iso) => {
    const d = dayNumber(iso) - start;
    return d >= 0 && d % 7 === 0 && d / 7 < 70;
  });
}

/** What the grid shows: its title, its days, and the days of the two kinds of activity. */
function checkMonth(calendar: CalendarHarness, i: number): void {
  const month = monthAt(i);
  const [y, m] = month.split('-').map(Number);
  expect(calendar.title()).to.equal(`${y}年${m}月`);
  const days = gridDays(month);
  expect(calendar.cellDays()).to.deep.equal(days);
  const monthly = days
    .map((d) => d.slice(0, 7))
    .filter((mm, k, all) => all.indexOf(mm) === k && days.includes(`${mm}-10`));
  for (const mm of monthly) {
    const shown = calendar.daysOf(`月度活动 ${mm}`);
    // Only the months of the data (Nov 2026 – Dec 2027) have the activity.
    expect(shown).to.deep.equal(mm >= '2026-11' && mm <= '2027-12' ? [`${mm}-10`] : []);
  }
  expect(calendar.daysOf('长者合唱团')).to.deep.equal(choirDays(days));
}

describe('<event-calendar> paging through months', () => {
  it('shows the right days and events after many switches, forward and back', async () => {
    const calendar = await showCalendar({ ...november, date: '2026-11-16', data: yearOfRecords() });
    checkMonth(calendar, 0);
    for (let i = 1; i <= 13; i++) {
      await calendar.next();
      checkMonth(calendar, i);
    }
    for (let i = 12; i >= 0; i--) {
      await calendar.previous();
      checkMonth(calendar, i);
    }
  });

  it('a screen reader hears every day and event by its full name, after many switches', async () => {
    const calendar = await showCalendar({ ...november, data: yearOfRecords() });
    for (let i = 0; i < 7; i++) await calendar.next();
    checkMonth(calendar, 7);
    const tree = await accessibilityTree();

    // Each event button is named by what it shows (so speech input finds it), then by its date
    // and time in words.
    const labels = calendar.eventsTitled('长者合唱团').map((e) => e.label);
    expect(labels).to.have.length.greaterThan(4);
    expect(labels[0]).to.match(/^19:00 长者合唱团 2027年6月\d+日星期.\s19:00–20:30$/);
    const buttons = namesIn(tree, 'button');
    for (const label of labels) expect(buttons, JSON.stringify(buttons)).to.include(label);
    const more = calendar.moreButtons();
    expect(more).to.have.length.greaterThan(0);
    for (const { label } of more) {
      expect(label).to.match(/^还有 2 个活动 查看2027年6月16日星期三的全部 5 个活动$/);
      expect(buttons).to.include(label);
    }

    // Each day cell's name starts with its date in words.
    const cells = namesIn(tree, 'gridcell');
    expect(cells).to.have.length(calendar.cells().length);
    calendar.cells().forEach((cell, k) => {
      const label = calendar.describeCell(cell).label;
      expect(label).to.match(/^\d{4}年\d+月\d+日星期.$/);
      expect(cells[k].startsWith(label), `${cells[k]} starts with ${label}`).to.equal(true);
    });
    await expect(calendar.el).to.be.accessible();
  });
});
