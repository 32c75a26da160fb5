import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { isoDay } from '../../src/service-finder/hours.js';
import { settleMs } from '../../src/service-finder/typing.js';
import { settle, until, useFakeClock } from '../support/index.js';
import {
  deepActive,
  manyRecords,
  mountFinder,
  mountFinderLoading,
  records,
  type TestRecord,
} from '../support/finder.js';

/** Collects console warnings while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

/** Five records with one changed (`change` edits the copy). */
function recordsWith(change: (data: TestRecord[]) => void): TestRecord[] {
  const data = records();
  change(data);
  return data;
}

describe('<service-finder> states', () => {
  it('shows the loading skeleton, busy and accessible', async () => {
    // The source never answers while the test looks.
    const finder = await mountFinderLoading({ src: '/test-api/never?key=sf-loading' });
    expect(finder.el.getAttribute('aria-busy')).to.equal('true');
    expect(finder.text()).to.contain('正在加载');
    await expect(finder.el).to.be.accessible();
  });

  it("shows the empty state with the page's slot content", async () => {
    const finder = await mountFinderLoading({
      data: [],
      content: html`<p slot="empty">请拨打 020-00000000 咨询</p>`,
    });
    await finder.settled();
    expect(finder.text()).to.contain('这里还没有服务信息');
    expect(finder.slotted('empty')).to.have.length(1);
    await expect(finder.el).to.be.accessible();
  });

  it('shows a localized error (no retry for a missing file)', async () => {
    const finder = await mountFinderLoading({ lang: 'en', src: '/test-api/status/404?key=sf-err' });
    expect((await finder.events.failed()).kind).to.equal('http');
    await finder.settled();
    expect(finder.text()).to.contain('cannot be found');
    expect(finder.text()).not.to.contain('Try again');
    await expect(finder.el).to.be.accessible();
  });

  it('shows the content accessible in light and dark theme, with the header slot', async () => {
    const finder = await mountFinder({ content: html`<h2 slot="header">找服务</h2>` });
    expect(finder.ids()).to.have.length(5);
    expect(finder.slotted('header')[0].textContent).to.equal('找服务');
    await expect(finder.el).to.be.accessible();
    finder.el.theme = 'dark';
    await finder.update();
    await expect(finder.el).to.be.accessible();
  });

  it('is accessible with the filters open and with the detail open (dark too)', async () => {
    const finder = await mountFinder();
    await finder.toggleFilters();
    expect(finder.filters()?.open).to.equal(true);
    await expect(finder.el).to.be.accessible();
    await finder.open('s-1');
    await expect(finder.el).to.be.accessible();
    finder.el.theme = 'dark';
    await finder.update();
    await expect(finder.el).to.be.accessible();
  });
});

