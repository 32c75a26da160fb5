import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/service-finder/define.js';
import '../../src/event-calendar/define.js';
import '../../src/intake-form/define.js';
import '../../src/story-carousel/define.js';
import { mount, until } from '../support/index.js';
import { deepElements, find } from '../support/dom.js';
import { release, uniqueKey, untilHeld } from '../support/network.js';
import { quietly, sampleRecords } from '../support/calendar.js';
import { stories } from '../support/carousel.js';

/** Runs `fn` with console warnings silenced (the failures here warn on purpose). */
const quiet = async <T>(fn: () => Promise<T>): Promise<T> => (await quietly(fn))[0];

/**
 * No English labels on a zh-Hans page: every aria-label, title, alt, placeholder and
 * aria-roledescription inside every widget, in each state, is Chinese (or holds no words).
 */

const labelled = ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription'];

/** Every label under `root` (shadow roots included), as `<tag name="value">`. */
function labels(root: Element): string[] {
  return deepElements(root).flatMap((el) =>
    labelled
      .filter((name) => el.getAttribute(name))
      .map((name) => `<${el.localName} ${name}="${el.getAttribute(name)}">`),
  );
}

/** Labels with a Latin word and no Chinese, e.g. "Previous month" or "slide". */
function englishLabels(root: Element): string[] {
  return labels(root).filter((l) => {
    const value = l.slice(l.indexOf('="') + 2, -2);
    return /[A-Za-z]{2,}/.test(value) && !/\p{Script=Han}/u.test(value);
  });
}

const services = [
  {
    id: 's1',
    name: '法律咨询',
    description: '免费法律咨询。',
    categories: ['法律'],
    phones: [{ number: '010-6512 3456' }],
    locations: [{ address: '和平路 20 号', lat: 23.1, lng: 113.2 }],
  },
  { id: 's2', name: '儿童健康检查', description: '为 0–6 岁儿童做体检。', categories: ['健康'] },
];

const schema = {
  title: '活动报名',
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: '姓名' },
    phone: { type: 'string', title: '电话' },
    age: { type: 'integer', title: '年龄', minimum: 0 },
    choice: { type: 'string', title: '场次', enum: ['上午', '下午'] },
  },
};

type Widget = (attrs: { src?: string; data?: unknown }) => TemplateResult;

const widgets: [string, Widget, unknown][] = [
  [
    'service-finder',
    ({ src, data }) => html`<service-finder src=${src ?? ''} .data=${data}></service-finder>`,
    services,
  ],
  [
    'event-calendar',
    ({ src, data }) =>
      html`<event-calendar date="2026-11-16" src=${src ?? ''} .data=${data}></event-calendar>`,
    sampleRecords(),
  ],
  [
    'story-carousel',
    ({ src, data }) =>
      html`<story-carousel autoplay src=${src ?? ''} .data=${data}></story-carousel>`,
    stories(4),
  ],
];

async function scan(
  template: TemplateResult,
  ready: (el: Element) => unknown,
  lang = 'zh-Hans',
): Promise<string[]> {
  const { el } = await mount<HTMLElement>(html`<div lang=${lang}>${template}</div>`);
  await until(() => ready(el), 'the state');
  return englishLabels(el);
}

