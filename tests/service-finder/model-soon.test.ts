/**
 * The finder's model (`finder-model.ts`: search, filters, orders) is not among what the first
 * results download: it is requested `modelDelay` ms after them, so the first query, filter or
 * order rarely waits for it; keyed rendering of the cards (`keyed-cards.ts`) comes with it. The
 * detail view and the `map-link` check (`core/map-template.ts`) are not among them either. Runs
 * in a page of its own, so nothing loaded the model before.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { modelDelay } from '../../src/service-finder/finder-list.js';
import { fakeClock, advance } from '../support/clock.js';
import { mountFinder } from '../support/finder.js';
import { until } from '../support/wait.js';
import { requested } from '../support/fetch-log.js';

/** Whether the page requested the finder's module `module`. */
const requestedModule =
  (module = 'finder-model') =>
  () =>
    requested(`/service-finder/${module}.`);

describe('service-finder: the model comes after the first results', () => {
  it('is requested a moment after the first results, not with them', async () => {
    const clock = fakeClock();
    try {
      const finder = await mountFinder();
      expect(finder.count()).to.equal('找到 5 个服务');
      expect(requestedModule()(), 'not with the first results').to.equal(false);
      expect(requestedModule('keyed-cards')(), 'no keyed rendering in the first view').to.equal(
        false,
      );
      // The `map-link` check comes with the detail view, the only view with map links.
      expect(requested('/service-finder/detail-view.')).to.equal(false);
      expect(requested('/core/map-template.'), 'no map-link check in the first view').to.equal(
        false,
      );
      expect(modelDelay).to.be.greaterThan(0);
      await advance(clock, modelDelay - 1);
      expect(requestedModule()(), 'not before the delay').to.equal(false);
      await advance(clock, 1);
      await until(requestedModule(), "the model's code");
      // Keyed rendering of the cards (Lit's repeat) is requested with it.
      await until(requestedModule('keyed-cards'), "keyed rendering's code");
    } finally {
      clock.uninstall();
    }
  });
});
