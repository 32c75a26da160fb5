import '../support/setup.js';
import { expect } from '@open-wc/testing';
import {
  crowdedDay,
  november,
  record,
  sampleRecords,
  showCalendar,
  todayIn,
} from '../support/calendar.js';
import { until, useFakeClock } from '../support/index.js';

const english = { ...november, lang: 'en' } as const;

describe('<event-calendar> month view', () => {
  it('renders an APG grid: columnheaders from Monday in zh-Hans, rows of gridcells', async () => {
    const calendar = await showCalendar(november);
    expect(calendar.grid()).to.not.equal(null);
    const headers = calendar.columnHeaders();
    expect(headers.map((h) => h.short).join(' ')).to.equal('周一 周二 周三 周四 周五 周六 周日');
    expect(headers[0].long).to.equal('星期一');
    expect(calendar.rows()).to.have.length(1 + 6); // header + six weeks (26 Oct … 6 Dec)
    expect(calendar.cellDays()[0]).to.equal('2026-10-26');
    expect(calendar.title()).to.equal('2026年11月');
    await expect(calendar.el).to.be.accessible();
  });

  it('starts the week on Sunday in English (US)', async () => {
    const calendar = await showCalendar(english);
    expect(calendar.columnHeaders()[0].short).to.equal('Sun');
    expect(calendar.cellDays()[0]).to.equal('2026-11-01');
    expect(calendar.title()).to.equal('November 2026');
  });

  it('puts each occurrence in its day, expanding the weekly series with its exception', async () => {
    const calendar = await showCalendar(november);
    // Saturdays from 7 Nov, six times, 14 Nov excluded: 7, 21, 28 Nov and 5 Dec are in view.
    expect(calendar.daysOf('亲子阅读会')).to.deep.equal([
      '2026-11-07',
      '2026-11-21',
      '2026-11-28',
      '2026-12-05',
    ]);
    const [talk] = calendar.eventsTitled('长者健康讲座');
    expect([talk.day, talk.time]).to.deep.equal(['2026-11-18', '14:30']);
  });

  it('shows a multi-week event as continuation bars across week rows', async () => {
    const calendar = await showCalendar(november);
    const bars = calendar.eventsTitled('新志愿者培训周');
    expect(bars.map((b) => b.day)).to.deep.equal(['2026-11-09', '2026-11-16']);
    expect([bars[0].continuesAfter, bars[1].continuesBefore]).to.deep.equal([true, true]);
    // The record's end (19 Nov) is read as the last day, inclusive: the bar runs 16–19 Nov.
    expect(bars.map((b) => b.span)).to.deep.equal([7, 4]);
    // The bar is laid out from custom properties set from code (no style attribute in markup).
    const first = bars[0].button;
    expect(getComputedStyle(first).position).to.equal('absolute');
    expect(first.getBoundingClientRect().width).to.be.greaterThan(
      calendar.cell(bars[0].day).getBoundingClientRect().width * 6,
    );
  });

  it('names events by what they show, then date and time in words', async () => {
    const calendar = await showCalendar(november);
    const [health] = calendar.eventsTitled('长者健康讲座');
    expect(health.label).to.match(
      /^14:30 长者健康讲座 2026年11月18日星期三 14:30\s*[–至-]\s*16:00$/,
    );
    expect(calendar.eventsTitled('儿童自然教育：湿地观鸟')[0].label).to.equal(
      '儿童自然教育：湿地观鸟 2026年11月8日星期日，全天',
    );
    // The date and time in words are part of the name only: never laid out on the page.
    const words = health.button.querySelector<HTMLElement>(`[id="${health.button.id}-words"]`)!;
    expect(words.hidden).to.equal(true);
    expect(words.getClientRects()).to.have.length(0);
  });

  describe('today', () => {
    // 04:00 on 19 November 2026 in Shanghai, still the 18th in UTC: "today" is the display
    // zone's, and cannot change while a test runs.
    useFakeClock(new Date('2026-11-18T20:00:00Z'));

    it('highlights today', async () => {
      const calendar = await showCalendar({ lang: 'en', zone: 'Asia/Shanghai' });
      const today = calendar.describeCell(calendar.todayCell()!);
      expect(today.day).to.equal('2026-11-19');
      expect(today.label).to.match(/, today$/);
      expect(today.dayNumberMarked, 'the day number is marked').to.equal(true);
      // With no date attribute, the focused day is today.
      expect(today.tabStop).to.equal(true);
    });

    it('goes back to today with the Today button', async () => {
      const calendar = await showCalendar({ lang: 'en', date: '2020-01-15' });
      expect(calendar.title()).to.equal('January 2020');
      await calendar.today();
      expect(calendar.el.focusedDate).to.equal(todayIn());
      expect(calendar.title()).to.equal('November 2026');
    });
  });

  it('shows "+N more" past day-max-events and opens the day list', async () => {
    const calendar = await showCalendar({
      ...english,
      dayMaxEvents: 3,
      data: crowdedDay(5, { title: '同一天的活动' }),
    });
    const [more] = calendar.moreButtons();
    expect(more.day).to.equal('2026-11-18');
    expect(more.shown).to.equal('+2 more');
    expect(more.label).to.equal('+2 more Show all 5 events on Wednesday, November 18, 2026');
    expect(calendar.eventButtons()).to.have.length(3);
    const dialog = await calendar.openMore();
    expect(dialog.open).to.equal(true);
    expect(dialog.title()).to.equal('Events on Wed, November 18');
    expect(dialog.eventButtons()).to.have.length(5);
    await expect(calendar.el).to.be.accessible();
  });

  it('copes with 500 events on one day: "+497 more" and a day list of 500', async () => {
    const data = crowdedDay(500, { day: '2026-11-20', hour: 10 });
    const calendar = await showCalendar({ ...november, data });
    expect(calendar.moreButtons()[0].shown).to.equal('还有 497 个活动');
    const dialog = await calendar.openMore();
    expect(dialog.eventButtons()).to.have.length(500);
  });

  it('moves through days with the APG grid keys', async () => {
    const calendar = await showCalendar({ ...november, date: '2026-11-18' });
    expect(calendar.tabStops().map((c) => calendar.describeCell(c).day)).to.deep.equal([
      '2026-11-18',
    ]);
    calendar.focusGrid();
    const steps: [key: string, ctrl: boolean, day: string][] = [
      ['ArrowRight', false, '2026-11-19'],
      ['ArrowDown', false, '2026-11-26'],
      ['ArrowLeft', false, '2026-11-25'],
      ['ArrowUp', false, '2026-11-18'],
      ['Home', false, '2026-11-16'], // Monday
      ['End', false, '2026-11-22'], // Sunday
      ['PageDown', false, '2026-12-22'],
      ['PageUp', false, '2026-11-22'],
      ['PageUp', false, '2026-10-22'],
      ['End', true, '2026-10-31'],
      ['Home', true, '2026-10-01'],
      ['ArrowLeft', false, '2026-09-30'],
    ];
    for (const [key, ctrl, day] of steps) {
      await calendar.press(key, { ctrl });
      const step = `${ctrl ? 'Ctrl+' : ''}${key} to ${day}`;
      expect(calendar.focusedCellDay(), step).to.equal(day);
      expect(calendar.describeCell(calendar.focused()!).tabStop, step).to.equal(true);
      if (key === 'PageDown') expect(calendar.title()).to.equal('2026年12月');
    }
    expect(calendar.title()).to.equal('2026年9月');
  });

  it('opens the day list with Enter on a day with events, and returns focus on Escape', async () => {
    const calendar = await showCalendar({ ...english, date: '2026-11-18' });
    calendar.focusGrid();
    await calendar.press('Enter');
    const dialog = calendar.dialog();
    expect(dialog.open).to.equal(true);
    expect(dialog.titleFocused()).to.equal(true);
    await calendar.press('Escape');
    await until(() => calendar.focusedCellDay() === '2026-11-18', 'focus back on 18 November');
    expect(dialog.open).to.equal(false);
  });

  it('lets Tab reach the events inside the grid', async () => {
    const calendar = await showCalendar(english);
    calendar.focusGrid();
    await calendar.press('Tab');
    expect(calendar.focused()!.getAttribute('part')).to.equal('event');
    expect(calendar.eventButtons().every((b) => b.tabIndex === 0)).to.equal(true);
  });

  it('navigates with previous / next / today and respects min-date and max-date', async () => {
    const calendar = await showCalendar({
      ...english,
      minDate: '2026-10-05',
      maxDate: '2026-12-20',
    });
    const { previous, next } = calendar.navButtons();
    expect(previous.getAttribute('aria-label')).to.equal('Previous month');
    await calendar.next();
    expect(calendar.title()).to.equal('December 2026');
    expect(next.disabled).to.equal(true);
    await calendar.previous();
    await calendar.previous();
    expect(calendar.title()).to.equal('October 2026');
    expect(previous.disabled).to.equal(true);
    // Keys cannot leave the allowed dates either.
    calendar.focusGrid();
    await calendar.press('Home', { ctrl: true });
    expect(calendar.focusedCellDay()).to.equal('2026-10-05');
    expect(calendar.describeCell(calendar.cell('2026-10-04')).disabled).to.equal(true);
    calendar.el.goTo('2027-03-01');
    await calendar.update();
    expect(calendar.el.focusedDate).to.equal('2026-12-20');
  });

  it('paints the next month with its recurring events already in it (no empty frame)', async () => {
    const data = [
      ...sampleRecords(),
      record('十二月周末手工课', '2026-12-05T10:00:00+08:00', {
        end: '2026-12-05T11:00:00+08:00',
        timeZone: 'Asia/Shanghai',
        rrule: 'FREQ=WEEKLY;COUNT=4',
      }),
    ];
    const calendar = await showCalendar({ ...november, view: 'month', data });
    const count = () => calendar.eventsTitled('十二月周末手工课').length;
    const perRender = calendar.everyRender(count);
    await calendar.next();
    expect(perRender.length).to.be.greaterThan(0);
    expect(perRender, 'the first render of December already has the series').to.deep.equal(
      perRender.map(() => 4),
    );
    // And what the next frame paints.
    await new Promise(requestAnimationFrame);
    expect(count()).to.equal(4);
    calendar.navButtons().previous.click();
    await new Promise(requestAnimationFrame);
    expect(calendar.eventsTitled('亲子阅读会').length, 'back in November at once').to.equal(4);
  });

  it('shows lunar day labels: 初八, and the month name on the first day', async () => {
    const calendar = await showCalendar({ ...november, lunar: true });
    const lunar = (day: string) => calendar.describeCell(calendar.cell(day)).lunar;
    expect(lunar('2026-11-16')?.text).to.equal('初八');
    expect(lunar('2026-11-09')).to.deep.equal({ text: '十月', monthStart: true, lang: 'zh-Hans' });
    const plain = await showCalendar({ lang: 'zh-Hans', date: '2026-11-16' });
    expect(plain.hasLunarLabels()).to.equal(false);
  });

  it('shows lunar labels in Chinese UIs only', async () => {
    const zhHant = await showCalendar({ ...november, lang: 'zh-Hant', lunar: true });
    expect(zhHant.hasLunarLabels(), 'zh-Hant').to.equal(true);
    const en = await showCalendar({ ...november, lang: 'en', lunar: true });
    expect(en.hasLunarLabels(), 'en').to.equal(false);
  });

  it('filters by category with pressed chips that carry text, not colour only', async () => {
    const calendar = await showCalendar(november);
    const chips = calendar.chips();
    expect(chips.map((c) => c.name)).to.have.members([
      '亲子',
      '长者',
      '家长课堂',
      '自然教育',
      '志愿服务',
    ]);
    expect(chips.some((c) => c.pressed)).to.equal(false);
    await calendar.filter('长者');
    const elders = calendar.chips().find((c) => c.name === '长者')!;
    expect(elders.pressed && elders.checkShown, 'pressed, with a check mark').to.equal(true);
    expect(calendar.shownEvents()).to.deep.equal(['长者健康讲座']);
    expect(calendar.showAllChip()?.textContent?.trim()).to.equal('显示全部类别');
    await calendar.filter({ all: true });
    expect(calendar.eventsTitled('亲子阅读会').length).to.be.greaterThan(0);
    await expect(calendar.el).to.be.accessible();
  });
});
