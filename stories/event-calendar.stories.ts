import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { installNever, neverUrl } from './never-answers.js';
import { allSkipped, badFeed, corsRefusedUrl, withCorsRefusal } from './error-states.js';
import { EventCalendar } from '../src/event-calendar/index.js';
import { phone } from './phone.js';

// The entry point defines the element; define by value too, in case a bundler drops that
// side-effect import (a no-op when the entry point already did).
if (!customElements.get('event-calendar')) customElements.define('event-calendar', EventCalendar);

/** Fixtures under tests/fixtures/ are served at /fixtures/ (see .storybook/main.ts). */
const fixtures = '/fixtures';

const place = {
  name: '示例社工站活动室',
  address: '某某街道幸福路 1 号',
  lat: 23.1291,
  lng: 113.2644,
};

/** Fictional activities in November 2026, given directly with `.data`. */
const events = () => [
  {
    id: 'demo-reading',
    title: '亲子阅读会',
    start: '2026-11-07T10:00:00',
    end: '2026-11-07T11:30:00',
    timeZone: 'Asia/Shanghai',
    rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=8',
    location: place,
    categories: ['亲子'],
    cost: '免费',
    organizer: '示例社工站',
    description: '<p>和孩子一起读绘本，适合 <strong>3–8 岁</strong>儿童及家长。</p>',
    registrationUrl: 'https://example.org/register/reading',
    url: 'https://example.org/events/reading',
  },
  {
    id: 'demo-sale',
    title: '社区公益义卖',
    start: '2026-11-13',
    end: '2026-11-15',
    location: { name: '某某街道党群服务中心' },
    categories: ['志愿服务'],
    cost: '免费入场',
  },
  {
    id: 'demo-training',
    title: '新志愿者培训周',
    start: '2026-11-16',
    end: '2026-11-20',
    categories: ['志愿服务'],
    organizer: '示例社工站',
  },
  {
    id: 'demo-health',
    title: '长者健康讲座：预防跌倒',
    start: '2026-11-18T14:30:00+08:00',
    end: '2026-11-18T16:00:00+08:00',
    location: { name: '某某街道党群服务中心', address: '某某街道和平路 20 号' },
    categories: ['长者'],
    cost: '免费',
  },
  {
    id: 'demo-parents',
    title: '家长课堂：和青春期孩子好好说话',
    start: '2026-11-18T14:00:00+08:00',
    end: '2026-11-18T15:30:00+08:00',
    location: place,
    categories: ['家长课堂'],
  },
  {
    id: 'demo-volunteers',
    title: '志愿者例会',
    start: '2026-11-18T15:00:00+08:00',
    end: '2026-11-18T16:00:00+08:00',
    location: place,
    categories: ['志愿服务'],
  },
  {
    id: 'demo-online',
    title: '线上分享：双语养育',
    start: '2026-11-19T12:00:00',
    end: '2026-11-19T13:00:00',
    timeZone: 'Europe/London',
    location: { name: '线上' },
    categories: ['家长课堂'],
  },
  {
    id: 'demo-lunch',
    title: '社区长者午餐',
    start: '2026-11-20T12:00:00+08:00',
    end: '2026-11-20T13:30:00+08:00',
    location: place,
    categories: ['长者'],
    cost: '每份 5 元',
  },
  {
    id: 'demo-birds',
    title: '儿童自然教育：湿地观鸟',
    start: '2026-11-22',
    location: { name: '某某湿地公园东门' },
    categories: ['自然教育'],
  },
  {
    id: 'demo-clinic',
    title: '社区义诊',
    start: '2026-11-25T09:00:00+08:00',
    end: '2026-11-25T11:30:00+08:00',
    location: { name: '某某社区广场' },
    categories: ['长者'],
  },
  {
    id: 'demo-calligraphy',
    title: '书法兴趣班',
    start: '2026-11-25T10:00:00+08:00',
    end: '2026-11-25T11:30:00+08:00',
    location: place,
    categories: ['兴趣小组'],
  },
  {
    id: 'demo-crafts',
    title: '亲子手工坊',
    start: '2026-11-25T14:00:00+08:00',
    end: '2026-11-25T16:00:00+08:00',
    location: place,
    categories: ['亲子'],
  },
  {
    id: 'demo-tea',
    title: '长者茶话会',
    start: '2026-11-25T15:00:00+08:00',
    end: '2026-11-25T16:30:00+08:00',
    location: { name: '某某长者中心' },
    categories: ['长者'],
  },
  {
    id: 'demo-film',
    title: '社区露天电影',
    start: '2026-11-25T19:00:00+08:00',
    end: '2026-11-25T21:00:00+08:00',
    location: { name: '某某社区广场' },
    categories: ['兴趣小组'],
  },
  {
    id: 'demo-council',
    title: '居民议事会',
    start: '2026-11-27T19:00:00+08:00',
    end: '2026-11-27T20:30:00+08:00',
    location: { name: '某某街道党群服务中心' },
  },
];

