import '../support/setup.js';
// <event-calendar> where the engine lacks an Intl feature it uses when it can: the week's first
// day (`Intl.Locale#getWeekInfo`, older `weekInfo`; missing in older Safari and Firefox) and the
// Chinese calendar for lunar dates (missing in small-ICU builds). Chromium plays that engine.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { november, showCalendar } from '../support/calendar.js';
import { withoutApis } from '../support/missing-api.js';

describe('event-calendar without Intl.Locale week info', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = withoutApis(
      [Intl.Locale.prototype, 'getWeekInfo'],
      [Intl.Locale.prototype, 'weekInfo'],
    );
  });
  afterEach(() => restore());

  it('still starts the week on Monday in zh-Hans and on Sunday in English (US)', async () => {
    expect('getWeekInfo' in Intl.Locale.prototype).to.equal(false);
    const chinese = await showCalendar(november);
    expect(chinese.columnHeaders()[0].short).to.equal('周一');
    expect(chinese.cellDays()[0]).to.equal('2026-10-26');
    chinese.el.remove();
    const english = await showCalendar({ ...november, lang: 'en' });
    expect(english.columnHeaders()[0].short).to.equal('Sun');
    expect(english.cellDays()[0]).to.equal('2026-11-01');
  });
});

describe('event-calendar without a Chinese calendar in Intl', () => {
  const Real = Intl.DateTimeFormat;
  beforeEach(() => {
    // An Intl without the Chinese calendar resolves a request for it to the Gregorian one.
    const gregorianOnly = function (
      locales?: string | string[],
      options?: Intl.DateTimeFormatOptions,
    ) {
      const asked = options?.calendar === 'chinese' ? { ...options, calendar: 'gregory' } : options;
      return new Real(locales, asked);
    } as unknown as typeof Intl.DateTimeFormat;
    Object.defineProperties(gregorianOnly, {
      prototype: { value: Real.prototype },
      supportedLocalesOf: { value: Real.supportedLocalesOf },
    });
    Intl.DateTimeFormat = gregorianOnly;
  });
  afterEach(() => {
    Intl.DateTimeFormat = Real;
  });

  it('shows the month with its events and keyboard grid, without lunar labels', async () => {
    const calendar = await showCalendar({ ...november, lunar: true });
    expect(calendar.hasLunarLabels()).to.equal(false);
    expect(calendar.daysOf('亲子阅读会')).to.include('2026-11-21');
    calendar.cell('2026-11-16').focus();
    await sendKeys({ press: 'ArrowRight' });
    await calendar.el.updateComplete;
    expect(calendar.el.shadowRoot!.activeElement).to.equal(calendar.cell('2026-11-17'));
  });
});
