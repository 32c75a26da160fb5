import '../support/setup.js';
import { expect } from '@open-wc/testing';
import {
  mountCalendar,
  november,
  quietly,
  record,
  sampleRecords,
  showCalendar,
  uniqueKey,
} from '../support/calendar.js';
import { byRole, parts, text, until } from '../support/index.js';

describe('<event-calendar> states', () => {
  it('shows the loading skeleton, busy, while the source loads', async () => {
    // A source that never answers: the calendar stays loading for as long as the test looks.
    const src = `/test-api/never?key=${uniqueKey('calendar-loading')}`;
    const calendar = await mountCalendar({ lang: 'zh-Hans', src });
    const status = calendar.status()!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(calendar.el.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.contain('正在加载');
    await expect(calendar.el).to.be.accessible();
  });

  it('shows the empty state in three languages', async () => {
    const messages = {
      'zh-Hans': '暂时还没有发布活动。',
      'zh-Hant': '暫時還沒有發布活動。',
      en: 'No events have been published yet.',
    };
    for (const [lang, message] of Object.entries(messages)) {
      const calendar = await showCalendar({ lang, data: [] });
      expect(text(calendar.status()), lang).to.equal(message);
      expect(calendar.hasEmptySlot(), lang).to.equal(true);
      await expect(calendar.el).to.be.accessible();
    }
  });

  it('shows the error state with a retry button and fires dandelion-error', async () => {
    const [calendar] = await quietly(async () => {
      const calendar = await mountCalendar({
        lang: 'en',
        src: '/test-api/status/503',
        timeout: 300,
      });
      const error = await calendar.events.failed();
      expect([error.kind, error.status]).to.deep.equal(['http', 503]);
      return calendar.settled();
    });
    const status = calendar.status()!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('Something went wrong on our side. Please try again later.');
    expect(text(byRole(status, 'button'))).to.equal('Try again');
    await expect(calendar.el).to.be.accessible();
  });

  it('shows the content state with toolbar, parts and slot, and fires dandelion-load', async () => {
    const calendar = await mountCalendar({
      lang: 'zh-Hans',
      date: '2026-11-16',
      toolbarButton: '打印',
    });
    const loaded = await calendar.events.loaded();
    expect(loaded.items).to.have.length(5);
    expect(loaded.source).to.equal('data');
    await calendar.settled();
    expect(parts(calendar.el, 'base')).to.have.length(1);
    expect(calendar.toolbarSlotted().map((e) => text(e))).to.deep.equal(['打印']);
    expect(parts(calendar.el, 'event').length).to.be.greaterThan(5);
    expect(parts(calendar.toolbar(), 'button').length).to.be.greaterThan(3);
    expect(calendar.el.items).to.have.length(5);
    await expect(calendar.el).to.be.accessible();
  });

  it('is accessible in dark theme in every view', async () => {
    for (const view of ['month', 'week', 'list'] as const) {
      const calendar = await showCalendar({
        theme: 'dark',
        view,
        lang: 'zh-Hans',
        lunar: true,
        date: '2026-11-18',
      });
      expect(getComputedStyle(calendar.el).backgroundColor, view).to.equal('rgb(13, 17, 23)');
      await expect(calendar.el).to.be.accessible();
    }
  });

  it('speaks zh-Hans, zh-Hant and en in the toolbar', async () => {
    const expected = {
      'zh-Hans': ['上个月', '今天', '下个月', '月', '周', '列表'],
      'zh-Hant': ['上個月', '今天', '下個月', '月', '週', '列表'],
      en: ['Previous month', 'Today', 'Next month', 'Month', 'Week', 'List'],
    };
    for (const [lang, words] of Object.entries(expected)) {
      const calendar = await showCalendar({ lang, date: '2026-11-16' });
      const { previous, today, next } = calendar.navButtons();
      const views = calendar.viewButtons().map((b) => b.name);
      const spoken = [previous.ariaLabel, text(today), next.ariaLabel, ...views];
      expect(spoken, lang).to.deep.equal(words);
    }
  });

  it('follows a language change on the page', async () => {
    const calendar = await showCalendar({ date: '2026-11-16', inside: { lang: 'en' } });
    expect(calendar.title()).to.equal('November 2026');
    calendar.container().setAttribute('lang', 'zh-Hant');
    await until(() => calendar.title() === '2026年11月', 'the title in Traditional Chinese');
    expect(text(calendar.navButtons().today)).to.equal('今天');
    // zh-Hant (Taiwan) weeks start on Sunday.
    expect(calendar.cellDays()[0]).to.equal('2026-11-01');
  });

  it('cleans up when removed (no observer or timer keeps it alive)', async () => {
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16' });
    await calendar.events.loaded();
    await calendar.reconnect();
    // Put back, it loads again and shows its events.
    await calendar.events.loaded();
    await calendar.settled();
    expect(calendar.eventButtons().length).to.be.greaterThan(0);
  });
});

describe('<event-calendar> bad input, handled visibly', () => {
  it('counts records without a start or with malformed dates, and says so', async () => {
    const data = [
      ...sampleRecords(),
      { id: 'no-start', title: '没有开始时间' },
      { id: 'bad-date', title: '日期写错', start: '2026-13-45T10:00:00' },
      { id: 'not-a-date', title: '乱写的日期', start: 'next Tuesday-ish' },
    ];
    const [calendar, warnings] = await quietly(() =>
      showCalendar({ lang: 'zh-Hans', date: '2026-11-16', data }),
    );
    expect(calendar.notes()).to.contain('有 3 条资料读不出来，没有显示。');
    expect(warnings.join('\n')).to.contain('skipped 3 record');
    expect(calendar.eventsTitled('长者健康讲座')).to.have.length(1);
    const [en] = await quietly(() =>
      showCalendar({ lang: 'en', date: '2026-11-16', data: data.slice(0, 6) }),
    );
    expect(en.notes()).to.contain('1 entry in the data could not be read and is not shown.');
  });

  it('shows an event whose end is before its start at its start, as a point in time', async () => {
    const data = [
      record('结束早于开始', '2026-11-18T10:00:00+08:00', { end: '2026-11-18T08:00:00+08:00' }),
    ];
    const [calendar] = await quietly(() =>
      showCalendar({ ...november, view: 'week', date: '2026-11-18', data }),
    );
    const [shown] = calendar.eventsTitled('结束早于开始');
    expect([shown.point, shown.time]).to.deep.equal([true, '10:00']);
  });

  it('shows an event with an invalid RRULE once', async () => {
    const data = [
      record('规则写错', '2026-11-18T10:00:00+08:00', { rrule: 'FREQ=SOMETIMES;COUNT=5' }),
    ];
    const [calendar] = await quietly(() =>
      showCalendar({ lang: 'zh-Hans', date: '2026-11-16', data }),
    );
    expect(calendar.eventsTitled('规则写错')).to.have.length(1);
  });

  it('keeps an event with an unknown time zone, and ignores an unknown time-zone attribute', async () => {
    const data = [record('火星时区', '2026-11-18T10:00:00', { timeZone: 'Mars/Olympus_Mons' })];
    const [calendar, warnings] = await quietly(() =>
      showCalendar({ ...november, zone: 'Moon/Tranquility', data }),
    );
    const [mars] = calendar.eventsTitled('火星时区');
    expect(mars.day).to.equal('2026-11-18');
    expect(warnings.some((w) => w.includes('Moon/Tranquility'))).to.equal(true);
    // The unknown event zone is dropped by the reader: the time is read as a local time.
    expect(mars.time).to.equal('10:00');
  });

  it('drops duplicate events across pages (first wins) and reports the duplicate', async () => {
    const src = `/test-api/calendar/dupes?key=${uniqueKey('dupes')}`;
    const [calendar] = await quietly(() => showCalendar({ ...november, src }));
    expect(calendar.eventsTitled('跨页重复的活动')).to.have.length(1);
    expect(calendar.eventsTitled('第一页的活动')).to.have.length(1);
    expect(calendar.eventsTitled('第二页的活动')).to.have.length(1);
    expect(calendar.notes()).to.contain('有 1 条资料读不出来');
  });
});
