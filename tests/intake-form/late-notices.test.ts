import '../support/setup.js';
// The notices above the form (draft restored, not sent, refused …) and the note on schema
// keywords the form ignores are a chunk of their own (notices-view.ts), loaded when there is one
// to show. The harness holds its download back (or makes it fail), so "the notice came before
// its words" happens in that order on any machine.
import { expect } from '@open-wc/testing';
import { holdLazy, until } from '../support/index.js';
import type { Lazy } from '../support/lazy.js';
import {
  mountForm,
  mountFormLoading,
  uniqueKey,
  warmUp,
  type IntakeHarness,
} from '../support/intake.js';

/** Holds back the notices' download until `release()`; with `fail`, it then fails. */
const holdNotices = (form: IntakeHarness, fail = false) => holdLazy(form.el, 'notices', fail);
const noticesOf = (form: IntakeHarness) => (form.el as unknown as { notices: Lazy }).notices;
/** The form's submission controller, whose `outbox` is the promise of the outbox controller. */
const submissionOf = (form: IntakeHarness) =>
  (form.el as unknown as { submission: { outbox?: Promise<unknown> } }).submission;
const schemaOf = (form: IntakeHarness) =>
  (form.el as unknown as { schemaLoader: { status: string } }).schemaLoader;
const unsupported = '/tests/fixtures/intake/forms/unsupported.json';
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Makes the outbox code fail to download, as on a lost connection. */
async function outboxFails(form: IntakeHarness): Promise<{ loaded?: Promise<unknown> }> {
  const submission = submissionOf(form);
  await submission.outbox;
  const loaded = submission.outbox;
  submission.outbox = Promise.reject(new Error('chunk download failed (test)'));
  submission.outbox.catch(() => undefined);
  return { loaded };
}

describe('intake-form: the words of notices arrive late', () => {
  before(() => warmUp());

  it('shows a notice that came before its words, once they arrive', async () => {
    const form = await mountForm({ form: 'test-signup' });
    const release = holdNotices(form);
    await form.fill('姓名', '示例家长');
    form.el.clear();
    await frame();
    expect(form.noticeText(), 'no notice without its words').to.equal(null);
    release();
    await until(() => form.noticeText() !== null, 'the notice');
    expect(form.noticeText()).to.equal('已清空，可以重新填写。');
    expect(form.control('姓名').value).to.equal('');
    await expect(form.el).to.be.accessible();
  });

  it('still says the answers were not sent when its words cannot be downloaded, and keeps them', async () => {
    const form = await mountForm({ form: 'test-signup' });
    const name = `测试-${uniqueKey('late-notices')}`;
    await form.fill('姓名', name);
    const { loaded } = await outboxFails(form);
    const release = holdNotices(form, true);
    release();
    await form.submit();
    await until(() => form.noticeText() !== null, 'the notice');
    expect(form.noticeText()).to.equal('暂时连不上。请检查网络连接后再试一次。');
    expect(form.notice()!.getAttribute('role')).to.equal('alert');
    expect(form.control('姓名').value).to.equal(name);
    expect(form.events.of('dandelion-submit')).to.have.length(0);
    await expect(form.el).to.be.accessible();
    // The next notice tries the download again (here it works): its own words.
    const notices = noticesOf(form);
    notices.options.load = () => import('../../src/intake-form/notices-view.js');
    submissionOf(form).outbox = Promise.reject(new Error('chunk download failed (test)'));
    submissionOf(form).outbox!.catch(() => undefined);
    await form.submit();
    await until(() => form.noticeText()?.includes('填写的内容还在'), 'the notice in full');
    expect(form.noticeText()).to.contain('暂时连不上');
    submissionOf(form).outbox = loaded;
  });

  it('shows a form with ignored schema keywords together with their note, once its words arrive', async () => {
    const form = await mountFormLoading({ schema: unsupported, noDraft: true });
    const release = holdNotices(form);
    await until(() => schemaOf(form).status === 'content', 'the schema');
    await frame();
    expect(form.el.shadowRoot!.querySelector('form'), 'the form waits for the note').to.equal(null);
    release();
    const note = await form.problemsNote();
    expect(note).to.contain('这份表格有些设置在这里用不了');
    expect(form.control('姓名').type).to.equal('text');
    await expect(form.el).to.be.accessible();
  });

  it('shows the form without the note when its words cannot be downloaded', async () => {
    const form = await mountFormLoading({ schema: unsupported, noDraft: true });
    holdNotices(form, true)();
    await form.ready();
    expect(form.control('人数').inputMode).to.equal('numeric');
    expect(form.problems()).to.equal(null);
    await expect(form.el).to.be.accessible();
  });
});

// The CDN build splits the form's translations: the first view's strings come with the locale
// chunk, the rest (notices, problems, picker, results) in one more file (later-messages.ts).
// An update that may show them waits for that file; a failed download leaves those strings in
// English (here, with the sources' unsplit translations, the form must simply not get stuck).
describe('intake-form: the rest of the messages arrive late', () => {
  before(() => warmUp());

  /** Holds back the rest of the messages from now on (asked for again, held). */
  function holdLaterMessages(form: IntakeHarness, fail = false): () => void {
    const release = holdLazy(form.el, 'laterMessages', fail);
    const later = (form.el as unknown as { laterMessages: { retry(): Promise<void> } })
      .laterMessages;
    void later.retry();
    return release;
  }

  it('shows a problem only once the rest of the messages arrived, and keeps the answer', async () => {
    const form = await mountForm({ form: 'test-signup' });
    const release = holdLaterMessages(form);
    const control = form.control('电话');
    control.value = '12345';
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await frame();
    await frame();
    expect(form.error('电话'), 'no problem before its words').to.equal(null);
    release();
    await until(() => form.error('电话') !== null, 'the problem');
    expect(form.error('电话')).to.contain('请填写手机号');
    expect(form.control('电话').value).to.equal('12345');
    await expect(form.el).to.be.accessible();
  });

  it('still shows notices when the rest of the messages cannot be downloaded', async () => {
    const form = await mountForm({ form: 'test-signup' });
    await form.fill('姓名', '示例家长');
    const release = holdLaterMessages(form, true);
    form.el.clear();
    release();
    await until(() => form.noticeText() !== null, 'the notice');
    expect(form.control('姓名').value).to.equal('');
    await expect(form.el).to.be.accessible();
  });
});
