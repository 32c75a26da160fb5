import '../support/setup.js';
/**
 * A list view of thousands of occurrences renders only the rows on screen, and stays one list
 * for keyboard and screen-reader users (issue #17: the list of all 5,000 occurrences built every
 * row).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { november, record, showCalendar, type CalendarHarness } from '../support/calendar.js';
import { until } from '../support/index.js';

const total = 5000;

/** `total` one-hour activities from 16 November 2026 on, 50 a day, titled in order. */
function manyRecords(): Record<string, unknown>[] {
  return Array.from({ length: total }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 16 + Math.floor(i / 50)));
    const date = day.toISOString().slice(0, 10);
    const minute = (i % 50) * 15;
    const hh = String(7 + Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return record(`活动 ${i + 1}`, `${date}T${hh}:${mm}:00+08:00`, {
      end: `${date}T${hh}:${mm === '45' ? '59' : String(Number(mm) + 10)}:00+08:00`,
    });
  });
}

async function longList(): Promise<CalendarHarness> {
  const calendar = await showCalendar({
    ...november,
    view: 'list',
    pageSize: total,
    data: manyRecords(),
  });
  await until(() => calendar.listRows().length > 0, 'the long list');
  return calendar;
}

describe('<event-calendar> long list', () => {
  it('renders only the rows on screen, each saying its place among all 5,000', async () => {
    const calendar = await longList();
    const rows = calendar.listRows();
    expect(rows.length, 'rows in the DOM').to.be.below(100);
    expect(rows[0]).to.include({ title: '活动 1', position: 1, of: total });
    expect(rows[0].heading).to.contain('11月16日');
    expect(rows[1].heading, 'one heading per day').to.equal('');
    expect(rows.every((r, i) => r.position === i + 1 && r.of === total)).to.equal(true);
    expect(calendar.showMoreButton(), 'every occurrence is in the list').to.equal(null);
    await expect(calendar.el).to.be.accessible();
  });

  it('shows the last occurrence when scrolled to the end, still with few rows', async () => {
    const calendar = await longList();
    const scroller = calendar.listScroller()!;
    const last = await until(() => {
      scroller.scrollTop = scroller.scrollHeight;
      return calendar.listRows().find((r) => r.position === total);
    }, 'the last row');
    expect(last.title).to.equal(`活动 ${total}`);
    expect(calendar.listRows().length).to.be.below(100);
    const box = scroller.getBoundingClientRect();
    const lastBox = last.row.getBoundingClientRect();
    expect(lastBox.bottom, 'the last row is in view').to.be.at.most(box.bottom + 1);
    expect(lastBox.top).to.be.at.least(box.top - 1);
  });

  it('reaches the last occurrence by keyboard, and moves row by row both ways', async () => {
    const calendar = await longList();
    calendar.eventButtons('活动 1')[0].focus();
    await calendar.press('End');
    await until(() => calendar.focusedEventTitle() === `活动 ${total}`, 'focus on the last event');
    expect(calendar.listRows().length).to.be.below(100);
    await calendar.press('ArrowUp');
    expect(calendar.focusedEventTitle()).to.equal(`活动 ${total - 1}`);
    // Shift+Tab well past the rows rendered around the focus: the window follows.
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 20; i++) await calendar.press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(calendar.focusedEventTitle()).to.equal(`活动 ${total - 21}`);
    for (let i = 0; i < 20; i++) await calendar.press('Tab');
    expect(calendar.focusedEventTitle()).to.equal(`活动 ${total - 1}`);
    await calendar.press('Home');
    await until(() => calendar.focusedEventTitle() === '活动 1', 'focus on the first event');
    await calendar.press('PageDown');
    expect(calendar.focusedEventTitle()).to.equal('活动 11');
  });

  it('opens the event of a row, and gives focus back to it on close', async () => {
    const calendar = await longList();
    const dialog = await calendar.openEvent('活动 3');
    expect(dialog.title()).to.equal('活动 3');
    await dialog.close();
    expect(calendar.focusedEventTitle()).to.equal('活动 3');
  });
});