describe('<service-finder> search', () => {
  describe('while typing', () => {
    const clock = useFakeClock();

    it('shows results on the next frame, and announces the count once typing pauses', async () => {
      const finder = await mountFinder();
      await finder.type('心');
      await finder.nextFrame();
      expect(finder.ids()).to.deep.equal(['s-1', 's-4', 's-3', 's-5']);
      await finder.type('心理');
      await finder.nextFrame();
      expect(finder.ids()).to.have.members(['s-1', 's-4']);
      expect(finder.count()).to.equal('找到 2 个服务');
      expect(finder.countExposed(), 'held back while typing').to.equal(false);
      await clock().tickAsync(settleMs - 1);
      await finder.update();
      expect(finder.countExposed(), 'still typing').to.equal(false);
      await clock().tickAsync(1);
      await finder.update();
      expect(finder.countExposed()).to.equal(true);
      expect(finder.count()).to.equal('找到 2 个服务');
    });

    it('writes the sync-url query once typing pauses, not on every keystroke', async () => {
      const saved = location.href;
      try {
        const finder = await mountFinder({ syncUrl: true });
        await finder.type('法律');
        await finder.nextFrame();
        expect(finder.ids()).to.deep.equal(['s-2']);
        expect(new URL(location.href).searchParams.has('sf-q')).to.equal(false);
        await clock().tickAsync(settleMs);
        await finder.update();
        expect(new URL(location.href).searchParams.get('sf-q')).to.equal('法律');
      } finally {
        history.replaceState(history.state, '', saved);
      }
    });
  });

  it('applies the search at once on Enter', async () => {
    const finder = await mountFinder();
    await finder.type('法律');
    expect(finder.ids()).to.have.length(5);
    await finder.pressEnter();
    expect(finder.ids()).to.deep.equal(['s-2']);
  });

  it('finds Chinese without spaces, full-width letters and organizations, and highlights with <mark>', async () => {
    const finder = await mountFinder();
    await finder.search('心理');
    expect(finder.card('s-1').marks.name).to.deep.equal(['心理']);
    await finder.search('ＡＢＣ');
    expect(finder.ids()).to.deep.equal(['s-3']);
    expect(finder.card('s-3').marks.name).to.deep.equal(['ABC']);
    await finder.search('法律服务站');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(finder.card('s-2').marks.organization).to.deep.equal(['法律服务站']);
  });

  it('shows where a description matched, as text (markup never interpreted)', async () => {
    const finder = await mountFinder({
      data: recordsWith((d) => {
        d[4].description = '<img src=x onerror="window.__sfXss=1">提供<b>午餐</b>';
      }),
    });
    await finder.search('午餐');
    const card = finder.card('s-5');
    expect(card.marks.snippet).to.deep.equal(['午餐']);
    expect(card.snippet?.querySelector('b, img')).to.equal(null);
    expect((window as { __sfXss?: number }).__sfXss).to.equal(undefined);
  });

  it('ranks name matches first by default ("best match"), else keeps the publisher\'s order', async () => {
    const finder = await mountFinder({ data: records().reverse() });
    expect(finder.ids()).to.deep.equal(['s-5', 's-4', 's-3', 's-2', 's-1']);
    await finder.search('心理');
    // s-4 comes first in the data, but only s-1 has 心理 in its name.
    expect(finder.ids()).to.deep.equal(['s-1', 's-4']);
    // Typing on narrows within the results; deleting widens again.
    await finder.search('心理咨询');
    expect(finder.ids()).to.deep.equal(['s-1']);
    await finder.search('心');
    // 安心 and 心理 in names first (publisher's order), then 中心 in organizations.
    expect(finder.ids()).to.deep.equal(['s-4', 's-1', 's-5', 's-3']);
  });

  it('announces the result count in a polite live region, plural-correct', async () => {
    const zh = await mountFinder();
    expect(zh.countRegion()?.getAttribute('role')).to.equal('status');
    expect(zh.count()).to.equal('找到 5 个服务');
    const hant = await mountFinder({ lang: 'zh-Hant' });
    expect(hant.count()).to.equal('找到 5 個服務');
    const en = await mountFinder({ lang: 'en' });
    expect(en.count()).to.equal('5 services found');
    await en.search('法律');
    expect(en.count()).to.equal('1 service found');
    await en.search('nothing-like-this');
    expect(en.count()).to.equal('No services found');
    expect(en.text()).to.contain('No services match your search');
  });
});

