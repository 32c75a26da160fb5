import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { normalizeRecords, normalizeRecordsSliced } from '../../src/core/normalize/index.js';

/** Fictional loose service records. */
function services(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i % 5000}`, // repeats on purpose: ids are made unique across the whole list
    name: i % 997 === 0 ? '' : `社区服务 ${i}`,
    description: `第 ${i} 项服务，为居民提供支持。`,
    categories: [`类别 ${i % 20}`],
    phone: `020-${String(i).padStart(8, '0')}`,
  }));
}

describe('reading many records', () => {
  it('gives the same result in slices as in one go', async () => {
    const records = services(12_000);
    const sliced = await normalizeRecordsSliced(records, 'service');
    expect(sliced).to.deep.equal(normalizeRecords(records, 'service'));
    expect(sliced.skipped).to.be.above(0);
  });

  it('lets urgent page work run while 100,000 records are read', async () => {
    const records = services(100_000);
    const order: string[] = [];
    const scheduler = (
      globalThis as unknown as {
        scheduler: { postTask(task: () => void, options: { priority: string }): Promise<void> };
      }
    ).scheduler;
    // A key press or click is user-blocking work: it must not wait for the whole read.
    const urgent = scheduler.postTask(() => order.push('input'), { priority: 'user-blocking' });
    const read = normalizeRecordsSliced(records, 'service').then(() => order.push('read'));
    await Promise.all([urgent, read]);
    expect(order).to.deep.equal(['input', 'read']);
  });
});
