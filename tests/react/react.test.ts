import '../support/setup.js';
/**
 * `dandelion-widgets/react`: the four widgets as React 19 components (@lit/react) — props reach
 * the elements as properties (objects too) or attributes, and the `dandelion-*` events reach
 * `onDandelion*` callbacks with their typed detail.
 */
import { expect } from '@open-wc/testing';
import type * as ReactApp from './react-app.js';
import type { DandelionLoadEvent, DandelionSelectEvent } from '../../src/core/events.js';
import { parts, until } from '../support/index.js';

// Served by the test server as one ES module (see `reactBundle` in web-test-runner.config.mjs).
const bundle = '/__react-app.js';
const app = (await import(/* @vite-ignore */ bundle)) as typeof ReactApp;
const { createElement: h, createRoot, flushSync } = app;

const rendered: (() => void)[] = [];
afterEach(() => rendered.splice(0).forEach((unmount) => unmount()));

/** Renders a React element into a fresh root on the page (unmounted after the test). */
function render(element: ReturnType<typeof h>): { host: HTMLElement; unmount: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(element));
  const unmount = () => {
    if (!host.isConnected) return;
    flushSync(() => root.unmount());
    host.remove();
  };
  rendered.push(unmount);
  return { host, unmount };
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
    const { host } = render(
      h(app.StoryCarousel, {
        lang: 'en',
        data: stories,
        onDandelionLoad: (event: DandelionLoadEvent) => void loads.push(event.detail),
      }),
    );
    const el = host.querySelector('story-carousel')!;
    expect(el, 'the element').to.not.equal(null);
    expect((el as unknown as { data: unknown }).data).to.equal(stories);
    expect(el.getAttribute('lang')).to.equal('en');
    await until(() => loads.length === 1, 'onDandelionLoad to be called');
    expect(loads[0].items.map((story) => (story as { title: string }).title)).to.deep.equal([
      '小明的画',
      '幼儿园报名',
    ]);
    await until(() => parts(el, 'slide').length === 2, 'the two slides');
  });

  it('maps camelCase props to the element and onDandelionSelect to the user opening an event', async () => {
    const selected: DandelionSelectEvent['detail'][] = [];
    const { host } = render(
      h(app.EventCalendar, {
        lang: 'zh-Hans',
        view: 'list',
        date: '2026-11-16',
        timeZone: 'Asia/Shanghai',
        data: [{ id: 'talk', title: '家长课堂', start: '2026-11-18T19:00:00+08:00' }],
        onDandelionSelect: (event: DandelionSelectEvent) => void selected.push(event.detail),
      }),
    );
    const el = host.querySelector('event-calendar')!;
    expect((el as unknown as { timeZone: string }).timeZone, 'timeZone as a property').to.equal(
      'Asia/Shanghai',
    );
    const event = await until(() => parts(el, 'event')[0], 'the event to be listed');
    event.click();
    await until(() => selected.length === 1, 'onDandelionSelect to be called');
    expect((selected[0].item as { title: string }).title).to.equal('家长课堂');
  });

  it('leaves nothing behind when React unmounts a widget', () => {
    const { host, unmount } = render(h(app.ServiceFinder, { lang: 'en', data: [] }));
    expect(host.querySelector('service-finder')).to.not.equal(null);
    unmount();
    expect(document.querySelector('service-finder')).to.equal(null);
  });
});
