import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { installNever, neverUrl } from './never-answers.js';
import { allSkipped, badFeed, corsRefusedUrl, withCorsRefusal } from './error-states.js';
import { StoryCarousel } from '../src/story-carousel/index.js';
import { defineElement } from '../src/core/define.js';
import { phone } from './phone.js';

// Defined by value as well: package.json#sideEffects does not (yet) list src/*/define.ts, so a
// bundler may drop the side-effect import in index.ts.
defineElement('story-carousel', StoryCarousel);

/** Fixtures under tests/fixtures/ are served at /fixtures/ (see .storybook/main.ts). */
const feeds = '/fixtures/carousel';

// Requests to `neverUrl` never answer, so the Loading story stays loading.
installNever();

const stories = (n: number, long = false) =>
  Array.from({ length: n }, (_, i) => ({
    id: `story-${i + 1}`,
    title: long
      ? `一个很长很长的标题：社工陪着第 ${i + 1} 个家庭走过了搬家、找学校、找工作和适应新社区的整整一年时间`
      : `示例故事 ${i + 1}`,
    summary: long
      ? '这是一段很长的摘要。'.repeat(30)
      : `第 ${i + 1} 个故事：社工和家庭一起度过的一段时间（虚构）。`,
    url: `https://example.org/stories/${i + 1}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    image: { src: `${feeds}/photo-${(i % 4) + 1}.svg`, alt: '示例照片' },
  }));

interface Args {
  src?: string;
  autoplay: boolean;
  interval: number;
  loop: boolean;
  overlay: boolean;
  perView?: number;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Widgets/story-carousel',
  component: 'story-carousel',
  // Only the args the render uses get a control (the manifest lists every attribute, event,
  // part and CSS property; those stay in the docs table).
  parameters: {
    controls: { include: ['src', 'autoplay', 'interval', 'loop', 'overlay', 'perView', 'theme'] },
  },
  args: { src: `${feeds}/feed.xml`, autoplay: false, interval: 5000, loop: false, overlay: false },
  argTypes: {
    perView: { control: { type: 'number', min: 1, max: 4 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) =>
    html`<story-carousel
      src=${args.src ?? ''}
      ?autoplay=${args.autoplay}
      interval=${args.interval}
      ?loop=${args.loop}
      ?overlay=${args.overlay}
      per-view=${args.perView ?? ''}
      theme=${args.theme ?? ''}
      @dandelion-select=${(e: CustomEvent) => console.info('dandelion-select', e.detail)}
    ></story-carousel>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Loading: Story = { args: { src: neverUrl('xml') } };

export const Empty: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<story-carousel .data=${[]}></story-carousel>`,
};

export const EmptyWithOwnMessage: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<story-carousel .data=${[]}><p slot="empty">还没有故事，敬请期待。</p></story-carousel>`,
};

export const Error: Story = { args: { src: `${feeds}/no-such-feed.xml` } };

/** An HTML page where the feed should be: the message, and the cause for the site owner. */
export const ErrorBadFeed: Story = { args: { src: badFeed } };

/** No record has a title or summary, so every one is skipped: an error, not "no stories yet". */
export const ErrorAllRecordsSkipped: Story = { args: { src: allSkipped.stories } };

/** The feed's server on another origin refuses this page (CORS): no retry, the header to send. */
export const ErrorCorsRefused: Story = {
  args: { src: corsRefusedUrl('stories.json') },
  render: withCorsRefusal(meta.render!),
};

export const Content: Story = {};

export const Autoplay: Story = { args: { autoplay: true, interval: 4000, loop: true } };

export const Overlay: Story = { args: { overlay: true, src: `${feeds}/atom.xml` } };

export const LongText: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<story-carousel per-view="1" .data=${stories(3, true)}></story-carousel>`,
};

export const RightToLeft: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<div dir="rtl" lang="en">
      <story-carousel src=${`${feeds}/atom.xml`} per-view="1"></story-carousel>
    </div>`,
};

export const Dark: Story = { args: { theme: 'dark' } };

export const OneStory: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<story-carousel .data=${stories(1)}></story-carousel>`,
};

export const FiveHundredStories: Story = {
  parameters: { controls: { disable: true } },
  render: () => html`<story-carousel per-view="1" .data=${stories(500)}></story-carousel>`,
};

export const ThreePerView: Story = { args: { perView: 3, src: `${feeds}/feed.json` } };

export const Rss: Story = { args: { src: `${feeds}/feed.xml` } };

export const Atom: Story = { args: { src: `${feeds}/atom.xml` } };

export const JsonFeed: Story = { args: { src: `${feeds}/feed.json` } };

export const WordPress: Story = { args: { src: `${feeds}/wp-posts.json` } };

export const Markup: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<story-carousel per-view="1">
      <article>
        <img
          src="${feeds}/photo-1.svg"
          alt="孩子们在画画"
          width="1600"
          height="900"
          loading="lazy"
        />
        <h3>美术小组的第一次展览</h3>
        <time datetime="2026-11-03">2026年11月3日</time>
        <p>孩子们把自己的画挂在了社区中心（虚构）。</p>
        <a href="https://example.org/stories/exhibition">阅读全文</a>
      </article>
      <article>
        <img src="${feeds}/photo-3.svg" alt="志愿者在整理图书" loading="lazy" />
        <h3>图书角焕然一新</h3>
        <p>志愿者们整理了两百本绘本。</p>
      </article>
    </story-carousel>`,
};

/** The carousel on a phone (390 px). */
export const Phone: Story = { ...phone };
