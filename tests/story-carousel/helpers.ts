import { fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/story-carousel/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fictional story records, in the loose shape `.data` accepts. */
export function stories(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    title: `故事 ${i + 1}`,
    summary: `第 ${i + 1} 个故事的摘要。`,
    url: `https://example.org/stories/${i + 1}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    image: { src: `/tests/fixtures/carousel/photo-${(i % 4) + 1}.svg`, alt: `第 ${i + 1} 张照片` },
    ...extra(i),
  }));
}

/** Mounts a carousel and waits until its data is shown. */
export async function mount(template: TemplateResult, data?: unknown): Promise<StoryCarousel> {
  const el = await fixture<StoryCarousel>(template);
  if (data !== undefined) {
    const loaded = oneEvent(el, 'dandelion-load');
    el.data = data;
    await loaded;
  }
  await el.updateComplete;
  await settle(el);
  return el;
}

/** Waits for renders and a frame so ResizeObserver/per-view have run. */
export async function settle(el: StoryCarousel): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  }
}

export const $ = <T extends Element = HTMLElement>(el: StoryCarousel, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: StoryCarousel, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const slides = (el: StoryCarousel) => $$(el, '[part="slide"]');
export const visibleSlides = (el: StoryCarousel) => slides(el).filter((s) => !s.inert);
export const prevButton = (el: StoryCarousel) =>
  $$<HTMLButtonElement>(el, '[part="button"][aria-controls="track"]')[0];
export const nextButton = (el: StoryCarousel) =>
  $$<HTMLButtonElement>(el, '[part="button"][aria-controls="track"]')[1];
export const rotationButton = (el: StoryCarousel) => $<HTMLButtonElement>(el, '.rotation');
export const tabs = (el: StoryCarousel) => $$<HTMLButtonElement>(el, '[role="tab"]');
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the track's scrolling has settled (smooth scroll, snapping). */
export async function scrollSettled(el: StoryCarousel): Promise<void> {
  const track = $(el, '.track')!;
  let last = NaN;
  let still = 0;
  for (let i = 0; i < 300 && still < 8; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    still = track.scrollLeft === last ? still + 1 : 0;
    last = track.scrollLeft;
  }
  await sleep(50);
  await el.updateComplete;
}

export { html };
