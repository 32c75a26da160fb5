/**
 * Today's opening hours on the cards (`hours.ts`) are a chunk of their own: a list without
 * opening hours never requests it, and the update that first shows services with hours waits
 * for it, so no card is drawn without its hours and then again with them. When it cannot be
 * downloaded, the cards show without today's hours and the rest works. Runs in a page of its
 * own (nothing here imports `hours.ts`), so nothing loaded that code before. The `map-link`
 * check (`core/map-template.ts`) likewise comes only with the detail view.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { modelDelay } from '../../src/service-finder/finder-list.js';
import { fakeClock } from '../support/clock.js';
import { mountFinder, mountFinderLoading, records, type FinderHarness } from '../support/finder.js';
import { holdLazy } from '../support/lazy.js';
import { until } from '../support/wait.js';

/** Whether the page requested `src/<folder>/<module>.ts`. */
const requested = (module: string, folder = 'service-finder') =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(`/${folder}/${module}.`));

/** Holds back (or, with `fail`, fails) the cards' hours code of `finder` until `release()`. */
const holdHours = (finder: FinderHarness, fail = false) =>
  holdLazy((finder.el as unknown as { list: HTMLElement }).list, 'hours', fail);

const withoutHours = () => records().map((r) => ({ ...r, hours: undefined }));

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// Wednesday 25 November 2026, 10:00 in the viewer's clock: s-1 is open (9:00–12:00).
const wednesday = new Date(2026, 10, 25, 10, 0);

describe('service-finder: the cards’ opening hours come with services that have them', () => {
  it('does not request the hours code for a first view without opening hours', async () => {
    // The model (which the filters' "open now" needs) comes only after `modelDelay`: held here.
    const clock = fakeClock();
    try {
      const finder = await mountFinder({ data: withoutHours() });
      expect(finder.count()).to.equal('找到 5 个服务');
      expect(finder.card('s-1').today).to.equal(null);
      expect(requested('hours'), 'no hours code in the first view').to.equal(false);
      expect(requested('detail-view')).to.equal(false);
      // The `map-link` check comes with the detail view, the only view with map links.
      expect(requested('map-template', 'core'), 'no map-link check in the first view').to.equal(
        false,
      );
      expect(modelDelay).to.be.greaterThan(0);
    } finally {
      clock.uninstall();
    }
  });

  it('shows no cards until the hours code arrives, then every card with its hours', async () => {
    const clock = fakeClock(wednesday);
    try {
      const finder = await mountFinderLoading({ data: undefined });
      const release = holdHours(finder);
      finder.el.data = records();
      // (Not `updateComplete`: that update is the one waiting for the held code.)
      await frame();
      await frame();
      expect(finder.ids(), 'no card drawn without its hours').to.deep.equal([]);
      release();
      await until(() => finder.ids().length === 5, 'the cards');
      expect(finder.card('s-1').today).to.equal('今天 9:00–12:00、14:00–17:00');
      expect(finder.card('s-1').badges).to.include('现在开放');
      expect(finder.card('s-2').today).to.equal(null);
    } finally {
      clock.uninstall();
    }
  });

  it('shows the cards without today’s hours when that code cannot be downloaded', async () => {
    const clock = fakeClock(wednesday);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const finder = await mountFinderLoading({ data: undefined });
      holdHours(finder, true)();
      finder.el.data = records();
      await until(() => finder.ids().length === 5, 'the cards');
      expect(finder.count()).to.equal('找到 5 个服务');
      expect(finder.card('s-1').today).to.equal(null);
      expect(finder.card('s-1').badges).to.not.include('现在开放');
      expect(warnings.some((w) => w.includes('opening hours'))).to.equal(true);
      // The rest still works: the detail view shows the weekly hours (its own import).
      clock.uninstall();
      finder.card('s-1').button.click();
      await until(() => finder.detail()?.hours().length === 7, 'the weekly hours');
      await expect(finder.el).to.be.accessible();
      expect(finder.detail()!.hours().length).to.equal(7);
    } finally {
      console.warn = warn;
      clock.uninstall();
    }
  });
});
