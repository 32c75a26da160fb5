import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until, useFakeClock } from '../support/index.js';
import { loadForm, mountForm, mountFormIn, onOnePage, uniqueKey } from '../support/intake.js';

/** The kitchen-sink form on one page, sent to the demo receiver. */
async function kitchenSink(lang = 'zh-Hans') {
  return mountForm({
    schema: onOnePage(await loadForm('kitchen-sink')),
    action: '/api/intake/kitchen-sink',
    lang,
  });
}

describe('<intake-form> validation messages', () => {
  it('says nothing while typing, then explains the problem on leaving the field', async () => {
    const form = await kitchenSink();
    const email = form.control('电子邮箱');
    email.focus();
    await sendKeys({ type: 'name@' });
    await form.settle();
    expect(form.error('电子邮箱')).to.equal(null);
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Tab' });
    await form.settle();
    expect(form.error('电子邮箱')).to.equal('请填写正确的电子邮箱，例如 name@example.com');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(form.description('电子邮箱')).to.deep.equal([
      '错误： 请填写正确的电子邮箱，例如 name@example.com',
    ]);
    // Fixing it removes the message at once.
    email.focus();
    await sendKeys({ type: 'example.com' });
    await form.settle();
    expect(form.error('电子邮箱')).to.equal(null);
  });

  it('shows an error summary on submit, with links that focus the questions', async () => {
    const form = await kitchenSink();
    await form.submit();
    expect(form.focused()).to.equal(form.summary());
    expect(form.summaryTitle()).to.equal('请检查以下内容');
    expect(form.summaryMessages()).to.deep.equal([
      '请填写孩子的名字',
      '请填写孩子的出生日期',
      '请选择兴趣',
      '请先勾选同意，才能继续',
    ]);
    expect(form.summaryLinks().map((a) => a.hash.slice(1))).to.deep.equal(
      ['孩子的名字', '孩子的出生日期', '兴趣', '我同意保存以上资料'].map((q) => form.control(q).id),
    );
    // Each question carries its own message, read after its hint.
    expect(form.error('孩子的出生日期')).to.equal('请填写孩子的出生日期');
    expect(form.description('孩子的出生日期')).to.deep.equal([
      '按户口本上的日期填写',
      '错误： 请填写孩子的出生日期',
    ]);
    expect(form.description('兴趣')).to.deep.equal(['错误： 请选择兴趣']);
    // A link moves focus to its question (and does not touch the page URL).
    const before = location.href;
    await form.followSummaryLink(1);
    expect(form.focused()).to.equal(form.control('孩子的出生日期'));
    expect(location.href).to.equal(before);
    await expect(form.el).to.be.accessible();
  });

  it('writes messages for people for each kind of problem', async () => {
    const form = await kitchenSink();
    await form.fill('孩子的名字', '明');
    await form.fill('年龄', '7.5');
    await form.fill('身高（厘米）', '两百');
    await form.fill('电话', '电话号码');
    await form.fill('网址', 'example.org');
    await form.fill('家庭编号', 'hz-1');
    await form.fill('备注', '很长'.repeat(60));
    for (const hobby of ['读书', '画画', '球类']) await form.choose('兴趣', hobby);
    expect(form.error('孩子的名字')).to.equal('孩子的名字至少要写 2 个字');
    expect(form.error('年龄')).to.equal('年龄请填写整数');
    expect(form.error('身高（厘米）')).to.equal('身高（厘米）请填写数字');
    expect(form.error('电话')).to.equal(
      '请填写手机号，例如 138 0000 0000；或带区号的固定电话，例如 020-0000 0000',
    );
    expect(form.error('网址')).to.equal('请填写完整的网址，以 http:// 或 https:// 开头');
    expect(form.error('家庭编号')).to.equal('家庭编号好像填得不对，请再检查一下');
    expect(form.error('备注')).to.equal('备注最多 100 个字，现在有 120 个字');
    expect(form.count('备注')).to.equal('已写 120 字，最多 100 字');
    expect(form.error('兴趣')).to.equal('兴趣最多只能选 2 个');
    await form.fill('身高（厘米）', '250');
    expect(form.error('身高（厘米）')).to.equal('身高（厘米）不能大于 200');
    await form.fill('年龄', '-1');
    expect(form.error('年龄')).to.equal('年龄不能小于 0');
    await expect(form.el).to.be.accessible();
  });

  it('uses a question’s own message from x-ui.messages when the schema gives one', async () => {
    const form = await mountForm({ schema: '/api/forms/home-visit.json' });
    await form.fill('家访日期', '2026-11-20');
    await form.fill('社工姓名', '社工甲');
    await form.next();
    await form.fill('家庭编号', 'hz0001');
    expect(form.error('家庭编号')).to.equal('家庭编号要像 HZ-0001 这样写');
  });

  it('speaks English and Traditional Chinese too', async () => {
    const en = await kitchenSink('en');
    await en.submit();
    expect(en.summaryTitle()).to.equal('There is a problem');
    expect(en.error("Child's date of birth")).to.equal("Enter Child's date of birth");
    await expect(en.el).to.be.accessible();

    const hant = await kitchenSink('zh-Hant');
    await hant.submit();
    expect(hant.summaryTitle()).to.equal('請檢查以下內容');
    expect(hant.error('孩子的出生日期')).to.equal('請填寫孩子的出生日期');
    expect(hant.error('我同意保存以上資料')).to.equal('請先勾選同意，才能繼續');
    await expect(hant.el).to.be.accessible();
  });
});

