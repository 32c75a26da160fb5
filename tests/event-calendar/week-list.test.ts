import '../support/setup.js';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  $,
  $$,
  calendar,
  eventsTitled,
  sampleRecords,
  settled,
  text,
  type EventCalendar,
} from './support.js';

const block = (button: HTMLElement) => button.closest<HTMLElement>('.block')!;
const prop = (node: HTMLElement, name: string) => node.style.getPropertyValue(name);

describe('<event-calendar> week view', () => {
  it('shows seven day columns, all-day bars and timed events placed by time', async () => {
    const el = await calendar(
      html`<event-calendar
        view="week"
        lang="zh-Hans"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect(text($(el, '.title'))).to.match(/^2026年11月16日\s*[–至-]\s*22日$/);
    const columns = $$(el, '.day-column');
    expect(columns.map((c) => c.getAttribute('aria-label'))).to.deep.equal([
      '11月16日 周一',
      '11月17日 周二',
      '11月18日 周三',
      '11月19日 周四',
      '11月20日 周五',
      '11月21日 周六',
      '11月22日 周日',
    ]);
    // The all-day row holds the volunteer training, continuing from the week before.
    const training = eventsTitled(el, '新志愿者培训周')[0];
    expect(training.closest('.all-day')).to.not.equal(null);
    expect(training.classList.contains('continues-before')).to.equal(true);
    expect(prop(training, '--span')).to.equal('4');

    const talk = eventsTitled(el, '长者健康讲座')[0];
    const talkBlock = block(talk);
    expect(talkBlock.closest('.day-column')!.getAttribute('aria-label')).to.equal('11月18日 周三');
    // Grid starts at 08:00: 14:30 is 390 minutes in, 90 minutes long.
    expect(prop(talkBlock, '--top')).to.equal('390');
    expect(prop(talkBlock, '--length')).to.equal('90');
    expect(text(talk.querySelector('.time'))).to.match(/^14:30\s*[–-]\s*16:00$/);
    const rect = talkBlock.getBoundingClientRect();
    const column = talkBlock.parentElement!.getBoundingClientRect();
    expect(Math.round(rect.top - column.top)).to.equal(Math.round(390 * 0.8));
    await expect(el).to.be.accessible();
  });

  it('extends the hours to show early and late events, and keeps DST days right', async () => {
    const records = [
      {
        id: 'early',
        title: '早操',
        start: '2026-10-29T06:15:00',
        end: '2026-10-29T07:00:00',
        timeZone: 'America/New_York',
        rrule: 'FREQ=DAILY;COUNT=7',
      },
    ];
    const el = await calendar(
      html`<event-calendar
        view="week"
        lang="en"
        date="2026-11-01"
        time-zone="America/New_York"
        .data=${records}
      ></event-calendar>`,
    );
    // Week of Sun 1 Nov (DST ends that day): every morning stays at 06:15 local.
    const blocks = eventsTitled(el, '早操').map(block);
    expect(blocks).to.have.length(4); // seven mornings from 29 Oct: 1–4 Nov fall in this week
    expect(blocks.every((b) => prop(b, '--top') === '15')).to.equal(true); // grid starts at 06:00
    expect(text($(el, '.hour'))).to.equal('6:00 AM');

    const shanghai = await calendar(
      html`<event-calendar
        view="list"
        lang="en"
        date="2026-10-29"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    const times = eventsTitled(shanghai, '早操').map((b) => text(b.querySelector('.time')));
    expect(times).to.have.length(7);
    // 06:15 EDT = 18:15 in Shanghai before the change, 06:15 EST = 19:15 after it.
    expect(times[0]).to.match(/^6:15\s*[–-]\s*7:00\s*PM$/);
    expect(times[times.length - 1]).to.match(/^7:15\s*[–-]\s*8:00\s*PM$/);
  });

  it('puts overlapping events side by side and overnight events on both days', async () => {
    const records = [
      {
        id: 'a',
        title: '甲',
        start: '2026-11-18T09:00:00+08:00',
        end: '2026-11-18T11:00:00+08:00',
      },
      {
        id: 'b',
        title: '乙',
        start: '2026-11-18T10:00:00+08:00',
        end: '2026-11-18T12:00:00+08:00',
      },
      {
        id: 'night',
        title: '夜间热线值班',
        start: '2026-11-19T22:00:00+08:00',
        end: '2026-11-20T02:00:00+08:00',
      },
      {
        id: 'zero',
        title: '零时长',
        start: '2026-11-21T10:00:00+08:00',
        end: '2026-11-21T10:00:00+08:00',
      },
    ];
    const el = await calendar(
      html`<event-calendar
        view="week"
        lang="zh-Hans"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    const a = block(eventsTitled(el, '甲')[0]);
    const b = block(eventsTitled(el, '乙')[0]);
    expect([
      prop(a, '--column'),
      prop(a, '--columns'),
      prop(b, '--column'),
      prop(b, '--columns'),
    ]).to.deep.equal(['0', '2', '1', '2']);
    expect(a.getBoundingClientRect().right).to.be.at.most(b.getBoundingClientRect().left + 1);
    const night = eventsTitled(el, '夜间热线值班');
    expect(night).to.have.length(2);
    expect(night[0].classList.contains('continues-after')).to.equal(true);
    expect(night[1].classList.contains('continues-before')).to.equal(true);
    expect($$(el, '.hour').length).to.equal(24); // 00:00 … 23:00
    const zero = eventsTitled(el, '零时长')[0];
    expect(zero.classList.contains('point')).to.equal(true);
    expect(block(zero).getBoundingClientRect().height).to.be.greaterThan(20);
  });

  it('shows "+N more" in the day head when a day is too crowded', async () => {
    const records = Array.from({ length: 6 }, (_, i) => ({
      id: `w${i}`,
      title: `并行 ${i}`,
      start: '2026-11-18T10:00:00+08:00',
      end: '2026-11-18T11:00:00+08:00',
    }));
    const el = await calendar(
      html`<event-calendar
        view="week"
        lang="en"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    expect($$(el, '.day-column [part="event"]')).to.have.length(4);
    const more = $(el, '.day-head .more')!;
    expect(text(more.querySelector('[aria-hidden="true"]'))).to.equal('+2 more');
    more.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('dialog [part="event"]')).to.have.length(6);
  });

  it('moves by weeks', async () => {
    const el = await calendar(
      html`<event-calendar
        view="week"
        lang="en"
        date="2026-11-18"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const [prev, , next] = $$(el, '.nav button');
    expect(next.getAttribute('aria-label')).to.equal('Next week');
    next.click();
    await settled(el);
    expect(el.focusedDate).to.equal('2026-11-25');
    prev.click();
    prev.click();
    await settled(el);
    expect(el.focusedDate).to.equal('2026-11-11');
  });
});

describe('<event-calendar> list view', () => {
  it('groups upcoming events by day with zh-Hans headings and pages with "show more"', async () => {
    const el = await calendar(
      html`<event-calendar
        view="list"
        page-size="3"
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect(text($(el, '.title'))).to.equal('2026年11月16日起');
    const headings = () => $$(el, '.list-day-title').map((h) => text(h));
    expect(headings()).to.deep.equal(['11月16日 周一', '11月18日 周三']);
    expect($$(el, '.list [part="event"]')).to.have.length(3);
    const entry = eventsTitled(el, '长者健康讲座')[0];
    expect(text(entry.querySelector('.time'))).to.match(/^14:30\s*[–-]\s*16:00$/);
    expect(text(entry.querySelector('.place'))).to.equal('某某街道党群服务中心');
    const more = $(el, '.show-more')!;
    expect(text(more)).to.equal('显示更多');
    more.click();
    await settled(el);
    expect($$(el, '.list [part="event"]').length).to.equal(6);
    expect(headings()).to.include('11月21日 周六');
    await expect(el).to.be.accessible();
  });

  it('looks further ahead when the next months are empty, and says when there is nothing', async () => {
    const records = [{ id: 'far', title: '明年的活动', start: '2027-09-01T10:00:00+08:00' }];
    const el = await calendar(
      html`<event-calendar
        view="list"
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${records}
      ></event-calendar>`,
    );
    await waitUntil(() => eventsTitled(el, '明年的活动').length === 1, 'far event not listed', {
      timeout: 3000,
    });
    expect($(el, '.show-more')).to.equal(null);

    const none = await calendar(
      html`<event-calendar
        view="list"
        lang="en"
        date="2026-11-16"
        .data=${[{ id: 'old', title: 'Old', start: '2020-01-01' }]}
      ></event-calendar>`,
    );
    expect(text($(none, '.list-empty'))).to.equal('No events from November 16, 2026 on.');
  });
});

describe('<event-calendar> views and layout', () => {
  it('switches views with toggle buttons and reflects the view attribute', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hant"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const buttons = $$(el, '.views button');
    expect(buttons.map((b) => text(b))).to.deep.equal(['月', '週', '列表']);
    expect($(el, '.views')!.getAttribute('role')).to.equal('group');
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'true',
      'false',
      'false',
    ]);
    buttons[1].click();
    await settled(el);
    expect(el.getAttribute('view')).to.equal('week');
    expect($(el, '.week-view')).to.not.equal(null);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'true',
      'false',
    ]);
    buttons[2].click();
    await settled(el);
    expect($(el, '.list')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('defaults to the list view in a narrow container, and follows the container when it grows', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 380px">
        <event-calendar lang="en" date="2026-11-16" .data=${sampleRecords()}></event-calendar>
      </div>`,
    );
    const el = wrapper.querySelector<EventCalendar>('event-calendar')!;
    await settled(el);
    expect(el.currentView).to.equal('list');
    expect($(el, '.list')).to.not.equal(null);
    expect(el.hasAttribute('view')).to.equal(false);
    wrapper.style.width = '900px';
    await waitUntil(() => $(el, '[role="grid"]'), 'did not switch to month', { timeout: 2000 });
    expect(el.currentView).to.equal('month');
    wrapper.style.width = '380px';
    el.view = 'week';
    await aTimeout(50);
    await settled(el);
    expect($(el, '.week-view')).to.not.equal(null);
  });

  it('renders in RTL with mirrored arrow keys', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl">
        <event-calendar lang="en" date="2026-11-18" .data=${sampleRecords()}></event-calendar>
      </div>`,
    );
    const el = wrapper.querySelector<EventCalendar>('event-calendar')!;
    await settled(el);
    const cells = $$(el, '[role="gridcell"]');
    expect(cells[0].getBoundingClientRect().left).to.be.greaterThan(
      cells[1].getBoundingClientRect().left,
    );
    const { sendKeys } = await import('@web/test-runner-commands');
    $(el, '[role="gridcell"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.focusedDate).to.equal('2026-11-19');
  });
});
