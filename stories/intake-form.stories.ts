import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { IntakeForm, type JsonSchema } from '../src/intake-form/index.js';
import { badFeed, corsRefusedUrl, withCorsRefusal } from './error-states.js';

// Define here too (a no-op when the entry point already did), so a story never depends on
// which module of the widget the bundler happened to keep.
if (!customElements.get('intake-form')) customElements.define('intake-form', IntakeForm);

/** Fixtures under tests/fixtures/ are served at /fixtures/ (see .storybook/main.ts). */
const fixtures = '/fixtures/intake/forms';

/**
 * A fake receiver: `action`s under this relative path are answered inside the browser (installed
 * by the stories that submit), so no answer ever leaves Storybook. `accept` answers 201 with a
 * reference; `reject` answers 422 with problem details naming the session; `unavailable` answers
 * 503 (the answer is kept on the device and retried). Bodies are not read.
 */
const fakeReceiver = '/__intake-form-story-fake__';
const acceptUrl = `${fakeReceiver}/accept`;
const rejectUrl = `${fakeReceiver}/reject`;
const unavailableUrl = `${fakeReceiver}/unavailable`;
let fakeInstalled = false;
function installFakeReceiver(): void {
  if (fakeInstalled) return;
  fakeInstalled = true;
  const realFetch = window.fetch.bind(window);
  const answer = (status: number, body: unknown, type = 'application/json') =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': `${type}; charset=utf-8` },
    });
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes(fakeReceiver)) return realFetch(input, init);
    // A short pause, so "Sending…" can be seen.
    await new Promise((resolve) => setTimeout(resolve, 600));
    if (url.includes(unavailableUrl)) {
      return answer(503, { title: 'Service Unavailable', status: 503 }, 'application/problem+json');
    }
    if (url.includes(rejectUrl)) {
      return answer(
        422,
        {
          type: 'about:blank',
          title: 'Some answers need correcting',
          status: 422,
          errors: [{ pointer: '/session', detail: '这一场已经报满了，请选另一场。' }],
        },
        'application/problem+json',
      );
    }
    return answer(201, { id: `story-${Date.now()}`, reference: 'DX-STRY' });
  };
}

/** Only the outcome, never the answers: they are personal data (even fictional ones here). */
const logSubmit = (e: CustomEvent<{ id: string; status: string }>) =>
  console.info('dandelion-submit', e.detail.status, e.detail.id);

const sessions = [
  {
    const: 'sat-am',
    title: {
      'zh-Hans': '周六上午 · 绘本共读',
      'zh-Hant': '週六上午 · 繪本共讀',
      en: 'Saturday morning · picture books',
    },
  },
  {
    const: 'sat-pm',
    title: {
      'zh-Hans': '周六下午 · 手工制作',
      'zh-Hant': '週六下午 · 手作',
      en: 'Saturday afternoon · crafts',
    },
  },
  {
    const: 'sun-am',
    title: {
      'zh-Hans': '周日上午 · 户外游戏',
      'zh-Hant': '週日上午 · 戶外遊戲',
      en: 'Sunday morning · outdoor games',
    },
  },
];

/** A one-page sign-up for a fictional weekend activity (a child's name and age, a parent's phone). */
const signup: JsonSchema = {
  title: {
    'zh-Hans': '周末亲子活动报名',
    'zh-Hant': '週末親子活動報名',
    en: 'Weekend family activity sign-up',
  },
  description: {
    'zh-Hans': '示例社工站的亲子活动，免费参加。所有资料均为虚构。',
    'zh-Hant': '示例社工站的親子活動，免費參加。所有資料均為虛構。',
    en: 'Free family activities at Sample Social Work Station. All details are fictional.',
  },
  type: 'object',
  required: ['parentName', 'phone', 'childName', 'session', 'consent'],
  properties: {
    parentName: {
      type: 'string',
      title: { 'zh-Hans': '家长姓名', 'zh-Hant': '家長姓名', en: "Parent's name" },
      maxLength: 50,
      'x-ui': { autocomplete: 'name' },
    },
    phone: {
      type: 'string',
      format: 'tel',
      title: { 'zh-Hans': '联系电话', 'zh-Hant': '聯絡電話', en: 'Phone number' },
      'x-ui': {
        autocomplete: 'tel',
        help: {
          'zh-Hans': '社工会打这个电话和你确认报名',
          'zh-Hant': '社工會打這個電話和你確認報名',
          en: 'We will call this number to confirm',
        },
      },
    },
    childName: {
      type: 'string',
      title: { 'zh-Hans': '孩子的名字', 'zh-Hant': '孩子的名字', en: "Child's name" },
      maxLength: 20,
      'x-ui': {
        help: { 'zh-Hans': '小名也可以', 'zh-Hant': '小名也可以', en: 'A nickname is fine' },
      },
    },
    childAge: {
      type: 'integer',
      title: { 'zh-Hans': '孩子的年龄', 'zh-Hant': '孩子的年齡', en: "Child's age" },
      minimum: 0,
      maximum: 14,
    },
    session: {
      title: { 'zh-Hans': '想参加哪一场？', 'zh-Hant': '想參加哪一場？', en: 'Which session?' },
      oneOf: sessions,
    },
    consent: {
      type: 'boolean',
      const: true,
      title: {
        'zh-Hans': '我同意示例社工站保存以上资料，只用于这次活动的联系',
        'zh-Hant': '我同意示例社工站保存以上資料，只用於這次活動的聯絡',
        en: 'I agree that Sample Social Work Station keeps these details, only to contact me about this activity',
      },
    },
  },
};

