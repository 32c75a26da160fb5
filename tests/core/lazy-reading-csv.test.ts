/**
 * A spreadsheet's CSV export, read by a widget, downloads the rows' reader and its own kind's
 * record → model code only, as a JSON list does (`lazy-reading.test.ts`): a finder reading CSV
 * gets no event or story code. Its own page (test file), so nothing else has loaded that code.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { requested } from '../support/fetch-log.js';
import { mountFinder } from '../support/finder.js';

describe('lazy reading of a CSV export', () => {
  it("a finder reading CSV loads the rows' reader and the service code, and no other kind's", async () => {
    const finder = await mountFinder({ src: '/tests/fixtures/finder/services.csv', format: 'csv' });
    try {
      expect(finder.names()).to.include('儿童心理咨询');
      expect(requested('/core/readers/csv-rows.')).to.equal(true);
      expect(requested('/core/normalize/service.')).to.equal(true);
      for (const part of [
        '/core/normalize/index.',
        '/core/normalize/event.',
        '/core/normalize/when.',
        '/core/normalize/story.',
      ])
        expect(requested(part), part).to.equal(false);
    } finally {
      finder.el.remove();
    }
  });
});
