/**
 * The first results are a plain list of cards; keyed rendering (Lit's `repeat`, the
 * `keyed-cards.ts` chunk requested with the finder's model) takes over at the first update that
 * moves a card. Lit then creates the cards once more: a keyboard or screen-reader user keeps
 * focus on the same service. A late or failed download of that chunk leaves the plain list
 * working.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { deepActive, mountFinder, records, type FinderHarness } from '../support/finder.js';
import { holdLazy } from '../support/lazy.js';
import { until } from '../support/wait.js';

/** The finder's list controller (`finder-list.ts`), which owns keyed rendering's code. */
type List = { keyed: { state: unknown; load(): Promise<void> } };
const list = (finder: FinderHarness) => (finder.el as unknown as { list: List }).list;

/** Keyed rendering's code arrives (as it does with the model's, 2 s after the first results). */
const keyedCode = (finder: FinderHarness) => list(finder).keyed.load();

/** Holds back keyed rendering's code until `release()` (with `fail`, it then fails). */
const holdKeyed = (finder: FinderHarness, fail = false) =>
  holdLazy(list(finder) as unknown as HTMLElement, 'keyed', fail);

const ids = ['s-1', 's-2', 's-3', 's-4', 's-5'];

/** New data (a background `refresh`, a new `.data`) with the services in the order of `order`. */
async function reload(finder: FinderHarness, order: string[]): Promise<void> {
  const byId = new Map(records().map((r) => [r.id, r]));
  finder.el.data = order.map((id) => byId.get(id));
  await until(() => finder.ids().join() === order.join(), `the services in the order ${order}`);
  await finder.el.updateComplete;
}

const telLink = (finder: FinderHarness, id: string) =>
  finder.card(id).element.querySelector<HTMLAnchorElement>('a.tel')!;

describe('service-finder: keyed result cards', () => {
  it('renders the first results without keyed rendering, which comes with the model', async () => {
    const finder = await mountFinder();
    expect(list(finder).keyed.state, 'not with the first results').to.equal(undefined);
    // Focus in the search box asks for the model's code, and keyed rendering's with it.
    finder.searchBox().focus();
    await until(() => typeof list(finder).keyed.state === 'object', "keyed rendering's code");
    expect(finder.ids()).to.deep.equal(ids);
  });

  it('keeps the cards (and focus) as they are when the code arrives, until the list changes', async () => {
    const finder = await mountFinder();
    const card = finder.card('s-2').element;
    finder.card('s-2').button.focus();
    await keyedCode(finder);
    await finder.el.updateComplete;
    expect(finder.card('s-2').element, 'the same card').to.equal(card);
    expect(deepActive()).to.equal(finder.card('s-2').button);
  });

  it("gives focus back to the same service's button when new data reorders the cards", async () => {
    const finder = await mountFinder();
    await keyedCode(finder);
    const before = finder.card('s-2').element;
    finder.card('s-2').button.focus();
    await reload(finder, ['s-5', 's-4', 's-3', 's-2', 's-1']);
    expect(finder.card('s-2').element, 'Lit created the cards again').not.to.equal(before);
    expect(deepActive(), "s-2's button has focus").to.equal(finder.card('s-2').button);
    await expect(finder.el).to.be.accessible();
  });

  it("gives focus back to the same service's phone link when a search reorders the cards", async () => {
    const finder = await mountFinder();
    await keyedCode(finder);
    telLink(finder, 's-2').focus();
    finder.el.search('法律');
    await finder.update();
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(deepActive(), "s-2's phone link has focus").to.equal(telLink(finder, 's-2'));
  });

  it('keeps each card with its service once keyed (a card moves, it is not rewritten)', async () => {
    const finder = await mountFinder();
    await keyedCode(finder);
    await reload(finder, ['s-5', 's-4', 's-3', 's-2', 's-1']);
    const card = finder.card('s-4').element;
    finder.card('s-4').button.focus();
    await reload(finder, ['s-4', 's-1', 's-2', 's-3', 's-5']);
    expect(finder.card('s-4').element, 'the same card, moved').to.equal(card);
    expect(deepActive()).to.equal(finder.card('s-4').button);
  });

  it('does not switch when only more cards are shown (they are added to the plain list)', async () => {
    const finder = await mountFinder({ pageSize: 2 });
    await keyedCode(finder);
    const first = finder.card('s-1').element;
    finder.moreButton()!.click();
    await until(() => finder.ids().length === 4, 'two more cards');
    expect(finder.card('s-1').element, 'the cards shown stay').to.equal(first);
  });

  it('keeps a plain, working list while the code is late, and switches at the next change after it', async () => {
    const finder = await mountFinder();
    const release = holdKeyed(finder);
    finder.el.search('法律');
    await finder.update();
    expect(finder.ids()).to.deep.equal(['s-2']);
    finder.el.search('');
    await finder.update();
    expect(finder.ids()).to.deep.equal(ids);
    release();
    await until(() => typeof list(finder).keyed.state === 'object', "keyed rendering's code");
    const before = finder.card('s-3').element;
    finder.card('s-3').button.focus();
    await finder.el.updateComplete;
    expect(finder.card('s-3').element, 'no switch when the code arrives').to.equal(before);
    await reload(finder, ['s-3', 's-1', 's-2', 's-4', 's-5']);
    expect(deepActive(), "s-3's button has focus").to.equal(finder.card('s-3').button);
  });

  it('keeps a plain, working list when the code cannot be downloaded', async () => {
    const finder = await mountFinder();
    holdKeyed(finder, true)();
    finder.el.search('法律');
    await finder.update();
    await until(() => list(finder).keyed.state === 'failed', 'the failed download');
    expect(finder.ids()).to.deep.equal(['s-2']);
    finder.el.search('');
    await finder.update();
    await reload(finder, ['s-5', 's-4', 's-3', 's-2', 's-1']);
    expect(finder.card('s-3').name).to.equal('ABC English Club');
    expect(finder.el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expect(finder.el).to.be.accessible();
  });
});