/** Valid as given (fictional defaults), so Submit reaches the fake receiver at once. */
const prefilledSignup: JsonSchema = {
  title: '周末亲子活动报名',
  type: 'object',
  required: ['parentName', 'phone', 'session'],
  properties: {
    parentName: { type: 'string', title: '家长姓名', default: '示例家长' },
    phone: { type: 'string', format: 'tel', title: '联系电话', default: '020-0000 1234' },
    session: { title: '想参加哪一场？', oneOf: sessions, default: 'sat-am' },
  },
  // What the sent view says happens next (shown in the Sent story).
  'x-ui': {
    success: {
      title: '报名已收到',
      nextSteps: ['社工会在两个工作日内打电话和你确认', '活动当天请提前十分钟到'],
    },
  },
};

/** Questions about a child, answered inside a page's own `<form>`. */
const childDetails: JsonSchema = {
  title: '孩子的情况',
  type: 'object',
  required: ['name', 'birthDate'],
  properties: {
    name: { type: 'string', title: '孩子的名字', maxLength: 20 },
    birthDate: { type: 'string', format: 'date', title: '孩子的出生日期' },
    attending: {
      title: '孩子现在上幼儿园或托班吗？',
      oneOf: [
        { const: 'no', title: '没有' },
        { const: 'kindergarten', title: '幼儿园' },
        { const: 'nursery', title: '托班' },
      ],
    },
  },
};

