import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { readJson } from '../../../src/core/readers/json.js';
import { bilingualServices } from '../../support/generated-data.js';

// The finder bench's data (bench/service-finder.bench.ts): its speed is measured there, here that
// it is what the bench says it is.
describe('bilingualServices: the realistic generated services of the finder bench', () => {
  const records = bilingualServices(2000);
  const texts = (key: string) => records.map((r) => String(r[key]));

  it('is the same for the same seed and different for another', () => {
    expect(bilingualServices(50)).to.deep.equal(bilingualServices(50));
    expect(bilingualServices(50, 18)).not.to.deep.equal(bilingualServices(50));
  });

  it('is read whole by the generic JSON reader, with categories, hours and addresses', () => {
    const result = readJson(records, 'service');
    expect(result.items).to.have.length(records.length);
    expect(result.skipped).to.equal(0);
    const first = result.items[0];
    expect(first.categories).to.have.length(2);
    expect(first.schedules.length).to.be.greaterThan(0);
    expect(first.locations[0].address).to.match(/^某某市/);
  });

  it('varies: many names, organisations and description lengths, some English and Cantonese', () => {
    expect(new Set(texts('name')).size).to.be.greaterThan(300);
    expect(new Set(texts('organization')).size).to.be.greaterThan(100);
    const lengths = texts('description').map((d) => d.length);
    expect(Math.max(...lengths)).to.be.greaterThan(3 * Math.min(...lengths));
    expect(texts('description').some((d) => /[A-Za-z]{4} [a-z]+/.test(d))).to.equal(true);
    expect(texts('description').some((d) => /嚟|嘅|唔/.test(d))).to.equal(true);
    expect(records.some((r) => (r.languages as string[]).includes('yue'))).to.equal(true);
  });

  it('is fictional: example organisations, 020-0000 numbers, 某某/示例 addresses', () => {
    for (const r of records) {
      expect(r.organization).to.contain('（示例）');
      const [phone] = r.phones as { number: string }[];
      expect(phone.number).to.match(/^020-0000\d{4}$/);
      const [place] = r.locations as { address: string }[];
      expect(place.address).to.match(/^某某市(示例|某某)/);
    }
  });
});
