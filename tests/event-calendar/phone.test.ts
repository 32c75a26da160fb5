import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  crowdedDay,
  november,
  quietly,
  sampleRecords,
  showCalendar,
  type CalendarHarness,
} from '../support/calendar.js';
import { deepElements } from '../support/dom.js';
import { namesOf } from '../support/ax-tree.js';
import { until } from '../support/index.js';

/** November 2026 in the month view, in a 390 px wide container (a phone). */
const phone = { ...november, view: 'month', inside: { width: 390 } } as const;

/** Elements of the calendar's shadow root that stick out of the host (or are wider than it). */
function overflowing(calendar: CalendarHarness): string[] {
  const host = calendar.el.getBoundingClientRect();
  const root = calendar.el.shadowRoot!;
  return deepElements(root)
    .filter((el) => !el.closest('dialog') && el.parentElement?.closest('.filters') == null)
    .filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      if (el.matches('.visually-hidden')) return false;
      return r.width > host.width + 0.5 || r.left < host.left - 0.5 || r.right > host.right + 0.5;
    })
    .map((el) => `${el.localName}.${[...el.classList].join('.')}`);
}

/** Whether `el`'s text sits on one line (one line box tall, nothing cut at its end). */
function oneLine(el: HTMLElement): boolean {
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
  return (
    el.getBoundingClientRect().height < lineHeight * 1.5 && el.scrollWidth <= el.clientWidth + 1
  );
}

