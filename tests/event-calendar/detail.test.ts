import '../support/setup.js';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadIcal } from '../../src/core/series.js';
import type { EventCalendarSelectDetail } from '../../src/event-calendar/index.js';
import {
  $,
  calendar,
  detailShown,
  eventsTitled,
  focused,
  sampleRecords,
  text,
  type EventCalendar,
} from './support.js';

async function open(
  el: EventCalendar,
  title: string,
  index = 0,
): Promise<{ button: HTMLElement; dialog: HTMLDialogElement }> {
  const button = eventsTitled(el, title)[index];
  button.click();
  const dialog = await detailShown(el);
  return { button, dialog };
}

function fact(dialog: HTMLDialogElement, term: string): string {
  const dt = [...dialog.querySelectorAll('dt')].find((d) => text(d) === term);
  return text(dt?.nextElementSibling);
}

describe('<event-calendar> event detail', () => {
  it('shows a retry message when the detail code could not be loaded, and recovers', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const { dialog } = await open(el, '亲子阅读会', 1);
    // The detail is its own chunk; simulate the state after its download failed.
    (el as unknown as { detailView: { state: unknown } }).detailView.state = 'failed';
    el.requestUpdate();
    await el.updateComplete;
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('亲子阅读会');
    const alert = dialog.querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('连不上服务器');
    expect(dialog.querySelector('.actions')).to.equal(null);
    await expect(el).to.be.accessible();
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await detailShown(el);
    expect(dialog.querySelector('[role="alert"]')).to.equal(null);
    await waitUntil(() => focused(el)?.id === 'dialog-title', 'focus stays in the dialog');
  });

  it('opens a modal dialog, fires dandelion-select, and moves focus into it', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const button = eventsTitled(el, '亲子阅读会')[1];
    const selected = oneEvent(el, 'dandelion-select');
    button.click();
    const event = (await selected) as CustomEvent<EventCalendarSelectDetail>;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.item.id).to.equal('reading');
    expect(event.detail.occurrence.recurring).to.equal(true);
    expect(event.detail.occurrence.start).to.equal('2026-11-21T10:00:00+08:00');
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
    expect(focused(el)!.id).to.equal('dialog-title');
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('亲子阅读会');
    await expect(el).to.be.accessible();
  });

  it('shows time in words, place with a WGS-84 Amap link, cost, organizer, categories and sanitized description', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const { dialog } = await open(el, '亲子阅读会', 1);
    expect(fact(dialog, '时间')).to.match(/^2026年11月21日星期六 10:00\s*[–至-]\s*11:30/);
    expect(fact(dialog, '时间')).to.contain('这是定期举办的活动');
    expect(fact(dialog, '地点')).to.contain('示例社工站活动室');
    expect(fact(dialog, '地点')).to.contain('某某街道幸福路 1 号');
    const map = new URL(dialog.querySelector<HTMLAnchorElement>('.facts a')!.href);
    expect(map.host).to.equal('uri.amap.com');
    expect(map.searchParams.get('coordinate')).to.equal('wgs84');
    expect(map.searchParams.get('position')).to.equal('113.2644,23.1291');
    expect(fact(dialog, '费用')).to.equal('免费');
    expect(fact(dialog, '主办方')).to.equal('示例社工站');
    expect(fact(dialog, '类别')).to.equal('亲子');
    const description = dialog.querySelector('.description')!;
    expect(description.querySelector('strong')?.textContent).to.equal('绘本');
    expect(description.querySelector('script')).to.equal(null);
    const register = [...dialog.querySelectorAll<HTMLAnchorElement>('.actions a')].find(
      (a) => text(a) === '我要报名',
    )!;
    expect(register.href).to.equal('https://example.org/register/reading');
    expect(register.rel).to.contain('noopener');
  });

  it('uses the map-link template, and never a javascript: one', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const custom = await calendar(
        html`<event-calendar
          lang="en"
          date="2026-11-16"
          map-link="https://maps.example.org/?q={lat},{lng}&label={name}"
          .data=${sampleRecords()}
        ></event-calendar>`,
      );
      const { dialog } = await open(custom, '亲子阅读会', 1);
      expect(dialog.querySelector<HTMLAnchorElement>('.facts a')!.href).to.equal(
        `https://maps.example.org/?q=23.1291,113.2644&label=${encodeURIComponent('示例社工站活动室')}`,
      );
      const hostile = await calendar(
        html`<event-calendar
          lang="en"
          date="2026-11-16"
          map-link="javascript:alert('{name}')"
          .data=${sampleRecords()}
        ></event-calendar>`,
      );
      const second = await open(hostile, '亲子阅读会', 1);
      const href = second.dialog.querySelector<HTMLAnchorElement>('.facts a')!.href;
      expect(href.startsWith('https://www.openstreetmap.org/')).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('drops an unsafe registration link', async () => {
    const records = [
      {
        id: 'x',
        title: '危险链接',
        start: '2026-11-18T10:00:00+08:00',
        registrationUrl: 'javascript:alert(1)',
      },
    ];
    const el = await calendar(
      html`<event-calendar lang="en" date="2026-11-16" .data=${records}></event-calendar>`,
    );
    const { dialog } = await open(el, '危险链接');
    expect(
      [...dialog.querySelectorAll('a')].some((a) => a.href.startsWith('javascript:')),
    ).to.equal(false);
    expect(dialog.querySelector('.actions a')).to.equal(null);
  });

  it('closes on Escape and returns focus to the event that opened it', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const button = eventsTitled(el, '长者健康讲座')[0];
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(button);
  });

  it('closes with the close button and keeps Tab inside while open', async () => {
    const el = await calendar(
      html`<event-calendar lang="en" date="2026-11-16" .data=${sampleRecords()}></event-calendar>`,
    );
    const button = eventsTitled(el, '长者健康讲座')[0];
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const active = focused(el);
      if (active) expect(dialog.contains(active), `tab ${i}`).to.equal(true);
    }
    const close = dialog.querySelector<HTMLButtonElement>('.close')!;
    expect(close.getAttribute('aria-label')).to.equal('Close');
    close.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(button);
  });

  it('goes from the day list to an event and back', async () => {
    const records = Array.from({ length: 4 }, (_, i) => ({
      id: `d${i}`,
      title: `活动 ${i + 1}`,
      start: `2026-11-18T1${i}:00:00+08:00`,
    }));
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hant"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        day-max-events="2"
        .data=${records}
      ></event-calendar>`,
    );
    const more = $(el, '.cell .more')!;
    more.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('11月18日 週三的活動');
    dialog.querySelectorAll<HTMLElement>('[part="event"]')[2].click();
    await el.updateComplete;
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('活动 3');
    const back = dialog.querySelector<HTMLButtonElement>('.back')!;
    expect(text(back)).to.equal('返回當天的活動列表');
    back.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('11月18日 週三的活動');
    expect(focused(el)!.dataset.key).to.equal('d2');
    dialog.querySelector<HTMLButtonElement>('.close')!.click();
    await el.updateComplete;
    expect(focused(el)).to.equal(more);
  });

  it('downloads a valid .ics of the opened occurrence', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const { dialog } = await open(el, '亲子阅读会', 1);
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return createObjectURL.call(URL, blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    };
    try {
      const add = [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')].find(
        (b) => text(b) === '加入我的日历',
      )!;
      add.click();
      // The .ics builder is a lazy chunk (fetched when the dialog opened).
      await waitUntil(() => downloads.length > 0, 'the download did not start');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads).to.deep.equal(['亲子阅读会.ics']);
    expect(blobs[0].type).to.contain('text/calendar');
    const ics = await blobs[0].text();
    const ICAL = await loadIcal();
    const component = new ICAL.Component(ICAL.parse(ics));
    const vevent = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
    expect(vevent.summary).to.equal('亲子阅读会');
    expect(vevent.startDate.toString()).to.equal('2026-11-21T10:00:00');
    const vcomponent = component.getFirstSubcomponent('vevent')!;
    expect(vcomponent.getFirstProperty('dtstart')!.getParameter('tzid')).to.equal('Asia/Shanghai');
    expect(component.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).to.equal(
      'Asia/Shanghai',
    );
    expect(vevent.endDate.toString()).to.equal('2026-11-21T11:30:00');
    expect(vcomponent.getFirstPropertyValue('rrule')).to.equal(null);
    await el.updateComplete;
    expect(text(dialog.querySelector('.notice'))).to.contain('日历文件正在下载');
  });

  it('shares with navigator.share when the browser has it', async () => {
    const el = await calendar(
      html`<event-calendar lang="en" date="2026-11-16" .data=${sampleRecords()}></event-calendar>`,
    );
    const { dialog } = await open(el, '亲子阅读会', 1);
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => void shared.push(data),
    });
    try {
      [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')]
        .find((b) => text(b) === 'Share')!
        .click();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
    expect(shared).to.have.length(1);
    expect(shared[0].title).to.equal('亲子阅读会');
    const url = new URL(shared[0].url!);
    expect(new URLSearchParams(url.hash.slice(1)).get('event')).to.equal('reading');
    expect(new URLSearchParams(url.hash.slice(1)).get('date')).to.equal('2026-11-21');
  });

  it('copies the share link when there is no share sheet', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const { dialog } = await open(el, '长者健康讲座');
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });
    try {
      expect('share' in navigator && typeof navigator.share === 'function').to.equal(false);
      [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')]
        .find((b) => text(b) === '分享')!
        .click();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    expect(copied).to.have.length(1);
    expect(copied[0]).to.contain('#event=health');
    await el.updateComplete;
    expect(text(dialog.querySelector('.notice'))).to.equal(
      '链接已复制，粘贴到微信或短信里就能分享这个活动。',
    );
    expect(dialog.querySelector('.notice')!.getAttribute('role')).to.equal('status');
  });

  it('writes the copied-link notice in the language of the calendar (en)', async () => {
    const el = await calendar(
      html`<event-calendar lang="en" date="2026-11-16" .data=${sampleRecords()}></event-calendar>`,
    );
    const { dialog } = await open(el, '长者健康讲座');
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => undefined },
    });
    try {
      [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')]
        .find((b) => text(b) === 'Share')!
        .click();
      await waitUntil(() => text(dialog.querySelector('.notice')) !== '', 'no notice');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    expect(text(dialog.querySelector('.notice'))).to.equal(
      'Link copied. Paste it into a chat or message to share this event.',
    );
  });

  it('opens the event a share link names', async () => {
    const before = location.href;
    history.replaceState(null, '', '#event=reading&date=2026-11-28');
    try {
      const el = await calendar(
        html`<event-calendar
          lang="en"
          time-zone="Asia/Shanghai"
          .data=${sampleRecords()}
        ></event-calendar>`,
      );
      await el.updateComplete;
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(el.focusedDate).to.equal('2026-11-28');
      expect(fact(dialog, 'When')).to.contain('November 28, 2026');
      dialog.close();
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('names the event time zone when it differs from the display zone', async () => {
    const el = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    const talk = eventsTitled(el, '线上分享：双语养育')[0];
    expect(text(talk.querySelector('.time'))).to.equal('20:00'); // 12:00 in London
    const { dialog } = await open(el, '线上分享：双语养育');
    const when = fact(dialog, '时间');
    expect(when).to.contain('时间按中国标准时间显示');
    expect(when).to.match(
      /活动当地时间（格林尼治标准时间）：2026年11月18日星期三 12:00\s*[–至-]\s*13:00/,
    );
    await expect(el).to.be.accessible();

    const london = await calendar(
      html`<event-calendar
        lang="zh-Hans"
        date="2026-11-16"
        time-zone="Europe/London"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    expect(text(eventsTitled(london, '线上分享：双语养育')[0].querySelector('.time'))).to.equal(
      '12:00',
    );
    const second = await open(london, '线上分享：双语养育');
    expect(fact(second.dialog, '时间')).to.not.contain('当地时间');
  });

  it('is accessible with the dialog open in dark theme', async () => {
    const el = await calendar(
      html`<event-calendar
        theme="dark"
        lang="en"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    await open(el, '亲子阅读会', 1);
    await expect(el).to.be.accessible();
  });
});
