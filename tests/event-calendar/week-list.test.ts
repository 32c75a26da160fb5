import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { crowdedDay, november, record, showCalendar } from '../support/calendar.js';
import { until } from '../support/index.js';
import { namesOf } from '../support/ax-tree.js';

const week = { ...november, view: 'week', date: '2026-11-18' } as const;

describe('<event-calendar> week view', () => {
  it('shows seven day columns, all-day bars and timed events placed by time', async () => {
    const calendar = await showCalendar(week);
    expect(calendar.title()).to.match(/^2026年11月16日\s*[–至-]\s*22日$/);
    expect(calendar.dayColumns().join(' | ')).to.equal(
      '11月16日 周一 | 11月17日 周二 | 11月18日 周三 | 11月19日 周四 | 11月20日 周五 | 11月21日 周六 | 11月22日 周日',
    );
    // The all-day row holds the volunteer training, continuing from the week before.
    const [training] = calendar.eventsTitled('新志愿者培训周');
    expect([training.allDayRow, training.continuesBefore, training.span]).to.deep.equal([
      true,
      true,
      4,
    ]);
    const [talk] = calendar.eventsTitled('长者健康讲座');
    expect(talk.column).to.equal('11月18日 周三');
    // Grid starts at 08:00: 14:30 is 390 minutes in, 90 minutes long.
    expect([talk.top, talk.length]).to.deep.equal([390, 90]);
    expect(talk.time).to.match(/^14:30\s*[–-]\s*16:00$/);
    // Named by what it shows, then only its date (the time it shows is its whole time).
    expect(talk.label).to.equal('14:30–16:00 长者健康讲座 2026年11月18日星期三');
    expect(await namesOf('button')).to.include(talk.label);
    const column = talk.box.parentElement!.getBoundingClientRect();
    expect(Math.round(talk.box.getBoundingClientRect().top - column.top)).to.equal(
      Math.round(390 * 0.8),
    );
    await expect(calendar.el).to.be.accessible();
  });

  it('extends the hours to show early and late events, and keeps DST days right', async () => {
    const data = [
      record('早操', '2026-10-29T06:15:00', {
        end: '2026-10-29T07:00:00',
        timeZone: 'America/New_York',
        rrule: 'FREQ=DAILY;COUNT=7',
      }),
    ];
    const calendar = await showCalendar({
      view: 'week',
      lang: 'en',
      date: '2026-11-01',
      zone: 'America/New_York',
      data,
    });
    // Week of Sun 1 Nov (DST ends that day): every morning stays at 06:15 local.
    const mornings = calendar.eventsTitled('早操');
    expect(mornings).to.have.length(4); // seven mornings from 29 Oct: 1–4 Nov fall in this week
    expect(mornings.every((m) => m.top === 15)).to.equal(true); // grid starts at 06:00
    expect(calendar.hours()[0]).to.equal('6:00 AM');

    const shanghai = await showCalendar({
      view: 'list',
      lang: 'en',
      date: '2026-10-29',
      zone: 'Asia/Shanghai',
      data,
    });
    const times = shanghai.eventsTitled('早操').map((m) => m.time);
    expect(times).to.have.length(7);
    // 06:15 EDT = 18:15 in Shanghai before the change, 06:15 EST = 19:15 after it.
    expect(times[0]).to.match(/^6:15\s*[–-]\s*7:00\s*PM$/);
    expect(times[times.length - 1]).to.match(/^7:15\s*[–-]\s*8:00\s*PM$/);
  });

  it('puts overlapping events side by side and overnight events on both days', async () => {
    const at = (id: string, title: string, start: string, end: string) => ({
      id,
      title,
      start: `2026-11-${start}+08:00`,
      end: `2026-11-${end}+08:00`,
    });
    const data = [
      at('a', '甲', '18T09:00:00', '18T11:00:00'),
      at('b', '乙', '18T10:00:00', '18T12:00:00'),
      at('night', '夜间热线值班', '19T22:00:00', '20T02:00:00'),
      at('zero', '零时长', '21T10:00:00', '21T10:00:00'),
    ];
    const calendar = await showCalendar({ ...week, data });
    const [a] = calendar.eventsTitled('甲');
    const [b] = calendar.eventsTitled('乙');
    expect([a.sideBySide, b.sideBySide]).to.deep.equal([
      { column: 0, of: 2 },
      { column: 1, of: 2 },
    ]);
    expect(a.box.getBoundingClientRect().right).to.be.at.most(
      b.box.getBoundingClientRect().left + 1,
    );
    const night = calendar.eventsTitled('夜间热线值班');
    expect(night.map((n) => [n.continuesBefore, n.continuesAfter])).to.deep.equal([
      [false, true],
      [true, false],
    ]);
    expect(calendar.hours()).to.have.length(24); // 00:00 … 23:00
    const [zero] = calendar.eventsTitled('零时长');
    expect(zero.point).to.equal(true);
    expect(zero.box.getBoundingClientRect().height).to.be.greaterThan(20);
  });

  it('shows "+N more" in the day head when a day is too crowded', async () => {
    const data = crowdedDay(6, { title: '并行', hour: 10 });
    const calendar = await showCalendar({ ...week, lang: 'en', data });
    expect(calendar.timedEvents()).to.have.length(4);
    expect(calendar.moreButtons()[0].shown).to.equal('+2 more');
    const dialog = await calendar.openMore();
    expect(dialog.eventButtons()).to.have.length(6);
  });

  it('moves by weeks', async () => {
    const calendar = await showCalendar({ ...week, lang: 'en' });
    expect(calendar.navButtons().next.getAttribute('aria-label')).to.equal('Next week');
    await calendar.next();
    expect(calendar.el.focusedDate).to.equal('2026-11-25');
    await calendar.previous();
    await calendar.previous();
    expect(calendar.el.focusedDate).to.equal('2026-11-11');
  });
});

