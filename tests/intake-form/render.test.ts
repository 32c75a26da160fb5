import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  $,
  $$,
  click,
  loadFixture,
  ready,
  settle,
  shadowText,
  text,
  uniqueKey,
  warmUp,
  type IntakeForm,
} from './helpers.js';

/** The kitchen-sink schema with every field on one page. */
async function allOnOnePage(): Promise<Record<string, unknown>> {
  const schema = await loadFixture('kitchen-sink');
  delete (schema as { 'x-ui'?: unknown })['x-ui'];
  return schema;
}

async function mount(schema: unknown, lang = 'zh-Hans'): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(
    html`<intake-form
      lang=${lang}
      storage-key=${uniqueKey('render')}
      .schema=${schema}
    ></intake-form>`,
  );
  await ready(el);
  await settle(el);
  return el;
}

describe('<intake-form> rendering from a schema', function () {
  // The machine may be busy (the demo database boots in the test server's process).
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('renders a control for every supported keyword', async () => {
    const el = await mount(await allOnOnePage());

    // Nested object → fieldset with a legend.
    expect(text($(el, 'fieldset.group legend'))).to.equal('孩子的资料');
    // string + minLength/maxLength + placeholder + autocomplete; required → no "(optional)".
    const name = $<HTMLInputElement>(el, '#f-child-name');
    expect(name.type).to.equal('text');
    expect(name.placeholder).to.equal('例如：小明');
    expect(name.getAttribute('autocomplete')).to.equal('off');
    expect(name.getAttribute('aria-required')).to.equal('true');
    expect(text($(el, 'label[for="f-child-name"]'))).to.equal('孩子的名字');
    // format date + description as hint tied with aria-describedby.
    const birth = $<HTMLInputElement>(el, '#f-child-birthDate');
    expect(birth.type).to.equal('date');
    expect(birth.getAttribute('aria-describedby')).to.equal('f-child-birthDate-hint');
    expect(text($(el, '#f-child-birthDate-hint'))).to.equal('按户口本上的日期填写');
    // integer / number → numeric keyboards, labelled optional.
    expect($<HTMLInputElement>(el, '#f-child-age').inputMode).to.equal('numeric');
    expect($<HTMLInputElement>(el, '#f-child-height').inputMode).to.equal('decimal');
    expect(text($(el, 'label[for="f-child-age"]'))).to.equal('年龄（选填）');
    // formats email, tel, uri.
    expect($<HTMLInputElement>(el, '#f-email').type).to.equal('email');
    expect($<HTMLInputElement>(el, '#f-email').getAttribute('autocomplete')).to.equal('email');
    expect($<HTMLInputElement>(el, '#f-phone').type).to.equal('tel');
    expect($<HTMLInputElement>(el, '#f-website').type).to.equal('url');
    // x-ui.help given as plain text.
    expect(text($(el, '#f-phone-hint'))).to.equal('例如 020-0000 1234');
    // enum (≤ 5 values) → radios, `default` preselected.
    const grades = $$<HTMLInputElement>(el, 'input[data-pointer="/grade"]');
    expect(grades.map((r) => r.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(grades.map((r) => r.checked)).to.deep.equal([false, true, false]);
    // oneOf const+title with more than 5 choices → select with a "choose" option.
    const district = $<HTMLSelectElement>(el, '#f-district');
    expect([...district.options].map((o) => o.text.trim())).to.deep.equal([
      '请选择',
      '某某街道',
      '东区街道',
      '西区街道',
      '南区街道',
      '北区街道',
      '中心街道',
    ]);
    // Array of labelled enums → checkbox group in a fieldset.
    const hobbies = $$<HTMLInputElement>(el, 'input[data-pointer="/hobbies"]');
    expect(hobbies.map((c) => c.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(text(hobbies[1].closest('fieldset')!.querySelector('legend')!)).to.equal('兴趣');
    // boolean with widget radio → yes/no.
    const sibling = $$<HTMLInputElement>(el, 'input[data-pointer="/hasSibling"]');
    expect(sibling.map((r) => text(r.nextElementSibling!))).to.deep.equal(['是', '否']);
    // textarea with rows and a character count tied to it.
    const note = $<HTMLTextAreaElement>(el, '#f-note');
    expect(note.rows).to.equal(3);
    expect(text($(el, '#f-note-count'))).to.equal('已写 0 字，最多 100 字');
    expect(note.getAttribute('aria-describedby')).to.contain('f-note-count');
    // readOnly with default.
    const station = $<HTMLInputElement>(el, '#f-station');
    expect(station.readOnly).to.equal(true);
    expect(station.value).to.equal('示例社工站');
    // boolean → single checkbox; const true → consent checkbox.
    expect($<HTMLInputElement>(el, '#f-newsletter').type).to.equal('checkbox');
    expect($(el, '#f-consent').closest('.consent')).to.exist;
    // Form title and description.
    expect(text($(el, '#form-title'))).to.equal('全部题型');
    expect(shadowText(el)).to.contain('示例表格，所有资料均为虚构。');
    // Every question group is a styling part.
    expect($$(el, '[part~="field"]').length).to.be.greaterThan(15);
    await expect(el).to.be.accessible();
  });

  it('shows a `then` field only while its `if` holds', async () => {
    const el = await mount(await allOnOnePage());
    expect(el.shadowRoot!.querySelector('#f-siblingCount')).to.equal(null);
    await click(el, '#f-hasSibling'); // 是
    expect($<HTMLInputElement>(el, '#f-siblingCount').inputMode).to.equal('numeric');
    expect(text($(el, 'label[for="f-siblingCount"]'))).to.equal('几个兄弟姐妹？');
    await click(el, '#f-hasSibling-1'); // 否
    expect(el.shadowRoot!.querySelector('#f-siblingCount')).to.equal(null);
  });

  it('marks a dependentRequired field as required once its trigger is answered', async () => {
    const el = await mount(await allOnOnePage());
    expect(text($(el, 'label[for="f-visitPlan"]'))).to.contain('（选填）');
    const date = $<HTMLInputElement>(el, '#f-visitDate');
    date.value = '2026-12-01';
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(text($(el, 'label[for="f-visitPlan"]'))).to.equal('家访安排');
  });

  it('splits x-ui steps into pages with progress', async () => {
    const el = await mount(await loadFixture('kitchen-sink'));
    expect(text($(el, '[part="progress"] .progress-text'))).to.equal('第 1 步，共 3 步: 孩子');
    expect(text($(el, '.step-heading'))).to.equal('孩子');
    expect(el.shadowRoot!.querySelector('#f-child-name')).to.exist;
    expect(el.shadowRoot!.querySelector('#f-email')).to.equal(null);
    expect($$(el, '.progress-bar span.done')).to.have.length(1);
    expect(text(submitButton(el))).to.equal('下一步');
    await expect(el).to.be.accessible();
  });

  it('names unsupported keywords in a visible message and still renders the rest', async () => {
    const el = await mount(await loadFixture('unsupported'));
    const note = $(el, '.problems');
    const message = text(note);
    expect(message).to.contain('这份表格用到了本组件不支持的设置');
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
    expect($<HTMLInputElement>(el, '#f-name').type).to.equal('text');
    expect($<HTMLInputElement>(el, '#f-contact').type).to.equal('text');
    expect($<HTMLInputElement>(el, '#f-when').type).to.equal('text');
    expect($<HTMLInputElement>(el, '#f-count').inputMode).to.equal('numeric');
    expect(el.shadowRoot!.querySelector('[data-pointer="/people"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loads the schema from a URL, showing loading first', async () => {
    const el = await fixture<IntakeForm>(
      html`<intake-form
        schema="/api/forms/test-signup.json"
        storage-key=${uniqueKey()}
      ></intake-form>`,
    );
    expect(el.shadowRoot!.querySelector('[part="status"][aria-busy="true"]')).to.exist;
    await ready(el);
    expect(text($(el, '#form-title'))).to.equal('测试报名');
  });

  it('shows a localized error with retry and fires dandelion-error when the schema 404s', async () => {
    const el = document.createElement('intake-form') as IntakeForm;
    el.setAttribute('lang', 'zh-Hans');
    el.setAttribute('storage-key', uniqueKey());
    el.schema = '/api/forms/no-such-form.json';
    const event = oneEvent(el, 'dandelion-error');
    document.body.append(el);
    try {
      const { detail } = await event;
      expect(detail).to.deep.equal({
        kind: 'http',
        status: 404,
        message: '找不到这份资料（错误 404），链接可能已经改了。',
      });
      await settle(el);
      const status = $(el, '[part="status"][role="alert"]');
      expect(text(status)).to.contain('找不到这份资料');
      expect(text($(el, '[part="status"] button'))).to.equal('重试');
      await expect(el).to.be.accessible();
      // Retry really asks again (and fails again, the same way).
      const again = oneEvent(el, 'dandelion-error');
      await click(el, '[part="status"] button');
      expect((await again).detail.status).to.equal(404);
    } finally {
      el.remove();
    }
  });

  it('reports a document that is not an object schema as a format error', async () => {
    const el = document.createElement('intake-form') as IntakeForm;
    el.setAttribute('lang', 'en');
    const event = oneEvent(el, 'dandelion-error');
    el.schema = { type: 'string' };
    document.body.append(el);
    try {
      expect((await event).detail.kind).to.equal('format');
      await settle(el);
      expect(shadowText(el)).to.contain('not in a format this widget understands');
    } finally {
      el.remove();
    }
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
      const el = await mount(await loadFixture('kitchen-sink'), lang);
      expect(text($(el, '#form-title'))).to.equal(expected.title);
      expect(text(submitButton(el))).to.equal(expected.next);
      expect(text($(el, '.progress-text'))).to.contain(expected.step);
      const age = text($(el, 'label[for="f-child-age"]'));
      expect(age).to.contain(expected.label);
      expect(age).to.contain(expected.optional);
      await expect(el).to.be.accessible();
    });
  }

  it('follows a language change on the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-Hans">
        <intake-form
          storage-key=${uniqueKey()}
          schema="/api/forms/activity-signup.json"
          action="/api/intake/activity-signup"
        ></intake-form>
      </div>`,
    );
    const el = wrapper.querySelector('intake-form')!;
    await ready(el);
    expect(text($(el, '#form-title'))).to.equal('周末亲子活动报名');
    wrapper.setAttribute('lang', 'zh-TW');
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(text($(el, '#form-title'))).to.equal('週末親子活動報名');
    expect(text(submitButton(el))).to.equal('送出');
  });

  it('renders the three example forms of the demo accessibly', async () => {
    for (const name of ['kindergarten-registration', 'home-visit', 'activity-signup']) {
      const el = await fixture<IntakeForm>(
        html`<intake-form
          storage-key=${uniqueKey()}
          schema=${`/api/forms/${name}.json`}
          action=${`/api/intake/${name}`}
        ></intake-form>`,
      );
      await ready(el);
      await settle(el);
      expect(el.shadowRoot!.querySelector('.problems'), name).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('renders a 60-field, 4-step form in under 50 ms', async () => {
    const properties: Record<string, unknown> = {};
    const steps: { title: string; fields: string[] }[] = [];
    for (let s = 0; s < 4; s++) steps.push({ title: `第 ${s + 1} 部分`, fields: [] });
    for (let i = 0; i < 60; i++) {
      const key = `q${i}`;
      const kind = i % 6;
      properties[key] =
        kind === 0
          ? { type: 'string', title: `问题 ${i}`, maxLength: 100 }
          : kind === 1
            ? { type: 'string', format: 'date', title: `日期 ${i}` }
            : kind === 2
              ? { type: 'integer', minimum: 0, maximum: 99, title: `数字 ${i}` }
              : kind === 3
                ? {
                    title: `选择 ${i}`,
                    oneOf: [1, 2, 3].map((n) => ({ const: n, title: `选项 ${n}` })),
                  }
                : kind === 4
                  ? { type: 'array', title: `多选 ${i}`, items: { enum: ['甲', '乙', '丙'] } }
                  : { type: 'string', title: `说明 ${i}`, 'x-ui': { widget: 'textarea' } };
      steps[Math.floor(i / 15)].fields.push(key);
    }
    const schema = {
      type: 'object',
      title: '六十题',
      required: ['q0', 'q1'],
      properties,
      'x-ui': { steps },
    };
    // Warm up once (locale chunk, styles), then measure a fresh element.
    await mount(schema);
    const host = document.createElement('div');
    document.body.append(host);
    try {
      const el = document.createElement('intake-form') as IntakeForm;
      el.setAttribute('no-draft', '');
      el.setAttribute('storage-key', uniqueKey('perf'));
      const start = performance.now();
      el.schema = schema;
      host.append(el);
      await el.updateComplete;
      const elapsed = performance.now() - start;
      console.log(`[perf] 60-field, 4-step intake form rendered in ${elapsed.toFixed(1)} ms`);
      expect($$(el, '[part~="field"]').length).to.equal(15);
      expect(text($(el, '.progress-text'))).to.contain('第 1 步，共 4 步');
      expect(elapsed).to.be.below(50);
    } finally {
      host.remove();
    }
  });
});

function submitButton(el: IntakeForm): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[type="submit"]');
}