describe('<service-finder> filters', () => {
  it('builds a hierarchical category filter; a parent includes its children', async () => {
    const finder = await mountFinder();
    await finder.openFilters();
    const options = finder.options('服务类别');
    const child = options.findIndex((o) => o.includes('儿童心理'));
    expect(options[child - 1]).to.contain('心理支持 (2)');
    expect(options[child]).to.match(/^\u00a0+儿童心理 \(1\)$/);
    await finder.filter('服务类别', '心理支持');
    expect(finder.ids()).to.have.members(['s-1', 's-4']);
    await finder.filter('服务类别', '儿童心理');
    expect(finder.ids()).to.deep.equal(['s-1']);
  });

  it("filters by language, area, a child's age and free", async () => {
    const finder = await mountFinder();
    await finder.filter('语言', '英语');
    expect(finder.ids()).to.have.members(['s-2', 's-3']);
    await finder.filter('语言', '不限语言');
    await finder.filter('区域', '东山街道');
    expect(finder.ids()).to.have.members(['s-1', 's-3']);
    await finder.filter('区域', '全部区域');
    await finder.filter('孩子年龄（岁）', '7');
    // Services without an age range are for everyone.
    expect(finder.ids()).to.have.members(['s-1', 's-2', 's-5']);
    await finder.filter('孩子年龄（岁）', '');
    await finder.filter('只看免费服务', true);
    expect(finder.ids()).to.have.members(['s-1', 's-2']);
    expect(finder.filtersSummary()).to.equal('筛选（已选 1 个）');
  });

  it('labels languages in the UI language', async () => {
    const finder = await mountFinder();
    await finder.openFilters();
    expect(finder.options('语言').map((o) => o.trim())).to.include.members([
      '中文 (4)',
      '粤语 (1)',
      '英语 (2)',
    ]);
  });

  describe('by the clock', () => {
    // Wednesday 25 November 2026, 10:00 on the viewer's clock.
    useFakeClock(new Date(2026, 10, 25, 10, 0));

    it('filters "open now" by the schedules in the viewer\'s clock', async () => {
      const today = isoDay(new Date());
      expect(today).to.equal(3);
      const finder = await mountFinder({
        data: [
          {
            id: 'open',
            name: '现在开门的服务',
            hours: [{ day: today, opens: '09:00', closes: '12:00' }],
          },
          {
            id: 'later',
            name: '下午才开门的服务',
            hours: [{ day: today, opens: '14:00', closes: '17:00' }],
          },
          {
            id: 'shut',
            name: '明天才开门的服务',
            hours: [{ day: today + 1, opens: '00:00', closes: '23:59' }],
          },
          { id: 'none', name: '没有时间表的服务' },
        ] satisfies TestRecord[],
      });
      expect(finder.card('open').badges).to.include('现在开放');
      expect(finder.card('later').badges).to.not.include('现在开放');
      await finder.filter('现在开放', true);
      expect(finder.ids()).to.deep.equal(['open']);
    });
  });

  it('clears the query and every filter at once, focus back in the search box', async () => {
    const finder = await mountFinder();
    await finder.search('心理');
    await finder.filter('只看免费服务', true);
    await finder.filter('服务类别', '心理支持');
    expect(finder.ids()).to.deep.equal(['s-1']);
    await finder.clearAll();
    expect(finder.ids()).to.have.length(5);
    expect(finder.searchBox().value).to.equal('');
    expect(finder.control('只看免费服务').checked).to.equal(false);
    expect(finder.control<HTMLSelectElement>('服务类别').value).to.equal('');
    expect(deepActive() === finder.searchBox(), 'focus').to.equal(true);
  });

  it('hides filters that have nothing to filter', async () => {
    const finder = await mountFinder({ data: [{ id: 'a', name: '只有名称' }] });
    expect(finder.filters()).to.equal(null);
  });
});

