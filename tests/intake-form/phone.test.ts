import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { checkFormat, isChinesePhone } from '../../src/intake-form/validate.js';
import { mountForm } from '../support/intake.js';

/** Fictional answers (0000 runs) that the browser, the demo receiver and WordPress agree on. */
async function phoneNumbers(): Promise<{ valid: string[]; invalid: string[] }> {
  const response = await fetch('/tests/fixtures/intake/phone-numbers.json');
  return (await response.json()) as { valid: string[]; invalid: string[] };
}

const schema = {
  title: '报名',
  type: 'object',
  properties: { phone: { type: 'string', format: 'tel', title: '联系电话' } },
};

describe('phone numbers (format "tel")', () => {
  it('takes mainland mobiles and landlines as people write them', async () => {
    const { valid } = await phoneNumbers();
    for (const text of valid) expect(checkFormat('tel', text), text).to.equal(true);
  });

  it('refuses numbers that are no mainland mobile or landline, such as 12345', async () => {
    const { invalid } = await phoneNumbers();
    for (const text of invalid) expect(checkFormat('tel', text), text).to.equal(false);
  });

  it('refuses a mobile with an extension and a landline without its area code', () => {
    expect(isChinesePhone('138 0000 0000 转 12')).to.equal(false);
    expect(isChinesePhone('0000 1234')).to.equal(false);
    expect(isChinesePhone('020-0000 1234 转 12')).to.equal(true);
  });

  it('tells the person what a right number looks like, with examples that pass', async () => {
    const form = await mountForm({ schema });
    await form.fill('联系电话', '12345');
    expect(form.error('联系电话')).to.equal(
      '请填写手机号，例如 138 0000 0000；或带区号的固定电话，例如 020-0000 0000',
    );
    // The examples in the message are themselves right.
    for (const example of ['138 0000 0000', '020-0000 0000']) {
      await form.fill('联系电话', example);
      expect(form.error('联系电话'), example).to.equal(null);
    }
    await expect(form.el).to.be.accessible();
  });

  it('says so in English and Traditional Chinese too', async () => {
    const en = await mountForm({ schema, lang: 'en' });
    await en.fill('联系电话', '12345');
    expect(en.error('联系电话')).to.equal(
      'Enter a mobile number like 138 0000 0000, or a landline with its area code like 020-0000 0000',
    );
    const hant = await mountForm({ schema, lang: 'zh-Hant' });
    await hant.fill('联系电话', '12345');
    expect(hant.error('联系电话')).to.equal(
      '請填寫手機號碼，例如 138 0000 0000；或含區號的固定電話，例如 020-0000 0000',
    );
  });
});
