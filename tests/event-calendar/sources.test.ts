import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CalendarEvent } from '../../src/core/models.js';
import {
  $,
  calendar,
  cellDate,
  detailShown,
  eventsTitled,
  settled,
  text,
  type EventCalendar,
} from './support.js';

/** Loads a calendar from `src`, with the reader's console warnings silenced. */
async function fromSource(
  src: string,
  attrs: { view?: string; date: string; lang?: string; zone?: string },
): Promise<EventCalendar> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const el = await fixture<EventCalendar>(
      html`<event-calendar
        src=${src}
        view=${attrs.view ?? 'month'}
        date=${attrs.date}
        lang=${attrs.lang ?? 'zh-Hans'}
        time-zone=${attrs.zone ?? 'Asia/Shanghai'}
      ></event-calendar>`,
    );
    await oneEvent(el, 'dandelion-load');
    await settled(el);
    return el;
  } finally {
    console.warn = warn;
  }
}

const timeOf = (button: HTMLElement) => text(button.querySelector('.time'));

describe('<event-calendar> end to end from the local server', () => {
  it('reads an iCalendar feed: series with exception and override, two time zones, bad records', async () => {
    const el = await fromSource('/tests/fixtures/calendar/activities.ics', { date: '2026-11-16' });
    // Weekly on Saturdays, 14 Nov excluded (EXDATE), 21 Nov moved to the afternoon (RECURRENCE-ID).
    expect(eventsTitled(el, '亲子阅读会').map(cellDate)).to.deep.equal([
      '2026-11-07',
      '2026-11-28',
      '2026-12-05',
    ]);
    const moved = eventsTitled(el, '亲子阅读会（改在下午）');
    expect(moved.map(cellDate)).to.deep.equal(['2026-11-21']);
    expect(timeOf(moved[0])).to.equal('14:00');
    // Europe/London 12:00 → 20:00 in Shanghai.
    const talk = eventsTitled(el, '线上分享：双语养育')[0];
    expect([cellDate(talk), timeOf(talk)]).to.deep.equal(['2026-11-18', '20:00']);
    // All-day and a two-week span.
    expect(eventsTitled(el, '儿童自然教育：湿地观鸟').map(cellDate)).to.deep.equal(['2026-11-08']);
    expect(eventsTitled(el, '新志愿者培训周').map(cellDate)).to.deep.equal([
      '2026-11-09',
      '2026-11-16',
    ]);
    // An invalid RRULE is shown once; an unknown TZID still shows; a VEVENT without DTSTART is counted.
    expect(eventsTitled(el, '规则写错的活动')).to.have.length(1);
    expect(eventsTitled(el, '时区写错的活动').map(cellDate)).to.deep.equal(['2026-11-26']);
    expect(eventsTitled(el, '没有开始时间的活动')).to.have.length(0);
    expect(text($(el, '.notes'))).to.contain('有 1 条资料读不出来');
    await expect(el).to.be.accessible();
  });

  it('shows the London talk in London time when asked, naming Shanghai time nowhere', async () => {
    const el = await fromSource('/tests/fixtures/calendar/activities.ics', {
      date: '2026-11-16',
      zone: 'Europe/London',
      lang: 'en',
    });
    const talk = eventsTitled(el, '线上分享：双语养育')[0];
    expect(timeOf(talk)).to.equal('12:00 PM');
    const reading = eventsTitled(el, '亲子阅读会')[0];
    expect(timeOf(reading)).to.equal('2:00 AM'); // 10:00 in Shanghai
    expect(text($(el, '.notes'))).to.contain('Times are shown in Greenwich Mean Time.');
  });

  it('reads The Events Calendar REST API across pages', async () => {
    const key = `tribe-${Date.now()}`;
    const el = await fromSource(`/test-api/tribe/events?pages=2&key=${key}`, {
      date: '2026-12-01',
      view: 'list',
    });
    const titles = [...el.shadowRoot!.querySelectorAll('.list .event-title')].map(
      (t) => t.textContent,
    );
    expect(titles).to.deep.equal(['活动 1', '活动 2']);
    const first = eventsTitled(el, '活动 1')[0];
    expect(timeOf(first)).to.match(/^09:30\s*[–-]\s*11:00$/);
    expect(text($(el, '.list-day-title'))).to.equal('12月1日 周二');
    const hits = (await (await fetch(`/test-api/count?key=${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(2);
  });

  it('reads schema.org JSON-LD events from a web page', async () => {
    const el = await fromSource('/tests/fixtures/calendar/events-page.html', {
      date: '2026-11-16',
    });
    const art = eventsTitled(el, '艺术疗愈小组')[0];
    expect([cellDate(art), timeOf(art)]).to.deep.equal(['2026-11-17', '15:00']);
    expect(eventsTitled(el, '政策宣讲：居住证与积分入学').map(cellDate)).to.deep.equal([
      '2026-11-23',
    ]);
    art.click();
    const dialog = await detailShown(el);
    expect(text(dialog)).to.contain('示例社工站活动室');
    expect(dialog.querySelector<HTMLAnchorElement>('.facts a')!.href).to.contain(
      'coordinate=wgs84',
    );
  });

  it('reads a CSV export with Chinese headers and loose dates', async () => {
    const el = await fromSource('/tests/fixtures/calendar/events.csv', { date: '2026-11-16' });
    const talk = eventsTitled(el, '长者健康讲座')[0];
    expect([cellDate(talk), timeOf(talk)]).to.deep.equal(['2026-11-18', '14:30']);
    expect(eventsTitled(el, '家长课堂：和青春期孩子好好说话').map(cellDate)).to.deep.equal([
      '2026-11-19',
    ]);
    // 13–15 Nov written inclusive: a three-day bar.
    const fair = eventsTitled(el, '社区公益义卖')[0];
    expect([cellDate(fair), fair.style.getPropertyValue('--span')]).to.deep.equal([
      '2026-11-13',
      '3',
    ]);
    expect(text($(el, '.notes'))).to.contain('有 1 条资料读不出来');
    talk.click();
    const dialog = await detailShown(el);
    expect(text(dialog)).to.contain('免费');
    expect(text(dialog)).to.contain('长者');
  });

  it('reads the demo backend feed (/api/events.ics)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const el = await fromSource('/api/events.ics', { date: today, view: 'list' });
    const items = el.items as CalendarEvent[];
    expect(items.some((e) => e.recurrence?.rrule)).to.equal(true);
    expect(items.some((e) => e.timeZone === 'Europe/London')).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('.list [part="event"]').length).to.be.greaterThan(0);
  });

  it('loads ical.js only for series, never for a plain JSON source', async () => {
    const before = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes('ical')).length;
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        .data=${[{ id: 'one', title: 'One', start: '2026-11-18T10:00:00Z' }]}
      ></event-calendar>`,
    );
    expect(eventsTitled(el, 'One')).to.have.length(1);
    const after = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes('ical')).length;
    expect(after).to.equal(before);
  });
});
