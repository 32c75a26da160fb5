import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import { text, useFakeClock } from '../support/index.js';
import { carousel, stories, type Carousel } from '../support/carousel.js';

/**
 * Rotation runs on the widget's interval timer, here a fake clock: the test moves time itself, so
 * "it moved after one interval" and "it did not move in three" hold on any machine.
 */
describe('story-carousel: rotation', () => {
  const clock = useFakeClock();
  /** Moves time on by `ms` and lets the carousel render what happened. */
  const after = async (shown: Carousel, ms: number) => {
    await clock().tickAsync(ms);
    await shown.el.updateComplete;
  };
  // The pointer rests in the page corner, over no carousel (the page has a margin).
  before(() => resetMouse());
  afterEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('does not rotate and has no rotation control unless autoplay is set', async () => {
    const shown = await carousel(stories(4), { interval: 100 });
    expect(shown.rotationButton).to.equal(null);
    await after(shown, 1000);
    expect(shown.current).to.equal(0);
    expect(shown.live).to.equal('polite');
  });

  it('rotates every interval with the live region off, wrapping at the end', async () => {
    const shown = await carousel(stories(3), { autoplay: true, interval: 120 });
    expect(shown.live).to.equal('off');
    await after(shown, 119);
    expect(shown.current, 'just before the first interval').to.equal(0);
    await after(shown, 1);
    expect(shown.current).to.equal(1);
    await after(shown, 119);
    expect(shown.current, 'just before the second interval').to.equal(1);
    await after(shown, 1);
    expect(shown.current).to.equal(2);
    await after(shown, 120);
    expect(shown.current, 'wrapped from the last story to the first').to.equal(0);
    await after(shown, 120);
    expect(shown.current).to.equal(1);
    expect(shown.live).to.equal('off');
  });

  it('puts the rotation control first in the tab sequence, labelled by what it will do', async () => {
    const shown = await carousel(stories(4), { lang: 'en', autoplay: true, interval: 5000 });
    expect(shown.tabSequence()[0]).to.equal(shown.rotationButton);
    expect(text(shown.rotationButton)).to.equal('Stop automatic slide show');
    expect(shown.rotationButton!.hasAttribute('aria-pressed')).to.equal(false);
  });

  it('pauses while the pointer is over the carousel and resumes when it leaves', async () => {
    const shown = await carousel(stories(5), { autoplay: true, interval: 120 });
    await shown.hover();
    expect(shown.live).to.equal('polite');
    await after(shown, 360);
    expect(shown.current).to.equal(0);
    await shown.leave();
    expect(shown.live).to.equal('off');
    await after(shown, 240);
    expect(shown.current).to.equal(2);
    await resetMouse();
  });

  it('pauses while keyboard focus is inside and resumes when it leaves', async () => {
    const shown = await carousel(stories(5), { autoplay: true, interval: 120 });
    shown.tabs()[0].focus();
    await shown.el.updateComplete;
    expect(shown.live).to.equal('polite');
    await after(shown, 360);
    expect(shown.current).to.equal(0);
    shown.nextButton.focus();
    await after(shown, 240);
    expect(shown.current).to.equal(0);
    shown.nextButton.blur();
    await shown.el.updateComplete;
    expect(shown.live).to.equal('off');
    await after(shown, 240);
    expect(shown.current).to.equal(2);
  });

  it('stops for good once the user uses a control', async () => {
    const shown = await carousel(stories(5), { lang: 'en', autoplay: true, interval: 120 });
    await shown.next();
    shown.nextButton.blur();
    await shown.el.updateComplete;
    expect(shown.current).to.equal(1);
    expect(shown.live).to.equal('polite');
    expect(text(shown.rotationButton)).to.equal('Start automatic slide show');
    await after(shown, 360);
    expect(shown.current).to.equal(1);
  });

  it('stops for good when the user picks a story, swipes or uses the keyboard', async () => {
    for (const [what, act] of [
      ['a tab', (shown: Carousel) => shown.pick(2)],
      ['a touch on the track', (shown: Carousel) => shown.touch()],
      [
        'an arrow key',
        (shown: Carousel) => {
          // Real key presses are covered in navigation.test.ts; here only what they do to rotation.
          const key = { key: 'ArrowRight', bubbles: true, composed: true };
          shown.nextButton.dispatchEvent(new KeyboardEvent('keydown', key));
        },
      ],
    ] as const) {
      const shown = await carousel(stories(5), { autoplay: true, interval: 120 });
      await act(shown);
      (document.activeElement as HTMLElement | null)?.blur();
      await shown.el.updateComplete;
      const at = shown.current;
      expect(shown.live, what).to.equal('polite');
      await after(shown, 360);
      expect(shown.current, what).to.equal(at);
    }
  });

  it('stops and restarts with the rotation control, which keeps rotating while focused', async () => {
    const shown = await carousel(stories(6), { lang: 'en', autoplay: true, interval: 120 });
    const button = shown.rotationButton!;
    button.focus();
    await shown.el.updateComplete;
    expect(shown.live).to.equal('polite');
    button.click();
    await shown.el.updateComplete;
    expect(text(button)).to.equal('Start automatic slide show');
    button.blur();
    await after(shown, 360);
    expect(shown.current).to.equal(0);
    button.focus();
    button.click();
    await shown.el.updateComplete;
    expect(text(button)).to.equal('Stop automatic slide show');
    expect(shown.focused).to.equal(button);
    expect(shown.live).to.equal('off');
    await after(shown, 240);
    expect(shown.current).to.equal(2);
    shown.nextButton.focus();
    await shown.el.updateComplete;
    expect(shown.live).to.equal('polite');
  });

  it('speaks the rotation control in the UI language', async () => {
    const label = async (lang: string) =>
      text((await carousel(stories(3), { lang, autoplay: true })).rotationButton);
    expect(await label('zh-Hans')).to.equal('停止自动播放');
    expect(await label('zh-Hant')).to.equal('停止自動播放');
  });

  it('never starts by itself when the user prefers reduced motion, and does not animate', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const shown = await carousel(stories(4), { lang: 'en', autoplay: true, interval: 100 });
      expect(text(shown.rotationButton)).to.equal('Start automatic slide show');
      expect(shown.live).to.equal('polite');
      await after(shown, 300);
      expect(shown.current).to.equal(0);
      shown.nextButton.click();
      // An instant jump: already there in the same task, no smooth scrolling.
      expect(shown.track.scrollLeft).to.be.above(0);
      await shown.el.updateComplete;
      expect(shown.current).to.equal(1);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('stops rotating for good when reduced motion is switched on while it runs', async () => {
    const shown = await carousel(stories(4), { autoplay: true, interval: 120 });
    expect(shown.live).to.equal('off');
    const reduce = matchMedia('(prefers-reduced-motion: reduce)');
    // Change events reach media queries in the order they were made: the carousel's first.
    const changed = new Promise((resolve) =>
      reduce.addEventListener('change', resolve, { once: true }),
    );
    await emulateMedia({ reducedMotion: 'reduce' });
    await changed;
    await emulateMedia({ reducedMotion: 'no-preference' });
    await shown.el.updateComplete;
    expect(shown.live).to.equal('polite');
    await after(shown, 360);
    expect(shown.current).to.equal(0);
  });

  it('does not rotate a single story', async () => {
    const shown = await carousel(stories(1), { autoplay: true, interval: 100 });
    expect(shown.rotationButton).to.equal(null);
    expect(shown.live).to.equal('polite');
  });
});
