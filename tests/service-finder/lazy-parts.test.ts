/**
 * The `map-link` check (`core/map-template.ts`) comes only with the detail view, the only view
 * with map links: the first view does not request it. Runs in a page of its own, so nothing
 * loaded that code before.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { modelDelay } from '../../src/service-finder/finder-list.js';
import { fakeClock } from '../support/clock.js';
import { mountFinder } from '../support/finder.js';

/** Whether the page requested `src/<folder>/<module>.ts`. */
const requested = (module: string, folder = 'service-finder') =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(`/${folder}/${module}.`));

describe('service-finder: the map-link check comes with the detail view', () => {
  it('is not requested by the first view', async () => {
    // The model (which imports other parts) comes only after `modelDelay`: held here.
    const clock = fakeClock();
    try {
      const finder = await mountFinder();
      expect(finder.count()).to.equal('找到 5 个服务');
      expect(requested('detail-view')).to.equal(false);
      expect(requested('map-template', 'core'), 'no map-link check in the first view').to.equal(
        false,
      );
      expect(modelDelay).to.be.greaterThan(0);
    } finally {
      clock.uninstall();
    }
  });
});
