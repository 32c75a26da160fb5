/**
 * Waiting for a signal, never for a number of milliseconds. `until` checks its condition once per
 * animation frame until it holds; it gives up only as a hang detector, far beyond any honest
 * slowness (a busy CI machine), so that a stuck test names what it was waiting for instead of
 * running into mocha's timeout.
 */

/** Give-up point of `until`: a hang detector, not a speed budget. */
const hangAfterMs = 45_000;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves with the first truthy value of `check`, evaluated now and after every frame.
 * Works under a fake clock (animation frames are never faked here).
 */
export async function until<T>(check: () => T | Promise<T>, what: string): Promise<NonNullable<T>> {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - started > hangAfterMs) throw new Error(`still waiting for ${what}`);
    await frame();
  }
}

/** Lets pending promise callbacks and one round of rendering run (no timers involved). */
export async function settle(host?: { updateComplete: Promise<unknown> }): Promise<void> {
  await frame();
  if (host) await host.updateComplete;
}
