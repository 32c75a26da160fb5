// Numbers for issue #8: render cost for 8 and 500 stories, navigation, a simulated swipe (frame
// times while the track scrolls under a finger), and layout shift while a feed loads. Then the same
// 500 stories swiped by real touch input on ours, Swiper, Embla and Shoelace (story-carousel.peers).
import '../src/story-carousel/index.js';
import type { StoryCarousel } from '../src/story-carousel/index.js';
import { frame, median, round, runBench } from './bench-kit.js';
import { againstPeers } from './story-carousel.peers.js';

const stage = document.querySelector<HTMLElement>('#stage')!;

function records(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    title: `示例故事 ${i + 1}：社区里的一天`,
    summary: `第 ${i + 1} 个故事的摘要，讲述社工和家庭一起度过的一段时间。`,
    url: `https://example.org/stories/${i + 1}`,
    date: '2026-11-03',
    image: { src: `/tests/fixtures/carousel/photo-${(i % 4) + 1}.svg`, alt: '示例照片' },
  }));
}

async function mount(attrs: Record<string, string> = {}): Promise<StoryCarousel> {
  stage.replaceChildren();
  const el = document.createElement('story-carousel');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  stage.append(el);
  await el.updateComplete;
  return el;
}

/** Time from setting `.data` until the stories are on screen (next frame painted). */
async function renderTime(n: number, runs: number): Promise<{ total: number; load: number }> {
  const totals: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    const el = await mount({ 'per-view': '1' });
    await frame();
    const data = records(n);
    const start = performance.now();
    const loaded = new Promise((res) => el.addEventListener('dandelion-load', res, { once: true }));
    el.data = data;
    await loaded;
    loads.push(performance.now() - start);
    await el.updateComplete;
    await frame();
    totals.push(performance.now() - start);
  }
  return { total: median(totals), load: median(loads) };
}

async function navigateTime(el: StoryCarousel, runs: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    el.next();
    await el.updateComplete;
    times.push(performance.now() - start);
    await frame();
  }
  return median(times);
}

/** Scrolls the track a little every frame, as a finger does, and records frame intervals. */
async function swipe(el: StoryCarousel): Promise<{ p95: number; long: number }> {
  const track = el.shadowRoot!.querySelector<HTMLElement>('.track')!;
  track.style.scrollSnapType = 'none';
  const gaps: number[] = [];
  let last = await frame();
  for (let i = 0; i < 120; i++) {
    track.scrollLeft += 12;
    const now = await frame();
    gaps.push(now - last);
    last = now;
  }
  track.style.scrollSnapType = '';
  gaps.sort((a, b) => a - b);
  return { p95: gaps[Math.floor(gaps.length * 0.95)], long: gaps.filter((g) => g > 50).length };
}

/**
 * Layout shift from the loading skeleton to the loaded feed with its images (the widget's own
 * doing; inserting an undefined element into a page is the page's to reserve).
 */
async function layoutShift(): Promise<number> {
  stage.replaceChildren();
  await frame();
  const el = document.createElement('story-carousel');
  el.setAttribute('src', `/tests/fixtures/carousel/feed.xml?bench=${Date.now()}`);
  const loaded = new Promise((res) => el.addEventListener('dandelion-load', res, { once: true }));
  stage.append(el);
  await el.updateComplete;
  await frame();
  await frame();
  let cls = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      if (!entry.hadRecentInput) cls += entry.value;
    }
  });
  observer.observe({ type: 'layout-shift' });
  await loaded;
  await el.updateComplete;
  for (let i = 0; i < 30; i++) await frame();
  await new Promise((r) => setTimeout(r, 500));
  observer.disconnect();
  return cls;
}

await runBench(async (results) => {
  await renderTime(8, 2); // warm up (locale chunk, DOMPurify not needed for plain text)
  const small = await renderTime(8, 7);
  results.push({
    name: 'first render, 8 stories',
    value: round(small.total, 1),
    unit: 'ms',
    budget: 50,
  });
  const big = await renderTime(500, 5);
  results.push({
    name: 'first render, 500 stories (read + render + frame)',
    value: round(big.total, 1),
    unit: 'ms',
  });
  results.push({
    name: '  reading the 500 records (core read())',
    value: round(big.load, 1),
    unit: 'ms',
  });
  results.push({
    name: '  rendering them (carousel, to the next frame)',
    value: round(big.total - big.load, 1),
    unit: 'ms',
    budget: 150,
  });

  const el = await mount({ 'per-view': '1' });
  el.data = records(500);
  await new Promise((res) => el.addEventListener('dandelion-load', res, { once: true }));
  await el.updateComplete;
  await frame();
  results.push({
    name: 'next(), 500 stories (update)',
    value: round(await navigateTime(el, 9), 1),
    unit: 'ms',
    budget: 8,
  });
  const s = await swipe(el);
  results.push({
    name: 'swipe: p95 frame interval, 500 stories',
    value: round(s.p95, 1),
    unit: 'ms',
    budget: 20,
  });
  results.push({ name: 'swipe: frames over 50 ms', value: s.long, unit: 'frames', budget: 0 });
  results.push({
    name: 'layout shift, skeleton to loaded RSS feed with images (CLS)',
    value: round(await layoutShift(), 4),
    unit: '',
    budget: 0.01,
  });
  const stories = records(500);
  await againstPeers(results, stories, async () => {
    const ours = await mount({ 'per-view': '1' });
    const loaded = new Promise((res) =>
      ours.addEventListener('dandelion-load', res, { once: true }),
    );
    ours.data = stories;
    await loaded;
    await ours.updateComplete;
    const track = ours.shadowRoot!.querySelector<HTMLElement>('.track')!;
    return { position: () => track.scrollLeft, index: () => ours.activeIndex };
  });
});
