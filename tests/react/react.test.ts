import '../support/setup.js';
/**
 * `dandelion-widgets/react`: the four widgets as React 19 components (@lit/react) — props reach
 * the elements as properties (objects too) or attributes, and the `dandelion-*` events reach
 * `onDandelion*` callbacks with their typed detail.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type * as ReactApp from './react-app.js';
import type { DandelionLoadEvent, DandelionSelectEvent } from '../../src/core/events.js';

// Served by the test server as one ES module (see `reactBundle` in web-test-runner.config.mjs).
const bundle = '/__react-app.js';
const app = (await import(/* @vite-ignore */ bundle)) as typeof ReactApp;
const { createElement: h, createRoot, flushSync } = app;

function mount(element: ReturnType<typeof h>): { host: HTMLElement; unmount: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(element));
  return {
    host,
    unmount: () => {
      flushSync(() => root.unmount());
      host.remove();
    },
  };
}

const stories = [
  { id: 'a', title: '小明的画', summary: '美术小组的一天', url: 'https://example.org/a' },
  { id: 'b', title: '幼儿园报名', summary: '社工陪妈妈去报名', url: 'https://example.org/b' },
];

describe('dandelion-widgets/react', () => {
  it('names each component after its element', () => {
    expect(app.ServiceFinder.displayName).to.equal('ServiceFinder');
    expect(app.EventCalendar.displayName).to.equal('EventCalendar');
    expect(app.IntakeForm.displayName).to.equal('IntakeForm');
    expect(app.StoryCarousel.displayName).to.equal('StoryCarousel');
  });

  it('passes records as a property and calls onDandelionLoad with the items', async () => {
    const loads: DandelionLoadEvent['detail'][] = [];
    const { host, unmount } = mount(
      h(app.StoryCarousel, {
        lang: 'en',
        data: stories,
        onDandelionLoad: (event: DandelionLoadEvent) => void loads.push(event.detail),
      }),
    );
    try {
      const el = host.querySelector('story-carousel')!;
      expect(el, 'the element').to.not.equal(null);
      expect((el as unknown as { data: unknown }).data).to.equal(stories);
      expect(el.getAttribute('lang')).to.equal('en');
      await waitUntil(() => loads.length === 1, 'onDandelionLoad was called');
      expect(loads[0].items.map((story) => (story as { title: string }).title)).to.deep.equal([
        '小明的画',
        '幼儿园报名',
      ]);
      await waitUntil(() => el.shadowRoot?.querySelectorAll('[part~="slide"]').length === 2);
    } finally {
      unmount();
    }
  });

  it('maps camelCase props to the element and onDandelionSelect to the user opening an event', async () => {
    const selected: DandelionSelectEvent['detail'][] = [];
    const { host, unmount } = mount(
      h(app.EventCalendar, {
        lang: 'zh-Hans',
        view: 'list',
        date: '2026-11-16',
        timeZone: 'Asia/Shanghai',
        data: [{ id: 'talk', title: '家长课堂', start: '2026-11-18T19:00:00+08:00' }],
        onDandelionSelect: (event: DandelionSelectEvent) => void selected.push(event.detail),
      }),
    );
    try {
      const el = host.querySelector('event-calendar')!;
      expect((el as unknown as { timeZone: string }).timeZone, 'timeZone as a property').to.equal(
        'Asia/Shanghai',
      );
      const event = () => el.shadowRoot?.querySelector<HTMLElement>('[part~="event"]');
      await waitUntil(event, 'the event is listed');
      event()!.click();
      await waitUntil(() => selected.length === 1, 'onDandelionSelect was called');
      expect((selected[0].item as { title: string }).title).to.equal('家长课堂');
    } finally {
      unmount();
    }
  });

  it('leaves nothing behind when React unmounts a widget', () => {
    const { host, unmount } = mount(h(app.ServiceFinder, { lang: 'en', data: [] }));
    expect(host.querySelector('service-finder')).to.not.equal(null);
    unmount();
    expect(document.querySelector('service-finder')).to.equal(null);
  });
});
