import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { useFakeClock } from '../support/index.js';
import { carousel, stories } from '../support/carousel.js';

/**
 * Mount / unmount leaves nothing behind: no running timers (counted on a fake clock, which also
 * shows that a removed carousel never moves again), no media-query or host listeners.
 */
describe('story-carousel: mount and unmount', () => {
  const clock = useFakeClock();
  let mediaListeners = 0;
  const originals = {
    add: MediaQueryList.prototype.addEventListener,
    remove: MediaQueryList.prototype.removeEventListener,
  };

  before(async () => {
    // The pointer rests in the page corner, over no carousel: every rotation runs.
    await resetMouse();
    MediaQueryList.prototype.addEventListener = function (
      this: MediaQueryList,
      ...args: Parameters<MediaQueryList['addEventListener']>
    ) {
      mediaListeners++;
      return originals.add.apply(this, args);
    } as MediaQueryList['addEventListener'];
    MediaQueryList.prototype.removeEventListener = function (
      this: MediaQueryList,
      ...args: Parameters<MediaQueryList['removeEventListener']>
    ) {
      mediaListeners--;
      return originals.remove.apply(this, args);
    } as MediaQueryList['removeEventListener'];
  });

  after(() => {
    MediaQueryList.prototype.addEventListener = originals.add;
    MediaQueryList.prototype.removeEventListener = originals.remove;
  });

  it('stops its rotation timer and removes its listeners when removed', async () => {
    const timers = clock().countTimers();
    const listeners = mediaListeners;
    const carousels = [];
    for (let i = 0; i < 20; i++) {
      carousels.push(await carousel(stories(3), { autoplay: true, interval: 50 }));
    }
    expect(clock().countTimers() - timers).to.equal(20);
    expect(mediaListeners - listeners).to.equal(20);
    await clock().tickAsync(50);
    const moved = carousels.map((c) => c.current);
    expect(moved).to.deep.equal(Array(20).fill(1));
    for (const c of carousels) c.el.remove();
    expect(clock().countTimers()).to.equal(timers);
    expect(mediaListeners).to.equal(listeners);
    await clock().tickAsync(1000);
    expect(carousels.map((c) => c.current)).to.deep.equal(moved);
  });

  it('starts again when put back in the page', async () => {
    const shown = await carousel(stories(4), { autoplay: true, interval: 60 });
    const parent = shown.el.parentElement!;
    shown.el.remove();
    const timers = clock().countTimers();
    parent.append(shown.el);
    await shown.el.updateComplete;
    expect(clock().countTimers()).to.equal(timers + 1);
    const start = shown.current;
    await clock().tickAsync(60);
    await shown.el.updateComplete;
    expect(shown.current).to.equal(start + 1);
  });

  it('leaves no timer behind for a carousel that never had data', async () => {
    const timers = clock().countTimers();
    const empty = await carousel(undefined, { autoplay: true });
    empty.el.remove();
    expect(clock().countTimers()).to.equal(timers);
  });
});