describe('<event-calendar> list view', () => {
  it('groups upcoming events by day with zh-Hans headings and pages with "show more"', async () => {
    const calendar = await showCalendar({ ...november, view: 'list', pageSize: 3 });
    expect(calendar.title()).to.equal('2026年11月16日起');
    expect(calendar.listDays()).to.deep.equal(['11月16日 周一', '11月18日 周三']);
    expect(calendar.eventButtons()).to.have.length(3);
    const [talk] = calendar.eventsTitled('长者健康讲座');
    expect(talk.time).to.match(/^14:30\s*[–-]\s*16:00$/);
    expect(talk.place).to.equal('某某街道党群服务中心');
    // Named by what it shows, then only its date: the time shown is the whole time of a one-day
    // event. A longer one ("全天" under each of its days) adds its dates in full.
    expect(talk.label).to.equal(
      '14:30–16:00 长者健康讲座 某某街道党群服务中心 2026年11月18日星期三',
    );
    const [training] = calendar.eventsTitled('新志愿者培训周');
    expect(training.label).to.equal('全天 新志愿者培训周 2026年11月9日星期一至19日星期四，全天');
    const names = await namesOf('button');
    expect(names).to.include(talk.label);
    expect(names).to.include(training.label);
    expect(calendar.showMoreButton()?.textContent?.trim()).to.equal('显示更多');
    await calendar.showMore();
    expect(calendar.eventButtons()).to.have.length(6);
    expect(calendar.listDays()).to.include('11月21日 周六');
    await expect(calendar.el).to.be.accessible();
  });

  it('looks further ahead when the next months are empty, and says when there is nothing', async () => {
    const data = [record('明年的活动', '2027-09-01T10:00:00+08:00')];
    const list = { ...november, view: 'list', lang: 'en' } as const;
    const calendar = await showCalendar({ ...list, data });
    await until(() => calendar.eventsTitled('明年的活动').length === 1, 'the event next year');
    expect(calendar.showMoreButton()).to.equal(null);

    const none = await showCalendar({ ...list, data: [record('Old', '2020-01-01')] });
    expect(none.listEmpty()).to.equal('No events from November 16, 2026 on.');
  });
});

describe('<event-calendar> views and layout', () => {
  it('switches views with toggle buttons and reflects the view attribute', async () => {
    const calendar = await showCalendar({ ...november, lang: 'zh-Hant' });
    expect(calendar.viewButtons()).to.deep.equal([
      { name: '月', pressed: true },
      { name: '週', pressed: false },
      { name: '列表', pressed: false },
    ]);
    expect(calendar.viewSwitcher().getAttribute('role')).to.equal('group');
    await calendar.view('week');
    expect(calendar.el.getAttribute('view')).to.equal('week');
    expect(calendar.shownView()).to.equal('week');
    expect(calendar.viewButtons().map((b) => b.pressed)).to.deep.equal([false, true, false]);
    await calendar.view('list');
    expect(calendar.shownView()).to.equal('list');
    await expect(calendar.el).to.be.accessible();
  });

  it('defaults to the list view in a narrow container, and follows the container when it grows', async () => {
    const calendar = await showCalendar({
      lang: 'en',
      date: '2026-11-16',
      inside: { width: 380 },
    });
    expect(calendar.el.currentView).to.equal('list');
    expect(calendar.shownView()).to.equal('list');
    expect(calendar.el.hasAttribute('view')).to.equal(false);
    calendar.resizeContainer(900);
    await until(() => calendar.shownView() === 'month', 'the month view in a wide container');
    expect(calendar.el.currentView).to.equal('month');
    calendar.resizeContainer(380);
    await until(() => calendar.shownView() === 'list', 'the list view in a narrow container');
    // A view the page asks for wins over the container's width.
    calendar.el.view = 'week';
    await calendar.update();
    expect(calendar.shownView()).to.equal('week');
  });

  it('renders in RTL with mirrored arrow keys', async () => {
    const calendar = await showCalendar({
      lang: 'en',
      date: '2026-11-18',
      inside: { dir: 'rtl' },
    });
    const [first, second] = calendar.cells();
    expect(first.getBoundingClientRect().left).to.be.greaterThan(
      second.getBoundingClientRect().left,
    );
    calendar.focusGrid();
    await calendar.press('ArrowLeft');
    expect(calendar.el.focusedDate).to.equal('2026-11-19');
  });
});
