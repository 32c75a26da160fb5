/**
 * The service details code (`service-details.ts`: ages, opening hours, update date) and the place
 * reader (`places.ts`: coordinates, place objects) cannot be downloaded: every service is still listed, without those fields and with a warning, and the
 * next read (the connection is back) has them again. Runs in a page of its own, so the code is
 * not loaded before.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { read } from '../../src/core/read.js';
import { mountFinder } from '../support/finder.js';
import { detailed, holdServiceParts as holdAll } from '../support/lazy-part.js';

describe('service details code that cannot be downloaded', () => {
  it('a finder shows the services, not an error', async () => {
    const held = holdAll(true);
    held.release();
    try {
      const finder = await mountFinder({ data: detailed, lang: 'en' });
      expect(finder.names()).to.have.members(['家长课堂', '儿童托管', '社区诊所']);
      expect(finder.el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      await expect(finder.el).to.be.accessible();
    } finally {
      held.restore();
    }
  });
  it('still lists every service (without the details, with a warning)', async () => {
    const held = holdAll(true);
    held.release();
    try {
      const result = await read(detailed, { kind: 'service' });
      expect(result.items.map((s) => s.name)).to.deep.equal(['家长课堂', '儿童托管', '社区诊所']);
      expect(result.skipped).to.equal(0);
      const b = result.items[1];
      expect(b.schedules).to.deep.equal([]);
      expect(b.ageMin).to.equal(undefined);
      expect(result.warnings).to.deep.equal([
        'record 2: ages, opening hours and update date not read (their code could not be downloaded)',
        'record 3: coordinates and address parts not read (their code could not be downloaded)',
      ]);
      // The place keeps its address, without the coordinates.
      expect(result.items[2].locations).to.deep.equal([{ address: '某路 2 号' }]);
    } finally {
      held.restore();
    }
    // The connection is back: the next read has the details again.
    const again = await read(detailed, { kind: 'service' });
    expect(again.items[1].ageMin).to.equal(3);
    expect(again.items[2].locations).to.deep.equal([
      { address: '某路 2 号', lat: 23.13, lng: 113.26 },
    ]);
    expect(again.warnings).to.deep.equal([]);
  });
});
