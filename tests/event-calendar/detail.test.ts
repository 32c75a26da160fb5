import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { loadIcal } from '../../src/core/series.js';
import type { EventCalendarSelectDetail } from '../../src/event-calendar/index.js';
import {
  crowdedDay,
  describeEvent,
  november,
  quietly,
  record,
  showCalendar,
  type CalendarDialog,
} from '../support/calendar.js';
import { byRole, text, until } from '../support/index.js';

const english = { ...november, lang: 'en' } as const;

/** Runs `fn` with `navigator[name]` replaced by `value`, then puts the browser's own back. */
async function withNavigator(
  name: 'share' | 'clipboard',
  value: unknown,
  fn: () => Promise<void>,
): Promise<void> {
  const own = Object.getOwnPropertyDescriptor(Navigator.prototype, name);
  Object.defineProperty(navigator, name, { configurable: true, value });
  try {
    await fn();
  } finally {
    delete (navigator as unknown as Record<string, unknown>)[name];
    if (own) Object.defineProperty(Navigator.prototype, name, own);
  }
}

/** Presses Share with a clipboard but no share sheet; returns what was copied. */
async function shareByCopying(dialog: CalendarDialog, label: string): Promise<string[]> {
  const copied: string[] = [];
  await withNavigator(
    'clipboard',
    { writeText: async (t: string) => void copied.push(t) },
    async () => {
      expect('share' in navigator && typeof navigator.share === 'function').to.equal(false);
      dialog.action(label).click();
      await until(() => text(dialog.notice()) !== '', 'the notice after copying');
    },
  );
  return copied;
}

