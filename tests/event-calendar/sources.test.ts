import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { CalendarEvent } from '../../src/core/models.js';
import {
  mountCalendar,
  quietly,
  record,
  showCalendar,
  uniqueKey,
  type CalendarHarness,
  type CalendarSetup,
} from '../support/calendar.js';
import { text } from '../support/index.js';

/**
 * A calendar reading `src` from the local server (November 2026 in Shanghai time, in Simplified
 * Chinese, unless `setup` says otherwise), once it has loaded; the reader's warnings silenced.
 */
async function fromSource(src: string, setup: CalendarSetup = {}): Promise<CalendarHarness> {
  const [calendar] = await quietly(async () => {
    const calendar = await mountCalendar({
      view: 'month',
      date: '2026-11-16',
      lang: 'zh-Hans',
      zone: 'Asia/Shanghai',
      ...setup,
      src,
    });
    await calendar.events.loaded();
    return calendar.settled();
  });
  return calendar;
}

const ics = '/tests/fixtures/calendar/activities.ics';

describe('<event-calendar> end to end from the local server', () => {
  it('reads an iCalendar feed: series with exception and override, two time zones, bad records', async () => {
    const calendar = await fromSource(ics);
    // Weekly on Saturdays, 14 Nov excluded (EXDATE), 21 Nov moved to the afternoon (RECURRENCE-ID).
    expect(calendar.daysOf('亲子阅读会')).to.deep.equal(['2026-11-07', '2026-11-28', '2026-12-05']);
    const [moved] = calendar.eventsTitled('亲子阅读会（改在下午）');
    expect([moved.day, moved.time]).to.deep.equal(['2026-11-21', '14:00']);
    // Europe/London 12:00 → 20:00 in Shanghai.
    const [talk] = calendar.eventsTitled('线上分享：双语养育');
    expect([talk.day, talk.time]).to.deep.equal(['2026-11-18', '20:00']);
    // All-day and a two-week span.
    expect(calendar.daysOf('儿童自然教育：湿地观鸟')).to.deep.equal(['2026-11-08']);
    expect(calendar.daysOf('新志愿者培训周')).to.deep.equal(['2026-11-09', '2026-11-16']);
    // An invalid RRULE is shown once; an unknown TZID still shows; a VEVENT without DTSTART is counted.
    expect(calendar.eventsTitled('规则写错的活动')).to.have.length(1);
    expect(calendar.daysOf('时区写错的活动')).to.deep.equal(['2026-11-26']);
    expect(calendar.eventsTitled('没有开始时间的活动')).to.have.length(0);
    expect(calendar.notes()).to.contain('有 1 条资料读不出来');
    await expect(calendar.el).to.be.accessible();
  });

  it('shows the London talk in London time when asked, naming Shanghai time nowhere', async () => {
    const calendar = await fromSource(ics, { zone: 'Europe/London', lang: 'en' });
    expect(calendar.eventsTitled('线上分享：双语养育')[0].time).to.equal('12:00 PM');
    expect(calendar.eventsTitled('亲子阅读会')[0].time).to.equal('2:00 AM'); // 10:00 in Shanghai
    expect(calendar.notes()).to.contain('Times are shown in Greenwich Mean Time.');
  });

  it('reads The Events Calendar REST API across pages', async () => {
    const key = uniqueKey('tribe');
    const calendar = await fromSource(`/test-api/tribe/events?pages=2&key=${key}`, {
      date: '2026-12-01',
      view: 'list',
    });
    expect(calendar.shownEvents()).to.deep.equal(['活动 1', '活动 2']);
    expect(calendar.eventsTitled('活动 1')[0].time).to.match(/^09:30\s*[–-]\s*11:00$/);
    expect(calendar.listDays()[0]).to.equal('12月1日 周二');
    const hits = (await (await fetch(`/test-api/count?key=${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(2);
  });

  it('reads schema.org JSON-LD events from a web page', async () => {
    const calendar = await fromSource('/tests/fixtures/calendar/events-page.html');
    const [art] = calendar.eventsTitled('艺术疗愈小组');
    expect([art.day, art.time]).to.deep.equal(['2026-11-17', '15:00']);
    expect(calendar.daysOf('政策宣讲：居住证与积分入学')).to.deep.equal(['2026-11-23']);
    const dialog = await calendar.openEvent('艺术疗愈小组');
    expect(text(dialog.el)).to.contain('示例社工站活动室');
    expect(dialog.mapLink()).to.contain('coordinate=wgs84');
  });

  it('reads a CSV export with Chinese headers and loose dates', async () => {
    const calendar = await fromSource('/tests/fixtures/calendar/events.csv');
    const [talk] = calendar.eventsTitled('长者健康讲座');
    expect([talk.day, talk.time]).to.deep.equal(['2026-11-18', '14:30']);
    expect(calendar.daysOf('家长课堂：和青春期孩子好好说话')).to.deep.equal(['2026-11-19']);
    // 13–15 Nov written inclusive: a three-day bar.
    const [fair] = calendar.eventsTitled('社区公益义卖');
    expect([fair.day, fair.span]).to.deep.equal(['2026-11-13', 3]);
    expect(calendar.notes()).to.contain('有 1 条资料读不出来');
    const dialog = await calendar.openEvent('长者健康讲座');
    expect(text(dialog.el)).to.contain('免费');
    expect(text(dialog.el)).to.contain('长者');
  });

  it('reads the demo backend feed (/api/events.ics)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const calendar = await fromSource('/api/events.ics', { date: today, view: 'list' });
    const items = calendar.el.items as CalendarEvent[];
    expect(items.some((e) => e.recurrence?.rrule)).to.equal(true);
    expect(items.some((e) => e.timeZone === 'Europe/London')).to.equal(true);
    expect(calendar.eventButtons().length).to.be.greaterThan(0);
  });

  it('loads ical.js only for series, never for a plain JSON source', async () => {
    const icalRequests = () =>
      performance.getEntriesByType('resource').filter((r) => r.name.includes('ical')).length;
    const before = icalRequests();
    const data = [record('One', '2026-11-18T10:00:00Z')];
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16', data });
    expect(calendar.eventsTitled('One')).to.have.length(1);
    expect(icalRequests()).to.equal(before);
  });
});