describe('<event-calendar> month view on a phone (390 px)', () => {
  it('shows marks in the grid and the chosen day’s events under it, nothing overflowing', async () => {
    const calendar = await showCalendar(phone);
    expect(calendar.shownView()).to.equal('month');
    expect(calendar.el.getBoundingClientRect().width).to.equal(390);
    // No event bars in the grid: compact marks instead, a bar-shaped one for a multi-day event.
    expect(calendar.grid()!.querySelector('[part="event"]')).to.equal(null);
    const talkDay = calendar.marks('2026-11-18');
    expect(talkDay.colours).to.have.length(3);
    expect(talkDay.long).to.deep.equal([true, false, false]);
    expect(calendar.marks('2026-11-20').colours).to.have.length(0);
    expect(overflowing(calendar)).to.deep.equal([]);
    // The chosen day is the focused date (16 Nov): the training week runs through it.
    expect(calendar.agendaHeading()).to.equal('11月16日 周一');
    const [training] = calendar.agendaEvents();
    expect([training.time, training.title, training.category]).to.deep.equal([
      '全天',
      '新志愿者培训周',
      '志愿服务',
    ]);
    // Named by what it shows, then its dates in words (as Chromium gives it to a screen reader).
    expect(training.label).to.equal(
      '全天 新志愿者培训周 志愿服务 2026年11月9日星期一至19日星期四，全天',
    );
    expect(await namesOf('button')).to.include(training.label);
    await expect(calendar.el).to.be.accessible();
  });

  it('says in each day cell how many events the day has', async () => {
    const calendar = await showCalendar(phone);
    expect(calendar.describeCell(calendar.cell('2026-11-18')).label).to.equal(
      '2026年11月18日星期三，有 3 个活动',
    );
    expect(calendar.describeCell(calendar.cell('2026-11-20')).label).to.equal(
      '2026年11月20日星期五，没有活动',
    );
    const english = await showCalendar({ ...phone, lang: 'en' });
    expect(english.describeCell(english.cell('2026-11-08')).label).to.equal(
      'Sunday, November 8, 2026, 1 event',
    );
  });

  it('marks a multi-day event on every day it covers and lists it under each of them', async () => {
    const calendar = await showCalendar(phone);
    for (const day of ['2026-11-09', '2026-11-12', '2026-11-15', '2026-11-19']) {
      expect(calendar.marks(day).long, day).to.include(true);
    }
    expect(calendar.marks('2026-11-20').long).to.not.include(true);
    calendar.focusGrid();
    await calendar.press('ArrowRight'); // 17 Nov
    expect(calendar.agendaEvents().map((e) => e.title)).to.deep.equal(['新志愿者培训周']);
  });

  it('follows the grid’s keyboard focus: the list shows the focused day, Enter goes to it', async () => {
    const calendar = await showCalendar(phone);
    calendar.focusGrid();
    await calendar.press('ArrowRight');
    await calendar.press('ArrowRight');
    expect(calendar.focusedCellDay()).to.equal('2026-11-18');
    expect(calendar.cell('2026-11-18').getAttribute('aria-selected')).to.equal('true');
    expect(calendar.cell('2026-11-16').getAttribute('aria-selected')).to.equal('false');
    expect(calendar.agendaHeading()).to.equal('11月18日 周三');
    const events = calendar.agendaEvents();
    expect(events.map((e) => [e.time, e.title, e.category])).to.deep.equal([
      ['全天', '新志愿者培训周', '志愿服务'],
      ['14:30–16:00', '长者健康讲座', '长者'],
      ['20:00–21:00', '线上分享：双语养育', '家长课堂'],
    ]);
    // Times are whole, on one line, even at 390 px.
    for (const e of events)
      expect(oneLine(e.button.querySelector('.time')!), e.time).to.equal(true);
    // The list is named by its heading for screen readers.
    const list = calendar.agenda()!;
    const heading = list.querySelector('h3')!;
    expect(list.getAttribute('aria-labelledby')).to.equal(heading.id);
    await calendar.press('Enter');
    expect(calendar.focused()).to.equal(events[0].button);
    await sendKeys({ press: 'Tab' });
    expect(calendar.focused()).to.equal(events[1].button);
    await expect(calendar.el).to.be.accessible();
  });

  it('opens the same detail dialog from the list, and returns focus there', async () => {
    const calendar = await showCalendar({ ...phone, date: '2026-11-07' });
    const [reading] = calendar.agendaEvents();
    expect(reading.title).to.equal('亲子阅读会');
    reading.button.focus();
    reading.button.click();
    const dialog = await calendar.detail();
    expect(dialog.title()).to.equal('亲子阅读会');
    expect(dialog.fact('费用')).to.equal('免费');
    expect(calendar.events.all.filter((e) => e.type === 'dandelion-select')).to.have.length(1);
    await dialog.close();
    expect(calendar.focused()).to.equal(calendar.agendaEvents()[0].button);
  });

  it('counts the events of a crowded day, and says when the chosen day has none', async () => {
    const calendar = await showCalendar({ ...phone, data: crowdedDay(6), date: '2026-11-18' });
    const crowded = calendar.marks('2026-11-18');
    expect(crowded.colours).to.have.length(2);
    expect(crowded.count).to.equal('+4');
    expect(calendar.agendaEvents()).to.have.length(6);
    expect(overflowing(calendar)).to.deep.equal([]);
    await calendar.el.goTo('2026-11-19');
    await calendar.update();
    expect(calendar.agendaEvents()).to.have.length(0);
    expect(calendar.agendaEmpty()).to.equal('这一天没有活动。');
  });

  it('keeps lunar labels whole and the grid inside the host', async () => {
    const calendar = await showCalendar({ ...phone, lunar: true });
    await until(() => calendar.hasLunarLabels(), 'the lunar labels');
    const labels = [...calendar.grid()!.querySelectorAll<HTMLElement>('.lunar')];
    for (const label of labels) expect(oneLine(label), label.textContent!).to.equal(true);
    expect(overflowing(calendar)).to.deep.equal([]);
    await expect(calendar.el).to.be.accessible();
  });

  it('shows the bars of the wide month view again when the container grows', async () => {
    const calendar = await showCalendar(phone);
    calendar.resizeContainer(1000);
    await until(() => calendar.agenda() === null, 'the wide month view');
    expect(calendar.eventsTitled('长者健康讲座')[0].time).to.equal('14:30');
  });
});

describe('<event-calendar> category chips on a phone', () => {
  it('sit in one row that scrolls sideways, a focused chip scrolled into view', async () => {
    const calendar = await showCalendar(phone);
    const filters = calendar.filters()!;
    expect(filters.getBoundingClientRect().height).to.be.at.most(56);
    const chips = [...filters.querySelectorAll<HTMLElement>('.chip')];
    expect(new Set(chips.map((c) => Math.round(c.getBoundingClientRect().top))).size).to.equal(1);
    expect(filters.scrollWidth).to.be.greaterThan(filters.clientWidth);
    chips[0].focus();
    for (let i = 1; i < chips.length; i++) await sendKeys({ press: 'Tab' });
    const last = chips[chips.length - 1];
    expect(calendar.focused()).to.equal(last);
    await until(() => {
      const box = filters.getBoundingClientRect();
      const chip = last.getBoundingClientRect();
      return chip.left >= box.left - 0.5 && chip.right <= box.right + 0.5;
    }, 'the focused chip in view');
    await expect(calendar.el).to.be.accessible();
  });

  it('still wrap on a wide calendar', async () => {
    const calendar = await showCalendar({ ...november, inside: { width: 1000 } });
    expect(getComputedStyle(calendar.filters()!).flexWrap).to.equal('wrap');
  });
});

