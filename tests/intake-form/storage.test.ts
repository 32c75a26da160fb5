import '../support/setup.js';
// What "saved on this device" means, honestly: the form asks the browser to keep its storage
// once an answer waits, says what happens if the browser may not keep it, and stops claiming the
// answers are saved once the browser has deleted them (site data cleared, storage evicted).
// Against the real demo receiver; the browser's answer to `navigator.storage.persist()` is a
// permission, set per test.
import { expect } from '@open-wc/testing';
import { until } from '../support/index.js';
import {
  browserDeletesOutbox,
  browserKeepsStorage,
  mountForm,
  receiver,
  storedRows,
  uniqueKey,
  warmUp,
  type FormOptions,
} from '../support/intake.js';

const keptText = '联网后会自动发送。关掉这个页面也没关系，下次打开时会继续发送。';
const atRiskText =
  '联网后会自动发送。在发送之前，答案只存在这个浏览器里；如果浏览器清理空间，或者有人清除了浏览记录，答案就会丢失。请尽量不要关闭这个页面，等发送成功再离开；如果答案丢失了，需要重新填写，再发送一次。';

/** A sign-up with a unique name, submitted while the receiver fails: it waits on the device. */
async function queuedSignUp(options: FormOptions = {}) {
  const name = `保存-${uniqueKey()}`;
  const form = await mountForm({ form: 'test-signup', ...options });
  await form.fill(options.lang === 'en' ? 'Name' : '姓名', name);
  receiver.fail('500');
  await form.submit();
  const { id } = await form.submitted('queued');
  await form.settle();
  return { form, name, id };
}

describe('<intake-form> answers saved on the device', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('asks the browser to keep its storage once an answer waits, and says the page can be closed when it agrees', async () => {
    const storage = browserKeepsStorage(true);
    const { form } = await queuedSignUp();
    await until(() => form.savedExplanation() === keptText, 'the kept wording');
    expect(storage.asked()).to.equal(1);
    expect(form.result()).to.equal('已保存在这台设备上');
    await expect(form.el).to.be.accessible();
  });

  it('says honestly that the answers can be lost when the browser may not keep them', async () => {
    const storage = browserKeepsStorage(false);
    const { form } = await queuedSignUp();
    await until(() => storage.asked() === 1, 'the form to ask');
    await form.settle();
    expect(form.savedExplanation()).to.equal(atRiskText);
    expect(form.text()).to.not.contain('关掉这个页面也没关系');
    await expect(form.el).to.be.accessible();
  });

  it('says it in Traditional Chinese and English too', async () => {
    browserKeepsStorage(false);
    const hant = await queuedSignUp({ lang: 'zh-Hant' });
    await hant.form.settle();
    expect(hant.form.savedExplanation()).to.contain('答案就會遺失');
    receiver.heal();
    const en = await queuedSignUp({ lang: 'en' });
    await en.form.settle();
    expect(en.form.savedExplanation()).to.contain('which may delete them to free space');
  });

  it('stops saying the answers are saved once the browser deleted them, puts them back and asks to send again', async () => {
    browserKeepsStorage(false);
    const { form, name } = await queuedSignUp();
    await until(() => form.pending(), 'the pending count');
    expect(await form.storedOutbox()).to.have.length(1);

    await browserDeletesOutbox();
    await until(() => form.notice(), 'the form to notice');
    expect(form.result(), 'no "saved on this device" any more').to.equal(null);
    expect(form.text()).to.not.contain('已保存在这台设备上');
    expect(form.pending()).to.equal(null);
    expect(form.noticeText()).to.equal(
      '浏览器在发送之前删掉了保存在这台设备上的答案。答案已经放回表格里，请再点一次“提交”。',
    );
    expect(form.notice()!.getAttribute('role')).to.equal('alert');
    expect(form.focused()).to.equal(form.notice());
    expect(form.control('姓名').value).to.equal(name);
    expect(await form.storedOutbox()).to.have.length(0);
    await expect(form.el).to.be.accessible();

    // Nothing was sent behind the person's back: they send it again themselves.
    receiver.heal();
    await form.submit();
    await form.submitted('sent');
    expect(await storedRows('test-signup', name)).to.have.length(1);
  });

  it('tells a form that is being filled in that earlier saved answers were deleted, without touching its answers', async () => {
    browserKeepsStorage(false);
    const { form } = await queuedSignUp();
    await form.startOver();
    await form.fill('姓名', '新的答案');
    await browserDeletesOutbox();
    await until(() => form.notice(), 'the form to notice');
    expect(form.noticeText()).to.equal(
      '浏览器在发送之前删掉了保存在这台设备上的答案。请重新填写表格，再提交一次。',
    );
    expect(form.control('姓名').value).to.equal('新的答案');
    expect(form.pending()).to.equal(null);
  });
});
