/**
 * A fake clock for behaviour that waits on time (debounce, autoplay, draft autosave, retry
 * backoff): the test moves time forward itself, so a busy machine cannot make it early or late.
 * Only timers and `Date` are faked; promises, animation frames and the network stay real.
 */
import { install } from '@sinonjs/fake-timers';

export type FakeClock = ReturnType<typeof install>;

/** Installs a fake clock (at `now`, default the real current time); call `uninstall()` after. */
export function fakeClock(now: number | Date = Date.now()): FakeClock {
  return install({
    now,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/**
 * Inside a `describe`: a fresh fake clock for each test, removed after it (also when it fails).
 * Returns a getter, because the clock only exists once the test runs.
 */
export function useFakeClock(now?: number | Date): () => FakeClock {
  let clock: FakeClock | undefined;
  beforeEach(() => {
    clock = fakeClock(now);
  });
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
  });
  return () => {
    if (!clock) throw new Error('useFakeClock: no clock outside a test');
    return clock;
  };
}

/**
 * Advances the fake clock by `ms`, running due timers and letting the promises they start settle
 * between steps (a retry's `fetch`, a Lit update).
 */
export async function advance(clock: FakeClock, ms: number): Promise<void> {
  await clock.tickAsync(ms);
}
