import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/service-finder/define.js';
import '../../src/event-calendar/define.js';
import '../../src/intake-form/define.js';
import '../../src/story-carousel/define.js';
import { headingLevel } from '../../src/core/heading.js';
import { mount, until } from '../support/index.js';
import { deepElements, find } from '../support/dom.js';
import { sampleRecords, showCalendar } from '../support/calendar.js';
import { stories } from '../support/carousel.js';

/**
 * Headings inside the widgets follow the page's outline (`heading-level`): under the page's h1
 * the widget's own headings are h2 (default) and theirs h3; inside an h2 section with
 * heading-level="3" they are h3 and h4. axe's heading-order passes either way.
 */

const services = [
  {
    id: 's1',
    name: '法律咨询',
    description: '免费法律咨询。',
    phones: [{ number: '010-6512 3456' }],
    locations: [{ address: '和平路 20 号' }],
  },
  { id: 's2', name: '儿童健康检查', description: '为 0–6 岁儿童做体检。' },
];

const schema = {
  title: '活动报名',
  type: 'object',
  properties: { name: { type: 'string', title: '姓名' } },
};

interface Case {
  name: string;
  widget: (level?: number) => TemplateResult;
  /** The selector of the widget's first heading, once it shows content. */
  ready: string;
  /** Levels of the headings inside the widget at heading-level 2, in document order. */
  levels: number[];
  /** Something to do first (open a detail). */
  act?: (el: Element) => Promise<void>;
}

const finder = (level?: number) =>
  html`<service-finder
    lang="zh-Hans"
    heading-level=${level ?? 2}
    .data=${services}
  ></service-finder>`;

const cases: Case[] = [
  {
    name: 'service-finder results',
    widget: finder,
    ready: '.card-title',
    levels: [2, 2],
  },
  {
    name: 'service-finder detail',
    widget: finder,
    ready: '.card-title',
    act: async (el) => {
      find<HTMLButtonElement>(el, '.card-title button')!.click();
      await until(() => find(el, '#places-title'), 'the detail');
    },
    // The list stays in the DOM (hidden) under the detail.
    levels: [2, 2, 2, 3, 3],
  },
  {
    name: 'event-calendar list',
    widget: (level) =>
      html`<event-calendar
        lang="zh-Hans"
        view="list"
        date="2026-11-16"
        heading-level=${level ?? 2}
        .data=${sampleRecords()}
      ></event-calendar>`,
    ready: '.list-day-title',
    levels: [2, 3, 3, 3, 3, 3, 3],
  },
  {
    name: 'intake-form',
    widget: (level) =>
      html`<intake-form
        lang="zh-Hans"
        heading-level=${level ?? 2}
        .schema=${schema}
      ></intake-form>`,
    ready: '.form-heading',
    levels: [2],
  },
  {
    name: 'story-carousel',
    widget: (level) =>
      html`<story-carousel
        lang="zh-Hans"
        heading-level=${level ?? 2}
        .data=${stories(3)}
      ></story-carousel>`,
    ready: '.title',
    levels: [2, 2, 2],
  },
];

/** Levels of the visible and hidden headings inside `root`'s widget, in document order. */
function levelsIn(root: Element): number[] {
  const widget = root.querySelector('service-finder, event-calendar, intake-form, story-carousel')!;
  return deepElements(widget)
    .filter((e) => /^h[1-6]$/.test(e.localName))
    .map((e) => Number(e.localName[1]));
}

async function show(c: Case, page: TemplateResult): Promise<Element> {
  const { el } = await mount<HTMLElement>(page);
  await until(() => find(el, c.ready), `${c.name} content`);
  await c.act?.(el);
  return el;
}

describe('heading-level', () => {
  it('keeps levels between 1 and 6 and defaults to 2', () => {
    expect(headingLevel(undefined)).to.equal(2);
    expect(headingLevel('3')).to.equal(3);
    expect(headingLevel(0)).to.equal(2);
    expect(headingLevel(9)).to.equal(2);
    expect(headingLevel(6, 1)).to.equal(6);
    expect(headingLevel(1, 1)).to.equal(2);
  });

  for (const c of cases) {
    it(`${c.name}: h2 under the page's h1 by default; heading-order passes`, async () => {
      const el = await show(
        c,
        html`<main>
          <h1>社区服务</h1>
          ${c.widget()}
        </main>`,
      );
      expect(levelsIn(el)).to.deep.equal(c.levels);
      await expect(el).to.be.accessible();
    });

    it(`${c.name}: one level deeper with heading-level="3" inside an h2 section`, async () => {
      const el = await show(
        c,
        html`<main>
          <h1>社区服务</h1>
          <section>
            <h2>本周</h2>
            ${c.widget(3)}
          </section>
        </main>`,
      );
      expect(levelsIn(el.querySelector('section')!)).to.deep.equal(c.levels.map((l) => l + 1));
      await expect(el).to.be.accessible();
    });
  }

  it("event-calendar: the event dialog's title is at heading-level", async () => {
    const calendar = await showCalendar({ lang: 'zh-Hans', date: '2026-11-16', view: 'list' });
    calendar.el.setAttribute('heading-level', '4');
    await calendar.el.updateComplete;
    const dialog = await calendar.openEvent('亲子阅读会');
    expect(dialog.titleElement()!.localName).to.equal('h4');
  });
});
