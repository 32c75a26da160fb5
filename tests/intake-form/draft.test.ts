import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { fakeClock, until } from '../support/index.js';
import { fillTheDevice, loadForm, mountForm, storedDraft, uniqueKey } from '../support/intake.js';

describe('<intake-form> drafts on the device', () => {
  it('restores answers and the step after the element is created again', async () => {
    const schema = await loadForm('kitchen-sink');
    const key = uniqueKey('draft');
    const first = await mountForm({ schema, key });
    await first.fill('孩子的名字', '小明 😀');
    await first.fill('孩子的出生日期', '2020-09-01');
    await first.next();
    await first.fill('电子邮箱', 'name@');
    await until(
      async () => (await first.storedDraft())?.values['/email'] === 'name@',
      'the draft with the email',
    );
    first.el.remove();

    const second = await mountForm({ schema, key });
    await second.draftChecked();
    expect(second.noticeText()).to.equal('已经帮你填回上次在这台设备上没填完的内容。');
    expect(second.progress()).to.contain('第 2 步，共 3 步');
    // A restored answer that is wrong says so at once (it was typed before).
    expect(second.control('电子邮箱').value).to.equal('name@');
    expect(second.error('电子邮箱')).to.contain('请填写正确的电子邮箱');
    await second.back();
    expect(second.control('孩子的名字').value).to.equal('小明 😀');
    expect(second.control('孩子的出生日期').value).to.equal('2020-09-01');
    await expect(second.el).to.be.accessible();
  });

  it('saves the draft a moment after the last keystroke, not on every one', async () => {
    const clock = fakeClock();
    try {
      const form = await mountForm({ schema: await loadForm('test-signup') });
      await form.type('姓名', '王');
      await clock.tickAsync(250);
      await form.type('姓名', '王小明');
      // A save started inside a tick is written before this read (IndexedDB keeps the order).
      await clock.tickAsync(299);
      expect(await form.storedDraft()).to.equal(undefined);
      await clock.tickAsync(1);
      await until(
        async () => (await form.storedDraft())?.values['/name'] === '王小明',
        'the draft with the whole name',
      );
    } finally {
      clock.uninstall();
    }
  });

  it('clears the form and its draft with "clear form"', async () => {
    const schema = await loadForm('test-signup');
    const key = uniqueKey('clear');
    const first = await mountForm({ schema, key });
    await first.fill('姓名', '王小明');
    await until(() => first.storedDraft(), 'the draft to be saved');
    await first.clear();
    expect(first.control('姓名').value).to.equal('');
    expect(first.noticeText()).to.equal('已清空，可以重新填写。');
    await until(async () => (await first.storedDraft()) === undefined, 'the draft to be dropped');
    first.el.remove();

    const second = await mountForm({ schema, key });
    await second.draftChecked();
    expect(second.control('姓名').value).to.equal('');
    expect(second.notice()).to.equal(null);
  });

  it('keeps no draft with no-draft', async () => {
    const schema = await loadForm('test-signup');
    const key = uniqueKey('nodraft');
    const clock = fakeClock();
    try {
      const first = await mountForm({ schema, key, noDraft: true });
      await first.fill('姓名', '王小明');
      await clock.tickAsync(300); // past the moment a draft would be saved
      first.el.remove(); // removing the element writes a waiting draft at once
      expect(await storedDraft(key)).to.equal(undefined);
    } finally {
      clock.uninstall();
    }
    const second = await mountForm({ schema, key });
    await second.draftChecked();
    expect(second.control('姓名').value).to.equal('');
  });

  it('tells the person when the device has no room for the draft', async () => {
    const form = await mountForm({ schema: await loadForm('test-signup') });
    const roomAgain = fillTheDevice();
    try {
      await form.fill('姓名', '王小明');
      await until(() => form.notice(), 'the storage notice');
      expect(form.notice()?.getAttribute('role')).to.equal('alert');
      expect(form.noticeText()).to.equal('这台设备的存储空间不够，填写的内容没能保存为草稿。');
      await expect(form.el).to.be.accessible();
    } finally {
      roomAgain();
    }
    // Room again: the next save works and the notice goes away.
    await form.fill('姓名', '王小明明');
    await until(() => !form.notice(), 'the notice to clear');
  });
});
