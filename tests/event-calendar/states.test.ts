import '../support/setup.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { EventCalendar } from '../../src/event-calendar/index.js';
import {
  $,
  $$,
  calendar,
  cellDate,
  eventsTitled,
  sampleRecords,
  settled,
  text,
} from './support.js';

/** Runs `fn` with console.warn silenced, returning what was warned. */
async function quietly<T>(fn: () => Promise<T>): Promise<[T, string[]]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return [await fn(), warnings];
  } finally {
    console.warn = original;
  }
}

describe('<event-calendar> states', () => {
  it('shows the loading skeleton, busy, while the source loads', async () => {
    const el = await fixture<EventCalendar>(
      html`<event-calendar lang="zh-Hans" src="/test-api/slow?ms=1500"></event-calendar>`,
    );
    await el.updateComplete;
    const status = $(el, '[part="status"]')!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(text(status)).to.contain('正在加载');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state in three languages', async () => {
    const messages = {
      'zh-Hans': '暂时还没有发布活动。',
      'zh-Hant': '暫時還沒有發布活動。',
      en: 'No events have been published yet.',
    };
    for (const [lang, message] of Object.entries(messages)) {
      const el = await calendar(html`<event-calendar lang=${lang} .data=${[]}></event-calendar>`);
      expect(text($(el, '[part="status"]'))).to.equal(message);
      expect($(el, 'slot[name="empty"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('shows the error state with a retry button and fires dandelion-error', async () => {
    const [el] = await quietly(async () => {
      const el = await fixture<EventCalendar>(
        html`<event-calendar lang="en" src="/test-api/status/404"></event-calendar>`,
      );
      const error = await oneEvent(el, 'dandelion-error');
      expect(error.detail.kind).to.equal('http');
      expect(error.detail.status).to.equal(404);
      await settled(el);
      return el;
    });
    const status = $(el, '[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(text(status)).to.contain('The data was not found (error 404)');
    expect(text($(el, '[part="status"] [part="button"]'))).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('shows the content state with toolbar, parts and slot, and fires dandelion-load', async () => {
    const el = await fixture<EventCalendar>(
      html`<event-calendar lang="zh-Hans" date="2026-11-16" .data=${sampleRecords()}
        ><button slot="toolbar">打印</button></event-calendar
      >`,
    );
    const loaded = await oneEvent(el, 'dandelion-load');
    expect(loaded.detail.items).to.have.length(5);
    expect(loaded.detail.source).to.equal('data');
    await settled(el);
    expect($(el, '[part="base"]')).to.not.equal(null);
    expect($(el, '[part="toolbar"] slot[name="toolbar"]')).to.not.equal(null);
    expect($$(el, '[part="event"]').length).to.be.greaterThan(5);
    expect($$(el, '[part="toolbar"] [part="button"]').length).to.be.greaterThan(3);
    expect(el.items).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark theme in every view', async () => {
    for (const view of ['month', 'week', 'list']) {
      const el = await calendar(
        html`<event-calendar
          theme="dark"
          view=${view}
          lang="zh-Hans"
          lunar
          date="2026-11-18"
          .data=${sampleRecords()}
        ></event-calendar>`,
      );
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(el).to.be.accessible();
    }
  });

  it('speaks zh-Hans, zh-Hant and en in the toolbar', async () => {
    const expected = {
      'zh-Hans': ['上个月', '今天', '下个月', '月', '周', '列表'],
      'zh-Hant': ['上個月', '今天', '下個月', '月', '週', '列表'],
      en: ['Previous month', 'Today', 'Next month', 'Month', 'Week', 'List'],
    };
    for (const [lang, [prev, today, next, ...views]] of Object.entries(expected)) {
      const el = await calendar(
        html`<event-calendar
          lang=${lang}
          date="2026-11-16"
          .data=${sampleRecords()}
        ></event-calendar>`,
      );
      const nav = $$(el, '.nav button');
      expect(nav[0].getAttribute('aria-label'), lang).to.equal(prev);
      expect(text(nav[1]), lang).to.equal(today);
      expect(nav[2].getAttribute('aria-label'), lang).to.equal(next);
      expect(
        $$(el, '.views button').map((b) => text(b)),
        lang,
      ).to.deep.equal(views);
    }
  });

  it('follows a language change on the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <event-calendar date="2026-11-16" .data=${sampleRecords()}></event-calendar>
      </div>`,
    );
    const el = wrapper.querySelector<EventCalendar>('event-calendar')!;
    await settled(el);
    expect(text($(el, '.title'))).to.equal('November 2026');
    wrapper.setAttribute('lang', 'zh-Hant');
    await waitUntil(
      () => text($(el, '.title')) === '2026年11月',
      'title did not follow the language',
    );
    expect(text($$(el, '.nav button')[1])).to.equal('今天');
    // zh-Hant (Taiwan) weeks start on Sunday.
    expect(cellDate($$(el, '[role="gridcell"]')[0])).to.equal('2026-11-01');
  });

  it('cleans up when removed (no observer or timer keeps it alive)', async () => {
    const el = await calendar(
      html`<event-calendar lang="en" date="2026-11-16" .data=${sampleRecords()}></event-calendar>`,
    );
    el.remove();
    document.body.append(el);
    await settled(el);
    expect($$(el, '[part="event"]').length).to.be.greaterThan(0);
    el.remove();
  });
});

describe('<event-calendar> bad input, handled visibly', () => {
  it('counts records without a start or with malformed dates, and says so', async () => {
    const records = [
      ...sampleRecords(),
      { id: 'no-start', title: '没有开始时间' },
      { id: 'bad-date', title: '日期写错', start: '2026-13-45T10:00:00' },
      { id: 'not-a-date', title: '乱写的日期', start: 'next Tuesday-ish' },
    ];
    const [el, warnings] = await quietly(() =>
      calendar(
        html`<event-calendar lang="zh-Hans" date="2026-11-16" .data=${records}></event-calendar>`,
      ),
    );
    expect(text($(el, '.notes'))).to.contain('有 3 条资料读不出来，没有显示。');
    expect(warnings.join('\n')).to.contain('skipped 3 record');
    expect(eventsTitled(el, '长者健康讲座')).to.have.length(1);
    const en = await quietly(() =>
      calendar(
        html`<event-calendar
          lang="en"
          date="2026-11-16"
          .data=${records.slice(0, 6)}
        ></event-calendar>`,
      ),
    );
    expect(text($(en[0], '.notes'))).to.contain(
      '1 entry in the data could not be read and is not shown.',
    );
  });

  it('shows an event whose end is before its start at its start, as a point in time', async () => {
    const records = [
      {
        id: 'backwards',
        title: '结束早于开始',
        start: '2026-11-18T10:00:00+08:00',
        end: '2026-11-18T08:00:00+08:00',
      },
    ];
    const [el] = await quietly(() =>
      calendar(
        html`<event-calendar
          view="week"
          lang="zh-Hans"
          date="2026-11-18"
          time-zone="Asia/Shanghai"
          .data=${records}
        ></event-calendar>`,
      ),
    );
    const button = eventsTitled(el, '结束早于开始')[0];
    expect(button.classList.contains('point')).to.equal(true);
    expect(text(button.querySelector('.time'))).to.equal('10:00');
  });

  it('shows an event with an invalid RRULE once', async () => {
    const records = [
      {
        id: 'rule',
        title: '规则写错',
        start: '2026-11-18T10:00:00+08:00',
        rrule: 'FREQ=SOMETIMES;COUNT=5',
      },
    ];
    const [el] = await quietly(() =>
      calendar(
        html`<event-calendar lang="zh-Hans" date="2026-11-16" .data=${records}></event-calendar>`,
      ),
    );
    expect(eventsTitled(el, '规则写错')).to.have.length(1);
  });

  it('keeps an event with an unknown time zone, and ignores an unknown time-zone attribute', async () => {
    const records = [
      {
        id: 'mars',
        title: '火星时区',
        start: '2026-11-18T10:00:00',
        timeZone: 'Mars/Olympus_Mons',
      },
    ];
    const [el, warnings] = await quietly(() =>
      calendar(
        html`<event-calendar
          lang="zh-Hans"
          date="2026-11-16"
          time-zone="Moon/Tranquility"
          .data=${records}
        ></event-calendar>`,
      ),
    );
    expect(eventsTitled(el, '火星时区').map(cellDate)).to.deep.equal(['2026-11-18']);
    expect(warnings.some((w) => w.includes('Moon/Tranquility'))).to.equal(true);
    // The unknown event zone is dropped by the reader: the time is read as a local time.
    expect(text(eventsTitled(el, '火星时区')[0].querySelector('.time'))).to.equal('10:00');
  });

  it('drops duplicate events across pages (first wins) and reports the duplicate', async () => {
    const key = `dupes-${Date.now()}`;
    const [el] = await quietly(() =>
      calendar(
        html`<event-calendar
          lang="zh-Hans"
          date="2026-11-16"
          time-zone="Asia/Shanghai"
          src="/test-api/calendar/dupes?key=${key}"
        ></event-calendar>`,
      ),
    );
    expect(eventsTitled(el, '跨页重复的活动')).to.have.length(1);
    expect(eventsTitled(el, '第一页的活动')).to.have.length(1);
    expect(eventsTitled(el, '第二页的活动')).to.have.length(1);
    expect(text($(el, '.notes'))).to.contain('有 1 条资料读不出来');
  });
});