describe('<event-calendar> event detail', () => {
  it('shows a retry message when the detail code could not be loaded, and recovers', async () => {
    const calendar = await showCalendar(november);
    const dialog = await calendar.openEvent('亲子阅读会', 1);
    await calendar.detailDownloadFailed();
    expect(dialog.title()).to.equal('亲子阅读会');
    expect(text(dialog.alert())).to.contain('暂时连不上');
    expect(dialog.actions()).to.have.length(0);
    await expect(calendar.el).to.be.accessible();
    byRole(dialog.alert()!, 'button').click();
    await calendar.update();
    await calendar.detail();
    expect(dialog.detailState()).to.equal('shown');
    await until(() => dialog.titleFocused(), 'focus on the dialog title');
  });

  it('opens a modal dialog, fires dandelion-select, and keeps focus on its title while the detail loads', async () => {
    const calendar = await showCalendar({ ...november, holdDetailCode: true });
    calendar.eventButtons('亲子阅读会')[1].click();
    const event = await calendar.events.next<EventCalendarSelectDetail>('dandelion-select');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.item.id).to.equal('reading');
    expect(event.detail.occurrence.recurring).to.equal(true);
    expect(event.detail.occurrence.start).to.equal('2026-11-21T10:00:00+08:00');
    await calendar.update();
    const dialog = calendar.dialog();
    expect(dialog.open).to.equal(true);
    expect(dialog.isModal()).to.equal(true);
    expect(dialog.el.getAttribute('aria-labelledby')).to.equal('dialog-title');
    expect(dialog.title()).to.equal('亲子阅读会');
    expect(dialog.detailState(), 'the detail code is held back').to.equal('loading');
    expect(dialog.titleFocused(), 'focus on the title while loading').to.equal(true);
    await expect(calendar.el).to.be.accessible();
    calendar.releaseDetailCode();
    await calendar.detail();
    expect(dialog.titleFocused(), 'focus on the title once the detail is there').to.equal(true);
  });

  it('shows time in words, place with a WGS-84 Amap link, cost, organizer, categories and sanitized description', async () => {
    const calendar = await showCalendar(november);
    const dialog = await calendar.openEvent('亲子阅读会', 1);
    expect(dialog.fact('时间')).to.match(/^2026年11月21日星期六 10:00\s*[–至-]\s*11:30/);
    expect(dialog.fact('时间')).to.contain('这是定期举办的活动');
    expect(dialog.fact('地点')).to.contain('示例社工站活动室');
    expect(dialog.fact('地点')).to.contain('某某街道幸福路 1 号');
    const map = new URL(dialog.mapLink());
    expect(map.host).to.equal('uri.amap.com');
    expect(map.searchParams.get('coordinate')).to.equal('wgs84');
    expect(map.searchParams.get('position')).to.equal('113.2644,23.1291');
    expect(dialog.fact('费用')).to.equal('免费');
    expect(dialog.fact('主办方')).to.equal('示例社工站');
    expect(dialog.fact('类别')).to.equal('亲子');
    const description = dialog.description()!;
    expect(description.querySelector('strong')?.textContent).to.equal('绘本');
    expect(description.querySelector('script')).to.equal(null);
    const register = dialog.action('我要报名') as HTMLAnchorElement;
    expect(register.href).to.equal('https://example.org/register/reading');
    expect(register.rel).to.contain('noopener');
  });

  it('uses the map-link template, and never a javascript: one', async () => {
    await quietly(async () => {
      const custom = await showCalendar({
        lang: 'en',
        date: '2026-11-16',
        mapLink: 'https://maps.example.org/?q={lat},{lng}&label={name}',
      });
      const dialog = await custom.openEvent('亲子阅读会', 1);
      expect(dialog.mapLink()).to.equal(
        `https://maps.example.org/?q=23.1291,113.2644&label=${encodeURIComponent('示例社工站活动室')}`,
      );
      const hostile = await showCalendar({
        lang: 'en',
        date: '2026-11-16',
        mapLink: "javascript:alert('{name}')",
      });
      const second = await hostile.openEvent('亲子阅读会', 1);
      expect(second.mapLink().startsWith('https://www.openstreetmap.org/')).to.equal(true);
    });
  });

  it('drops an unsafe registration link', async () => {
    const data = [
      record('危险链接', '2026-11-18T10:00:00+08:00', { registrationUrl: 'javascript:alert(1)' }),
    ];
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16', data });
    const dialog = await calendar.openEvent('危险链接');
    expect(dialog.links().some((a) => a.href.startsWith('javascript:'))).to.equal(false);
    expect(dialog.actions().filter((a) => a.localName === 'a')).to.have.length(0);
  });

  it('closes on Escape and returns focus to the event that opened it', async () => {
    const calendar = await showCalendar(english);
    const button = calendar.eventButtons('长者健康讲座')[0];
    button.focus();
    await calendar.press('Enter');
    const dialog = await calendar.detail();
    expect(dialog.open).to.equal(true);
    await calendar.press('Escape');
    await until(() => calendar.focused() === button, 'focus back on the event');
    expect(dialog.open).to.equal(false);
  });

  it('closes with the close button and keeps Tab inside while open', async () => {
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16' });
    const button = calendar.eventButtons('长者健康讲座')[0];
    button.focus();
    await calendar.press('Enter');
    const dialog = await calendar.detail();
    expect(dialog.open).to.equal(true);
    for (let i = 0; i < 8; i++) {
      await calendar.press('Tab');
      expect(dialog.focusOutside(), `tab ${i}`).to.equal(false);
    }
    await dialog.close();
    expect(dialog.open).to.equal(false);
    expect(calendar.focused()).to.equal(button);
  });

  it('goes from the day list to an event and back', async () => {
    const calendar = await showCalendar({
      ...november,
      lang: 'zh-Hant',
      dayMaxEvents: 2,
      data: crowdedDay(4),
    });
    const more = calendar.moreButtons()[0].button;
    const dialog = await calendar.openMore();
    expect(dialog.title()).to.equal('11月18日 週三的活動');
    await dialog.openEvent(2);
    expect(dialog.title()).to.equal('活动 3');
    expect(text(dialog.backButton())).to.equal('返回當天的活動列表');
    await dialog.back();
    await until(() => calendar.focused()?.getAttribute('part') === 'event', 'focus on an event');
    expect(dialog.title()).to.equal('11月18日 週三的活動');
    expect(describeEvent(calendar.focused()!).title, 'focus on the event left').to.equal('活动 3');
    await dialog.close();
    await until(() => calendar.focused() === more, 'focus back on "+2 more"');
  });

  it('downloads a valid .ics of the opened occurrence', async () => {
    const calendar = await showCalendar(november);
    const dialog = await calendar.openEvent('亲子阅读会', 1);
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
      dialog.action('加入我的日历').click();
      // The .ics builder is a lazy chunk (fetched when the dialog opened).
      await until(() => downloads.length > 0, 'the download');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads).to.deep.equal(['亲子阅读会.ics']);
    expect(blobs[0].type).to.contain('text/calendar');
    const ICAL = await loadIcal();
    const component = new ICAL.Component(ICAL.parse(await blobs[0].text()));
    const vcomponent = component.getFirstSubcomponent('vevent')!;
    const vevent = new ICAL.Event(vcomponent);
    expect(vevent.summary).to.equal('亲子阅读会');
    expect(vevent.startDate.toString()).to.equal('2026-11-21T10:00:00');
    expect(vcomponent.getFirstProperty('dtstart')!.getParameter('tzid')).to.equal('Asia/Shanghai');
    expect(component.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).to.equal(
      'Asia/Shanghai',
    );
    expect(vevent.endDate.toString()).to.equal('2026-11-21T11:30:00');
    expect(vcomponent.getFirstPropertyValue('rrule')).to.equal(null);
    await until(() => text(dialog.notice()) !== '', 'the download notice');
    expect(text(dialog.notice())).to.contain('日历文件正在下载');
  });

  it('shares with navigator.share when the browser has it', async () => {
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16' });
    const dialog = await calendar.openEvent('亲子阅读会', 1);
    const shared: ShareData[] = [];
    await withNavigator(
      'share',
      async (data: ShareData) => void shared.push(data),
      async () => {
        dialog.action('Share').click();
        await until(() => shared.length > 0, 'the share sheet');
      },
    );
    expect(shared).to.have.length(1);
    expect(shared[0].title).to.equal('亲子阅读会');
    const hash = new URLSearchParams(new URL(shared[0].url!).hash.slice(1));
    expect(hash.get('event')).to.equal('reading');
    expect(hash.get('date')).to.equal('2026-11-21');
  });

  it('copies the share link when there is no share sheet', async () => {
    const calendar = await showCalendar({ lang: 'zh-Hans', date: '2026-11-16' });
    const dialog = await calendar.openEvent('长者健康讲座');
    const copied = await shareByCopying(dialog, '分享');
    expect(copied).to.have.length(1);
    expect(copied[0]).to.contain('#event=health');
    // A one-off event's link names its date too, so it still opens once the month has changed.
    expect(new URLSearchParams(new URL(copied[0]).hash.slice(1)).get('date')).to.equal(
      '2026-11-18',
    );
    expect(text(dialog.notice())).to.equal('链接已复制，粘贴到微信或短信里就能分享这个活动。');
    expect(dialog.notice()!.getAttribute('role')).to.equal('status');
  });

  it('writes the copied-link notice in the language of the calendar (en)', async () => {
    const calendar = await showCalendar({ lang: 'en', date: '2026-11-16' });
    const dialog = await calendar.openEvent('长者健康讲座');
    await shareByCopying(dialog, 'Share');
    expect(text(dialog.notice())).to.equal(
      'Link copied. Paste it into a chat or message to share this event.',
    );
  });

  describe('opened from a share link', () => {
    let before = '';
    beforeEach(() => {
      before = location.href;
      history.replaceState(null, '', '#event=reading&date=2026-11-28');
    });
    afterEach(() => history.replaceState(null, '', before));

    it('opens the event a share link names, on the date it names', async () => {
      const calendar = await showCalendar({ lang: 'en', zone: 'Asia/Shanghai' });
      expect(calendar.el.focusedDate).to.equal('2026-11-28');
      expect(calendar.title()).to.equal('November 2026');
      const dialog = await calendar.detail();
      expect(dialog.open).to.equal(true);
      expect(dialog.title()).to.equal('亲子阅读会');
      expect(dialog.fact('When')).to.contain('November 28, 2026');
    });

    it('keeps focus in the dialog when the detail arrives after the link opened it', async () => {
      // The order a busy machine or a slow network gives: the data and the series are there and
      // the dialog opens on the event's title, and only then does the detail's own code arrive.
      const calendar = await showCalendar({
        lang: 'en',
        zone: 'Asia/Shanghai',
        holdDetailCode: true,
      });
      const dialog = calendar.dialog();
      expect(dialog.open).to.equal(true);
      expect(dialog.detailState(), 'the detail code is held back').to.equal('loading');
      expect(dialog.titleFocused(), 'focus on the title while loading').to.equal(true);
      calendar.releaseDetailCode();
      await calendar.detail();
      expect(dialog.fact('When')).to.contain('November 28, 2026');
      expect(dialog.titleFocused(), 'focus still on the title').to.equal(true);
    });
  });

  it('names the event time zone when it differs from the display zone', async () => {
    const calendar = await showCalendar(november);
    const talk = '线上分享：双语养育';
    expect(calendar.eventsTitled(talk)[0].time).to.equal('20:00'); // 12:00 in London
    const dialog = await calendar.openEvent(talk);
    expect(dialog.fact('时间')).to.contain('时间按中国标准时间显示');
    expect(dialog.fact('时间')).to.match(
      /活动当地时间（格林尼治标准时间）：2026年11月18日星期三 12:00\s*[–至-]\s*13:00/,
    );
    await expect(calendar.el).to.be.accessible();

    const london = await showCalendar({ ...november, zone: 'Europe/London' });
    expect(london.eventsTitled(talk)[0].time).to.equal('12:00');
    const second = await london.openEvent(talk);
    expect(second.fact('时间')).to.not.contain('当地时间');
  });

  it('is accessible with the dialog open in dark theme', async () => {
    const calendar = await showCalendar({ ...english, theme: 'dark' });
    await calendar.openEvent('亲子阅读会', 1);
    await expect(calendar.el).to.be.accessible();
  });
});
