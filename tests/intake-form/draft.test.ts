import '../support/setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import {
  $,
  click,
  fill,
  loadFixture,
  ready,
  settle,
  shadowText,
  text,
  uniqueKey,
  until,
  type IntakeForm,
} from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mount(schema: unknown, key: string, extra = false): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(
    extra
      ? html`<intake-form no-draft storage-key=${key} .schema=${schema}></intake-form>`
      : html`<intake-form storage-key=${key} .schema=${schema}></intake-form>`,
  );
  await ready(el);
  await settle(el);
  return el;
}

describe('<intake-form> drafts on the device', function () {
  this.timeout(30_000);

  it('restores answers and the step after the element is created again', async () => {
    const schema = await loadFixture('kitchen-sink');
    const key = uniqueKey('draft');
    const first = await mount(schema, key);
    await fill(first, 'f-child-name', '小明 😀');
    await fill(first, 'f-child-birthDate', '2020-09-01');
    await click(first, 'button[type="submit"]');
    await fill(first, 'f-email', 'name@');
    await sleep(400);
    first.remove();

    const second = await mount(schema, key);
    await until(() => second.shadowRoot!.querySelector('.notice'), 'the draft to be restored');
    await settle(second);
    expect(text($(second, '.notice'))).to.equal('已经帮你填回上次在这台手机上没填完的内容。');
    expect(text($(second, '.progress-text'))).to.contain('第 2 步，共 3 步');
    // A restored answer that is wrong says so at once (it was typed before).
    expect($<HTMLInputElement>(second, '#f-email').value).to.equal('name@');
    expect(text($(second, '#f-email-error'))).to.contain('请填写正确的电子邮箱');
    await click(second, 'button.secondary'); // back to step 1
    expect($<HTMLInputElement>(second, '#f-child-name').value).to.equal('小明 😀');
    expect($<HTMLInputElement>(second, '#f-child-birthDate').value).to.equal('2020-09-01');
    await expect(second).to.be.accessible();
  });

  it('clears the form and its draft with "clear form"', async () => {
    const schema = await loadFixture('test-signup');
    const key = uniqueKey('clear');
    const first = await mount(schema, key);
    await fill(first, 'f-name', '王小明');
    await sleep(400);
    await click(first, 'button.link');
    expect($<HTMLInputElement>(first, '#f-name').value).to.equal('');
    expect(text($(first, '.notice'))).to.equal('已清空，可以重新填写。');
    await sleep(100);
    first.remove();

    const second = await mount(schema, key);
    await sleep(300);
    await settle(second);
    expect($<HTMLInputElement>(second, '#f-name').value).to.equal('');
    expect(second.shadowRoot!.querySelector('.notice')).to.equal(null);
  });

  it('keeps no draft with no-draft', async () => {
    const schema = await loadFixture('test-signup');
    const key = uniqueKey('nodraft');
    const first = await mount(schema, key, true);
    await fill(first, 'f-name', '王小明');
    await sleep(400);
    first.remove();
    const second = await mount(schema, key);
    await sleep(300);
    await settle(second);
    expect($<HTMLInputElement>(second, '#f-name').value).to.equal('');
  });

  it('tells the person when the device has no room for the draft', async () => {
    const el = await mount(await loadFixture('test-signup'), uniqueKey('quota'));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await fill(el, 'f-name', '王小明');
      await until(() => el.shadowRoot!.querySelector('.notice.alert'), 'the storage notice');
      expect(shadowText(el)).to.contain('这台手机的存储空间不够，填写的内容没能保存为草稿。');
      await expect(el).to.be.accessible();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    // Space again: the next save works and the notice goes away.
    await fill(el, 'f-name', '王小明明');
    await until(() => !el.shadowRoot!.querySelector('.notice.alert'), 'the notice to clear');
  });
});
