import '../support/setup.js';
import { expect } from '@open-wc/testing';
import '../../src/intake-form/index.js';
import { logFetches } from '../support/fetch-log.js';
import { hits, release, uniqueKey, untilHeld } from '../support/network.js';
import { until } from '../support/wait.js';

// Each test file runs in its own page: here the fetch rules' chunk is not loaded yet.
describe('intake-form: the schema request starts at once', () => {
  it('asks for the schema when the form connects, before the fetch code has arrived, and only once', async () => {
    const key = uniqueKey('early-schema');
    const schema = `/test-api/fixture?name=intake-schema.json&type=application/json&key=${key}&hold=${key}`;
    const log = logFetches();
    const el = document.createElement('intake-form');
    el.lang = 'en';
    el.setAttribute('no-draft', '');
    el.setAttribute('schema', schema);
    try {
      document.body.append(el);
      // In the connect itself: no chunk has loaded and no update has run.
      expect(log.urls).to.deep.equal([new URL(schema, location.href).href]);
      await untilHeld(key);
      await release(key);
      await until(
        () => (el.shadowRoot?.querySelectorAll('[part~="field"]').length ?? 0) > 0,
        'the form from the early request',
      );
      expect(log.urls.filter((u) => u.includes('/test-api/fixture'))).to.have.length(1);
      expect(await hits(key)).to.equal(1);
    } finally {
      log.restore();
      el.remove();
    }
  });
});
