import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { november, quietly, showCalendar } from '../support/calendar.js';

/** The week view is its own chunk, loaded before the calendar first shows a week. */
describe('<event-calendar> week view code', () => {
  it('is there when the week first shows (the update waits for it)', async () => {
    const calendar = await showCalendar({ ...november, view: 'week', date: '2026-11-18' });
    expect(calendar.el.shadowRoot!.querySelector('.week-view')).to.not.equal(null);
    expect(calendar.dayColumns()).to.have.length(7);
  });

  it("lists the week's events when its code cannot be downloaded (never a blank calendar)", async () => {
    const [calendar, warnings] = await quietly(() =>
      showCalendar({ ...november, view: 'week', date: '2026-11-18', failWeekCode: true }),
    );
    const root = calendar.el.shadowRoot!;
    expect(root.querySelector('.week-view')).to.equal(null);
    const titles = calendar.eventsTitled('长者健康讲座');
    expect(titles.length).to.equal(1);
    // Only that week (16–22 November): nothing from the week after.
    const days = [...root.querySelectorAll('.list-day-title')].map((h) => h.textContent ?? '');
    expect(days.length).to.be.greaterThan(0);
    for (const day of days) {
      const date = Number(/11月(\d+)日/.exec(day)?.[1]);
      expect(date).to.be.within(16, 22);
    }
    expect(warnings.join('\n')).to.include('could not load the week view');
    await expect(calendar.el).to.be.accessible();
  });
});
