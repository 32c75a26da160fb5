import '../support/setup.js';
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/service-finder/index.js';
import type { ServiceFinder } from '../../src/service-finder/index.js';
import { records } from './data.js';
import { choose, deepActive, ids, root, settled, text, typeSearch } from './helpers.js';

async function mount(syncUrl: boolean, lang = 'zh-Hans') {
  const el = await fixture<ServiceFinder>(
    syncUrl
      ? html`<service-finder lang=${lang} sync-url></service-finder>`
      : html`<service-finder lang=${lang}></service-finder>`,
  );
  const loaded = oneEvent(el, 'dandelion-load');
  el.data = records();
  await loaded;
  await settled(el);
  return el;
}

const params = () => new URL(location.href).searchParams;

describe('<service-finder sync-url>', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
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
    let selected = 0;
    const count = () => selected++;
    document.addEventListener('dandelion-select', count);
    try {
      const el = await mount(true);
      expect(root(el).querySelector<HTMLInputElement>('#q')!.value).to.equal('心理');
      expect(text(root(el).querySelector('#detail-title')!)).to.equal('儿童心理咨询');
      expect(selected).to.equal(0);
      root(el).querySelector<HTMLButtonElement>('.back')!.click();
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['s-1']);
      expect(root(el).querySelector<HTMLInputElement>('input[name="free"]')!.checked).to.equal(
        true,
      );
      expect(root(el).querySelector<HTMLDetailsElement>('[part="filters"]')!.open).to.equal(true);
      expect(params().has('sf-id')).to.equal(false);
      expect(params().get('keep')).to.equal('1');
    } finally {
      document.removeEventListener('dandelion-select', count);
    }
  });

  it('drops an id that is not in the data', async () => {
    setUrl({ 'sf-id': 'gone' });
    const el = await mount(true);
    expect(root(el).querySelector('[part="detail"]') === null).to.equal(true);
    expect(params().has('sf-id')).to.equal(false);
  });

  it("writes namespaced parameters with replaceState, keeping the page's own", async () => {
    setUrl({});
    const entries = history.length;
    const el = await mount(true);
    await typeSearch(el, '法律');
    await choose(el, '#f-language', 'en');
    await choose(el, '#sort', 'updated');
    expect(params().get('sf-q')).to.equal('法律');
    expect(params().get('sf-lang')).to.equal('en');
    expect(params().get('sf-sort')).to.equal('updated');
    root(el).querySelector<HTMLButtonElement>('[data-id="s-2"] .open')!.click();
    await el.updateComplete;
    expect(params().get('sf-id')).to.equal('s-2');
    expect(params().get('keep')).to.equal('1');
    expect(history.length).to.equal(entries);
    await el.closeDetail();
    expect(params().has('sf-id')).to.equal(false);
  });

  it('leaves the URL alone without sync-url', async () => {
    setUrl({ 'sf-q': '心理' });
    const el = await mount(false);
    expect(root(el).querySelector<HTMLInputElement>('#q')!.value).to.equal('');
    await typeSearch(el, '法律');
    expect(params().get('sf-q')).to.equal('心理');
  });
});

describe('<service-finder> keyboard only', function () {
  // Several mounts per test; generous on a busy 2-core machine.
  this.timeout(30_000);
  /** Presses Tab until `done()`; focus must stay inside the finder at every step. */
  async function tabUntil(el: ServiceFinder, done: () => boolean, shift = false): Promise<void> {
    for (let i = 0; i < 30 && !done(); i++) {
      if (shift) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (shift) await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.contains(deepActive()), 'focus stays in the finder').to.equal(true);
    }
    expect(done(), 'reached the target by keyboard').to.equal(true);
  }

  it('search → filter → open → call link → back, focus never lost', async function () {
    this.timeout(40_000);
    const el = await mount(false);
    root(el).querySelector<HTMLInputElement>('#q')!.focus();
    await sendKeys({ type: '心理' });
    await aTimeout(250);
    await el.updateComplete;
    expect(ids(el)).to.have.members(['s-1', 's-4']);

    await tabUntil(el, () => deepActive()?.tagName === 'SUMMARY');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLDetailsElement>('[part="filters"]')!.open).to.equal(true);
    const category = root(el).querySelector<HTMLSelectElement>('#f-category')!;
    await tabUntil(el, () => deepActive() === category);
    for (let i = 0; i < 12 && category.value !== 'cat-psy-child'; i++) {
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
    }
    expect(category.value).to.equal('cat-psy-child');
    expect(ids(el)).to.deep.equal(['s-1']);

    const open = () => root(el).querySelector('[data-id="s-1"] .open');
    await tabUntil(el, () => deepActive() === open());
    const selected = oneEvent(el, 'dandelion-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.item).to.include({ id: 's-1' });
    await el.updateComplete;
    expect(deepActive() === root(el).querySelector('#detail-title'), 'heading focused').to.equal(
      true,
    );

    await tabUntil(
      el,
      () => (deepActive() as HTMLAnchorElement | null)?.href?.startsWith('tel:') ?? false,
    );
    expect((deepActive() as HTMLAnchorElement).href).to.equal('tel:020-00001001');

    await tabUntil(el, () => deepActive()?.classList.contains('back') ?? false, true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('[part="detail"]') === null).to.equal(true);
    expect(deepActive() === open(), 'focus back on the card').to.equal(true);

    // Escape from anywhere in the detail goes back too.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(deepActive() === open(), 'focus back on the card after Escape').to.equal(true);
  });
});