describe('<intake-form> steps', () => {
  /** The kitchen-sink form in its three steps. */
  const inSteps = async () =>
    mountForm({ schema: await loadForm('kitchen-sink'), action: '/api/intake/kitchen-sink' });

  it('checks each step before moving on, keeps answers when going back', async () => {
    const form = await inSteps();
    await expect(form.el).to.be.accessible();
    await form.next();
    // Still on step 1, with the summary focused.
    expect(form.progress()).to.contain('第 1 步，共 3 步');
    expect(form.summaryMessages()).to.deep.equal(['请填写孩子的名字', '请填写孩子的出生日期']);
    expect(form.focused()).to.equal(form.summary());
    await expect(form.el).to.be.accessible();

    await form.fill('孩子的名字', '小明');
    await form.fill('孩子的出生日期', '2020-09-01');
    expect(form.summary()).to.equal(null);
    await form.next();
    expect(form.progress()).to.contain('第 2 步，共 3 步');
    expect(form.stepHeading()).to.equal('联系与选择');
    expect(form.focused()).to.equal(form.stepHeadingElement());
    expect(form.stepsReached()).to.equal(2);
    // Errors of a new step wait until that step is submitted.
    expect(form.error('兴趣')).to.equal(null);
    expect(form.text()).not.to.contain('错误：');
    await expect(form.el).to.be.accessible();

    await form.back();
    expect(form.progress()).to.contain('第 1 步，共 3 步');
    expect(form.control('孩子的名字').value).to.equal('小明');
    expect(form.control('孩子的出生日期').value).to.equal('2020-09-01');

    await form.next();
    await form.choose('兴趣', '读书');
    await form.choose('有兄弟姐妹吗？', '是');
    await form.next();
    // The conditional question appeared and is required.
    expect(form.error('几个兄弟姐妹？')).to.equal('请填写几个兄弟姐妹？');
    await form.fill('几个兄弟姐妹？', '2');
    await form.next();
    expect(form.progress()).to.contain('第 3 步，共 3 步');
    expect(form.primaryButton()?.textContent?.trim()).to.equal('提交');
    await form.fill('家访日期', '2026-12-01');
    await form.submit();
    // dependentRequired: a date asks for a plan; and consent is needed.
    expect(form.summaryMessages()).to.deep.equal(['请填写家访安排', '请先勾选同意，才能继续']);
    await expect(form.el).to.be.accessible();
  });

  it('is usable with the keyboard alone', async () => {
    const form = await inSteps();
    form.control('孩子的名字').focus();
    await sendKeys({ type: '小明' });
    await sendKeys({ press: 'Tab' });
    expect(form.focused()).to.equal(form.control('孩子的出生日期'));
    // Enter in a field submits the step, like any form.
    await sendKeys({ press: 'Enter' });
    await form.settle();
    expect(form.focused()).to.equal(form.summary());
    // Tab into the summary link, Enter follows it to the field.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await form.settle();
    expect(form.focused()).to.equal(form.control('孩子的出生日期'));
    // A date is typed through the browser's own date picker: set like a person's pick.
    await form.type('孩子的出生日期', '2020-09-01');
    await sendKeys({ press: 'Enter' });
    await form.settle();
    expect(form.progress()).to.contain('第 2 步，共 3 步');
    // Checkboxes: Space ticks; radios: arrows move within the group.
    form.choice('兴趣', '读书').focus();
    await sendKeys({ press: 'Space' });
    form.choice('有兄弟姐妹吗？', '是').focus();
    await sendKeys({ press: 'ArrowRight' });
    await form.settle();
    expect(form.choice('有兄弟姐妹吗？', '否').checked).to.equal(true);
    expect(form.choice('兴趣', '读书').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await form.settle();
    expect(form.progress()).to.contain('第 3 步，共 3 步');
  });
});

describe('<intake-form> inside a page <form>', () => {
  it('adds its answers as one JSON value and blocks an invalid submit', async () => {
    const { page, form } = await mountFormIn<HTMLFormElement>(
      html`<form>
        <intake-form
          name="intake"
          lang="zh-Hans"
          storage-key=${uniqueKey()}
          .schema=${await loadForm('test-signup')}
        ></intake-form>
        <button>page submit</button>
      </form>`,
    );
    expect(form.el.form).to.equal(page);
    // No action: the page's form submits, the element shows no submit button of its own.
    expect(form.primaryButton()).to.equal(null);
    expect(page.checkValidity()).to.equal(false);
    expect(form.el.validationMessage).to.equal('请填写姓名');
    const submits: SubmitEvent[] = [];
    page.addEventListener('submit', (e) => {
      e.preventDefault();
      submits.push(e);
    });
    page.requestSubmit();
    await form.settle();
    expect(submits).to.have.length(0);
    expect(form.summaryMessages()).to.deep.equal(['请填写姓名']);

    await form.fill('姓名', '王小明');
    expect(page.checkValidity()).to.equal(true);
    expect(JSON.parse(new FormData(page).get('intake') as string)).to.deep.equal({
      name: '王小明',
    });
    page.requestSubmit();
    expect(submits).to.have.length(1);

    page.reset();
    await form.settle();
    expect(form.control('姓名').value).to.equal('');
  });

  describe('and its draft', () => {
    // The draft is written 300 ms after typing, and the form decides about the draft only once
    // every submit listener has run (a timer): both under a fake clock.
    const clock = useFakeClock();

    /** A page form that submits into a frame (so this test page stays), with a saved draft. */
    async function pageFormWithDraft() {
      const key = uniqueKey('page-form');
      const frame = `sink-${key}`;
      const { page: wrapper, form } = await mountFormIn<HTMLDivElement>(
        html`<div>
          <iframe name=${frame} title="sink"></iframe>
          <form action="about:blank" target=${frame}>
            <intake-form
              name="intake"
              lang="zh-Hans"
              storage-key=${key}
              .schema=${await loadForm('test-signup')}
            ></intake-form>
          </form>
        </div>`,
      );
      await form.fill('姓名', '王小明');
      await clock().tickAsync(300);
      await until(() => form.storedDraft(), 'the draft to be saved');
      return { page: wrapper.querySelector('form')!, form };
    }

    it('drops its draft once the page form is submitted', async () => {
      const { page, form } = await pageFormWithDraft();
      page.requestSubmit();
      await clock().tickAsync(1);
      await until(async () => (await form.storedDraft()) === undefined, 'the draft to be dropped');
    });

    it('keeps its draft when the page sends the form itself', async () => {
      const { page, form } = await pageFormWithDraft();
      page.addEventListener('submit', (event) => event.preventDefault());
      page.requestSubmit();
      // The decision is taken by now (its timer ran); a dropped draft would be gone before this
      // read, which IndexedDB runs after any write that came first.
      await clock().tickAsync(1);
      expect((await form.storedDraft())?.values).to.deep.equal({ '/name': '王小明' });
    });
  });
});
