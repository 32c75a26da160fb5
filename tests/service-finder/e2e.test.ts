import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/service-finder/index.js';
import type { ServiceFinder } from '../../src/service-finder/index.js';
import type { Service } from '../../src/core/models.js';
import { cards, countText, detailShown, ids, root, settled, text, typeSearch } from './helpers.js';

/** Mounts a finder from a template and waits for its first load. */
async function load(template: ReturnType<typeof html>) {
  const el = await fixture<ServiceFinder>(template);
  if (el.items.length === 0) await oneEvent(el, 'dandelion-load');
  await settled(el);
  return el;
}

async function open(el: ServiceFinder, id: string) {
  root(el).querySelector<HTMLButtonElement>(`[data-id="${id}"] .open`)!.click();
  return detailShown(el);
}

describe('<service-finder> end to end (local server)', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  it('reads a paginated HSDS 3.0 /services API (all pages)', async () => {
    await fetch('/test-api/reset');
    const el = await load(
      html`<service-finder
        lang="zh-Hans"
        format="hsds"
        src=${'/test-api/hsds/services?total=45&per_page=20&key=sf-hsds'}
      ></service-finder>`,
    );
    expect(el.items).to.have.length(45);
    expect(countText(el)).to.equal('找到 45 项服务');
    const hits = await (await fetch('/test-api/count?key=sf-hsds')).json();
    expect(hits.hits).to.equal(3);
    await typeSearch(el, '服务 44');
    expect(ids(el)).to.deep.equal(['svc-44']);
    const detail = await open(el, 'svc-44');
    expect(text(detail.querySelector('#detail-title')!)).to.equal('测试服务 44');
    expect(detail.querySelector<HTMLAnchorElement>('a.tel')!.href).to.equal('tel:020-00000044');
    expect(text(detail)).to.contain('示例社工站');
  });

  it('sniffs HSDS without a format attribute', async () => {
    const el = await load(
      html`<service-finder
        lang="en"
        src=${'/test-api/hsds/services?total=5&per_page=5&key=sf-auto'}
      ></service-finder>`,
    );
    expect(countText(el)).to.equal('5 services found');
  });

  it('reads a CSV export with Chinese headers, skipping bad rows visibly', async () => {
    const el = await load(
      html`<service-finder
        lang="zh-Hans"
        origin="23.1291,113.2644"
        src="/tests/fixtures/finder/services.csv"
      ></service-finder>`,
    );
    const byName = new Map(el.items.map((s: Service) => [s.name, s]));
    expect([...byName.keys()]).to.include.members([
      '儿童心理咨询',
      '家长课堂',
      '法律援助咨询',
      '没有编号的服务',
    ]);
    expect(byName.has('')).to.equal(false);
    expect(text(root(el).querySelector('.skipped')!)).to.match(/^数据里有 \d+ 条记录无法显示/);
    // Nearest first; the row with impossible coordinates has no distance and comes after.
    expect(ids(el)[0]).to.equal('csv-1');
    expect(text(root(el).querySelector('[data-id="csv-1"] .distance')!)).to.equal('距离 0米');
    expect(root(el).querySelector('[data-id="csv-3"] .distance') === null).to.equal(true);
    await typeSearch(el, '心理');
    expect(ids(el)).to.include('csv-1');
    const detail = await open(el, 'csv-1');
    expect(detail.querySelector<HTMLAnchorElement>('a.tel')!.href).to.equal('tel:020-00001001');
    expect(text(detail.querySelector('.facts')!)).to.contain('6–14 岁');
    expect(text(detail)).to.contain('某某市某某区示例路1号');
    expect(detail.querySelector<HTMLAnchorElement>('.map-link')!.href).to.contain(
      'coordinate=wgs84',
    );
    expect(text(detail.querySelector('.schedule-text')!)).to.contain('周一至周五');
  });

  it('reads a generic JSON with map and items-path', async () => {
    const map = JSON.stringify({
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
    });
    const el = await load(
      html`<service-finder
        lang="en"
        src="/tests/fixtures/finder/services-custom.json"
        items-path="payload.rows"
        map=${map}
      ></service-finder>`,
    );
    expect(cards(el)).to.have.length(2);
    await typeSearch(el, '长者');
    expect(ids(el)).to.deep.equal(['g-1']);
    const detail = await open(el, 'g-1');
    expect(text(detail)).to.contain('示例长者服务中心');
    expect(detail.querySelector<HTMLAnchorElement>('a.tel')!.href).to.equal('tel:020-00002001');
    expect(detail.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href).to.equal(
      'mailto:meal@example.org',
    );
    expect(detail.querySelector<HTMLAnchorElement>('.map-link')!.href).to.equal(
      'https://www.openstreetmap.org/?mlat=23.1&mlon=113.3#map=17/23.1/113.3',
    );
    expect(text(detail.querySelector('.updated')!)).to.equal('Last updated October 20, 2026');
  });

  it('reads the demo backend (HSDS with taxonomy parents, schedules and areas)', async () => {
    const el = await load(
      html`<service-finder lang="zh-Hans" src="/api/services?per_page=50"></service-finder>`,
    );
    expect(el.items.length).to.equal(120);
    const options = [...root(el).querySelectorAll<HTMLOptionElement>('#f-category option')].map(
      (o) => o.text,
    );
    const parent = options.findIndex((o) => o.startsWith('心理支持'));
    expect(options[parent + 1]).to.match(/^\u00a0+(儿童心理咨询|心理热线)/);
    expect(root(el).querySelector('#f-area')).to.not.equal(null);
    const detail = await open(el, ids(el)[0]!);
    expect(detail.querySelectorAll('.hours tbody tr')).to.have.length(7);
    await expect(el).to.be.accessible();
  });
});
