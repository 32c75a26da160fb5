import { expect } from '@open-wc/testing';
import type { Service } from '../../src/core/models.js';
import type { LazyPart } from '../../src/core/normalize/lazy-part.js';
import { mountFinderLoading, type FinderHarness } from './finder.js';
import { until } from './wait.js';
import { serviceDetailsCode } from '../../src/core/normalize/service.js';
import { placesCode } from '../../src/core/normalize/where.js';

/**
 * Holds the download of a normalizer's lazy part (`core/normalize/lazy-part.ts`) until
 * `release()`; with `fail`, it then fails. `restore()` lets the next download through.
 */
export function holdPart(part: LazyPart<unknown>, fail = false) {
  const load = part.load;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  part.load = () => {
    asked = true;
    return released.then(() =>
      fail ? Promise.reject(new Error('download failed (test)')) : load(),
    );
  };
  return {
    release,
    asked: () => asked,
    restore: () => (part.load = load),
  };
}

/**
 * Holds both lazy parts a service may need (its details, the place reader); `asked` once the
 * first was asked for (the second is asked for only after the first arrived).
 */
export function holdServiceParts(fail = false) {
  const held = [holdPart(serviceDetailsCode, fail), holdPart(placesCode, fail)];
  return {
    release: () => held.forEach((h) => h.release()),
    asked: () => held.some((h) => h.asked()),
    restore: () => held.forEach((h) => h.restore()),
  };
}

/** Services that need both lazy parts (b: ages, hours, update date; c: coordinates). */
export const detailed = [
  { id: 'a', name: '家长课堂', phone: '020-1' },
  {
    id: 'b',
    name: '儿童托管',
    适用年龄: '3-6岁',
    hours: [{ day: '周一', opens: '下午2点', closes: '17:30' }],
    updated: '2026年11月25日',
  },
  { id: 'c', name: '社区诊所', 地址: '某路 2 号', 经纬度: '113.26,23.13' },
];

/**
 * Mounts a finder with `data` while `held` holds back the code its records need: nothing is
 * shown before the code is released; then the services it loaded, once they are shown.
 */
export async function loadAfterHeldCode(
  held: { asked: () => boolean; release: () => void },
  data: unknown,
  what: string,
): Promise<{ finder: FinderHarness; items: Service[] }> {
  const finder = await mountFinderLoading({ data });
  await until(held.asked, `${what} asked for`);
  expect(finder.names(), `nothing shown before ${what} arrives`).to.deep.equal([]);
  held.release();
  const { items } = await finder.events.loaded<Service>();
  await finder.settled();
  return { finder, items };
}