describe('<event-calendar> event dialog geometry', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [390, 1280]) {
    it(`aligns the facts in one label column, keeps times whole, no space under the actions (${width} px)`, async () => {
      await setViewport({ width, height: 900 });
      const calendar = await showCalendar({ ...november, view: 'month', lang: 'en' });
      await calendar.el.goTo('2026-11-07');
      await calendar.update();
      const dialog =
        width < 600
          ? (calendar.agendaEvents()[0].button.click(), await calendar.detail())
          : await calendar.openEvent('亲子阅读会');
      const rows = [...dialog.el.querySelectorAll<HTMLElement>('.facts > div')];
      expect(rows.length).to.be.at.least(5);
      const x = (sel: string) =>
        rows.map((r) => Math.round(r.querySelector(sel)!.getBoundingClientRect().left));
      expect(new Set(x('dt')).size, 'terms in one column').to.equal(1);
      expect(new Set(x('dd')).size, 'values in one column').to.equal(1);
      // Term and value of a row start on the same line ("Cost" beside "免费", not above it).
      for (const row of rows) {
        const dt = row.querySelector('dt')!.getBoundingClientRect();
        const dd = row.querySelector('dd')!.getBoundingClientRect();
        expect(Math.abs(dt.top - dd.top), row.textContent!).to.be.below(4);
      }
      // Each time (and the date) of the range stays on one line.
      const phrases = [...dialog.el.querySelectorAll<HTMLElement>('.when .phrase')];
      expect(phrases.map((p) => p.textContent).join(' ')).to.match(/10:00/);
      for (const p of phrases) expect(p.getClientRects(), p.textContent!).to.have.length(1);
      // Nothing but the body's padding under the actions.
      const body = dialog.el.querySelector<HTMLElement>('.dialog-body')!;
      const actions = dialog.el.querySelector<HTMLElement>('.actions')!;
      const padding = parseFloat(getComputedStyle(body).paddingBlockEnd);
      const below = body.getBoundingClientRect().bottom - actions.getBoundingClientRect().bottom;
      expect(below).to.be.closeTo(padding, 1);
      expect(dialog.el.getBoundingClientRect().width).to.be.at.most(width);
      await expect(calendar.el).to.be.accessible();
    });
  }
});

describe('<event-calendar> category colours set by the site', () => {
  const swatch = (calendar: CalendarHarness, name: string) => {
    const chip = [...calendar.filters()!.querySelectorAll<HTMLElement>('.chip')].find(
      (c) => c.textContent!.trim() === name,
    )!;
    return getComputedStyle(chip.querySelector('.swatch')!).backgroundColor;
  };

  it('colours the named categories everywhere, the others as before', async () => {
    const plain = await showCalendar(november);
    const derived = swatch(plain, '自然教育');
    const calendar = await showCalendar({
      ...november,
      categoryColors: '亲子: #e11d48; 长者: teal',
    });
    expect(swatch(calendar, '亲子')).to.equal('rgb(225, 29, 72)');
    expect(swatch(calendar, '长者')).to.equal('rgb(0, 128, 128)');
    expect(swatch(calendar, '自然教育')).to.equal(derived);
    // The events of the category take it too: the month bars and the detail's tag.
    const reading = calendar.eventsTitled('亲子阅读会')[0].button;
    expect(getComputedStyle(reading, '::before').backgroundColor).to.equal('rgb(225, 29, 72)');
    const dialog = await calendar.openEvent('亲子阅读会');
    const tag = dialog.el.querySelector('.tag .swatch')!;
    expect(getComputedStyle(tag).backgroundColor).to.equal('rgb(225, 29, 72)');
  });

  it('follows a change of the attribute, and leaves out what is not a colour (with a warning)', async () => {
    const calendar = await showCalendar({ ...november, data: sampleRecords() });
    const [, warnings] = await quietly(async () => {
      calendar.el.setAttribute('category-colors', '长者: rgb(1, 2, 3); 亲子: not-a-colour');
      await calendar.update();
    });
    expect(swatch(calendar, '长者')).to.equal('rgb(1, 2, 3)');
    const talk = calendar.eventsTitled('长者健康讲座')[0].button;
    expect(getComputedStyle(talk, '::before').backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(warnings.join('\n')).to.match(/category-colors.*亲子: not-a-colour/);
  });
});
