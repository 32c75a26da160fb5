/**
 * Talking to the local test server (tests/server/test-api.mjs) about what it saw, and holding its
 * answers until the test is ready: the test waits for the server's own signals (a request
 * arrived, a connection closed), never for a number of milliseconds.
 */
import type { FakeClock } from './clock.js';
import { until } from './wait.js';

let made = 0;

/** A key no other request of this run uses (the server counts per key for the whole run). */
export function uniqueKey(prefix = 'k'): string {
  made++;
  return `${prefix}-${made}-${Math.random().toString(36).slice(2, 8)}`;
}

async function ask<T>(path: string): Promise<T> {
  return (await fetch(`/test-api/${path}`)).json() as Promise<T>;
}

/** How many requests a route answered for `key` (`<key>:closed`: clients that gave up). */
export async function hits(key: string): Promise<number> {
  return (await ask<{ hits: number }>(`count?key=${encodeURIComponent(key)}`)).hits;
}

/** Waits until the server has counted `count` hits for `key` (e.g. a connection closed). */
export async function untilHits(key: string, count = 1): Promise<void> {
  await until(async () => (await hits(key)) === count, `${count} hit(s) for ${key}`);
}

/** Requests now waiting at the gate `hold`, and all that ever reached it. */
export function heldAt(hold: string): Promise<{ waiting: number; arrived: number }> {
  return ask(`held?hold=${encodeURIComponent(hold)}`);
}

/** Waits until `count` requests are held at the gate `hold`: they are at the server now. */
export async function untilHeld(hold: string, count = 1): Promise<void> {
  await until(
    async () => (await heldAt(hold)).waiting === count,
    `${count} request(s) held at ${hold}`,
  );
}

/** Opens the gate `hold`: held requests are answered, later ones pass at once. */
export async function release(hold: string): Promise<void> {
  await ask(`release?hold=${encodeURIComponent(hold)}`);
}

/** What `promise` rejects with; fails the test when it fulfils. */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected a rejection');
}

/**
 * `AbortSignal.timeout` on the fake clock (the clock fakes `setTimeout` but not this), so a
 * request timeout fires when the test moves time, not when a busy machine gets round to it.
 * Returns the function that puts the real one back.
 */
export function fakeRequestTimeouts(): () => void {
  const real = AbortSignal.timeout;
  AbortSignal.timeout = (ms: number) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('signal timed out', 'TimeoutError')), ms);
    return controller.signal;
  };
  return () => {
    AbortSignal.timeout = real;
  };
}

/**
 * Fires the timers the code under test sets (retry backoff, refresh) one by one, as soon as each
 * is set, until `done()` holds. Network answers in between come in real time.
 */
export async function fireTimersUntil(
  clock: FakeClock,
  done: () => boolean,
  what: string,
): Promise<void> {
  await until(async () => {
    if (done()) return true;
    if (clock.countTimers() > 0) await clock.nextAsync();
    return done();
  }, what);
}
