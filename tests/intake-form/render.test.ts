import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { parts, until } from '../support/index.js';
import {
  loadForm,
  mountForm,
  mountFormIn,
  mountFormLoading,
  onOnePage,
  uniqueKey,
  warmUp,
} from '../support/intake.js';

describe('<intake-form> rendering from a schema', function () {
  before(async function () {
    // The demo database boots in the test server's process on the first request.
    this.timeout(120_000);
    await warmUp();
  });

  it('renders a control for every supported keyword', async () => {
    const form = await mountForm({ schema: onOnePage(await loadForm('kitchen-sink')) });

    // Nested object → a group with its title.
    expect(form.groups()).to.deep.equal(['孩子的资料']);
    // string + minLength/maxLength + placeholder + autocomplete; required → no "(optional)".
    const name = form.control('孩子的名字');
    expect(name.type).to.equal('text');
    expect(name.placeholder).to.equal('例如：小明');
    expect(name.getAttribute('autocomplete')).to.equal('off');
    expect(name.getAttribute('aria-required')).to.equal('true');
    expect(form.label('孩子的名字')).to.equal('孩子的名字');
    // format date + description as a hint read after the label.
    expect(form.control('孩子的出生日期').type).to.equal('date');
    expect(form.description('孩子的出生日期')).to.deep.equal(['按户口本上的日期填写']);
    // integer / number → numeric keyboards, labelled optional.
    expect(form.control('年龄').inputMode).to.equal('numeric');
    expect(form.control('身高（厘米）').inputMode).to.equal('decimal');
    expect(form.label('年龄')).to.equal('年龄（选填）');
    // formats email, tel, uri.
    expect(form.control('电子邮箱').type).to.equal('email');
    expect(form.control('电子邮箱').getAttribute('autocomplete')).to.equal('email');
    expect(form.control('电话').type).to.equal('tel');
    expect(form.control('网址').type).to.equal('url');
    // x-ui.help given as plain text.
    expect(form.hint('电话')).to.equal('例如 020-0000 1234');
    // enum (≤ 5 values) → radios, `default` preselected.
    const grades = form.choices('年级').map((c) => c.input);
    expect(grades.map((r) => r.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(grades.map((r) => r.checked)).to.deep.equal([false, true, false]);
    // oneOf const+title with more than 5 choices → select with a "choose" option.
    const district = form.control<HTMLSelectElement>('所在街道');
    expect([...district.options].map((o) => o.text.trim())).to.deep.equal([
      '请选择',
      '某某街道',
      '东区街道',
      '西区街道',
      '南区街道',
      '北区街道',
      '中心街道',
    ]);
    // Array of labelled enums → a group of checkboxes under the question.
    expect(form.choices('兴趣').map((c) => c.input.type)).to.deep.equal([
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
    expect(form.label('兴趣')).to.equal('兴趣');
    // boolean with widget radio → yes/no.
    expect(form.choices('有兄弟姐妹吗？').map((c) => c.title)).to.deep.equal(['是', '否']);
    // textarea with rows and a character count read with it.
    expect(form.control<HTMLTextAreaElement>('备注').rows).to.equal(3);
    expect(form.count('备注')).to.equal('已写 0 字，最多 100 字');
    expect(form.description('备注')).to.include('已写 0 字，最多 100 字');
    // readOnly with default.
    const station = form.control('负责的社工站');
    expect(station.readOnly).to.equal(true);
    expect(station.value).to.equal('示例社工站');
    // boolean → single checkbox; const true → consent checkbox.
    expect(form.control('订阅活动通知').type).to.equal('checkbox');
    expect(form.control('我同意保存以上资料').type).to.equal('checkbox');
    expect(form.isConsent('我同意保存以上资料')).to.equal(true);
    // Form title and description.
    expect(form.title()).to.equal('全部题型');
    expect(form.text()).to.contain('示例表格，所有资料均为虚构。');
    // Every question is a styling part.
    expect(parts(form.el, 'field').length).to.be.greaterThan(15);
    await expect(form.el).to.be.accessible();
  });

  it('shows a `then` question only while its `if` holds', async () => {
    const form = await mountForm({ schema: onOnePage(await loadForm('kitchen-sink')) });
    expect(form.has('几个兄弟姐妹？')).to.equal(false);
    await form.choose('有兄弟姐妹吗？', '是');
    expect(form.control('几个兄弟姐妹？').inputMode).to.equal('numeric');
    expect(form.label('几个兄弟姐妹？')).to.equal('几个兄弟姐妹？');
    await form.choose('有兄弟姐妹吗？', '否');
    expect(form.has('几个兄弟姐妹？')).to.equal(false);
  });

  it('marks a dependentRequired question as required once its trigger is answered', async () => {
    const form = await mountForm({ schema: onOnePage(await loadForm('kitchen-sink')) });
    expect(form.label('家访安排')).to.contain('（选填）');
    await form.type('家访日期', '2026-12-01');
    expect(form.label('家访安排')).to.equal('家访安排');
  });

  it('splits x-ui steps into pages with progress', async () => {
    const form = await mountForm({ schema: await loadForm('kitchen-sink') });
    expect(form.progress()).to.equal('第 1 步，共 3 步: 孩子');
    expect(form.stepHeading()).to.equal('孩子');
    expect(form.has('孩子的名字')).to.equal(true);
    expect(form.has('电子邮箱')).to.equal(false);
    expect(form.stepsReached()).to.equal(1);
    expect(form.primaryButton()?.textContent?.trim()).to.equal('下一步');
    await expect(form.el).to.be.accessible();
  });

  it('shows a long form one step at a time', async () => {
    // Twelve questions of six kinds over four steps (the 60-question timing is in `npm run bench`).
    const properties: Record<string, unknown> = {};
    const steps: { title: string; fields: string[] }[] = [];
    for (let s = 0; s < 4; s++) steps.push({ title: `第 ${s + 1} 部分`, fields: [] });
    const kinds = [
      (i: number) => ({ type: 'string', title: `问题 ${i}`, maxLength: 100 }),
      (i: number) => ({ type: 'string', format: 'date', title: `日期 ${i}` }),
      (i: number) => ({ type: 'integer', minimum: 0, maximum: 99, title: `数字 ${i}` }),
      (i: number) => ({
        title: `选择 ${i}`,
        oneOf: [1, 2, 3].map((n) => ({ const: n, title: `选项 ${n}` })),
      }),
      (i: number) => ({ type: 'array', title: `多选 ${i}`, items: { enum: ['甲', '乙', '丙'] } }),
      (i: number) => ({ type: 'string', title: `说明 ${i}`, 'x-ui': { widget: 'textarea' } }),
    ];
    for (let i = 0; i < 12; i++) {
      properties[`q${i}`] = kinds[i % kinds.length](i);
      steps[Math.floor(i / 3)].fields.push(`q${i}`);
    }
    const form = await mountForm({
      noDraft: true,
      schema: {
        type: 'object',
        title: '十二题',
        required: ['q0', 'q1'],
        properties,
        'x-ui': { steps },
      },
    });
    expect(parts(form.el, 'field')).to.have.length(3);
    expect(form.progress()).to.contain('第 1 步，共 4 步');
    expect(form.has('问题 0') && form.has('日期 1') && form.has('数字 2')).to.equal(true);
    expect(form.has('选择 3')).to.equal(false);
  });

  it('names unsupported keywords in a visible message and still renders the rest', async () => {
    const form = await mountForm({ schema: await loadForm('unsupported') });
    const message = await form.problemsNote();
    expect(message).to.contain('这份表格有些设置在这里用不了');
    for (const keyword of [
      'anyOf',
      'format: date-time',
      'exclusiveMinimum',
      '$ref',
      'items',
      '$defs',
    ]) {
      expect(message, keyword).to.contain(keyword);
    }
    expect(message).to.contain('/properties/contact/anyOf');
    expect(message).to.contain('其余部分可以正常填写');
    expect(form.control('姓名').type).to.equal('text');
    expect(form.control('联系方式').type).to.equal('text');
    expect(form.control('时间').type).to.equal('text');
    expect(form.control('人数').inputMode).to.equal('numeric');
    expect(form.has('名单')).to.equal(false);
    await expect(form.el).to.be.accessible();
  });

  it('loads the schema from a URL, showing loading first', async () => {
    const form = await mountFormLoading({ schema: '/api/forms/test-signup.json' });
    expect(form.status()?.getAttribute('aria-busy')).to.equal('true');
    await form.ready();
    expect(form.title()).to.equal('测试报名');
  });

  it('shows a kind error without a retry and fires dandelion-error when the schema 404s', async () => {
    const form = await mountFormLoading({ schema: '/api/forms/no-such-form.json' });
    expect(await form.events.failed()).to.deep.equal({
      kind: 'http',
      status: 404,
      message: '暂时找不到这里的内容，请稍后再来看看。',
    });
    await form.settle();
    const status = form.status()!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(status.textContent).to.contain('暂时找不到这里的内容');
    // Asking again cannot find a missing file: the way forward is the organisation.
    expect(status.querySelector('button')).to.equal(null);
    expect(status.textContent).to.contain('请联系主办机构');
    await expect(form.el).to.be.accessible();
  });

  it('reports a document that is not an object schema as a format error', async () => {
    const form = await mountFormLoading({ lang: 'en', schema: { type: 'string' } });
    expect((await form.events.failed()).kind).to.equal('format');
    await form.settle();
    expect(form.text()).to.contain('This content cannot be shown here right now');
  });

  for (const [lang, expected] of [
    [
      'zh-Hans',
      {
        title: '全部题型',
        next: '下一步',
        step: '第 1 步，共 3 步',
        optional: '（选填）',
        label: '年龄',
      },
    ],
    [
      'zh-Hant',
      {
        title: '全部題型',
        next: '下一步',
        step: '第 1 步，共 3 步',
        optional: '（選填）',
        label: '年齡',
      },
    ],
    [
      'en',
      {
        title: 'Every question type',
        next: 'Continue',
        step: 'Step 1 of 3',
        optional: '(optional)',
        label: 'Age',
      },
    ],
  ] as const) {
    it(`speaks ${lang}: schema titles and widget words`, async () => {
      const form = await mountForm({ schema: await loadForm('kitchen-sink'), lang });
      expect(form.title()).to.equal(expected.title);
      expect(form.primaryButton()?.textContent?.trim()).to.equal(expected.next);
      expect(form.progress()).to.contain(expected.step);
      const age = form.label(expected.label);
      expect(age).to.contain(expected.label);
      expect(age).to.contain(expected.optional);
      await expect(form.el).to.be.accessible();
    });
  }

  it('follows a language change on the page', async () => {
    const { page, form } = await mountFormIn<HTMLDivElement>(
      html`<div lang="zh-Hans">
        <intake-form
          storage-key=${uniqueKey()}
          schema="/api/forms/activity-signup.json"
          action="/api/intake/activity-signup"
        ></intake-form>
      </div>`,
    );
    expect(form.title()).to.equal('周末亲子活动报名');
    page.setAttribute('lang', 'zh-TW');
    await until(() => form.title() === '週末親子活動報名', 'the title in Traditional Chinese');
    expect(form.primaryButton()?.textContent?.trim()).to.equal('送出');
  });

  it('renders the three example forms of the demo accessibly', async () => {
    for (const name of ['kindergarten-registration', 'home-visit', 'activity-signup']) {
      const form = await mountForm({ form: name });
      expect(form.problems(), name).to.equal(null);
      await expect(form.el).to.be.accessible();
    }
  });
});
