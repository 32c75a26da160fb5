import '../support/setup.js';
// The sentences of validation problems (messages.ts) are a chunk of their own, requested at the
// first answer. The harness holds the download back (or makes it fail), so "left the field before
// the words arrived" and "submitted before they arrived" happen in that order on any machine.
import { expect } from '@open-wc/testing';
import { holdLazy, until } from '../support/index.js';
import { mountForm, receiver, warmUp, type IntakeHarness } from '../support/intake.js';

/** Holds back the sentences' download until `release()`; with `fail`, it then fails. */
const holdSentences = (form: IntakeHarness, fail = false) => holdLazy(form.el, 'sentences', fail);

/** Types into a question and leaves it, without waiting for the form's update. */
function typeAndLeave(form: IntakeHarness, label: string, value: string): void {
  const control = form.control(label);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const telMessage = '请填写手机号，例如 138 0000 0000；或带区号的固定电话，例如 020-0000 0000';

describe('intake-form: the words of problems arrive late', () => {
  before(() => warmUp());

  it('shows the problem of a field left before its words arrived, once they do', async () => {
    const form = await mountForm({ form: 'test-signup' });
    const release = holdSentences(form);
    typeAndLeave(form, '电话', '12345');
    await frame();
    expect(form.error('电话'), 'no problem without its words').to.equal(null);
    release();
    await until(() => form.error('电话') !== null, 'the problem');
    expect(form.error('电话')).to.equal(telMessage);
    await expect(form.el).to.be.accessible();
  });

  it('checks the answers of a submit made before the words arrived, and sends nothing', async () => {
    receiver.watch();
    const form = await mountForm({ form: 'test-signup' });
    const release = holdSentences(form);
    typeAndLeave(form, '电话', '12345');
    form.press();
    await frame();
    release();
    await until(() => form.summary() !== null, 'the error summary');
    expect(form.summaryMessages()).to.deep.equal(['请填写姓名', telMessage]);
    expect(form.events.of('dandelion-submit')).to.have.length(0);
    expect(receiver.posts).to.have.length(0);
  });

  it('still checks and says "check …" when the words cannot be downloaded', async () => {
    receiver.watch();
    const form = await mountForm({ form: 'test-signup' });
    const release = holdSentences(form, true);
    typeAndLeave(form, '电话', '12345');
    form.press();
    release();
    await until(() => form.summary() !== null, 'the error summary');
    expect(form.summaryMessages()).to.deep.equal(['请检查姓名', '请检查电话']);
    expect(form.error('电话')).to.equal('请检查电话');
    expect(receiver.posts).to.have.length(0);
    await expect(form.el).to.be.accessible();
  });
});