interface Args {
  src?: string;
  format?: string;
  itemsPath?: string;
  view?: 'month' | 'week' | 'list';
  date?: string;
  timeZone?: string;
  lunar: boolean;
  theme?: 'light' | 'dark';
  dayMaxEvents: number;
  pageSize: number;
}

/**
 * The calendar with the story's args, from `src` or, when given, from `data` (and, when given,
 * slotted content).
 */
const calendar = (args: Args, data?: unknown, slotted?: TemplateResult) =>
  html`<event-calendar
    src=${data === undefined ? (args.src ?? '') : ''}
    .data=${data}
    format=${args.format ?? 'auto'}
    items-path=${args.itemsPath ?? ''}
    view=${args.view ?? ''}
    date=${args.date ?? ''}
    time-zone=${args.timeZone ?? ''}
    ?lunar=${args.lunar}
    theme=${args.theme ?? ''}
    day-max-events=${args.dayMaxEvents}
    page-size=${args.pageSize}
    @dandelion-select=${(e: CustomEvent) => console.info('dandelion-select', e.detail)}
    >${slotted}</event-calendar
  >`;

/** Stories that pass records as `.data`: the source controls (src, format, items-path) do not apply. */
const dataControls = {
  controls: {
    include: ['view', 'date', 'timeZone', 'lunar', 'theme', 'dayMaxEvents', 'pageSize'],
  },
};

const meta: Meta<Args> = {
  title: 'Widgets/event-calendar',
  component: 'event-calendar',
  // Only the args the render uses get a control (the manifest lists every attribute, event,
  // part and CSS property; those stay in the docs table).
  parameters: {
    controls: {
      include: [
        'src',
        'format',
        'itemsPath',
        'view',
        'date',
        'timeZone',
        'lunar',
        'theme',
        'dayMaxEvents',
        'pageSize',
      ],
    },
  },
  args: {
    src: `${fixtures}/calendar/activities.ics`,
    format: 'auto',
    date: '2026-11-16',
    timeZone: 'Asia/Shanghai',
    lunar: false,
    dayMaxEvents: 3,
    pageSize: 20,
  },
  argTypes: {
    format: { control: 'select', options: ['auto', 'ics', 'tribe', 'jsonld', 'csv', 'json'] },
    view: { control: 'inline-radio', options: [undefined, 'month', 'week', 'list'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => calendar(args),
};
export default meta;
type Story = StoryObj<Args>;

export const Loading: Story = {
  args: { src: neverUrl('json'), format: 'json' },
  render: (args, context) => {
    installNever();
    return meta.render!(args, context);
  },
};

export const Empty: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<event-calendar .data=${[]}></event-calendar>`,
};

export const EmptyWithOwnMessage: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<event-calendar .data=${[]}>
      <p slot="empty">本月活动正在安排中，欢迎关注示例社工站的通知。</p>
    </event-calendar>`,
};

export const Error: Story = {
  args: { src: `${fixtures}/calendar/no-such-file.ics`, format: 'ics' },
};

/** An HTML page where the events should be: the message, and the cause for the site owner. */
export const ErrorBadFeed: Story = { args: { src: badFeed, format: 'json' } };

/** No record has a date, so every one is skipped: an error, not "no events published yet". */
export const ErrorAllRecordsSkipped: Story = { args: { src: allSkipped.events, format: 'json' } };

/** The data server on another origin refuses this page (CORS): no retry, the header to send. */
export const ErrorCorsRefused: Story = {
  args: { src: corsRefusedUrl('events.json'), format: 'json' },
  render: withCorsRefusal(meta.render!),
};

/** Month view: a weekly series, all-day and multi-day bars, and "+2 more" on 25 November. */
export const Month: Story = {
  parameters: dataControls,
  args: { view: 'month' },
  render: (args) => calendar(args, events()),
};

/** Week view: the all-day row, three overlapping talks, and a London talk shown in Shanghai time. */
export const Week: Story = {
  parameters: dataControls,
  args: { view: 'week', date: '2026-11-18' },
  render: (args) => calendar(args, events()),
};

/**
 * The event detail dialog, opened on the parent reading session (a recurring series): time,
 * place with a map link, description, cost, organizer, registration, add to my calendar, share.
 */
export const Detail: Story = {
  parameters: dataControls,
  args: { view: 'list' },
  render: (args) =>
    html`<div
      @dandelion-load=${async (e: Event) => {
        const el = e.target as EventCalendar;
        await el.updateComplete;
        const events = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="event"]');
        [...events].find((b) => b.textContent?.includes('亲子阅读会'))?.click();
      }}
    >
      ${calendar(args, events())}
    </div>`,
};

/** List view: upcoming activities from the focused date, grouped by day. */
export const List: Story = {
  parameters: dataControls,
  args: { view: 'list', pageSize: 8 },
  render: (args) => calendar(args, events()),
};

/** 2,000 fictional activities over 40 days, 50 a day, for the long list. */
const manyActivities = () =>
  Array.from({ length: 2000 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 16 + Math.floor(i / 50))).toISOString().slice(0, 10);
    const minute = 8 * 60 + (i % 50) * 12;
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    return {
      id: `activity-${i + 1}`,
      title: `社区活动 ${i + 1}`,
      start: `${day}T${time}:00+08:00`,
      location: { name: '示例社工站活动室' },
      categories: [['亲子', '长者', '志愿服务'][i % 3]],
    };
  });

