import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { installNever, neverUrl } from './never-answers.js';
import { allSkipped, badFeed, corsRefusedUrl, withCorsRefusal } from './error-states.js';
import { ServiceFinder } from '../src/service-finder/index.js';

// Define here too (a no-op when the entry point already did), so a story never depends on
// which module of the widget the bundler happened to keep.
if (!customElements.get('service-finder')) customElements.define('service-finder', ServiceFinder);

/** Fixtures under tests/fixtures/ are served at /fixtures/ (see .storybook/main.ts). */
const fixtures = '/fixtures/finder';

/** Fictional services given directly with `.data`. */
const records = (long = false) => [
  {
    id: 'story-1',
    name: long
      ? '一个名字很长很长的服务：为新来这座城市的家庭提供孩子入学、看病、找工作和法律问题的一站式咨询与陪伴'
      : '儿童心理咨询',
    organization: '示例社工站',
    description: long
      ? `<p>${'这是一段很长的服务介绍，说明服务内容、适用人群、申请流程和注意事项。'.repeat(40)}</p>`
      : '<p>为 6 到 14 岁的孩子提供<strong>一对一</strong>心理咨询。</p>',
    categories: [{ id: 'psy-child', name: '儿童心理', parent: 'psy' }],
    languages: ['zh', 'yue'],
    ageMin: 6,
    ageMax: 14,
    free: true,
    eligibility: '本区居住的儿童及家长',
    phones: [{ number: '020-00001001', label: '预约' }],
    email: 'xinli@example.org',
    url: 'https://example.org/xinli',
    locations: [
      { name: '示例社工站', address: '某某市某某区示例路1号', lat: 23.1291, lng: 113.2644 },
    ],
    hours: [
      { day: 1, opens: '09:00', closes: '17:00' },
      { day: 3, opens: '09:00', closes: '12:00' },
      { day: 3, opens: '14:00', closes: '17:00' },
      { day: 6, opens: '09:00', closes: '12:00' },
    ],
    areas: ['东山示例街道'],
    updated: '2026-10-01',
  },
  {
    id: 'story-2',
    name: '家长心理支持小组',
    organization: '示例家庭服务中心',
    description: '家长们一起聊聊孩子的情绪和自己的压力。',
    categories: [{ id: 'psy', name: '心理支持' }],
    languages: ['zh'],
    fees: '每次 10 元',
    phones: [{ number: '020-00001002' }],
    locations: [{ address: '某某市某某区样板街8号', lat: 23.14, lng: 113.28 }],
    hours: '每月第一个周六下午',
    areas: ['梅花示例街道'],
    updated: '2026-11-02',
  },
  {
    id: 'story-3',
    name: '免费法律咨询',
    organization: '某某法律服务站',
    description: '劳动合同、工伤、租房纠纷等问题的免费咨询。',
    categories: [{ id: 'legal', name: '法律援助' }],
    languages: ['zh', 'en'],
    free: true,
    phones: [{ number: '020-00001003' }],
    locations: [{ address: '某某市某某区模范路3号', lat: 23.2, lng: 113.3 }],
    areas: ['东山示例街道'],
    updated: '2026-09-15',
  },
];

interface Args {
  src?: string;
  format?: string;
  origin?: string;
  mapLink?: string;
  theme?: 'light' | 'dark';
  pageSize: number;
}

/** The finder with the story's args (and, when given, slotted content). */
const finder = (args: Args, slotted?: TemplateResult) =>
  html`<service-finder
    src=${args.src ?? ''}
    format=${args.format ?? 'auto'}
    origin=${args.origin ?? ''}
    map-link=${args.mapLink ?? ''}
    theme=${args.theme ?? ''}
    page-size=${args.pageSize}
    @dandelion-select=${(e: CustomEvent) => console.info('dandelion-select', e.detail)}
    >${slotted}</service-finder
  >`;

