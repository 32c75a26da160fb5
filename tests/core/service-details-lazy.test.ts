/**
 * A service's ages, opening hours and update date (`service-details.ts`) and places with
 * coordinates or as objects (`places.ts`) are read by code that loads with the first record that has one of them: a plain list never downloads it, a record
 * that has them waits for it (same result), and a failed download still lists every service
 * (without those fields, with a warning: `service-details-failed.test.ts`). Each test file runs in its own page: the first test
 * runs before anything but the widget has loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { detailed, holdServiceParts as holdAll, loadAfterHeldCode } from '../support/lazy-part.js';
import { mountFinder } from '../support/finder.js';

const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).length > 0;

const detailsCode = [
  '/core/normalize/service-details.',
  '/core/normalize/dates.',
  '/core/normalize/places.',
];

describe('service details code (ages, opening hours, update date)', () => {
  it('a plain list of services never downloads it', async () => {
    const finder = await mountFinder({
      data: [
        {
          id: 'a',
          name: '家长课堂',
          description: '每周一次',
          address: '某街 1 号',
          phone: '020-1',
        },
      ],
    });
    expect(finder.names()).to.deep.equal(['家长课堂']);
    for (const part of detailsCode) expect(requested(part), part).to.equal(false);
  });

  it('lists every service with its details once the late code arrives', async () => {
    const held = holdAll();
    try {
      const { finder, items } = await loadAfterHeldCode(held, detailed, 'the details code');
      expect(finder.names()).to.have.members(['家长课堂', '儿童托管', '社区诊所']);
      const b = items.find((s) => s.id === 'b')!;
      expect(b.ageMin).to.equal(3);
      expect(b.ageMax).to.equal(6);
      expect(b.schedules).to.deep.equal([{ day: 1, opens: '14:00', closes: '17:30' }]);
      expect(b.updated).to.equal('2026-11-25');
      expect(items.find((s) => s.id === 'c')!.locations).to.deep.equal([
        { address: '某路 2 号', lat: 23.13, lng: 113.26 },
      ]);
      expect(requested('/core/normalize/service-details.')).to.equal(true);
      expect(requested('/core/normalize/places.')).to.equal(true);
      await expect(finder.el).to.be.accessible();
    } finally {
      held.restore();
    }
  });
});
