import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { DandelionErrorDetail } from '../../src/core/events.js';
import { until, useFakeClock } from '../support/index.js';
import { mountForm, receiver, warmUp } from '../support/intake.js';

/**
 * An `action` that is not an http(s) address can never take the answers: it is the site's
 * setup error, said at once (on screen for the site owner, and as a `format` error event), and
 * submitting queues nothing and retries nothing, while the answers stay in the form and draft.
 */
describe('<intake-form> with an action that is not a web address', function () {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  describe('on submit', () => {
    const clock = useFakeClock();

    for (const action of [
      'javascript:alert(document.cookie)',
      'data:text/plain,answers',
      'ftp://example.org/intake',
      'http://[not a host',
    ]) {
      it(`says so at once and keeps the answers: ${action}`, async () => {
        const form = await mountForm({
          schema: '/api/forms/test-signup.json',
          action,
          retryDelay: 1,
        });
        // Said before anyone types: on screen, and as one `format` error.
        const errors = () => form.events.of<DandelionErrorDetail>('dandelion-error');
        expect(errors().map((e) => e.detail.kind)).to.deep.equal(['format']);
        expect(errors()[0].detail.message).to.include('不是以 http:// 或 https:// 开头的网址');
        expect(form.settingsError()).to.include(`提交地址（action）“${action}”`);

        await form.fill('姓名', '示例家长');
        await form.submit();
        // Nothing sent, nothing waiting to be sent, long past every retry delay.
        await clock().tickAsync(10 * 60_000);
        expect(receiver.posts).to.deep.equal([]);
        expect(await form.storedOutbox()).to.deep.equal([]);
        expect(form.result()).to.equal(null);
        expect(form.pending()).to.equal(null);
        // The answers are where the person left them, on screen and in the draft.
        expect(form.control('姓名').value).to.equal('示例家长');
        const draft = await until(() => form.storedDraft(), 'the draft to be saved');
        expect(Object.values(draft.values)).to.include('示例家长');
        // Told again, with the message in focus.
        expect(errors().map((e) => e.detail.kind)).to.deep.equal(['format', 'format']);
        expect(form.focused()).to.have.class('settings');
      });
    }
  });

  it('speaks the page’s language to the site owner', async () => {
    const action = 'javascript:void 0';
    const en = await mountForm({ schema: '/api/forms/test-signup.json', action, lang: 'en' });
    expect(en.settingsError()).to.equal(
      `This form cannot be sent: its address (action) “${action}” is not a web address starting with http:// or https://. The site needs to correct this setting. Your answers are kept in the form.`,
    );
    const [error] = en.events.of<DandelionErrorDetail>('dandelion-error');
    expect(error.detail).to.deep.equal({ kind: 'format', message: en.settingsError() });
    await expect(en.el).to.be.accessible();
    const hant = await mountForm({
      schema: '/api/forms/test-signup.json',
      action,
      lang: 'zh-Hant',
    });
    expect(hant.settingsError()).to.equal(
      `這個表格現在無法送出：它的提交位址（action）「${action}」不是以 http:// 或 https:// 開頭的網址，需要網站管理員修改這項設定。你填寫的內容會保留在表格裡。`,
    );
  });

  it('takes a relative or https action as it is', async () => {
    for (const action of ['/api/intake/test-signup', `${location.origin}/api/intake/test-signup`]) {
      const form = await mountForm({ schema: '/api/forms/test-signup.json', action });
      expect(form.settingsError()).to.equal(null);
      expect(form.events.of('dandelion-error')).to.deep.equal([]);
    }
  });
});
