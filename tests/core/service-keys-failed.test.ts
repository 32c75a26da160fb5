/**
 * A service's Chinese field names (`service-keys.ts`) cannot be downloaded: the finder says so
 * and offers to try again (not a blank finder, not a list with services missing), and the retry
 * (the connection is back) lists them. Runs in a page of its own, so the code is not loaded before.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { serviceKeysCode } from '../../src/core/normalize/service.js';
import { holdPart } from '../support/lazy-part.js';
import { mountFinderLoading } from '../support/finder.js';
import { until } from '../support/wait.js';

describe('Chinese field names that cannot be downloaded', () => {
  it('shows an error with a retry, and the retry lists the services', async () => {
    const held = holdPart(serviceKeysCode, true);
    held.release();
    try {
      const finder = await mountFinderLoading({
        lang: 'en',
        data: [{ 服务名称: '家长课堂', 联系电话: '020-1' }],
      });
      const alert = await until(
        () => finder.el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]'),
        'the error',
      );
      expect(finder.names()).to.deep.equal([]);
      expect(finder.events.of<{ kind: string }>('dandelion-error')[0]?.detail.kind).to.equal(
        'network',
      );
      await expect(finder.el).to.be.accessible();
      held.restore();
      alert.querySelector('button')!.click();
      await until(() => finder.names().length > 0, 'the services');
      expect(finder.names()).to.deep.equal(['家长课堂']);
    } finally {
      held.restore();
    }
  });
});
