import '../support/setup.js';
// <service-finder> where the engine lacks an API it uses when it can: `requestIdleCallback`
// (building the search index in idle time; Safari and WebKitGTK have none) and
// `Intl.DisplayNames` (language names). Chromium plays that engine here.
import { expect } from '@open-wc/testing';
import { manyRecords, mountFinder } from '../support/finder.js';
import { withoutApis } from '../support/missing-api.js';

describe('service-finder without requestIdleCallback (WebKit)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = withoutApis([window, 'requestIdleCallback'], [window, 'cancelIdleCallback']);
  });
  afterEach(() => restore());

  it('searches 3,000 services and opens the one found', async () => {
    expect('requestIdleCallback' in window).to.equal(false);
    const finder = await mountFinder({ data: manyRecords(3000), pageSize: 20 });
    await finder.search('示例服务 02999');
    expect(finder.names()).to.deep.equal(['示例服务 02999']);
    await finder.open('示例服务 02999');
    expect((await finder.detailShown()).title()).to.equal('示例服务 02999');
  });
});

describe('service-finder without Intl.DisplayNames', () => {
  let restore: () => void;
  beforeEach(() => (restore = withoutApis([Intl, 'DisplayNames'])));
  afterEach(() => restore());

  it('offers the languages as the data writes them and still filters by them', async () => {
    const finder = await mountFinder();
    await finder.openFilters(); // the filter controls are a chunk of their own
    expect(finder.options('语言').map((o) => o.trim())).to.include.members([
      'zh (4)',
      'yue (1)',
      'en (2)',
    ]);
    await finder.filter('语言', 'en');
    expect(finder.ids()).to.have.members(['s-2', 's-3']);
  });
});