describe('<service-finder> sorting and near me', () => {
  it('sorts by name in pinyin order for zh-Hans', async () => {
    const finder = await mountFinder();
    await finder.sortBy('名称');
    // Code point order would be ABC, 儿, 安, 张, 法.
    expect(finder.names()).to.deep.equal([
      '安心家长课堂',
      '儿童心理咨询',
      '法律援助咨询',
      '张家社区食堂',
      'ABC English Club',
    ]);
  });

  it('sorts by last updated, newest first', async () => {
    const finder = await mountFinder();
    await finder.sortBy('最近更新');
    expect(finder.ids()).to.deep.equal(['s-2', 's-1', 's-3', 's-4', 's-5']);
  });

  it('measures from origin="lat,lng": distance shown in the UI locale, sorted nearest first', async () => {
    const zh = await mountFinder({ origin: '23.1291,113.2644' });
    expect(zh.ids()).to.deep.equal(['s-1', 's-2', 's-3', 's-4', 's-5']);
    expect(zh.card('s-1').distance).to.equal('距离 0米');
    expect(zh.card('s-2').distance).to.match(/^距离 \d+(\.\d)?公里$/);
    expect(zh.card('s-5').distance).to.equal(null);
    expect(zh.sort()).to.equal('距离（由近到远）');
    const en = await mountFinder({ lang: 'en', origin: '23.1291,113.2644' });
    expect(en.card('s-2').distance).to.match(/^\d+(\.\d)? km away$/);
  });

  it('ignores an origin out of range, with a console warning', async () => {
    const warnings = await warningsDuring(async () => {
      const finder = await mountFinder({ origin: '113.26,23.13' });
      expect(finder.ids().map((id) => finder.card(id).distance)).to.deep.equal(Array(5).fill(null));
    });
    expect(warnings.some((w) => w.includes('origin'))).to.equal(true);
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
      const finder = await mountFinder();
      await finder.locate();
      expect(finder.ids()[0]).to.equal('s-3');
      expect(finder.geoMessage().textContent?.trim()).to.equal('已按离你的距离从近到远排列。');
      expect(finder.card('s-3').distance).to.not.equal(null);
    });

    it('explains a refusal and keeps working', async () => {
      stub((_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError));
      const finder = await mountFinder();
      await finder.locate();
      const message = finder.geoMessage();
      expect(message.getAttribute('role')).to.equal('status');
      expect(message.textContent).to.contain('没有获得位置权限');
      await finder.search('法律');
      expect(finder.ids()).to.deep.equal(['s-2']);
      await expect(finder.el).to.be.accessible();
    });

    it('explains a timeout and an unavailable position (en)', async () => {
      stub((_ok, fail) => fail!({ code: 3, message: 'timeout' } as GeolocationPositionError));
      const finder = await mountFinder({ lang: 'en' });
      await finder.locate();
      expect(finder.geoMessage().textContent?.trim()).to.equal(
        'Finding your location took too long. Please try again.',
      );
      stub((_ok, fail) => fail!({ code: 2, message: 'unavailable' } as GeolocationPositionError));
      await finder.locate();
      expect(finder.geoMessage().textContent).to.contain(
        'Your location is not available right now',
      );
      expect(finder.ids()).to.have.length(5);
    });
  });
});

describe('<service-finder> results paging', () => {
  it('shows 20 at a time; "show more" adds the next ones and focuses the first new card', async () => {
    const finder = await mountFinder({ lang: 'en', data: manyRecords(45) });
    expect(finder.ids()).to.have.length(20);
    expect(finder.count()).to.equal('45 services found');
    expect(finder.moreButton()?.textContent?.trim()).to.equal('Show more (25 left)');
    await finder.showMore();
    expect(finder.ids()).to.have.length(40);
    expect(deepActive() === finder.card(finder.ids()[20]).button, 'focus').to.equal(true);
    await finder.showMore();
    expect(finder.ids()).to.have.length(45);
    expect(finder.moreButton()).to.equal(null);
  });

  it('honours page-size', async () => {
    const finder = await mountFinder({ lang: 'en', data: manyRecords(30), pageSize: 10 });
    expect(finder.ids()).to.have.length(10);
  });

  it('starts again from the first page when the search changes', async () => {
    const finder = await mountFinder({ lang: 'en', data: manyRecords(45) });
    await finder.showMore();
    expect(finder.ids()).to.have.length(40);
    await finder.search('示例服务');
    expect(finder.ids()).to.have.length(20);
  });
});

