import '../support/setup.js';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/service-finder/index.js';
import type { ServiceFinder } from '../../src/service-finder/index.js';
import type { DandelionSelectEvent } from '../../src/core/events.js';
import { isoDay } from '../../src/service-finder/hours.js';
import { manyRecords, records, type TestRecord } from './data.js';
import {
  cards,
  choose,
  countText,
  deepActive,
  detailShown,
  ids,
  locate,
  names,
  root,
  settled,
  text,
  typeSearch,
} from './helpers.js';

async function mount(
  lang = 'zh-Hans',
  data: unknown = records(),
  extra?: (el: ServiceFinder) => void,
) {
  const el = await fixture<ServiceFinder>(html`<service-finder lang=${lang}></service-finder>`);
  extra?.(el);
  const loaded = oneEvent(el, 'dandelion-load');
  el.data = data;
  await loaded;
  await settled(el);
  return el;
}

async function openCard(el: ServiceFinder, id: string): Promise<DandelionSelectEvent> {
  const button = root(el).querySelector<HTMLButtonElement>(`[data-id="${id}"] .open`)!;
  const event = oneEvent(el, 'dandelion-select');
  button.click();
  const e = await event;
  await detailShown(el);
  return e;
}

const detail = (el: ServiceFinder) => root(el).querySelector<HTMLElement>('[part="detail"]');