/**
 * A list of 2,000 events at once (`page-size="2000"`): only the rows in view are rendered, in a
 * scrolling box; Tab, arrows, PageUp/PageDown and Home/End reach every event.
 */
export const LongList: Story = {
  parameters: dataControls,
  args: { view: 'list', pageSize: 2000 },
  render: (args) => calendar(args, manyActivities()),
};

/**
 * An iCalendar feed: a weekly series with an excluded and a moved date, a talk planned in London
 * time, all-day and multi-day events, and broken records (counted in a note).
 */
export const ContentIcs: Story = { args: { view: 'month' } };

/** The same feed with a subscribe link in the toolbar slot. */
export const WithToolbarSlot: Story = {
  render: (args) =>
    calendar(args, undefined, html`<a slot="toolbar" href=${args.src ?? ''}>订阅日历</a>`),
};

/** A JSON API with an envelope (`data.events`), English field names and a weekly rule. */
export const ContentJson: Story = {
  args: {
    src: `${fixtures}/generic/events-en.json`,
    format: 'json',
    itemsPath: 'data.events',
    view: 'list',
    date: '2026-11-23',
  },
  render: (args) => html`<div lang="en">${calendar(args)}</div>`,
};

/** A CSV export with Chinese headers (标题, 开始时间, 结束时间, 地点 …). */
export const ContentCsv: Story = {
  args: { src: `${fixtures}/calendar/events.csv`, format: 'csv', view: 'list', date: '2026-11-01' },
};

/** schema.org JSON-LD read from an HTML page's `<script type="application/ld+json">`. */
export const ContentJsonLd: Story = {
  args: { src: `${fixtures}/calendar/events-page.html`, format: 'jsonld', view: 'month' },
};

/** Chinese-calendar (农历) day labels. */
export const Lunar: Story = {
  parameters: dataControls,
  args: { view: 'month', lunar: true },
  render: (args) => calendar(args, events()),
};

/** Navigation kept within November 2026: previous / next are disabled at the edges. */
export const MinMaxDates: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<event-calendar
      .data=${events()}
      view="month"
      date="2026-11-16"
      min-date="2026-11-01"
      max-date="2026-11-30"
      time-zone="Asia/Shanghai"
    ></event-calendar>`,
};

export const English: Story = {
  parameters: dataControls,
  args: { view: 'week', date: '2026-11-18' },
  render: (args) => html`<div lang="en">${calendar(args, events())}</div>`,
};

export const TraditionalChinese: Story = {
  parameters: dataControls,
  args: { view: 'month', lunar: true },
  render: (args) => html`<div lang="zh-Hant">${calendar(args, events())}</div>`,
};

export const Rtl: Story = {
  parameters: dataControls,
  args: { view: 'month' },
  render: (args) => html`<div dir="rtl" lang="en">${calendar(args, events())}</div>`,
};

export const Dark: Story = {
  parameters: dataControls,
  args: { view: 'month', theme: 'dark' },
  render: (args) => calendar(args, events()),
};

/** A narrow container (phone-sized) even on a wide screen: without `view`, the list is shown. */
export const NarrowContainer: Story = {
  parameters: {
    controls: { include: dataControls.controls.include.filter((name) => name !== 'view') },
  },
  render: (args) =>
    html`<div style="max-inline-size: 360px">
      ${calendar({ ...args, view: undefined }, events())}
    </div>`,
};

/** The month view on a phone (390 px): marks in the grid, the chosen day's events under it. */
export const PhoneMonth: Story = {
  ...phone,
  parameters: { ...phone.parameters, ...dataControls },
  args: { view: 'month', date: '2026-11-25' },
  render: (args) => calendar(args, events()),
};

/** The same with site colours for two categories (`category-colors`). */
export const PhoneMonthSiteColours: Story = {
  ...phone,
  parameters: { ...phone.parameters, controls: { disable: true } },
  render: () =>
    html`<event-calendar
      view="month"
      date="2026-11-25"
      time-zone="Asia/Shanghai"
      category-colors="亲子: #e11d48; 长者: #0f766e"
      .data=${events()}
    ></event-calendar>`,
};
