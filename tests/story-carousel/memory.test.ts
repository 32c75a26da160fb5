import '../support/setup.js';
import { expect, fixture } from '@open-wc/testing';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { html, mount, sleep, stories } from './helpers.js';

/**
 * Mount / unmount leaves nothing behind: no running timers, no media-query or host listeners.
 * Counts what the widget registers through the platform APIs it uses.
 */
describe('story-carousel: mount and unmount', () => {
  const active = new Set<unknown>();
  let mediaListeners = 0;
  const originals = {
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    add: MediaQueryList.prototype.addEventListener,
    remove: MediaQueryList.prototype.removeEventListener,
  };

  before(() => {
    const realSet = originals.setInterval.bind(window) as unknown as (
      fn: unknown,
      ms?: number,
    ) => number;
    const realClear = originals.clearInterval.bind(window) as (id?: number) => void;
    window.setInterval = ((fn: unknown, ms?: number) => {
      const id = realSet(fn, ms);
      active.add(id);
      return id;
    }) as unknown as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      active.delete(id);
      realClear(id);
    }) as typeof window.clearInterval;
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
    window.setInterval = originals.setInterval;
    window.clearInterval = originals.clearInterval;
    MediaQueryList.prototype.addEventListener = originals.add;
    MediaQueryList.prototype.removeEventListener = originals.remove;
  });

  it('stops its rotation timer and removes its listeners when removed', async () => {
    const timers = active.size;
    const listeners = mediaListeners;
    const carousels: StoryCarousel[] = [];
    for (let i = 0; i < 20; i++) {
      carousels.push(
        await mount(
          html`<story-carousel per-view="1" autoplay interval="50"></story-carousel>`,
          stories(3),
        ),
      );
    }
    // Some may be paused under the (headless) mouse pointer; most are running.
    expect(active.size - timers).to.be.above(10);
    expect(mediaListeners - listeners).to.equal(20);
    const moved = carousels.map((c) => c.activeIndex);
    for (const c of carousels) c.remove();
    expect(active.size).to.equal(timers);
    expect(mediaListeners).to.equal(listeners);
    await sleep(200);
    expect(carousels.map((c) => c.activeIndex)).to.deep.equal(moved);
  });

  it('starts again when put back in the page', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="60"></story-carousel>`,
      stories(4),
    );
    const parent = el.parentElement!;
    el.remove();
    const timers = active.size;
    parent.append(el);
    await el.updateComplete;
    expect(active.size).to.equal(timers + 1);
    const start = el.activeIndex;
    await sleep(200);
    expect(el.activeIndex).to.not.equal(start);
  });

  it('leaves no timer behind for a carousel that never had data', async () => {
    const timers = active.size;
    const el = await fixture<StoryCarousel>(html`<story-carousel autoplay></story-carousel>`);
    el.remove();
    expect(active.size).to.equal(timers);
  });
});