describe('no English labels on a zh-Hans page', () => {
  for (const [tag, widget, data] of widgets) {
    it(`${tag}: loading, empty, error and content`, async () => {
      const hold = uniqueKey('labels');
      const { el } = await mount<HTMLElement>(
        html`<div lang="zh-Hans">
          ${widget({ src: `/test-api/slow?hold=${hold}&key=${hold}` })}
        </div>`,
      );
      await untilHeld(hold);
      expect(englishLabels(el), 'loading').to.deep.equal([]);
      await release(hold);

      expect(
        await scan(widget({ data: [] }), (e) => find(e, '[part="status"].empty')),
        'empty',
      ).to.deep.equal([]);
      expect(
        await quiet(() =>
          scan(widget({ src: '/test-api/status/404' }), (e) => find(e, '[part="status"].error')),
        ),
        'error',
      ).to.deep.equal([]);
      const { el: shown } = await mount<HTMLElement>(
        html`<div lang="zh-Hans">${widget({ data })}</div>`,
      );
      await until(() => find(shown, '[part="base"]') && !find(shown, '[part="status"]'), 'content');
      // The scan sees the widget's labels (it is not vacuous), and none is English.
      expect(labels(shown).length, labels(shown).join('\n')).to.be.greaterThan(1);
      expect(englishLabels(shown), 'content').to.deep.equal([]);
    });
  }

  it('service-finder: the detail of a service', async () => {
    const { el } = await mount<HTMLElement>(
      html`<div lang="zh-Hans"><service-finder .data=${services}></service-finder></div>`,
    );
    (await until(() => find<HTMLButtonElement>(el, '.card-title button'), 'the results')).click();
    await until(() => find(el, '#places-title'), 'the detail');
    expect(englishLabels(el)).to.deep.equal([]);
  });

  it('event-calendar: month, week and list views and the event dialog', async () => {
    for (const view of ['month', 'week', 'list']) {
      const labels = await scan(
        html`<event-calendar
          date="2026-11-16"
          view=${view}
          .data=${sampleRecords()}
        ></event-calendar>`,
        (e) => find(e, '[part="event"]'),
      );
      expect(labels, view).to.deep.equal([]);
    }
    const { el } = await mount<HTMLElement>(
      html`<div lang="zh-Hans">
        <event-calendar date="2026-11-16" view="list" .data=${sampleRecords()}></event-calendar>
      </div>`,
    );
    (await until(() => find<HTMLElement>(el, '[part="event"]'), 'an event')).click();
    await until(() => find(el, 'dialog[open] .facts'), 'the event detail');
    expect(englishLabels(el), 'dialog').to.deep.equal([]);
  });

  it('event-calendar: the phone month view and the chosen day’s list (390 px)', async () => {
    const labels = await scan(
      html`<div class="phone">
        <style>
          .phone {
            inline-size: 390px;
          }
        </style>
        <event-calendar date="2026-11-18" view="month" .data=${sampleRecords()}></event-calendar>
      </div>`,
      (e) => find(e, '.agenda [part="event"]'),
    );
    expect(labels).to.deep.equal([]);
  });

  it('intake-form: the form, its error summary and the error state', async () => {
    const { el } = await mount<HTMLElement>(
      html`<div lang="zh-Hans">
        <intake-form .schema=${schema} action="/test-api/json"></intake-form>
      </div>`,
    );
    await until(() => find(el, '.form-heading'), 'the form');
    expect(englishLabels(el), 'form').to.deep.equal([]);
    find<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => find(el, '.summary-title'), 'the error summary');
    expect(englishLabels(el), 'error summary').to.deep.equal([]);
    expect(
      await quiet(() =>
        scan(html`<intake-form schema="/test-api/status/404"></intake-form>`, (e) =>
          find(e, '[part="status"].error'),
        ),
      ),
      'error',
    ).to.deep.equal([]);
  });
});

describe('no English labels on a zh-Hant page', () => {
  const contents: [string, TemplateResult, string][] = [
    ...widgets.map(([tag, widget, data]): [string, TemplateResult, string] => [
      tag,
      widget({ data }),
      tag === 'story-carousel' ? '[part~="slide"]' : '[part~="service"], [part~="event"]',
    ]),
    ['intake-form', html`<intake-form .schema=${schema}></intake-form>`, '.form-heading'],
  ];
  for (const [tag, template, ready] of contents) {
    it(`${tag}: content`, async () => {
      expect(await scan(template, (e) => find(e, ready), 'zh-Hant')).to.deep.equal([]);
    });
  }
});
