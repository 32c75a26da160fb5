import '../support/setup.js';
// The shared core where an engine lacks a newer API: Safari/WebKit has no `scheduler.yield`,
// iPhones before iOS 17.4 (and WeChat there) no `AbortSignal.any`. Chromium plays that engine
// here: the API is taken away for the test and put back after it.
import { expect } from '@open-wc/testing';
import { anySignal } from '../../src/core/data/any-signal.js';
import { fetchText } from '../../src/core/data/fetch-text.js';
import { normalizeRecords, normalizeRecordsSliced } from '../../src/core/normalize/index.js';
import { readHsds } from '../../src/core/readers/hsds.js';
import type { DandelionError } from '../../src/core/errors.js';
import { fakeClock } from '../support/index.js';
import { withoutApis } from '../support/missing-api.js';
import { fakeRequestTimeouts, rejection, uniqueKey, untilHits } from '../support/network.js';

/** Fictional loose service records. */
const services = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    name: `社区服务 ${i}`,
    description: `第 ${i} 项服务，为居民提供支持。`,
    categories: [`类别 ${i % 20}`],
  }));

describe('reading many records without scheduler.yield (WebKit)', () => {
  type PostTask = (task: () => void, options: { priority: string }) => Promise<void>;
  // Kept before the API goes: the test's stand-in for a key press the page must answer.
  const scheduler = (globalThis as unknown as { scheduler: { postTask: PostTask } }).scheduler;
  const postTask: PostTask = scheduler.postTask.bind(scheduler);
  let restore: () => void;
  beforeEach(() => (restore = withoutApis([globalThis, 'scheduler'])));
  afterEach(() => restore());

  it('gives the same result in slices as in one go', async () => {
    expect(typeof (globalThis as { scheduler?: unknown }).scheduler).to.equal('undefined');
    const records = services(12_000);
    expect(await normalizeRecordsSliced(records, 'service')).to.deep.equal(
      normalizeRecords(records, 'service'),
    );
  });

  it('still lets urgent page work run while 100,000 records are read', async () => {
    const order: string[] = [];
    const urgent = postTask(() => order.push('input'), { priority: 'user-blocking' });
    const read = normalizeRecordsSliced(services(100_000), 'service').then(() =>
      order.push('read'),
    );
    await Promise.all([urgent, read]);
    expect(order).to.deep.equal(['input', 'read']);
  });
});

describe('loading without AbortSignal.any (iOS before 17.4)', () => {
  let restore: () => void;
  beforeEach(() => (restore = withoutApis([AbortSignal, 'any'])));
  afterEach(() => restore());

  it('aborts the request when the caller aborts, closing the connection', async () => {
    expect('any' in AbortSignal).to.equal(false);
    const k = uniqueKey();
    const controller = new AbortController();
    const aborted = rejection<DOMException>(
      fetchText(`/test-api/never?key=${k}`, { signal: controller.signal }),
    );
    await untilHits(k);
    controller.abort();
    expect((await aborted).name).to.equal('AbortError');
    await untilHits(`${k}:closed`);
  });

  it('still times out a server that never answers while the caller waits', async () => {
    const restoreTimeouts = fakeRequestTimeouts();
    const clock = fakeClock();
    try {
      const k = uniqueKey();
      const failed = rejection<DandelionError>(
        fetchText(`/test-api/never?key=${k}`, {
          timeout: 300,
          attempts: 1,
          signal: new AbortController().signal,
        }),
      );
      await untilHits(k);
      await clock.tickAsync(300);
      expect((await failed).kind).to.equal('timeout');
      await untilHits(`${k}:closed`);
    } finally {
      clock.uninstall();
      restoreTimeouts();
    }
  });

  it('aborts with the reason of whichever signal aborted first, also when one already has', () => {
    const [a, b] = [new AbortController(), new AbortController()];
    const either = anySignal([a.signal, b.signal]);
    expect(either.aborted).to.equal(false);
    b.abort('b first');
    a.abort('a later');
    expect(either.reason).to.equal('b first');
    const done = new AbortController();
    done.abort('already');
    expect(anySignal([new AbortController().signal, done.signal]).reason).to.equal('already');
  });
});

describe('parsing in Safari before 16.4 (no regular-expression lookbehind)', () => {
  // The HSDS reader once found "0 元" with a lookbehind: Safari 16.0–16.3 refuses to parse such a
  // module, and every widget of the page fails to load with it.
  const free = (fees: string) =>
    readHsds([{ id: 'a', name: '社区服务', fees_description: fees }]).items[0].free;

  it('still tells "0 元" (free) from "10 元" and "1.0 元"', () => {
    expect(free('0元')).to.equal(true);
    expect(free('每次 0.00 元')).to.equal(true);
    expect(free('每次 10 元')).to.not.equal(true);
    expect(free('1.0 元')).to.not.equal(true);
    expect(free('20 元，长者 0 元')).to.equal(true);
  });
});
