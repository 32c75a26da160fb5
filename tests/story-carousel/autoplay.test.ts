import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendMouse } from '@web/test-runner-commands';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import {
  $,
  html,
  mount,
  nextButton,
  rotationButton,
  sleep,
  stories,
  tabs,
  text,
} from './helpers.js';

const live = (el: StoryCarousel) => $(el, '[part="track"]')!.getAttribute('aria-live');

/** Waits `n` rotation intervals (plus slack) and reports how far the carousel moved. */
async function moves(el: StoryCarousel, n: number, interval = 120): Promise<number> {
  const start = el.activeIndex;
  await sleep(interval * n + 60);
  await el.updateComplete;
  return el.activeIndex - start;
}

function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

describe('story-carousel: rotation', function () {
  // Timing-based tests on a shared CI machine: room for a slow moment.
  this.timeout(30_000);
  afterEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('does not rotate and has no rotation control unless autoplay is set', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" interval="100"></story-carousel>`,
      stories(4),
    );
    expect(rotationButton(el)).to.equal(null);
    expect(await moves(el, 3, 100)).to.equal(0);
    expect(live(el)).to.equal('polite');
  });

  it('rotates every interval with the live region off, wrapping at the end', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="120"></story-carousel>`,
      stories(3),
    );
    expect(live(el)).to.equal('off');
    const seen = [el.activeIndex];
    const at: number[] = [];
    const started = performance.now();
    while (seen.length < 5 && performance.now() - started < 3000) {
      await sleep(10);
      if (el.activeIndex !== seen[seen.length - 1]) {
        seen.push(el.activeIndex);
        at.push(performance.now());
      }
    }
    // Always one story forward, wrapping from the last (2) to the first (0).
    expect(seen.slice(1).map((k, j) => (k - seen[j] + 3) % 3)).to.deep.equal([1, 1, 1, 1]);
    expect(seen.join()).to.contain('2,0');
    // One story per interval, not faster.
    expect(at[3] - at[0]).to.be.at.least(2 * 120);
  });

  it('puts the rotation control first in the tab sequence, labelled by what it will do', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1" autoplay interval="5000"></story-carousel>`,
      stories(4),
    );
    const focusable = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]'),
    ].filter((e) => !e.closest('[inert]'));
    expect(focusable[0]).to.equal(rotationButton(el));
    expect(text(rotationButton(el))).to.equal('Stop automatic slide show');
    expect(rotationButton(el)!.hasAttribute('aria-pressed')).to.equal(false);
  });

  it('pauses while the pointer is over the carousel and resumes when it leaves', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="120"></story-carousel>`,
      stories(5),
    );
    await sendMouse({ type: 'move', position: centre(el) });
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    expect(await moves(el, 3)).to.equal(0);
    await sendMouse({ type: 'move', position: [2, window.innerHeight - 2] });
    await el.updateComplete;
    expect(live(el)).to.equal('off');
    expect(await moves(el, 2)).to.be.at.least(1);
    await resetMouse();
  });

  it('pauses while keyboard focus is inside and resumes when it leaves', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="120"></story-carousel>`,
      stories(5),
    );
    tabs(el)[0].focus();
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    expect(await moves(el, 3)).to.equal(0);
    nextButton(el).focus();
    await el.updateComplete;
    expect(await moves(el, 2)).to.equal(0);
    nextButton(el).blur();
    await el.updateComplete;
    expect(live(el)).to.equal('off');
    expect(await moves(el, 2)).to.be.at.least(1);
  });

  it('stops for good once the user uses a control', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1" autoplay interval="120"></story-carousel>`,
      stories(5),
    );
    const before = el.activeIndex;
    nextButton(el).click();
    nextButton(el).blur();
    await el.updateComplete;
    expect(el.activeIndex).to.equal(before + 1);
    expect(live(el)).to.equal('polite');
    expect(text(rotationButton(el))).to.equal('Start automatic slide show');
    expect(await moves(el, 3)).to.equal(0);
  });

  it('stops for good when the user picks a story, swipes or uses the keyboard', async () => {
    for (const act of [
      (el: StoryCarousel) => tabs(el)[2].click(),
      (el: StoryCarousel) =>
        $(el, '.track')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })),
      (el: StoryCarousel) => {
        // Real key presses are covered in navigation.test.ts; here only what they do to rotation.
        const key = { key: 'ArrowRight', bubbles: true, composed: true };
        nextButton(el).dispatchEvent(new KeyboardEvent('keydown', key));
      },
    ]) {
      const el = await mount(
        html`<story-carousel per-view="1" autoplay interval="120"></story-carousel>`,
        stories(5),
      );
      await act(el);
      await el.updateComplete;
      expect(live(el)).to.equal('polite');
      expect(await moves(el, 3)).to.equal(0);
    }
  });

  it('stops and restarts with the rotation control, which keeps rotating while focused', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1" autoplay interval="120"></story-carousel>`,
      stories(6),
    );
    const button = rotationButton(el)!;
    button.focus();
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    button.click();
    await el.updateComplete;
    expect(text(button)).to.equal('Start automatic slide show');
    button.blur();
    expect(await moves(el, 3)).to.equal(0);
    button.focus();
    button.click();
    await el.updateComplete;
    expect(text(button)).to.equal('Stop automatic slide show');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(live(el)).to.equal('off');
    expect(await moves(el, 2)).to.be.at.least(1);
    nextButton(el).focus();
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
  });

  it('speaks the rotation control in the UI language', async () => {
    const label = async (lang: string) =>
      text(
        rotationButton(
          await mount(
            html`<story-carousel lang=${lang} per-view="1" autoplay></story-carousel>`,
            stories(3),
          ),
        ),
      );
    expect(await label('zh-Hans')).to.equal('停止自动播放');
    expect(await label('zh-Hant')).to.equal('停止自動播放');
  });

  it('never starts by itself when the user prefers reduced motion, and does not animate', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mount(
        html`<story-carousel lang="en" per-view="1" autoplay interval="100"></story-carousel>`,
        stories(4),
      );
      expect(text(rotationButton(el))).to.equal('Start automatic slide show');
      expect(live(el)).to.equal('polite');
      expect(await moves(el, 3, 100)).to.equal(0);
      const track = $(el, '.track')!;
      nextButton(el).click();
      // An instant jump: already there in the same task, no smooth scrolling.
      expect(track.scrollLeft).to.be.above(0);
      await el.updateComplete;
      expect(el.activeIndex).to.equal(1);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('stops rotating for good when reduced motion is switched on while it runs', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="120"></story-carousel>`,
      stories(4),
    );
    expect(live(el)).to.equal('off');
    await emulateMedia({ reducedMotion: 'reduce' });
    await sleep(50);
    await emulateMedia({ reducedMotion: 'no-preference' });
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    expect(await moves(el, 3)).to.equal(0);
  });

  it('does not rotate a single story', async () => {
    const el = await mount(
      html`<story-carousel per-view="1" autoplay interval="100"></story-carousel>`,
      stories(1),
    );
    expect(rotationButton(el)).to.equal(null);
    expect(live(el)).to.equal('polite');
  });
});
