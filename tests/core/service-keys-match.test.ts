/**
 * A service field's English keys are written twice: on their own in `service.ts` (all a list
 * with English keys loads) and, in the same order, within the complete lists of
 * `service-keys.ts` (Chinese names included), which replace them once loaded. An English key
 * added to one list only would be read or not depending on whether some record on the page had
 * Chinese keys. Runs in a page of its own, before the Chinese names are loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { serviceAliases, type ServiceField } from '../../src/core/normalize/service.js';
import { serviceKeys } from '../../src/core/normalize/service-keys.js';
import { normKey } from '../../src/core/normalize/keys.js';

const ascii = (key: string) => /^[!-~]+$/.test(key);

describe('the English keys of service fields', () => {
  it('are the same, in the same order, in service.ts and in the complete lists', () => {
    const fields = Object.keys(serviceAliases) as ServiceField[];
    expect(Object.keys(serviceKeys).sort()).to.deep.equal([...fields].sort());
    for (const field of fields) {
      const complete = [...new Set(serviceKeys[field].split(' ').filter(ascii).map(normKey))];
      expect(complete, field).to.deep.equal(serviceAliases[field].keys);
    }
  });
});
