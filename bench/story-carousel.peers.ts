// Our carousel swiped by real touch input against Swiper, Embla and Shoelace's <sl-carousel>: the
// same 500 stories (title, summary, one of the same four photos), the same 800 px stage, one slide
// per view, the same finger swipes from `bench/run.mjs` (`window.benchTouch`). Measured per
// carousel: frame intervals from the finger going down until the track is still (p95, frames over
// 50 ms), and the time from the finger lifting until the track has settled on a slide.
import EmblaCarousel from 'embla-carousel';
import Swiper from 'swiper';
import 'swiper/css';
import '@shoelace-style/shoelace/dist/components/carousel/carousel.js';
import '@shoelace-style/shoelace/dist/components/carousel-item/carousel-item.js';
import type SlCarousel from '@shoelace-style/shoelace/dist/components/carousel/carousel.js';
import { frame, median, p95, painted, round, type Result } from './bench-kit.js';

/** What the stories carousels show (the records our carousel reads). */
export interface Story {
  title: string;
  summary: string;
  image: { src: string; alt: string };
}

/** A mounted carousel: where its slides are as painted (px, any origin) and the slide it shows. */
export interface Mounted {
  position: () => number;
  index: () => number;
}

const stage = document.querySelector<HTMLElement>('#stage')!;

/** The same card for every peer: photo, title, summary (text as text). */
function card(story: Story, k: number, tag = 'div'): HTMLElement {
  const slide = document.createElement(tag);
  slide.className = 'peer-slide';
  const img = document.createElement('img');
  img.src = story.image.src;
  img.alt = story.image.alt;
  img.loading = k === 0 ? 'eager' : 'lazy';
  const title = document.createElement('h3');
  title.textContent = story.title;
  const summary = document.createElement('p');
  summary.textContent = story.summary;
  slide.append(img, title, summary);
  return slide;
}

function swiper(stories: Story[]): Mounted {
  const root = document.createElement('div');
  root.className = 'swiper';
  const wrapper = document.createElement('div');
  wrapper.className = 'swiper-wrapper';
  wrapper.append(
    ...stories.map((s, k) => Object.assign(card(s, k), { className: 'swiper-slide peer-slide' })),
  );
  root.append(wrapper);
  stage.replaceChildren(root);
  const s = new Swiper(root, { slidesPerView: 1 });
  // Where the slides are on screen (`s.translate` jumps to the target while a CSS transition runs).
  return { position: () => wrapper.getBoundingClientRect().left, index: () => s.activeIndex };
}

function embla(stories: Story[]): Mounted {
  const root = document.createElement('div');
  root.className = 'embla';
  const container = document.createElement('div');
  container.className = 'embla-container';
  container.append(...stories.map((s, k) => card(s, k)));
  root.append(container);
  stage.replaceChildren(root);
  const e = EmblaCarousel(root);
  return {
    position: () => container.getBoundingClientRect().left,
    index: () => e.selectedScrollSnap(),
  };
}

function shoelace(stories: Story[]): Mounted {
  const carousel = document.createElement('sl-carousel') as SlCarousel;
  carousel.append(...stories.map((s, k) => card(s, k, 'sl-carousel-item')));
  stage.replaceChildren(carousel);
  const scroller = () =>
    carousel.shadowRoot!.querySelector<HTMLElement>('[part~="scroll-container"]')!;
  return { position: () => scroller().scrollLeft, index: () => carousel.activeSlide };
}

/** Frames until `position` has not moved for 5 frames; the time of the first still frame. */
async function settled(position: () => number): Promise<number> {
  let last = position();
  let stillSince = performance.now();
  let still = 0;
  const start = performance.now();
  while (still < 5 && performance.now() - start < 5000) {
    const now = await frame();
    const p = position();
    if (Math.abs(p - last) < 0.5) {
      if (still++ === 0) stillSince = now;
    } else still = 0;
    last = p;
  }
  return stillSince;
}

/** Five swipes of a finger leftwards over the stage: frame intervals and settle times. */
async function swipes(carousel: Mounted) {
  const rect = stage.getBoundingClientRect();
  const gaps: number[] = [];
  const settle: number[] = [];
  for (let k = 0; k < 5; k++) {
    await painted();
    let recording = true;
    let lastFrame = await frame();
    const record = (now: number) => {
      gaps.push(now - lastFrame);
      lastFrame = now;
      if (recording) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
    await window.benchTouch!({
      x: rect.left + rect.width * 0.8,
      y: rect.top + 120,
      dx: -480,
      speed: 1200,
    });
    const lifted = performance.now();
    settle.push(Math.max(0, (await settled(carousel.position)) - lifted));
    recording = false;
  }
  return { gaps, settle, index: carousel.index() };
}

/** Mounts each carousel with the same stories and swipes it; results side by side with ratios. */
export async function againstPeers(
  results: Result[],
  stories: Story[],
  ours: () => Promise<Mounted>,
): Promise<void> {
  if (!window.benchTouch) throw new Error('no touch input: run the page with bench/run.mjs');
  const peers: [string, () => Promise<Mounted> | Mounted][] = [
    ['ours (story-carousel)', ours],
    ['Swiper 14', () => swiper(stories)],
    ['Embla 8', () => embla(stories)],
    ['Shoelace 2 <sl-carousel>', () => shoelace(stories)],
  ];
  const measured: { who: string; gaps: number[]; settle: number[]; index: number }[] = [];
  for (const [who, mount] of peers) {
    const carousel = await mount();
    for (let i = 0; i < 10; i++) await painted();
    measured.push({ who, ...(await swipes(carousel)) });
  }
  stage.replaceChildren();
  const [us] = measured;
  results.push({
    name: `real touch swipes vs peers (${stories.length} stories, 5 swipes each): ours, p95 frame interval`,
    value: round(p95(us.gaps), 1),
    unit: 'ms',
  });
  for (const m of measured) {
    if (m !== us)
      results.push({
        name: `  ${m.who}: p95 frame interval`,
        value: round(p95(m.gaps), 1),
        unit: 'ms',
      });
    results.push({
      name: `  ${m.who}: frames over 50 ms`,
      value: m.gaps.filter((g) => g > 50).length,
      unit: `of ${m.gaps.length}`,
    });
    results.push({
      name: `  ${m.who}: finger up to settled on a slide, median`,
      value: round(median(m.settle)),
      unit: 'ms',
    });
    results.push({
      name: `  ${m.who}: slide shown after 5 swipes`,
      value: m.index,
      unit: '(0-based)',
    });
  }
  for (const m of measured.slice(1)) {
    results.push({
      name: `  ratio ours / ${m.who}: p95 frame interval`,
      value: round(p95(us.gaps) / p95(m.gaps), 2),
      unit: '×',
    });
    results.push({
      name: `  ratio ours / ${m.who}: settle, median`,
      value: round(median(us.settle) / Math.max(1, median(m.settle)), 2),
      unit: '×',
    });
  }
}