describe('<service-finder> detail view', () => {
  it('opens on the card button, fires dandelion-select, focuses the heading', async () => {
    const finder = await mountFinder();
    const selected = await finder.open('儿童心理咨询');
    expect(selected.item).to.include({ id: 's-1', name: '儿童心理咨询' });
    const detail = finder.detail()!;
    expect(detail.title()).to.equal('儿童心理咨询');
    expect(deepActive() === detail.heading(), 'focus').to.equal(true);
    expect(finder.listHidden()).to.equal(true);
  });

  it('shows description HTML, eligibility, ages, fees, languages and contacts (zh-Hans)', async () => {
    const finder = await mountFinder();
    const d = await finder.open('s-1').then(() => finder.detail()!);
    expect(d.description()?.querySelector('strong')?.textContent).to.equal('一对一');
    const facts = d.facts();
    expect(facts).to.contain('服务对象 本区居住的儿童及家长');
    expect(facts).to.contain('适合年龄 6–14 岁');
    expect(facts).to.contain('费用 免费');
    expect(facts).to.contain('服务语言 中文、粤语');
    expect(d.phone()?.href).to.equal('tel:020-00001001');
    expect(d.phone()?.parentElement?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      '预约：020-00001001',
    );
    expect(d.email()?.href).to.equal('mailto:xinli@example.org');
    expect(d.links().map((a) => a.href)).to.include('https://example.org/xinli');
    expect(d.updated()).to.equal('最后更新：2026年10月1日');
  });

  it('shows opening hours as a weekly table starting Monday in zh-Hans', async () => {
    const finder = await mountFinder();
    await finder.open('s-1');
    const rows = finder.detail()!.hours();
    expect(rows).to.have.length(7);
    expect(rows[0]).to.equal('星期一 9:00–17:00');
    expect(rows[1]).to.equal('星期二 休息');
    expect(rows[2]).to.equal('星期三 9:00–12:00、14:00–17:00');
    expect(rows[6]).to.equal('星期日 休息');
  });

  it('starts the week on Sunday in en and on Sunday/Monday per locale, with localized times', async () => {
    const finder = await mountFinder({ lang: 'en' });
    await finder.open('s-1');
    const rows = finder.detail()!.hours();
    expect(rows[0]).to.equal('Sunday Closed');
    expect(rows[1]).to.equal('Monday 9:00 AM–5:00 PM');
  });

  it('shows a free-text schedule when the data has no weekly hours', async () => {
    const finder = await mountFinder();
    await finder.open('s-3');
    expect(finder.detail()!.hours()).to.deep.equal([]);
    expect(finder.detail()!.schedule()).to.equal('每周六上午，节假日除外');
  });

  it('links the address to Amap with coordinate=wgs84 in Chinese and OpenStreetMap in English', async () => {
    const zh = await mountFinder();
    await zh.open('s-1');
    const amap = zh.detail()!.mapLink()!;
    expect(amap.href).to.match(/^https:\/\/uri\.amap\.com\/marker\?position=113\.2644,23\.1291&/);
    expect(amap.href).to.contain('coordinate=wgs84');
    expect(amap.textContent?.trim()).to.equal('在地图上查看示例社工站');
    const en = await mountFinder({ lang: 'en' });
    await en.open('s-1');
    expect(en.detail()!.mapLink()?.href).to.equal(
      'https://www.openstreetmap.org/?mlat=23.1291&mlon=113.2644#map=17/23.1291/113.2644',
    );
  });

  it('uses a map-link template (Baidu with coord_type=wgs84 kept)', async () => {
    const finder = await mountFinder({
      mapLink:
        'https://api.map.baidu.com/marker?location={lat},{lng}&title={name}&content={address}&output=html&coord_type=wgs84',
    });
    await finder.open('s-1');
    const href = finder.detail()!.mapLink()!.href;
    expect(href).to.contain('coord_type=wgs84');
    expect(href).to.contain('location=23.1291,113.2644');
    expect(href).to.contain(`content=${encodeURIComponent('某某市某某区示例路1号')}`);
  });

  it('refuses a javascript: map-link template with a console warning and uses the default map', async () => {
    const warnings = await warningsDuring(async () => {
      const finder = await mountFinder({ mapLink: 'javascript:alert({name})' });
      await finder.open('s-1');
      const detail = finder.detail()!;
      expect(detail.mapLink()!.href).to.match(/^https:\/\/uri\.amap\.com\/marker\?/);
      expect(detail.links().filter((a) => a.href.startsWith('javascript'))).to.deep.equal([]);
      expect(detail.text()).to.contain('某某市某某区示例路1号');
    });
    expect(warnings.some((w) => w.includes('map-link'))).to.equal(true);
  });

  it('gives no distance for coordinates out of range, and maps the address instead', async () => {
    const finder = await mountFinder({
      origin: '23.1,113.2',
      data: recordsWith((d) => {
        d[0].locations = [{ address: '某某路9号', lat: 123.1, lng: 223.1 }];
      }),
    });
    expect(finder.card('s-1').distance).to.equal(null);
    await finder.open('s-1');
    // Not a pin at impossible coordinates: a search for the address on the default map.
    expect(finder.detail()!.mapLink()!.href).to.equal(
      `https://uri.amap.com/search?keyword=${encodeURIComponent('某某路9号')}`,
    );
    expect(finder.detail()!.text()).to.contain('某某路9号');
  });

  it('measures swapped coordinates once the core has put them right', async () => {
    const finder = await mountFinder({
      origin: '23.1291,113.2644',
      data: recordsWith((d) => {
        d[0].locations = [{ address: '某某路9号', lat: 113.2644, lng: 23.1291 }];
      }),
    });
    expect(finder.card('s-1').distance).to.equal('距离 0米');
  });

  it('drops unsafe website links', async () => {
    const finder = await mountFinder({
      data: recordsWith((d) => {
        d[0].url = 'javascript:alert(1)';
      }),
    });
    await finder.open('s-1');
    const detail = finder.detail()!;
    expect(detail.links().filter((a) => a.href.startsWith('javascript'))).to.deep.equal([]);
    expect(detail.text()).not.to.contain('网站');
  });

  it('clamps a huge description with a "show more" toggle', async () => {
    const finder = await mountFinder({
      data: recordsWith((d) => {
        d[1].description = `<p>${'很长的说明。'.repeat(2000)}</p>`;
      }),
    });
    await finder.open('s-2');
    const detail = finder.detail()!;
    expect(detail.clamped()).to.equal(true);
    const toggle = detail.clampToggle()!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent?.trim()).to.equal('展开全部介绍');
    toggle.click();
    await finder.update();
    expect(detail.clamped()).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(finder.el).to.be.accessible();
  });

  it('returns focus to the card button on back and on Escape', async () => {
    const finder = await mountFinder();
    await finder.open('s-2');
    await finder.back();
    expect(finder.detail()).to.equal(null);
    expect(deepActive() === finder.card('s-2').button, 'focus').to.equal(true);
    await finder.open('s-3');
    await finder.escape();
    expect(deepActive() === finder.card('s-3').button, 'focus').to.equal(true);
  });

  it('prints with window.print() and hides everything but the detail in print CSS', async () => {
    const finder = await mountFinder();
    await finder.open('s-1');
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      finder.print();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    // The detail view's styles (print included) are adopted when its chunk loads.
    const css = [...finder.el.shadowRoot!.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    expect(css).to.match(/@media print[\s\S]*\.base\.detail-open > :not\(\.detail\)/);
    expect(finder.printsDetailOnly()).to.equal(true);
  });
});

