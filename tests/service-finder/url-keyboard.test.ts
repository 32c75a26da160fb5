import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActive, mountFinder, type FinderHarness } from '../support/finder.js';

const params = () => new URL(location.href).searchParams;

describe('<service-finder sync-url>', () => {
  let saved: string;
  beforeEach(() => {
    saved = location.href;
  });
  afterEach(() => {
    history.replaceState(history.state, '', saved);
  });

  function setUrl(extra: Record<string, string>) {
    const url = new URL(saved);
    url.searchParams.set('keep', '1');
    for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
    history.replaceState(history.state, '', url.href);
  }

  it('restores the query, filters and opened service from the URL, without a select event', async () => {
    setUrl({ 'sf-q': '心理', 'sf-free': '1', 'sf-id': 's-1' });
    const finder = await mountFinder({ syncUrl: true });
    expect(finder.searchBox().value).to.equal('心理');
    expect((await finder.detailShown()).title()).to.equal('儿童心理咨询');
    expect(finder.events.of('dandelion-select')).to.have.length(0);
    await finder.back();
    expect(finder.ids()).to.deep.equal(['s-1']);
    expect(finder.control('只看免费服务').checked).to.equal(true);
    expect(finder.filters()?.open).to.equal(true);
    expect(params().has('sf-id')).to.equal(false);
    expect(params().get('keep')).to.equal('1');
  });

  it('drops an id that is not in the data', async () => {
    setUrl({ 'sf-id': 'gone' });
    const finder = await mountFinder({ syncUrl: true });
    expect(finder.detail()).to.equal(null);
    expect(params().has('sf-id')).to.equal(false);
  });

  it("writes namespaced parameters with replaceState, keeping the page's own", async () => {
    setUrl({});
    const entries = history.length;
    const finder = await mountFinder({ syncUrl: true });
    await finder.search('法律');
    await finder.filter('语言', '英语');
    await finder.sortBy('最近更新');
    expect(params().get('sf-q')).to.equal('法律');
    expect(params().get('sf-lang')).to.equal('en');
    expect(params().get('sf-sort')).to.equal('updated');
    await finder.open('s-2');
    expect(params().get('sf-id')).to.equal('s-2');
    expect(params().get('keep')).to.equal('1');
    expect(history.length).to.equal(entries);
    await finder.el.closeDetail();
    expect(params().has('sf-id')).to.equal(false);
  });

  it('leaves the URL alone without sync-url', async () => {
    setUrl({ 'sf-q': '心理' });
    const finder = await mountFinder();
    expect(finder.searchBox().value).to.equal('');
    await finder.search('法律');
    expect(params().get('sf-q')).to.equal('心理');
  });
});

describe('<service-finder> keyboard only', () => {
  /** Presses Tab until `done()`; focus must stay inside the finder at every step. */
  async function tabUntil(finder: FinderHarness, done: () => boolean, shift = false) {
    for (let i = 0; i < 30 && !done(); i++) {
      if (shift) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (shift) await sendKeys({ up: 'Shift' });
      expect(finder.el.shadowRoot!.contains(deepActive()), 'focus stays in the finder').to.equal(
        true,
      );
    }
    expect(done(), 'reached the target by keyboard').to.equal(true);
  }

  it('search → filter → open → call link → back, focus never lost', async () => {
    const finder = await mountFinder();
    finder.searchBox().focus();
    await sendKeys({ type: '心理' });
    await sendKeys({ press: 'Enter' });
    await finder.update();
    expect(finder.ids()).to.have.members(['s-1', 's-4']);

    await tabUntil(finder, () => deepActive()?.tagName === 'SUMMARY');
    await sendKeys({ press: 'Enter' });
    await finder.update();
    expect(finder.filters()?.open).to.equal(true);
    const category = finder.control<HTMLSelectElement>('服务类别');
    await tabUntil(finder, () => deepActive() === category);
    for (let i = 0; i < 12 && category.value !== 'cat-psy-child'; i++) {
      await sendKeys({ press: 'ArrowDown' });
      await finder.update();
    }
    expect(category.value).to.equal('cat-psy-child');
    expect(finder.ids()).to.deep.equal(['s-1']);

    const open = () => finder.card('s-1').button;
    await tabUntil(finder, () => deepActive() === open());
    await sendKeys({ press: 'Enter' });
    expect(
      (await finder.events.next<{ item: unknown }>('dandelion-select')).detail.item,
    ).to.include({ id: 's-1' });
    const detail = await finder.detailShown();
    expect(deepActive() === detail.heading(), 'heading focused').to.equal(true);

    await tabUntil(
      finder,
      () => (deepActive() as HTMLAnchorElement | null)?.href?.startsWith('tel:') ?? false,
    );
    expect((deepActive() as HTMLAnchorElement).href).to.equal('tel:020-00001001');

    await tabUntil(finder, () => deepActive()?.textContent?.trim() === '返回列表', true);
    await sendKeys({ press: 'Enter' });
    await finder.update();
    expect(finder.detail()).to.equal(null);
    expect(deepActive() === open(), 'focus back on the card').to.equal(true);

    // Escape from anywhere in the detail goes back too.
    await sendKeys({ press: 'Enter' });
    await finder.events.next('dandelion-select'); // opened, focus in the detail
    await sendKeys({ press: 'Escape' });
    await finder.update();
    expect(deepActive() === open(), 'focus back on the card after Escape').to.equal(true);
  });
});
