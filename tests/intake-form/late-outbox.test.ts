import '../support/setup.js';
// The outbox (IndexedDB, locks, retries) is a chunk of its own, requested when the form
// connects. A submission made before it has arrived waits for it; one made when it cannot be
// downloaded keeps the answers in the form, and the next submit tries the download again.
import { expect } from '@open-wc/testing';
import { until } from '../support/index.js';
import { mountForm, uniqueKey, warmUp, type IntakeHarness } from '../support/intake.js';

/** The form's submission controller, whose `outbox` is the promise of the outbox controller. */
type Submission = { outbox?: Promise<unknown> };
const submissionOf = (form: IntakeHarness) =>
  (form.el as unknown as { submission: Submission }).submission;

async function signUp() {
  const name = `测试-${uniqueKey('late-outbox')}`;
  const form = await mountForm({ form: 'test-signup' });
  await form.fill('姓名', name);
  return { form, name };
}

describe('intake-form: the outbox code arrives late', () => {
  before(() => warmUp());

  it('sends a submission made before the outbox code arrived, once it is there', async () => {
    const { form, name } = await signUp();
    const submission = submissionOf(form);
    const loaded = submission.outbox!;
    let release!: () => void;
    submission.outbox = new Promise<void>((resolve) => (release = resolve)).then(() => loaded);
    await form.submit();
    expect(
      form.events.of('dandelion-submit'),
      'nothing sent while its code is held',
    ).to.have.length(0);
    release();
    const detail = await form.submitted('sent');
    expect(detail.data).to.deep.equal({ name });
  });

  it('keeps the answers when the outbox code cannot be downloaded, and sends on the next try', async () => {
    const { form, name } = await signUp();
    const submission = submissionOf(form);
    await submission.outbox;
    const loaded = submission.outbox;
    // A failed download: the controller forgets it and downloads again on the next submit.
    submission.outbox = Promise.reject(new Error('chunk download failed (test)'));
    submission.outbox.catch(() => undefined);
    await form.submit();
    await until(() => form.noticeText() !== null, 'the notice');
    expect(form.noticeText()).to.contain('请稍后再提交一次');
    expect(form.control('姓名').value).to.equal(name);
    await expect(form.el).to.be.accessible();
    submission.outbox = loaded;
    await form.submit();
    const detail = await form.submitted('sent');
    expect(detail.data).to.deep.equal({ name });
  });
});
