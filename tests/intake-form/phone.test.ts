import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isPhoneNumber } from '../../src/intake-form/phone.js';

describe('isPhoneNumber', () => {
  it('takes mainland mobiles and landlines as people write them', () => {
    for (const ok of [
      '13900000000',
      '139 0000 0000',
      '139-0000-0000',
      '+86 139 0000 0000',
      '+8613900000000',
      '0086 139 0000 0000',
      '020-8123 4567',
      '(020) 81234567',
      '010-6123 4567',
      '0755-2612 3456',
      '0898-3123456',
      '+86 20 8123 4567',
      '020-8123 4567 转 801',
      '020-8123 4567 ext. 12',
      '１３９００００００００',
      '+852 2123 4567',
      '+44 20 7946 0000',
    ]) {
      expect(isPhoneNumber(ok), ok).to.equal(true);
    }
  });

  it('refuses what cannot be called', () => {
    for (const bad of [
      '12345',
      '110',
      '1390000000',
      '139000000000',
      '12900000000',
      '020-0123 4567',
      '81234567',
      '020-812 3456',
      '+86 139 0000 000',
      '139 0000 0000 x',
      'abc',
      '',
      '+1+2 345 6789',
      '020-8123 4567 转',
    ]) {
      expect(isPhoneNumber(bad), bad).to.equal(false);
    }
  });

  it('every valid mobile passes with any separators (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', ' ', '-', '.'),
        fc.boolean(),
        (second, rest, sep, plus86) => {
          const number = `1${second}${rest.slice(0, 2)}${sep}${rest.slice(2, 6)}${sep}${rest.slice(6)}`;
          expect(isPhoneNumber(plus86 ? `+86 ${number}` : number), number).to.equal(true);
        },
      ),
    );
  });
});