describe('<service-finder> states', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('shows the loading skeleton, busy and accessible', async () => {
    const el = await fixture<ServiceFinder>(
      html`<service-finder
        lang="zh-Hans"
        src=${'/test-api/slow?ms=3000&key=sf-loading'}
      ></service-finder>`,
    );
    await el.updateComplete;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('.loading') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows the empty state with the page's slot content", async () => {
    const el = await fixture<ServiceFinder>(
      html`<service-finder lang="zh-Hans"
        ><p slot="empty">请拨打 020-00000000 咨询</p></service-finder
      >`,
    );
    el.data = [];
    // The new data starts a (short) load on the next update; wait for that load, not the old state.
    await el.updateComplete;
    await settled(el);
    expect(text(root(el))).to.contain('这里还没有服务信息');
    expect(
      root(el).querySelector<HTMLSlotElement>('slot[name="empty"]')!.assignedElements(),
    ).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a localized error with a retry button', async () => {
    const el = await fixture<ServiceFinder>(
      html`<service-finder lang="en" src="/test-api/status/404?key=sf-err"></service-finder>`,
    );
    const error = await oneEvent(el, 'dandelion-error');
    await settled(el);
    expect(error.detail.kind).to.equal('http');
    expect(text(root(el))).to.contain('not found');
    expect(root(el).querySelector('[part="status"] [part="button"]') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the content accessible in light and dark theme, with the header slot', async () => {
    const el = await fixture<ServiceFinder>(
      html`<service-finder lang="zh-Hans"><h2 slot="header">找服务</h2></service-finder>`,
    );
    const loaded = oneEvent(el, 'dandelion-load');
    el.data = records();
    await loaded;
    await settled(el);
    expect(cards(el)).to.have.length(5);
    expect(
      root(el).querySelector<HTMLSlotElement>('slot[name="header"]')!.assignedElements()[0]
        .textContent,
    ).to.equal('找服务');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible with the filters open and with the detail open (dark too)', async () => {
    const el = await mount();
    root(el).querySelector<HTMLElement>('summary')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await openCard(el, 's-1');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('<service-finder> search', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('filters after a short pause in typing, not on every keystroke', async () => {
    const el = await mount();
    const input = root(el).querySelector<HTMLInputElement>('#q')!;
    input.value = '心理';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(cards(el)).to.have.length(5);
    await aTimeout(200);
    await el.updateComplete;
    expect(ids(el)).to.have.members(['s-1', 's-4']);
  });

  it('applies the search at once on Enter', async () => {
    const el = await mount();
    const input = root(el).querySelector<HTMLInputElement>('#q')!;
    input.value = '法律';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['s-2']);
  });

  it('finds Chinese without spaces, full-width letters and organizations, and highlights with <mark>', async () => {
    const el = await mount();
    await typeSearch(el, '心理');
    const mark = root(el).querySelector('[data-id="s-1"] .open mark')!;
    expect(mark.textContent).to.equal('心理');
    await typeSearch(el, 'ＡＢＣ');
    expect(ids(el)).to.deep.equal(['s-3']);
    expect(root(el).querySelector('[data-id="s-3"] .open mark')!.textContent).to.equal('ABC');
    await typeSearch(el, '法律服务站');
    expect(ids(el)).to.deep.equal(['s-2']);
    expect(root(el).querySelector('[data-id="s-2"] .org mark')!.textContent).to.equal('法律服务站');
  });

  it('shows where a description matched, as text (markup never interpreted)', async () => {
    const data = records();
    data[4].description = '<img src=x onerror="window.__sfXss=1">提供<b>午餐</b>';
    const el = await mount('zh-Hans', data);
    await typeSearch(el, '午餐');
    const snippet = root(el).querySelector('[data-id="s-5"] .snippet')!;
    expect(snippet.querySelector('mark')!.textContent).to.equal('午餐');
    expect(snippet.querySelector('b, img') === null).to.equal(true);
    expect((window as { __sfXss?: number }).__sfXss).to.equal(undefined);
  });

  it('ranks name matches first by default ("best match"), else keeps the publisher\'s order', async () => {
    const el = await mount('zh-Hans', records().reverse());
    expect(ids(el)).to.deep.equal(['s-5', 's-4', 's-3', 's-2', 's-1']);
    await typeSearch(el, '心理');
    // s-4 comes first in the data, but only s-1 has 心理 in its name.
    expect(ids(el)).to.deep.equal(['s-1', 's-4']);
    // Typing on narrows within the results; deleting widens again.
    await typeSearch(el, '心理咨询');
    expect(ids(el)).to.deep.equal(['s-1']);
    await typeSearch(el, '心');
    // 安心 and 心理 in names first (publisher's order), then 中心 in organizations.
    expect(ids(el)).to.deep.equal(['s-4', 's-1', 's-5', 's-3']);
  });

  it('announces the result count in a polite live region, plural-correct', async () => {
    const zh = await mount('zh-Hans');
    const region = root(zh).querySelector('[part="count"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(countText(zh)).to.equal('找到 5 项服务');
    const hant = await mount('zh-Hant');
    expect(countText(hant)).to.equal('找到 5 項服務');
    const en = await mount('en');
    expect(countText(en)).to.equal('5 services found');
    await typeSearch(en, '法律');
    expect(countText(en)).to.equal('1 service found');
    await typeSearch(en, 'nothing-like-this');
    expect(countText(en)).to.equal('No services found');
    expect(text(root(en))).to.contain('No services match your search');
  });
});

describe('<service-finder> filters', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('builds a hierarchical category filter; a parent includes its children', async () => {
    const el = await mount();
    const options = [...root(el).querySelectorAll<HTMLOptionElement>('#f-category option')].map(
      (o) => o.text,
    );
    const child = options.findIndex((o) => o.includes('儿童心理'));
    expect(options[child - 1]).to.contain('心理支持 (2)');
    expect(options[child]).to.match(/^\u00a0+儿童心理 \(1\)$/);
    await choose(el, '#f-category', 'cat-psy');
    expect(ids(el)).to.have.members(['s-1', 's-4']);
    await choose(el, '#f-category', 'cat-psy-child');
    expect(ids(el)).to.deep.equal(['s-1']);
  });

  it("filters by language, area, a child's age and free", async () => {
    const el = await mount();
    await choose(el, '#f-language', 'en');
    expect(ids(el)).to.have.members(['s-2', 's-3']);
    await choose(el, '#f-language', '');
    await choose(el, '#f-area', '东山街道');
    expect(ids(el)).to.have.members(['s-1', 's-3']);
    await choose(el, '#f-area', '');
    await choose(el, '#f-age', '7');
    // Services without an age range are for everyone.
    expect(ids(el)).to.have.members(['s-1', 's-2', 's-5']);
    await choose(el, '#f-age', '');
    await choose(el, 'input[name="free"]', 'on');
    expect(ids(el)).to.have.members(['s-1', 's-2']);
    expect(text(root(el).querySelector('summary')!)).to.equal('筛选（已选 1 项）');
  });

  it('labels languages in the UI language', async () => {
    const el = await mount();
    const labels = [...root(el).querySelectorAll('#f-language option')].map((o) =>
      o.textContent!.trim(),
    );
    expect(labels).to.include.members(['中文 (4)', '粤语 (1)', '英语 (2)']);
  });

  it('filters "open now" by the schedules in the viewer\'s clock', async () => {
    const today = isoDay(new Date());
    const tomorrow = (today % 7) + 1;
    const data: TestRecord[] = [
      {
        id: 'open',
        name: '现在开门的服务',
        hours: [{ day: today, opens: '00:00', closes: '23:59' }],
      },
      {
        id: 'shut',
        name: '明天才开门的服务',
        hours: [{ day: tomorrow, opens: '00:00', closes: '23:59' }],
      },
      { id: 'none', name: '没有时间表的服务' },
    ];
    const el = await mount('zh-Hans', data);
    expect(root(el).querySelector('[data-id="open"] .badge')!.textContent).to.contain('现在开放');
    await choose(el, 'input[name="openNow"]', 'on');
    expect(ids(el)).to.deep.equal(['open']);
  });

  it('clears the query and every filter at once, focus back in the search box', async () => {
    const el = await mount();
    await typeSearch(el, '心理');
    await choose(el, 'input[name="free"]', 'on');
    await choose(el, '#f-category', 'cat-psy');
    expect(ids(el)).to.deep.equal(['s-1']);
    const clear = [...root(el).querySelectorAll<HTMLButtonElement>('.summary button')].find((b) =>
      b.textContent!.includes('全部清除'),
    )!;
    clear.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(cards(el)).to.have.length(5);
    expect(root(el).querySelector<HTMLInputElement>('#q')!.value).to.equal('');
    expect(root(el).querySelector<HTMLInputElement>('input[name="free"]')!.checked).to.equal(false);
    expect(root(el).querySelector<HTMLSelectElement>('#f-category')!.value).to.equal('');
    expect(deepActive() === root(el).querySelector('#q'), 'focus').to.equal(true);
  });

  it('hides filters that have nothing to filter', async () => {
    const el = await mount('zh-Hans', [{ id: 'a', name: '只有名称' }]);
    expect(root(el).querySelector('[part="filters"]') === null).to.equal(true);
  });
});

describe('<service-finder> sorting and near me', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('sorts by name in pinyin order for zh-Hans', async () => {
    const el = await mount();
    await choose(el, '#sort', 'name');
    // Code point order would be ABC, 儿, 安, 张, 法.
    expect(names(el)).to.deep.equal([
      '安心家长课堂',
      '儿童心理咨询',
      '法律援助咨询',
      '张家社区食堂',
      'ABC English Club',
    ]);
  });

  it('sorts by last updated, newest first', async () => {
    const el = await mount();
    await choose(el, '#sort', 'updated');
    expect(ids(el)).to.deep.equal(['s-2', 's-1', 's-3', 's-4', 's-5']);
  });

  it('measures from origin="lat,lng": distance shown in the UI locale, sorted nearest first', async () => {
    const el = await mount('zh-Hans', records(), (e) =>
      e.setAttribute('origin', '23.1291,113.2644'),
    );
    expect(ids(el)).to.deep.equal(['s-1', 's-2', 's-3', 's-4', 's-5']);
    expect(text(root(el).querySelector('[data-id="s-1"] .distance')!)).to.equal('距离 0米');
    expect(text(root(el).querySelector('[data-id="s-2"] .distance')!)).to.match(
      /^距离 \d+(\.\d)?公里$/,
    );
    expect(root(el).querySelector('[data-id="s-5"] .distance') === null).to.equal(true);
    expect(root(el).querySelector<HTMLSelectElement>('#sort')!.value).to.equal('distance');
    const en = await mount('en', records(), (e) => e.setAttribute('origin', '23.1291,113.2644'));
    expect(text(root(en).querySelector('[data-id="s-2"] .distance')!)).to.match(
      /^\d+(\.\d)? km away$/,
    );
  });

  it('ignores an origin out of range, with a console warning', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount('zh-Hans', records(), (e) => e.setAttribute('origin', '113.26,23.13'));
      expect(root(el).querySelector('.distance') === null).to.equal(true);
      expect(warnings.some((w) => w.includes('origin'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  describe('"use my location"', () => {
    const geo = navigator.geolocation;
    afterEach(() => {
      delete (geo as { getCurrentPosition?: unknown }).getCurrentPosition;
    });
    function stub(impl: Geolocation['getCurrentPosition']) {
      Object.defineProperty(geo, 'getCurrentPosition', {
        value: impl,
        configurable: true,
        writable: true,
      });
    }

    it('sorts by distance from the position the browser gives', async () => {
      stub((ok) => ok({ coords: { latitude: 23.3, longitude: 113.5 } } as GeolocationPosition));
      const el = await mount();
      await locate(el);
      expect(ids(el)[0]).to.equal('s-3');
      expect(text(root(el).querySelector('.geo-message')!)).to.equal(
        '已按离你的距离从近到远排列。',
      );
      expect(root(el).querySelector('[data-id="s-3"] .distance') !== null).to.equal(true);
    });

    it('explains a refusal and keeps working', async () => {
      stub((_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError));
      const el = await mount();
      await locate(el);
      const message = root(el).querySelector('.geo-message')!;
      expect(message.getAttribute('role')).to.equal('status');
      expect(text(message)).to.contain('没有获得位置权限');
      await typeSearch(el, '法律');
      expect(ids(el)).to.deep.equal(['s-2']);
      await expect(el).to.be.accessible();
    });

    it('explains a timeout and an unavailable position (en)', async () => {
      stub((_ok, fail) => fail!({ code: 3, message: 'timeout' } as GeolocationPositionError));
      const el = await mount('en');
      await locate(el);
      expect(text(root(el).querySelector('.geo-message')!)).to.equal(
        'Finding your location took too long. Please try again.',
      );
      stub((_ok, fail) => fail!({ code: 2, message: 'unavailable' } as GeolocationPositionError));
      await locate(el);
      expect(text(root(el).querySelector('.geo-message')!)).to.contain(
        'Your location is not available right now',
      );
      expect(cards(el)).to.have.length(5);
    });
  });
});

describe('<service-finder> results paging', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('shows 20 at a time; "show more" adds the next ones and focuses the first new card', async () => {
    const el = await mount('en', manyRecords(45));
    expect(cards(el)).to.have.length(20);
    expect(countText(el)).to.equal('45 services found');
    const more = root(el).querySelector<HTMLButtonElement>('.more')!;
    expect(text(more)).to.equal('Show more (25 left)');
    more.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(cards(el)).to.have.length(40);
    expect(deepActive() === cards(el)[20].querySelector('.open'), 'focus').to.equal(true);
    root(el).querySelector<HTMLButtonElement>('.more')!.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(45);
    expect(root(el).querySelector('.more') === null).to.equal(true);
  });

  it('honours page-size', async () => {
    const el = await mount('en', manyRecords(30), (e) => e.setAttribute('page-size', '10'));
    expect(cards(el)).to.have.length(10);
  });

  it('starts again from the first page when the search changes', async () => {
    const el = await mount('en', manyRecords(45));
    root(el).querySelector<HTMLButtonElement>('.more')!.click();
    await el.updateComplete;
    await typeSearch(el, '示例服务');
    expect(cards(el)).to.have.length(20);
  });
});

describe('<service-finder> detail view', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('opens on the card button, fires dandelion-select, focuses the heading', async () => {
    const el = await mount();
    const event = await openCard(el, 's-1');
    expect(event.detail.item).to.include({ id: 's-1', name: '儿童心理咨询' });
    expect(detail(el) !== null).to.equal(true);
    expect(deepActive() === root(el).querySelector('#detail-title'), 'focus').to.equal(true);
    expect(root(el).querySelector('.list-view')!.hasAttribute('hidden')).to.equal(true);
  });

  it('shows description HTML, eligibility, ages, fees, languages and contacts (zh-Hans)', async () => {
    const el = await mount();
    await openCard(el, 's-1');
    const d = detail(el)!;
    expect(d.querySelector('.description strong')!.textContent).to.equal('一对一');
    const facts = text(d.querySelector('.facts')!);
    expect(facts).to.contain('服务对象 本区居住的儿童及家长');
    expect(facts).to.contain('适合年龄 6–14 岁');
    expect(facts).to.contain('费用 免费');
    expect(facts).to.contain('服务语言 中文、粤语');
    expect(d.querySelector<HTMLAnchorElement>('a.tel')!.href).to.equal('tel:020-00001001');
    expect(text(d.querySelector('a.tel')!.parentElement!)).to.equal('预约：020-00001001');
    expect(d.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href).to.equal(
      'mailto:xinli@example.org',
    );
    expect(
      d.querySelector<HTMLAnchorElement>('a[href="https://example.org/xinli"]') !== null,
    ).to.equal(true);
    expect(text(d.querySelector('.updated')!)).to.equal('最后更新：2026年10月1日');
  });

  it('shows opening hours as a weekly table starting Monday in zh-Hans', async () => {
    const el = await mount();
    await openCard(el, 's-1');
    const rows = [...detail(el)!.querySelectorAll('.hours tbody tr')].map((r) => text(r));
    expect(rows).to.have.length(7);
    expect(rows[0]).to.equal('星期一 9:00–17:00');
    expect(rows[1]).to.equal('星期二 休息');
    expect(rows[2]).to.equal('星期三 9:00–12:00、14:00–17:00');
    expect(rows[6]).to.equal('星期日 休息');
  });

  it('starts the week on Sunday in en and on Sunday/Monday per locale, with localized times', async () => {
    const el = await mount('en');
    await openCard(el, 's-1');
    const rows = [...detail(el)!.querySelectorAll('.hours tbody tr')].map((r) => text(r));
    expect(rows[0]).to.equal('Sunday Closed');
    expect(rows[1]).to.equal('Monday 9:00 AM–5:00 PM');
  });

  it('shows a free-text schedule when the data has no weekly hours', async () => {
    const el = await mount();
    await openCard(el, 's-3');
    expect(detail(el)!.querySelector('.hours') === null).to.equal(true);
    expect(text(detail(el)!.querySelector('.schedule-text')!)).to.equal('每周六上午，节假日除外');
  });

  it('links the address to Amap with coordinate=wgs84 in Chinese and OpenStreetMap in English', async () => {
    const zh = await mount();
    await openCard(zh, 's-1');
    const amap = detail(zh)!.querySelector<HTMLAnchorElement>('.map-link')!;
    expect(amap.href).to.match(/^https:\/\/uri\.amap\.com\/marker\?position=113\.2644,23\.1291&/);
    expect(amap.href).to.contain('coordinate=wgs84');
    expect(text(amap)).to.equal('在地图上查看示例社工站');
    const en = await mount('en');
    await openCard(en, 's-1');
    expect(detail(en)!.querySelector<HTMLAnchorElement>('.map-link')!.href).to.equal(
      'https://www.openstreetmap.org/?mlat=23.1291&mlon=113.2644#map=17/23.1291/113.2644',
    );
  });

  it('uses a map-link template (Baidu with coord_type=wgs84 kept)', async () => {
    const template =
      'https://api.map.baidu.com/marker?location={lat},{lng}&title={name}&content={address}&output=html&coord_type=wgs84';
    const el = await mount('zh-Hans', records(), (e) => e.setAttribute('map-link', template));
    await openCard(el, 's-1');
    const href = detail(el)!.querySelector<HTMLAnchorElement>('.map-link')!.href;
    expect(href).to.contain('coord_type=wgs84');
    expect(href).to.contain('location=23.1291,113.2644');
    expect(href).to.contain(`content=${encodeURIComponent('某某市某某区示例路1号')}`);
  });

  it('refuses a javascript: map-link template with a console warning and stays usable', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount('zh-Hans', records(), (e) =>
        e.setAttribute('map-link', 'javascript:alert({name})'),
      );
      await openCard(el, 's-1');
      expect(detail(el)!.querySelector('.map-link') === null).to.equal(true);
      expect(detail(el)!.querySelector('a[href^="javascript"]') === null).to.equal(true);
      expect(text(detail(el)!)).to.contain('某某市某某区示例路1号');
      expect(warnings.some((w) => w.includes('map-link'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('gives no map link and no distance for coordinates out of range', async () => {
    const data = records();
    data[0].locations = [{ address: '某某路9号', lat: 123.1, lng: 223.1 }];
    const el = await mount('zh-Hans', data, (e) => e.setAttribute('origin', '23.1,113.2'));
    expect(root(el).querySelector('[data-id="s-1"] .distance') === null).to.equal(true);
    await openCard(el, 's-1');
    expect(detail(el)!.querySelector('.map-link') === null).to.equal(true);
    expect(text(detail(el)!)).to.contain('某某路9号');
  });

  it('measures swapped coordinates once the core has put them right', async () => {
    const data = records();
    data[0].locations = [{ address: '某某路9号', lat: 113.2644, lng: 23.1291 }];
    const el = await mount('zh-Hans', data, (e) => e.setAttribute('origin', '23.1291,113.2644'));
    expect(text(root(el).querySelector('[data-id="s-1"] .distance')!)).to.equal('距离 0米');
  });

  it('drops unsafe website links', async () => {
    const data = records();
    data[0].url = 'javascript:alert(1)';
    const el = await mount('zh-Hans', data);
    await openCard(el, 's-1');
    expect(detail(el)!.querySelector('a[href^="javascript"]') === null).to.equal(true);
    expect(text(detail(el)!)).not.to.contain('网站');
  });

  it('clamps a huge description with a "show more" toggle', async () => {
    const data = records();
    data[1].description = `<p>${'很长的说明。'.repeat(2000)}</p>`;
    const el = await mount('zh-Hans', data);
    await openCard(el, 's-2');
    const description = detail(el)!.querySelector('.description')!;
    expect(description.classList.contains('clamped')).to.equal(true);
    const toggle = detail(el)!.querySelector<HTMLButtonElement>('.clamp-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(text(toggle)).to.equal('展开全部介绍');
    toggle.click();
    await el.updateComplete;
    expect(description.classList.contains('clamped')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('returns focus to the card button on back and on Escape', async () => {
    const el = await mount();
    await openCard(el, 's-2');
    detail(el)!.querySelector<HTMLButtonElement>('.back')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(detail(el) === null).to.equal(true);
    expect(deepActive() === root(el).querySelector('[data-id="s-2"] .open'), 'focus').to.equal(
      true,
    );
    await openCard(el, 's-3');
    root(el)
      .querySelector('#detail-title')!
      .dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
    await el.updateComplete;
    await el.updateComplete;
    expect(deepActive() === root(el).querySelector('[data-id="s-3"] .open'), 'focus').to.equal(
      true,
    );
  });

  it('prints with window.print() and hides everything but the detail in print CSS', async () => {
    const el = await mount();
    await openCard(el, 's-1');
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      detail(el)!.querySelector<HTMLButtonElement>('.print')!.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    // The detail view's styles (print included) are adopted when its chunk loads.
    const print = [...root(el).adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    expect(print).to.match(/@media print[\s\S]*\.base\.detail-open > :not\(\.detail\)/);
    expect(root(el).querySelector('.base')!.classList.contains('detail-open')).to.equal(true);
  });
});

describe('<service-finder> bad input', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('says how many records were skipped, and keeps duplicate ids apart', async () => {
    const data: TestRecord[] = [
      { id: 'a', name: '有名称的服务' },
      { id: 'b' },
      { id: 'a', name: '重复编号' },
    ];
    const en = await mount('en', data);
    // The core renames a repeated id inside one document; the card list keys stay unique.
    expect(names(en)).to.have.members(['有名称的服务', '重复编号']);
    expect(new Set(ids(en)).size).to.equal(2);
    expect(text(root(en).querySelector('.skipped')!)).to.equal(
      '1 entry in the data could not be shown (for example, a missing name or a repeated id).',
    );
    const zh = await mount('zh-Hans', [...data, { name: '' }]);
    expect(text(root(zh).querySelector('.skipped')!)).to.equal(
      '数据里有 2 条记录无法显示（比如缺少名称，或编号重复）。',
    );
    const hant = await mount('zh-Hant', data);
    expect(text(root(hant).querySelector('.skipped')!)).to.equal(
      '資料中有 1 筆紀錄無法顯示（例如缺少名稱，或編號重複）。',
    );
    const many = await mount('en', [...data, { id: 'c' }]);
    expect(text(root(many).querySelector('.skipped')!)).to.match(
      /^2 entries in the data could not be shown/,
    );
  });

  it('keeps services without an id (given a stable one)', async () => {
    const el = await mount('zh-Hans', [
      { name: '没有编号的服务' },
      { name: '另一项没有编号的服务' },
    ]);
    expect(cards(el)).to.have.length(2);
    expect(ids(el).every((id) => !!id)).to.equal(true);
  });

  it('never renders remote text as HTML in cards', async () => {
    const el = await mount('zh-Hans', [
      { id: 'x', name: '<img src=x onerror=alert(1)>服务', organization: '<b>机构</b>' },
    ]);
    expect(root(el).querySelector('[part="service"] img, [part="service"] b') === null).to.equal(
      true,
    );
  });

  it('produces no Lit dev-mode warnings in a full session', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount();
      await typeSearch(el, '心理');
      await choose(el, '#f-category', 'cat-psy');
      await openCard(el, 's-1');
      await el.closeDetail();
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => /lit|update/i.test(w) && !/dev mode/i.test(w))).to.deep.equal([]);
  });
});

describe('<service-finder> unmounting', function () {
  this.timeout(30_000);

  it('leaves nothing running when removed mid-typing, mid-indexing or mid-locating', async () => {
    let answer: PositionCallback | undefined;
    Object.defineProperty(navigator.geolocation, 'getCurrentPosition', {
      value: (ok: PositionCallback) => (answer = ok),
      configurable: true,
      writable: true,
    });
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      const el = await mount('zh-Hans', manyRecords(3000));
      root(el).querySelector<HTMLButtonElement>('.locate')!.click();
      const input = root(el).querySelector<HTMLInputElement>('#q')!;
      input.value = '示例';
      input.dispatchEvent(new Event('input'));
      let updates = 0;
      const update = el.requestUpdate.bind(el);
      el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
        updates++;
        return update(...args);
      };
      await waitUntil(() => answer, 'the finder did not ask for the position');
      el.remove();
      answer!({ coords: { latitude: 23, longitude: 113 } } as GeolocationPosition);
      await aTimeout(400);
      expect(updates, 'no state change after removal').to.equal(0);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      delete (navigator.geolocation as { getCurrentPosition?: unknown }).getCurrentPosition;
    }
  });
});

describe('<service-finder> public methods', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('shows a retry message when the detail code could not be loaded, and recovers', async () => {
    const el = await mount();
    await openCard(el, 's-1');
    // The detail view is its own chunk; simulate the state after its download failed.
    (el as unknown as { detailView: { state: unknown } }).detailView.state = 'failed';
    el.requestUpdate();
    await el.updateComplete;
    const alert = detail(el)!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('连不上服务器');
    await expect(el).to.be.accessible();
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await detailShown(el);
    expect(deepActive() === root(el).querySelector('#detail-title'), 'focus on the title').to.equal(
      true,
    );
  });

  it('search() searches at once and openService()/closeDetail() guard unknown ids and the empty state', async () => {
    const el = await mount();
    el.search('法律');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['s-2']);
    expect(await el.openService('nope')).to.equal(false);
    await el.closeDetail();
    const empty = await fixture<ServiceFinder>(html`<service-finder></service-finder>`);
    expect(await empty.openService('s-1')).to.equal(false);
    empty.search('x');
    await empty.closeDetail();
  });
});
