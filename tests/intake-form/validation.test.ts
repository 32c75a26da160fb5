import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import {
  $,
  $$,
  click,
  fill,
  loadFixture,
  ready,
  settle,
  submitButton,
  text,
  uniqueKey,
  until,
  type IntakeForm,
} from './helpers.js';

async function onePage(): Promise<Record<string, unknown>> {
  const schema = await loadFixture('kitchen-sink');
  delete (schema as { 'x-ui'?: unknown })['x-ui'];
  return schema;
}

async function mount(schema: unknown, lang = 'zh-Hans', action?: string): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(
    html`<intake-form
      lang=${lang}
      storage-key=${uniqueKey('validation')}
      action=${action ?? ''}
      .schema=${schema}
    ></intake-form>`,
  );
  await ready(el);
  await settle(el);
  return el;
}

function errorOf(el: IntakeForm, id: string): string | null {
  const node = el.shadowRoot!.querySelector(`#${id}-error`);
  return node
    ? text(node)
        .replace(/^错误：|^錯誤：|^Error:/, '')
        .trim()
    : null;
}

/** Radio/checkbox clicks go through the real control so `change` fires as in a browser. */
async function check(el: IntakeForm, id: string): Promise<void> {
  await click(el, `#${id}`);
}

describe('<intake-form> validation messages', function () {
  this.timeout(30_000);

  it('says nothing while typing, then explains the problem on blur', async () => {
    const el = await mount(await onePage());
    const email = $<HTMLInputElement>(el, '#f-email');
    email.focus();
    await sendKeys({ type: 'name@' });
    await settle(el);
    expect(errorOf(el, 'f-email')).to.equal(null);
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(errorOf(el, 'f-email')).to.equal('请填写正确的电子邮箱，例如 name@example.com');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('f-email-error');
    // Fixing it removes the message at once.
    email.focus();
    await sendKeys({ type: 'example.com' });
    await settle(el);
    expect(errorOf(el, 'f-email')).to.equal(null);
  });

  it('shows an error summary on submit, with links that focus the fields', async () => {
    const el = await mount(await onePage(), 'zh-Hans', '/api/intake/kitchen-sink');
    submitButton(el).click();
    await settle(el);
    const summary = $(el, '[part="error-summary"]');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(text(summary.querySelector('h2')!)).to.equal('请检查以下内容');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      '请填写孩子的名字',
      '请填写孩子的出生日期',
      '请选择兴趣',
      '请先勾选同意，才能继续',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#f-child-name',
      '#f-child-birthDate',
      '#f-hobbies',
      '#f-consent',
    ]);
    // Each field carries its own message, tied with aria-describedby after the hint.
    expect(errorOf(el, 'f-child-birthDate')).to.equal('请填写孩子的出生日期');
    expect($(el, '#f-child-birthDate').getAttribute('aria-describedby')).to.equal(
      'f-child-birthDate-hint f-child-birthDate-error',
    );
    expect($(el, '#f-hobbies').closest('fieldset')!.getAttribute('aria-describedby')).to.equal(
      'f-hobbies-error',
    );
    // A link moves focus to its field (and does not touch the page URL).
    const before = location.href;
    links[1].click();
    await settle(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('f-child-birthDate');
    expect(location.href).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('writes messages for people for each kind of problem', async () => {
    const el = await mount(await onePage(), 'zh-Hans', '/api/intake/kitchen-sink');
    await fill(el, 'f-child-name', '明');
    await fill(el, 'f-child-age', '7.5');
    await fill(el, 'f-child-height', '两百');
    await fill(el, 'f-phone', '电话号码');
    await fill(el, 'f-website', 'example.org');
    await fill(el, 'f-code', 'hz-1');
    await fill(el, 'f-note', '很长'.repeat(60));
    for (const id of ['f-hobbies', 'f-hobbies-1', 'f-hobbies-2']) await check(el, id);
    expect(errorOf(el, 'f-child-name')).to.equal('孩子的名字至少要写 2 个字');
    expect(errorOf(el, 'f-child-age')).to.equal('年龄请填写整数');
    expect(errorOf(el, 'f-child-height')).to.equal('身高（厘米）请填写数字');
    expect(errorOf(el, 'f-phone')).to.equal('请填写正确的电话号码，只用数字，例如 020-0000 0000');
    expect(errorOf(el, 'f-website')).to.equal('请填写完整的网址，以 http:// 或 https:// 开头');
    expect(errorOf(el, 'f-code')).to.equal('家庭编号的格式不对，请再检查一下');
    expect(errorOf(el, 'f-note')).to.equal('备注最多 100 个字，现在有 120 个字');
    expect(text($(el, '#f-note-count'))).to.equal('已写 120 字，最多 100 字');
    expect(errorOf(el, 'f-hobbies')).to.equal('兴趣最多只能选 2 项');
    await fill(el, 'f-child-height', '250');
    expect(errorOf(el, 'f-child-height')).to.equal('身高（厘米）不能大于 200');
    await fill(el, 'f-child-age', '-1');
    expect(errorOf(el, 'f-child-age')).to.equal('年龄不能小于 0');
    await expect(el).to.be.accessible();
  });

  it('uses a field’s own message from x-ui.messages when the schema gives one', async () => {
    const el = await fixture<IntakeForm>(
      html`<intake-form
        storage-key=${uniqueKey()}
        schema="/api/forms/home-visit.json"
      ></intake-form>`,
    );
    await ready(el);
    await fill(el, 'f-visitDate', '2026-11-20');
    await fill(el, 'f-worker', '社工甲');
    await click(el, 'button[type="submit"]'); // → step 2
    await fill(el, 'f-family-code', 'hz0001');
    expect(errorOf(el, 'f-family-code')).to.equal('家庭编号要像 HZ-0001 这样写');
  });

  it('speaks English and Traditional Chinese too', async () => {
    const en = await mount(await onePage(), 'en', '/api/intake/kitchen-sink');
    submitButton(en).click();
    await settle(en);
    expect(text($(en, '.summary-title'))).to.equal('There is a problem');
    expect(errorOf(en, 'f-child-birthDate')).to.equal("Enter Child's date of birth");
    await expect(en).to.be.accessible();

    const hant = await mount(await onePage(), 'zh-Hant', '/api/intake/kitchen-sink');
    submitButton(hant).click();
    await settle(hant);
    expect(text($(hant, '.summary-title'))).to.equal('請檢查以下內容');
    expect(errorOf(hant, 'f-child-birthDate')).to.equal('請填寫孩子的出生日期');
    expect(errorOf(hant, 'f-consent')).to.equal('請先勾選同意，才能繼續');
    await expect(hant).to.be.accessible();
  });
});

describe('<intake-form> steps', function () {
  this.timeout(30_000);

  it('checks each step before moving on, keeps answers when going back', async () => {
    const el = await mount(
      await loadFixture('kitchen-sink'),
      'zh-Hans',
      '/api/intake/kitchen-sink',
    );
    await expect(el).to.be.accessible();
    await click(el, 'button[type="submit"]');
    // Still on step 1, with the summary focused.
    expect(text($(el, '.progress-text'))).to.contain('第 1 步，共 3 步');
    expect($$(el, '[part="error-summary"] a').map((a) => text(a))).to.deep.equal([
      '请填写孩子的名字',
      '请填写孩子的出生日期',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="error-summary"]'));
    await expect(el).to.be.accessible();

    await fill(el, 'f-child-name', '小明');
    await fill(el, 'f-child-birthDate', '2020-09-01');
    expect(el.shadowRoot!.querySelector('[part="error-summary"]')).to.equal(null);
    await click(el, 'button[type="submit"]');
    expect(text($(el, '.progress-text'))).to.contain('第 2 步，共 3 步');
    expect(text($(el, '.step-heading'))).to.equal('联系与选择');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-heading'));
    expect($$(el, '.progress-bar span.done')).to.have.length(2);
    // Errors of a new step wait until that step is submitted.
    expect(el.shadowRoot!.querySelector('.error-message')).to.equal(null);
    await expect(el).to.be.accessible();

    await click(el, 'button.secondary'); // Back
    expect(text($(el, '.progress-text'))).to.contain('第 1 步，共 3 步');
    expect($<HTMLInputElement>(el, '#f-child-name').value).to.equal('小明');
    expect($<HTMLInputElement>(el, '#f-child-birthDate').value).to.equal('2020-09-01');

    await click(el, 'button[type="submit"]');
    await check(el, 'f-hobbies');
    await check(el, 'f-hasSibling');
    await click(el, 'button[type="submit"]');
    // The conditional question appeared and is required.
    expect(errorOf(el, 'f-siblingCount')).to.equal('请填写几个兄弟姐妹？');
    await fill(el, 'f-siblingCount', '2');
    await click(el, 'button[type="submit"]');
    expect(text($(el, '.progress-text'))).to.contain('第 3 步，共 3 步');
    expect(text(submitButton(el))).to.equal('提交');
    await fill(el, 'f-visitDate', '2026-12-01');
    await click(el, 'button[type="submit"]');
    // dependentRequired: a date asks for a plan; and consent is needed.
    expect($$(el, '[part="error-summary"] a').map((a) => text(a))).to.deep.equal([
      '请填写家访安排',
      '请先勾选同意，才能继续',
    ]);
    await expect(el).to.be.accessible();
  });

  it('is usable with the keyboard alone', async () => {
    const el = await mount(
      await loadFixture('kitchen-sink'),
      'zh-Hans',
      '/api/intake/kitchen-sink',
    );
    $<HTMLInputElement>(el, '#f-child-name').focus();
    await sendKeys({ type: '小明' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('f-child-birthDate');
    // Enter in a field submits the step, like any form.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="error-summary"]'));
    // Tab into the summary link, Enter follows it to the field.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const birth = $<HTMLInputElement>(el, '#f-child-birthDate');
    expect(el.shadowRoot!.activeElement).to.equal(birth);
    birth.value = '2020-09-01';
    birth.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text($(el, '.progress-text'))).to.contain('第 2 步，共 3 步');
    // Radios: Space picks, arrows move within the group.
    $<HTMLInputElement>(el, '#f-hobbies').focus();
    await sendKeys({ press: 'Space' });
    $<HTMLInputElement>(el, '#f-hasSibling').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-hasSibling-1').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#f-hobbies').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text($(el, '.progress-text'))).to.contain('第 3 步，共 3 步');
  });
});

describe('<intake-form> inside a page <form>', function () {
  this.timeout(30_000);

  it('adds its answers as one JSON value and blocks an invalid submit', async () => {
    const schema = await loadFixture('test-signup');
    const page = await fixture<HTMLFormElement>(
      html`<form>
        <intake-form
          name="intake"
          lang="zh-Hans"
          storage-key=${uniqueKey()}
          .schema=${schema}
        ></intake-form>
        <button>page submit</button>
      </form>`,
    );
    const el = page.querySelector('intake-form')!;
    await ready(el);
    await settle(el);
    expect(el.form).to.equal(page);
    // No action: the page's form submits, the element shows no submit button of its own.
    expect(el.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null);
    expect(page.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('请填写姓名');
    let submitted = false;
    page.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    page.requestSubmit();
    await settle(el);
    expect(submitted).to.equal(false);
    expect($$(el, '[part="error-summary"] a').map((a) => text(a))).to.deep.equal(['请填写姓名']);

    await fill(el, 'f-name', '王小明');
    expect(page.checkValidity()).to.equal(true);
    expect(JSON.parse(new FormData(page).get('intake') as string)).to.deep.equal({
      name: '王小明',
    });
    const submitEvent = oneEvent(page, 'submit');
    page.requestSubmit();
    await submitEvent;
    expect(submitted).to.equal(true);

    page.reset();
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('');
  });

  /** A page form that submits into a frame (so this test page stays), with the element inside. */
  async function pageFormWith(key: string) {
    const schema = await loadFixture('test-signup');
    const frame = `sink-${key}`;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <iframe name=${frame} title="sink"></iframe>
        <form action="about:blank" target=${frame}>
          <intake-form name="intake" lang="zh-Hans" storage-key=${key} .schema=${schema}>
          </intake-form>
        </form>
      </div>`,
    );
    const page = wrapper.querySelector('form')!;
    const el = page.querySelector('intake-form')!;
    await ready(el);
    await settle(el);
    return { page, el };
  }

  /** The draft stored under `key` on this device, as the widget wrote it. */
  const storedDraft = (key: string) =>
    get<{ values: Record<string, unknown> }>(key, createStore('dandelion-intake-drafts', 'drafts'));

  it('drops its draft once the page form is submitted', async () => {
    const key = uniqueKey('page-submit');
    const { page, el } = await pageFormWith(key);
    await fill(el, 'f-name', '王小明');
    await until(() => storedDraft(key), 'the draft to be saved');
    const submitted = oneEvent(page, 'submit');
    page.requestSubmit();
    await submitted;
    await until(async () => (await storedDraft(key)) === undefined, 'the draft to be dropped');
  });

  it('keeps its draft when the page sends the form itself', async () => {
    const key = uniqueKey('page-intercept');
    const { page, el } = await pageFormWith(key);
    page.addEventListener('submit', (event) => event.preventDefault());
    await fill(el, 'f-name', '王小明');
    await until(() => storedDraft(key), 'the draft to be saved');
    const submitted = oneEvent(page, 'submit');
    page.requestSubmit();
    await submitted;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await storedDraft(key))?.values).to.deep.equal({ '/name': '王小明' });
  });
});