const meta: Meta<Args> = {
  title: 'Widgets/service-finder',
  component: 'service-finder',
  // Only the args the render uses get a control (the manifest lists every attribute, event,
  // part and CSS property; those stay in the docs table).
  parameters: {
    controls: { include: ['src', 'format', 'origin', 'mapLink', 'theme', 'pageSize'] },
  },
  args: { src: `${fixtures}/hsds-services.json`, format: 'hsds', pageSize: 20 },
  argTypes: {
    format: { control: 'select', options: ['auto', 'hsds', 'csv', 'json'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => finder(args),
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
  render: () => html`<service-finder .data=${[]}></service-finder>`,
};

export const EmptyWithOwnMessage: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<service-finder .data=${[]}>
      <p slot="empty">暂时没有服务信息，可以拨打 020-00000000 咨询社工。</p>
    </service-finder>`,
};

export const Error: Story = { args: { src: `${fixtures}/no-such-file.json`, format: 'json' } };

/** An HTML page where the services should be: the message, and the cause for the site owner. */
export const ErrorBadFeed: Story = { args: { src: badFeed, format: 'json' } };

/** Every record lacks a name, so every one is skipped: an error, not "no services yet". */
export const ErrorAllRecordsSkipped: Story = { args: { src: allSkipped.services, format: 'json' } };

/** The data server on another origin refuses this page (CORS): no retry, the header to send. */
export const ErrorCorsRefused: Story = {
  args: { src: corsRefusedUrl('services.json'), format: 'json' },
  render: withCorsRefusal(meta.render!),
};

/** HSDS 3.0 API page (30 fictional services with taxonomy, hours and locations). */
export const ContentHsds: Story = {};

export const WithHeader: Story = {
  render: (args) => finder(args, html`<h2 slot="header">找服务</h2>`),
};

/** A CSV export with Chinese headers (名称, 机构, 类别, 电话, 地址, 纬度, 经度 …). */
export const ContentCsv: Story = {
  args: { src: `${fixtures}/services.csv`, format: 'csv', origin: '23.1291,113.2644' },
};

/** Any JSON API, mapped with `map` and `items-path`. */
export const ContentJsonWithMap: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<service-finder
      src="${fixtures}/services-custom.json"
      items-path="payload.rows"
      map=${JSON.stringify({
        id: 'key',
        name: 'title',
        organization: 'provider.label',
        categories: 'kinds',
        phones: 'contact.tel',
        email: 'contact.mail',
        address: 'place.addr',
        lat: 'place.la',
        lng: 'place.lo',
        fees: 'price',
        updated: 'modified',
      })}
    ></service-finder>`,
};

/** Records given directly through the `.data` property. */
export const ContentData: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<service-finder .data=${records()}></service-finder>`,
};

/** Distances from `origin` and nearest first. */
export const NearMe: Story = { args: { origin: '23.12,113.30' } };

/** The detail view of the first service, opened after load. */
export const Detail: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<service-finder
      .data=${records()}
      @dandelion-load=${async (e: Event) => {
        const finder = e.currentTarget as ServiceFinder;
        await finder.updateComplete;
        await finder.openService('story-1');
      }}
    ></service-finder>`,
};

/** A Baidu map link template (it must say coord_type=wgs84 for WGS-84 data). */
export const BaiduMapLinks: Story = {
  args: {
    mapLink:
      'https://api.map.baidu.com/marker?location={lat},{lng}&title={name}&content={address}&output=html&coord_type=wgs84',
  },
};

export const LongText: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<service-finder .data=${records(true)}></service-finder>`,
};

export const Rtl: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<div dir="rtl" lang="en">
      <service-finder .data=${records()}></service-finder>
    </div>`,
};

export const Dark: Story = { args: { theme: 'dark' } };

/** A narrow container (phone-sized) even on a wide screen: layout follows the container. */
export const NarrowContainer: Story = {
  render: (args) => html`<div style="max-inline-size: 360px">${finder(args)}</div>`,
};