describe('<service-finder> bad input', () => {
  it('says how many records were skipped, and keeps duplicate ids apart', async () => {
    const data: TestRecord[] = [
      { id: 'a', name: '有名称的服务' },
      { id: 'b' },
      { id: 'a', name: '重复编号' },
    ];
    const en = await mountFinder({ lang: 'en', data });
    // The core renames a repeated id inside one document; the card list keys stay unique.
    expect(en.names()).to.have.members(['有名称的服务', '重复编号']);
    expect(new Set(en.ids()).size).to.equal(2);
    expect(en.skipped()).to.equal(
      '1 entry in the data could not be shown (for example, a missing name or a repeated id).',
    );
    const zh = await mountFinder({ data: [...data, { name: '' }] });
    expect(zh.skipped()).to.equal('数据里有 2 条记录无法显示（比如缺少名称，或编号重复）。');
    const hant = await mountFinder({ lang: 'zh-Hant', data });
    expect(hant.skipped()).to.equal('資料中有 1 筆紀錄無法顯示（例如缺少名稱，或編號重複）。');
    const many = await mountFinder({ lang: 'en', data: [...data, { id: 'c' }] });
    expect(many.skipped()).to.match(/^2 entries in the data could not be shown/);
  });

  it('keeps services without an id (given a stable one)', async () => {
    const finder = await mountFinder({
      data: [{ name: '没有编号的服务' }, { name: '另一项没有编号的服务' }],
    });
    expect(finder.ids()).to.have.length(2);
    expect(finder.ids().every((id) => !!id)).to.equal(true);
  });

  it('never renders remote text as HTML in cards', async () => {
    const finder = await mountFinder({
      data: [{ id: 'x', name: '<img src=x onerror=alert(1)>服务', organization: '<b>机构</b>' }],
    });
    const card = finder.card('x');
    expect(card.element.querySelector('img, b')).to.equal(null);
  });

  it('produces no Lit dev-mode warnings in a full session', async () => {
    const warnings = await warningsDuring(async () => {
      const finder = await mountFinder();
      await finder.search('心理');
      await finder.filter('服务类别', '心理支持');
      await finder.open('s-1');
      await finder.el.closeDetail();
    });
    expect(warnings.filter((w) => /lit|update/i.test(w) && !/dev mode/i.test(w))).to.deep.equal([]);
  });
});

