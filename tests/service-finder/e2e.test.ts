import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { Service } from '../../src/core/models.js';
import { mountFinder, type FinderOptions } from '../support/finder.js';

/** A finder reading `src` from the test server, loaded. */
const reading = (src: string, options: FinderOptions = {}) => mountFinder({ src, ...options });

describe('<service-finder> end to end (local server)', () => {
  it('reads a paginated HSDS 3.0 /services API (all pages)', async () => {
    await fetch('/test-api/reset');
    const finder = await reading('/test-api/hsds/services?total=45&per_page=20&key=sf-hsds', {
      format: 'hsds',
    });
    expect(finder.el.items).to.have.length(45);
    expect(finder.count()).to.equal('找到 45 个服务');
    const hits = await (await fetch('/test-api/count?key=sf-hsds')).json();
    expect(hits.hits).to.equal(3);
    await finder.search('服务 44');
    expect(finder.ids()).to.deep.equal(['svc-44']);
    await finder.open('测试服务 44');
    const detail = finder.detail()!;
    expect([detail.title(), detail.phone()?.href]).to.deep.equal([
      '测试服务 44',
      'tel:020-00000044',
    ]);
    expect(detail.text()).to.contain('示例社工站');
  });

  it('sniffs HSDS without a format attribute', async () => {
    const src = '/test-api/hsds/services?total=5&per_page=5&key=sf-auto';
    expect((await reading(src, { lang: 'en' })).count()).to.equal('5 services found');
  });

  it('reads a CSV export with Chinese headers, skipping bad rows visibly', async () => {
    const finder = await reading('/tests/fixtures/finder/services.csv', {
      origin: '23.1291,113.2644',
    });
    const byName = new Map(finder.el.items.map((s: Service) => [s.name, s]));
    expect([...byName.keys()]).to.include.members([
      '儿童心理咨询',
      '家长课堂',
      '法律援助咨询',
      '没有编号的服务',
    ]);
    expect(byName.has('')).to.equal(false);
    expect(finder.skipped()).to.match(/^数据里有 \d+ 条记录无法显示/);
    // Nearest first; the row with impossible coordinates has no distance and comes after.
    expect(finder.ids()[0]).to.equal('csv-1');
    expect(finder.card('csv-1').distance).to.equal('距离 0米');
    expect(finder.card('csv-3').distance).to.equal(null);
    await finder.search('心理');
    expect(finder.ids()).to.include('csv-1');
    await finder.open('csv-1');
    const detail = finder.detail()!;
    expect(detail.phone()?.href).to.equal('tel:020-00001001');
    expect(detail.facts()).to.contain('6–14 岁');
    expect(detail.text()).to.contain('某某市某某区示例路1号');
    expect(detail.mapLink()?.href).to.contain('coordinate=wgs84');
    expect(detail.schedule()).to.contain('周一至周五');
  });

  it('reads a generic JSON with map and items-path', async () => {
    const finder = await reading('/tests/fixtures/finder/services-custom.json', {
      lang: 'en',
      itemsPath: 'payload.rows',
      map: JSON.stringify({
        id: 'key',
        name: 'title',
        organization: 'provider.label',
        categories: 'kinds',
        phones: 'contact.tel',
        email: 'contact.mail',
        address: 'place.addr',
        lat: 'place.la',
        lng: 'place.lo',
        fees: 'price',
        updated: 'modified',
      }),
    });
    expect(finder.ids()).to.have.length(2);
    await finder.search('长者');
    expect(finder.ids()).to.deep.equal(['g-1']);
    await finder.open('g-1');
    const detail = finder.detail()!;
    expect(detail.text()).to.contain('示例长者服务中心');
    expect(detail.phone()?.href).to.equal('tel:020-00002001');
    expect(detail.email()?.href).to.equal('mailto:meal@example.org');
    expect(detail.mapLink()?.href).to.equal(
      'https://www.openstreetmap.org/?mlat=23.1&mlon=113.3#map=17/23.1/113.3',
    );
    expect(detail.updated()).to.equal('Last updated October 20, 2026');
  });

  it('reads the demo backend (HSDS with taxonomy parents, schedules and areas)', async () => {
    const finder = await reading('/api/services?per_page=50');
    expect(finder.el.items.length).to.equal(120);
    await finder.openFilters();
    const options = finder.options('服务类别');
    const parent = options.findIndex((o) => o.startsWith('心理支持'));
    expect(options[parent + 1]).to.match(/^\u00a0+(儿童心理咨询|心理热线)/);
    expect(finder.options('区域').length).to.be.greaterThan(1);
    await finder.open(finder.ids()[0]);
    expect(finder.detail()!.hours()).to.have.length(7);
    await expect(finder.el).to.be.accessible();
  });
});
