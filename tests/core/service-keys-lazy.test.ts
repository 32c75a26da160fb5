/**
 * A service's Chinese field names (`service-keys.ts`: Simplified and Traditional spreadsheet
 * headers) load with the first record that has a key outside ASCII: a list with English keys
 * never downloads them, a record with Chinese headers waits for them (same result as the full
 * table), and a failed download leaves an error with a retry, never a blank finder or a list
 * with services missing. Runs in a page of its own: the first test runs before the code loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { serviceKeysCode } from '../../src/core/normalize/service.js';
import { holdPart, loadAfterHeldCode } from '../support/lazy-part.js';
import { mountFinder } from '../support/finder.js';

const requested = () =>
  performance
    .getEntriesByType('resource')
    .some((e) => e.name.includes('/core/normalize/service-keys.'));

/** A spreadsheet export with Chinese headers (one in Traditional, one with a note in brackets). */
const sheet = [
  { 服务名称: '家长课堂', 联系电话: '020-1', 服务地址: '某街 1 号', '费用（元）': '免费' },
  { 服務名稱: '兒童托管', 服務對象: '3-6 歲兒童', 類別: '托育' },
];

describe('Chinese field names of services', () => {
  it('a list with English keys never downloads them', async () => {
    const finder = await mountFinder({
      data: [{ id: 'a', name: '家长课堂', phone: '020-1', address: '某街 1 号', tags: ['亲子'] }],
    });
    expect(finder.names()).to.deep.equal(['家长课堂']);
    expect(requested()).to.equal(false);
  });

  it('a finder with Chinese headers waits for them, then lists every service', async () => {
    const held = holdPart(serviceKeysCode);
    try {
      const { finder, items } = await loadAfterHeldCode(held, sheet, 'the Chinese field names');
      expect(finder.names()).to.deep.equal(['家长课堂', '兒童托管']);
      expect(items[0].locations).to.deep.equal([{ address: '某街 1 号' }]);
      expect(items[1].categories).to.deep.equal([{ id: '托育', name: '托育' }]);
      expect(items[0].phones).to.deep.equal([{ number: '020-1' }]);
      expect(items[0].free).to.equal(true);
      expect(items[1].eligibility).to.equal('3-6 歲兒童');
      expect(requested()).to.equal(true);
    } finally {
      held.restore();
    }
  });
});
