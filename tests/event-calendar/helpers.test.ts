import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { CalendarFormats } from '../../src/event-calendar/formats.js';
import { icsFileName } from '../../src/event-calendar/ics-download.js';
import { LunarLabels, lunarDayName } from '../../src/event-calendar/lunar.js';
import { readShareUrl, shareUrl } from '../../src/event-calendar/share-link.js';
import { dayOf } from '../../src/core/time/day.js';
import { firstDayFromTable, firstDayOfWeek } from '../../src/event-calendar/week-info.js';

describe('calendar lunar labels', () => {
  it('names lunar days the traditional way', () => {
    expect([1, 8, 10, 11, 19, 20, 21, 29, 30].map(lunarDayName)).to.deep.equal([
      '初一',
      '初八',
      '初十',
      '十一',
      '十九',
      '二十',
      '廿一',
      '廿九',
      '三十',
    ]);
    expect(lunarDayName(0)).to.equal('');
    expect(lunarDayName(31)).to.equal('');
  });

  it('labels days from the chinese calendar, with the month name on day one', () => {
    const labels = new LunarLabels('zh-Hans');
    // 2026-11-09 is the first day of the tenth lunar month.
    expect(labels.label(dayOf(2026, 11, 9))).to.deep.equal({ text: '十月', monthStart: true });
    expect(labels.label(dayOf(2026, 11, 16))).to.deep.equal({ text: '初八', monthStart: false });
    expect(labels.label(dayOf(2026, 11, 28))).to.deep.equal({ text: '二十', monthStart: false });
    expect(labels.label(dayOf(2026, 2, 17))).to.deep.equal({ text: '正月', monthStart: true });
  });

  it('names a leap month in Simplified or Traditional characters', () => {
    // 2025-07-25 begins the leap sixth month.
    expect(new LunarLabels('zh-Hans').label(dayOf(2025, 7, 25))?.text).to.equal('闰六月');
    expect(new LunarLabels('zh-Hant').label(dayOf(2025, 7, 25))?.text).to.equal('閏六月');
  });
});

describe('calendar week start', () => {
  /** First weekday (1 = Monday … 7 = Sunday) of each locale, by `firstDay`. */
  const firstDays = (firstDay: (locale: string) => number, locales: string[]) =>
    Object.fromEntries(locales.map((locale) => [locale, firstDay(locale)]));

  it('starts the week on Monday for zh-Hans and on Sunday for en (US) and zh-Hant (TW)', () => {
    expect(firstDays(firstDayOfWeek, ['zh-Hans', 'zh-CN', 'en', 'zh-Hant', 'en-GB'])).to.deep.equal(
      { 'zh-Hans': 1, 'zh-CN': 1, en: 7, 'zh-Hant': 7, 'en-GB': 1 },
    );
  });

  it('has a fallback table for browsers without weekInfo', () => {
    const locales = ['zh-Hans', 'zh', 'zh-Hant', 'zh-HK', 'en', 'en-GB', 'ar-EG', 'fr'];
    expect(firstDays(firstDayFromTable, locales)).to.deep.equal({
      'zh-Hans': 1,
      zh: 1,
      'zh-Hant': 7,
      'zh-HK': 7,
      en: 7,
      'en-GB': 1,
      'ar-EG': 6,
      fr: 1,
    });
  });
});

describe('calendar formats', () => {
  const day = dayOf(2026, 11, 25);
  const at = Date.parse('2026-11-25T06:30:00Z');

  it('formats zh-Hans as families read it: 11月25日 周三, 24-hour times', () => {
    const f = new CalendarFormats('zh-Hans', 'Asia/Shanghai');
    expect(f.dayHeading(day)).to.equal('11月25日 周三');
    expect(f.time(at)).to.equal('14:30');
    expect(f.timeRange(at, at + 90 * 60_000)).to.match(/^14:30\s*[–-]\s*16:00$/);
    expect(f.monthTitle(day)).to.equal('2026年11月');
    expect(f.fullDate(day)).to.equal('2026年11月25日星期三');
    expect(f.zoneName('Asia/Shanghai', at)).to.equal('中国标准时间');
  });

  it('formats zh-Hant and en in their own conventions', () => {
    expect(new CalendarFormats('zh-Hant', 'Asia/Shanghai').dayHeading(day)).to.equal(
      '11月25日 週三',
    );
    const en = new CalendarFormats('en', 'Asia/Shanghai');
    expect(en.dayHeading(day)).to.equal('Wed, November 25');
    expect(en.time(at)).to.equal('2:30 PM');
    expect(en.monthTitle(day)).to.equal('November 2026');
  });

  it('formats instants in the display zone', () => {
    const f = new CalendarFormats('en', 'Europe/London');
    expect(f.time(at)).to.equal('6:30 AM');
    expect(f.dateTimeRangeIn('Asia/Shanghai', at, at)).to.contain('2:30 PM');
  });
});

describe('calendar share links and file names', () => {
  it('puts the event in the fragment and reads it back', () => {
    const url = shareUrl('https://example.org/events?x=1#old', {
      id: 'demo reading/1',
      date: '2026-11-28',
    });
    expect(url.startsWith('https://example.org/events?x=1#')).to.equal(true);
    expect(readShareUrl(url)).to.deep.equal({ id: 'demo reading/1', date: '2026-11-28' });
    expect(readShareUrl('https://example.org/#top')).to.equal(undefined);
    expect(readShareUrl('https://example.org/#event=a&date=bad')).to.deep.equal({ id: 'a' });
  });

  it('makes safe .ics file names from titles', () => {
    expect(icsFileName('亲子阅读会')).to.equal('亲子阅读会.ics');
    expect(icsFileName('a/b\\c:d*e?"<>|')).to.equal('a b c d e.ics');
    expect(icsFileName('   ')).to.equal('event.ics');
    expect(icsFileName('长'.repeat(100))).to.equal(`${'长'.repeat(60)}.ics`);
  });
});
