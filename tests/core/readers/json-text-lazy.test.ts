/**
 * JSON text the pager could not parse (an anti-hijacking prefix, a BOM in front of broken JSON, an
 * HTML page) is what `json-document.ts` reads: a finder whose list parses as it arrives shows its
 * services without downloading it, and one behind such a prefix gets it and shows its services.
 * Each test file runs in its own page, so the first test runs before anything else has loaded.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { mountFinder } from '../../support/finder.js';
import { requested } from '../../support/fetch-log.js';

const jsonText = '/core/readers/json-document.';

describe('the JSON text reader loads only for JSON the pager could not parse', () => {
  it('a plain JSON list shows its services without it', async () => {
    const finder = await mountFinder({
      lang: 'en',
      src: '/tests/fixtures/finder/services-custom.json',
      itemsPath: 'payload.rows',
      map: '{"id":"key","name":"title"}',
    });
    expect(finder.names()).to.include('长者助餐点');
    expect(requested('/core/readers/find-records.'), 'the records finder').to.equal(true);
    expect(requested(jsonText), 'the JSON text reader').to.equal(false);
    finder.el.remove();
  });

  it('a list behind an anti-hijacking prefix loads it and shows its services', async () => {
    const finder = await mountFinder({
      lang: 'en',
      src: '/tests/fixtures/finder/services-xssi.json',
    });
    expect(finder.names()).to.have.members(['四点半课堂', '家长课堂']);
    expect(requested(jsonText)).to.equal(true);
    await expect(finder.el).to.be.accessible();
    finder.el.remove();
  });
});
