/**
 * Issue #16: an iCalendar VEVENT without SUMMARY is a real event (RFC 5545 makes SUMMARY
 * optional); the calendar shows it with a localized "(untitled)" title instead of dropping it.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { showCalendar } from '../support/calendar.js';

/** One VEVENT with a start and an end, and no SUMMARY. */
const src = '/tests/fixtures/calendar/untitled.ics';

describe('<event-calendar> with an event that has no title', () => {
  for (const [lang, title] of [
    ['zh-Hans', '(无标题)'],
    ['zh-Hant', '(無標題)'],
    ['en', '(untitled)'],
  ] as const) {
    it(`shows it as "${title}" in ${lang}, in the grid and in its accessible name`, async () => {
      const calendar = await showCalendar({
        src,
        lang,
        date: '2026-11-16',
        zone: 'Asia/Shanghai',
        view: 'month',
      });
      const [shown] = calendar.eventsTitled(title);
      expect(shown, calendar.shownEvents().join(' | ')).to.exist;
      expect(shown.day).to.equal('2026-11-18');
      expect(shown.label).to.contain(title);
    });
  }
});