interface Args {
  schema?: string;
  action?: string;
  storageKey?: string;
  noDraft: boolean;
  lang?: string;
  theme?: 'light' | 'dark';
  timeout: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/intake-form',
  component: 'intake-form',
  // Only the args the render uses get a control (the manifest lists every attribute, event,
  // part and CSS property; those stay in the docs table).
  parameters: {
    controls: {
      include: ['schema', 'action', 'storageKey', 'noDraft', 'lang', 'theme', 'timeout'],
    },
  },
  args: { schema: `${fixtures}/test-signup.json`, action: acceptUrl, noDraft: false, timeout: 15 },
  argTypes: {
    lang: { control: 'inline-radio', options: [undefined, 'zh-Hans', 'zh-Hant', 'en'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => {
    installFakeReceiver();
    return html`<intake-form
      schema=${args.schema ?? ''}
      action=${args.action ?? ''}
      storage-key=${args.storageKey ?? ''}
      ?no-draft=${args.noDraft}
      lang=${args.lang ?? ''}
      theme=${args.theme ?? ''}
      timeout=${args.timeout}
      @dandelion-submit=${logSubmit}
    ></intake-form>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** One page, schema given inline with `.schema`; Submit goes to the fake receiver (201). */
export const SingleStep: Story = {
  parameters: { controls: { disable: true } },
  render: () => {
    installFakeReceiver();
    return html`<intake-form
      .schema=${signup}
      action=${acceptUrl}
      storage-key="story-single-step"
      @dandelion-submit=${logSubmit}
    ></intake-form>`;
  },
};

/** A single-step form loaded from a URL (tests/fixtures/intake/forms/test-signup.json). */
export const FromUrl: Story = {};

/** Three steps with a nested group, every kind of question and a conditional one. */
export const MultiStep: Story = { args: { schema: `${fixtures}/kitchen-sink.json` } };

/**
 * A form sent to the fake receiver at once (the story's `play` presses submit): what the visitor
 * sees after sending `schema` to `action`.
 */
function submitted(schema: object, action: string, storageKey: string): Story {
  return {
    parameters: { controls: { disable: true } },
    render: () => {
      installFakeReceiver();
      return html`<intake-form
        .schema=${schema}
        action=${action}
        storage-key=${storageKey}
        no-draft
        @dandelion-submit=${logSubmit}
        @dandelion-error=${(e: CustomEvent) => console.info('dandelion-error', e.detail)}
      ></intake-form>`;
    },
    play: async ({ canvasElement }) => {
      const form = canvasElement.querySelector('intake-form');
      if (!form) return;
      await form.updateComplete;
      await form.submit();
    },
  };
}

/** Submit pressed on an empty form: the error summary and a message on each question. */
export const ValidationErrors: Story = submitted(signup, acceptUrl, 'story-validation-errors');

/** The fake receiver answers 422 with problem details: the server's words shown on the field. */
export const ServerRejects: Story = submitted(prefilledSignup, rejectUrl, 'story-server-rejects');

/** Submitted and accepted: the success view with the reference number and what happens next. */
export const Sent: Story = submitted(prefilledSignup, acceptUrl, 'story-sent');

/**
 * The receiver is down (503): the answer is saved on this device, the count of waiting answers
 * shows, and it is retried with backoff (here it never gets through).
 */
export const SavedOnDevice: Story = submitted(
  prefilledSignup,
  unavailableUrl,
  'story-saved-on-device',
);

/** The schema URL answers 404: the error state with "try again". */
export const Error: Story = { args: { schema: `${fixtures}/no-such-file.json` } };

/** An HTML page where the form's schema should be: the message, the cause for the site owner. */
export const ErrorBadSchema: Story = { args: { schema: badFeed } };

/** The schema's server on another origin refuses this page (CORS): no retry, the header to send. */
export const ErrorCorsRefused: Story = {
  args: { schema: corsRefusedUrl('forms/signup.json') },
  render: withCorsRefusal(meta.render!),
};

/** A schema that cannot be a form (not an object schema with properties): a format error. */
export const NotAForm: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<intake-form .schema=${{ type: 'string' }}></intake-form>`,
};

/** Keywords outside the subset are named in a note; the rest of the form works. */
export const UnsupportedKeywords: Story = {
  args: { schema: `${fixtures}/unsupported.json`, storageKey: 'story-unsupported' },
};

/** Over 200 choices a question is a searchable picker (type to filter, 50 matches at a time). */
export const LongChoiceList: Story = {
  args: { schema: `${fixtures}/big-choice.json`, storageKey: 'story-big-choice' },
};

/** Patterns RE2 cannot run (back-references, look-around) are named to the site owner, not run. */
export const PatternNotRun: Story = {
  args: { schema: `${fixtures}/patterns-refused.json`, storageKey: 'story-patterns-refused' },
};

/** A setup error: `action` is not a web address, so nothing is sent or kept (the answers stay). */
export const ActionNotAWebAddress: Story = {
  args: { action: 'javascript:alert(1)', storageKey: 'story-bad-action' },
};

/**
 * Inside a page's `<form>`, without `action`: the answers are one JSON value under `name`. The
 * page form is not submitted while an answer has a problem; here its submit only shows what it
 * would send (nothing leaves the browser). A page form that really submits drops the draft on the
 * device; this one intercepts the submit, so the draft stays until "重新填写" resets the form.
 */
export const InsidePageForm: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<form
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const form = e.currentTarget as HTMLFormElement;
        const output = form.querySelector('output');
        if (output) output.textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
      }}
      @reset=${(e: Event) => {
        const output = (e.currentTarget as HTMLFormElement).querySelector('output');
        if (output) output.textContent = '';
      }}
    >
      <input type="hidden" name="station" value="示例社工站" />
      <intake-form
        name="child"
        .schema=${childDetails}
        storage-key="story-inside-page-form"
      ></intake-form>
      <p>
        <button type="submit">登记</button>
        <button type="reset">重新填写</button>
      </p>
      <output style="display: block; white-space: pre-wrap; word-break: break-all"></output>
    </form>`,
};

export const English: Story = { args: { schema: `${fixtures}/kitchen-sink.json`, lang: 'en' } };

export const TraditionalChinese: Story = {
  args: { schema: `${fixtures}/kitchen-sink.json`, lang: 'zh-Hant' },
};

export const Dark: Story = { args: { theme: 'dark' } };
