import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  calendar,
  cellDate,
  dayNumber,
  eventsTitled,
  focused,
  sampleRecords,
  text,
  todayIn,
} from './support.js';

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('<event-calendar> month view', () => {
  it('renders an APG grid: columnheaders from Monday in zh-Hans, rows of gridcells', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect($(el, '[role="grid"]')).to.not.equal(null);
    const headers = $$(el, '[role="columnheader"]');
    expect(headers.map((h) => text(h.querySelector('.short')))).to.deep.equal([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
    ]);
    expect(text(headers[0].querySelector('.visually-hidden'))).to.equal('星期一');
    const rows = $$(el, '[role="row"]');
    expect(rows).to.have.length(1 + 6); // header + six weeks (26 Oct … 6 Dec)
    expect(cellDate($$(el, '[role="gridcell"]')[0])).to.equal('2026-10-26');
    expect(text($(el, '.title'))).to.equal('2026年11月');
    await expect(el).to.be.accessible();
  });

  it('starts the week on Sunday in English (US)', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect(text($$(el, '[role="columnheader"]')[0].querySelector('.short'))).to.equal('Sun');
    expect(cellDate($$(el, '[role="gridcell"]')[0])).to.equal('2026-11-01');
    expect(text($(el, '.title'))).to.equal('November 2026');
  });

  it('puts each occurrence in its day, expanding the weekly series with its exception', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const reading = eventsTitled(el, '亲子阅读会').map(cellDate);
    // Saturdays from 7 Nov, six times, 14 Nov excluded: 7, 21, 28 Nov and 5 Dec are in view.
    expect(reading).to.deep.equal(['2026-11-07', '2026-11-21', '2026-11-28', '2026-12-05']);
    expect(eventsTitled(el, '长者健康讲座').map(cellDate)).to.deep.equal(['2026-11-18']);
    const time = eventsTitled(el, '长者健康讲座')[0].querySelector('.time');
    expect(text(time)).to.equal('14:30');
  });

  it('shows a multi-week event as continuation bars across week rows', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const bars = eventsTitled(el, '新志愿者培训周');
    expect(bars).to.have.length(2);
    expect(bars.map(cellDate)).to.deep.equal(['2026-11-09', '2026-11-16']);
    expect(bars[0].classList.contains('continues-after')).to.equal(true);
    expect(bars[1].classList.contains('continues-before')).to.equal(true);
    expect(bars[0].style.getPropertyValue('--span')).to.equal('7');
    // The record's end (19 Nov) is read as the last day, inclusive: the bar runs 16–19 Nov.
    expect(bars[1].style.getPropertyValue('--span')).to.equal('4');
    // The bar is positioned by custom properties, set from code (no style attribute in markup).
    expect(getComputedStyle(bars[0]).position).to.equal('absolute');
    expect(bars[0].getBoundingClientRect().width).to.be.greaterThan(
      bars[0].closest('[role="gridcell"]')!.getBoundingClientRect().width * 6,
    );
  });

  it('labels events with date and time in words', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const talk = eventsTitled(el, '长者健康讲座')[0];
    expect(text(talk.querySelector('.visually-hidden'))).to.match(
      /^长者健康讲座，2026年11月18日星期三 14:30\s*[–至-]\s*16:00$/,
    );
    const birds = eventsTitled(el, '儿童自然教育：湿地观鸟')[0];
    expect(text(birds.querySelector('.visually-hidden'))).to.equal(
      '儿童自然教育：湿地观鸟，2026年11月8日星期日，全天',
    );
  });

  it('highlights today', async () => {
    const today = todayIn('Asia/Shanghai');
    const el = await calendar(
      html`<event-calendar
        lang="en"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const cell = $(el, '[aria-current="date"]')!;
    expect(cellDate(cell)).to.equal(today);
    expect(cell.classList.contains('today')).to.equal(true);
    expect(text(cell.querySelector('.visually-hidden'))).to.match(/, today$/);
    expect(getComputedStyle(cell.querySelector('.day-number')!).backgroundColor).to.not.equal(
      'rgba(0, 0, 0, 0)',
    );
    // With no date attribute, the focused day is today.
    expect(cell.getAttribute('tabindex')).to.equal('0');
  });

  it('shows "+N more" past day-max-events and opens the day list', async () => {
    const records = Array.from({ length: 5 }, (_, i) => ({
      id: `same-day-${i}`,
      title: `同一天的活动 ${i + 1}`,
      start: `2026-11-18T0${i + 1}:00:00+08:00`,
    }));
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        day-max-events="3"
        .data=${records}
      ></event-calendar>`,
    );
    const more = $(el, '.cell .more')!;
    expect(cellDate(more)).to.equal('2026-11-18');
    expect(text(more.querySelector('[aria-hidden="true"]'))).to.equal('+2 more');
    expect(text(more.querySelector('.visually-hidden'))).to.equal(
      'Show all 5 events on Wednesday, November 18, 2026',
    );
    expect($$(el, '.cell [part="event"]')).to.have.length(3);
    more.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('Events on Wed, November 18');
    expect(dialog.querySelectorAll('[part="event"]')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('copes with 500 events on one day: "+497 more" and a day list of 500', async () => {
    const records = Array.from({ length: 500 }, (_, i) => ({
      id: `crowd-${i}`,
      title: `活动 ${i + 1}`,
      start: '2026-11-20T10:00:00+08:00',
      end: '2026-11-20T11:00:00+08:00',
    }));
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    const more = $(el, '.cell .more')!;
    expect(text(more.querySelector('[aria-hidden="true"]'))).to.equal('还有 497 项');
    more.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('dialog [part="event"]')).to.have.length(500);
  });

  it('moves through days with the APG grid keys', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const start = $(el, '[role="gridcell"][tabindex="0"]')!;
    expect(cellDate(start)).to.equal('2026-11-18');
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    start.focus();
    const expectFocus = async (iso: string) => {
      await el.updateComplete;
      expect(cellDate(focused(el)!), `focus after key`).to.equal(iso);
      expect(focused(el)!.getAttribute('tabindex')).to.equal('0');
    };
    await sendKeys({ press: 'ArrowRight' });
    await expectFocus('2026-11-19');
    await sendKeys({ press: 'ArrowDown' });
    await expectFocus('2026-11-26');
    await sendKeys({ press: 'ArrowLeft' });
    await expectFocus('2026-11-25');
    await sendKeys({ press: 'ArrowUp' });
    await expectFocus('2026-11-18');
    await sendKeys({ press: 'Home' });
    await expectFocus('2026-11-16'); // Monday
    await sendKeys({ press: 'End' });
    await expectFocus('2026-11-22'); // Sunday
    await sendKeys({ press: 'PageDown' });
    await expectFocus('2026-12-22');
    expect(text($(el, '.title'))).to.equal('2026年12月');
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await expectFocus('2026-10-22');
    await ctrl('End');
    await expectFocus('2026-10-31');
    await ctrl('Home');
    await expectFocus('2026-10-01');
    await sendKeys({ press: 'ArrowLeft' });
    await expectFocus('2026-09-30');
    expect(text($(el, '.title'))).to.equal('2026年9月');
  });

  it('opens the day list with Enter on a day with events, and returns focus on Escape', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    $(el, '[role="gridcell"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(focused(el)!.id).to.equal('dialog-title');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(cellDate(focused(el)!)).to.equal('2026-11-18');
  });

  it('lets Tab reach the events inside the grid', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    $(el, '[role="gridcell"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.equal('event');
    expect($$(el, '[role="grid"] [part="event"]').every((b) => b.tabIndex === 0)).to.equal(true);
  });

  it('navigates with previous / next / today and respects min-date and max-date', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        min-date="2026-10-05"
        max-date="2026-12-20"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const [prev, , next] = $$(el, '.nav button') as HTMLButtonElement[];
    expect(prev.getAttribute('aria-label')).to.equal('Previous month');
    next.click();
    await el.updateComplete;
    expect(text($(el, '.title'))).to.equal('December 2026');
    expect(next.disabled).to.equal(true);
    prev.click();
    await el.updateComplete;
    prev.click();
    await el.updateComplete;
    expect(text($(el, '.title'))).to.equal('October 2026');
    expect(prev.disabled).to.equal(true);
    // Keys cannot leave the allowed dates either.
    $(el, '[role="gridcell"][tabindex="0"]')!.focus();
    await ctrl('Home');
    await el.updateComplete;
    expect(cellDate(focused(el)!)).to.equal('2026-10-05');
    expect(
      $(el, '[role="gridcell"][data-day="' + dayNumber('2026-10-04') + '"]')!.getAttribute(
        'aria-disabled',
      ),
    ).to.equal('true');
    el.goTo('2027-03-01');
    await el.updateComplete;
    expect(el.focusedDate).to.equal('2026-12-20');
  });

  it('paints the next month with its recurring events already in it (no empty frame)', async () => {
    const records: Record<string, unknown>[] = [
      ...sampleRecords(),
      {
        id: 'december',
        title: '十二月周末手工课',
        start: '2026-12-05T10:00:00+08:00',
        end: '2026-12-05T11:00:00+08:00',
        timeZone: 'Asia/Shanghai',
        rrule: 'FREQ=WEEKLY;COUNT=4',
      },
    ];
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        view="month"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    const count = () => eventsTitled(el, '十二月周末手工课').length;
    // What each render after next() commits (a controller's hostUpdated runs after every render).
    const perRender: number[] = [];
    el.addController({ hostUpdated: () => perRender.push(count()) });
    el.next();
    await el.updateComplete;
    expect(perRender.length).to.be.greaterThan(0);
    expect(perRender, 'the first render of December already has the series').to.deep.equal(
      perRender.map(() => 4),
    );
    // And what the next frame paints.
    await new Promise(requestAnimationFrame);
    expect(count()).to.equal(4);
    el.previous();
    await new Promise(requestAnimationFrame);
    expect(eventsTitled(el, '亲子阅读会').length, 'back in November at once').to.equal(4);
  });

  it('goes back to today with the Today button', async () => {
    const el = await calendar(
      html`<event-calendar lang="en" date="2020-01-15" .data=${sampleRecords()}></event-calendar>`,
    );
    expect(text($(el, '.title'))).to.equal('January 2020');
    $$(el, '.nav button')[1].click();
    await el.updateComplete;
    expect(el.focusedDate).to.equal(
      isoOf(dayNumber(todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone))),
    );
  });

  it('shows lunar day labels: 初八, and the month name on the first day', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        lunar
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const cell = (iso: string) => $(el, `[role="gridcell"][data-day="${dayNumber(iso)}"]`)!;
    expect(text(cell('2026-11-16').querySelector('.lunar'))).to.equal('初八');
    const first = cell('2026-11-09').querySelector('.lunar')!;
    expect(text(first)).to.equal('十月');
    expect(first.classList.contains('lunar-month')).to.equal(true);
    expect(first.getAttribute('lang')).to.equal('zh-Hans');
    const plain = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect($(plain, '.lunar')).to.equal(null);
  });

  it('filters by category with pressed chips that carry text, not colour only', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const chips = $$(el, '.filters .chip');
    expect(chips.map((c) => text(c))).to.have.members([
      '亲子',
      '长者',
      '家长课堂',
      '自然教育',
      '志愿服务',
    ]);
    expect(chips.every((c) => c.getAttribute('aria-pressed') === 'false')).to.equal(true);
    const elders = chips.find((c) => text(c) === '长者')!;
    elders.click();
    await el.updateComplete;
    expect(elders.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(elders.querySelector('.check')!).display).to.not.equal('none');
    expect($$(el, '[part="event"] .event-title').map((t) => t.textContent)).to.deep.equal([
      '长者健康讲座',
    ]);
    const clear = $(el, '.filters .chip.clear')!;
    expect(text(clear)).to.equal('显示全部类别');
    clear.click();
    await el.updateComplete;
    expect(eventsTitled(el, '亲子阅读会').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});