describe('<service-finder> unmounting', () => {
  const clock = useFakeClock();

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
      const finder = await mountFinder({ data: manyRecords(3000) });
      const { el } = finder;
      finder.startLocating();
      await until(() => answer, 'the finder to ask for the position');
      // Typing: its search waits for the next frame, its announcement for a pause.
      await finder.type('示例');
      let updates = 0;
      const update = el.requestUpdate.bind(el);
      el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
        updates++;
        return update(...args);
      };
      el.remove();
      answer!({ coords: { latitude: 23, longitude: 113 } } as GeolocationPosition);
      // Past the search's pause; idle work that was due has run; the position's answer handled.
      await clock().tickAsync(1_000);
      await new Promise((resolve) => requestIdleCallback(resolve));
      await settle();
      expect(updates, 'no state change after removal').to.equal(0);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      delete (navigator.geolocation as { getCurrentPosition?: unknown }).getCurrentPosition;
    }
  });
});

describe('<service-finder> public methods', () => {
  it('shows a retry message when the detail code could not be loaded, and recovers', async () => {
    const finder = await mountFinder();
    await finder.open('s-1');
    await finder.loseDetailCode();
    const alert = finder.detail()!.alert()!;
    expect(alert.textContent).to.contain('暂时连不上');
    await expect(finder.el).to.be.accessible();
    alert.querySelector<HTMLButtonElement>('button')!.click();
    const detail = await finder.detailShown();
    await until(() => deepActive() === detail.heading(), 'focus on the title');
  });

  it('search() searches at once and openService()/closeDetail() guard unknown ids and the empty state', async () => {
    const finder = await mountFinder();
    finder.el.search('法律');
    await finder.update();
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(await finder.el.openService('nope')).to.equal(false);
    await finder.el.closeDetail();
    const empty = await mountFinderLoading({ data: undefined });
    expect(await empty.el.openService('s-1')).to.equal(false);
    empty.el.search('x');
    await empty.el.closeDetail();
  });
});
