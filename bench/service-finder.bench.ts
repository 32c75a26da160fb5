// Numbers for issues #5, #15 and #17 with 10,000 services: first results painted after the data
// arrives, typing (input event to results painted, p50/p95), per-keystroke filtering (p95), the
// whole update per keystroke (filter + render), memory; and with 100,000 services the longest
// task while the finder prepares them. At the end, against its peers on the same page and the same
// realistic bilingual data (`bilingualServices`): per-keystroke search by our finder's filter, by
// MiniSearch and by a plain `Array.filter` + `String.includes`, with result counts.
import MiniSearch from 'minisearch';
import '../src/service-finder/index.js';
import type { ServiceFinder } from '../src/service-finder/index.js';
import { buildFacets } from '../src/service-finder/facets.js';
import { filterServices, narrows, sortOrder } from '../src/service-finder/results.js';
import { bitsOf, queryTerms } from '../src/service-finder/query-terms.js';
import { SearchIndex } from '../src/service-finder/search-index.js';
import { emptyFilters } from '../src/service-finder/url-state.js';
import { bilingualServices } from '../tests/support/generated-data.js';
import { frame, median, p95, painted, round, runBench, spread, type Result } from './bench-kit.js';

const N = 10_000;
const stage = document.querySelector<HTMLElement>('#stage')!;

const kinds = [
  '儿童心理咨询',
  '法律援助',
  '亲子阅读',
  '长者助餐',
  '就业辅导',
  '入学咨询',
  'English corner',
  '放学后托管',
];
const parents = ['家庭支持', '心理支持', '法律服务', '社区服务'];

/** Records as a generic JSON API would send them (fictional). */
function records(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % kinds.length];
    return {
      id: `b-${i}`,
      name: `${kind}（示例点 ${i + 1}）`,
      organization: `示例社工站 ${i % 300}`,
      description: `第 ${i + 1} 项服务：${kind}。为本区家庭提供咨询和陪伴，欢迎来电预约，也可以直接到服务点了解情况。`,
      categories: [
        { id: `p-${i % parents.length}`, name: parents[i % parents.length] },
        { id: `c-${i % kinds.length}`, name: kind, parent: `p-${i % parents.length}` },
      ],
      languages: i % 5 ? ['zh'] : ['zh', 'yue', 'en'],
      ageMin: i % 3 === 0 ? 3 : undefined,
      ageMax: i % 3 === 0 ? 14 : undefined,
      free: i % 2 === 0,
      phones: [{ number: `020-0000${String(i % 10000).padStart(4, '0')}` }],
      locations: [
        {
          address: `某某市某某区示例路${i + 1}号`,
          lat: 23 + (i % 1000) / 5000,
          lng: 113 + (i % 997) / 5000,
        },
      ],
      hours: [
        { day: (i % 5) + 1, opens: '09:00', closes: '12:00' },
        { day: (i % 5) + 1, opens: '14:00', closes: '17:30' },
      ],
      areas: [`示例街道 ${i % 20}`],
      updated: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    };
  });
}

/** The same services as a paginated HSDS 3.0 page (one page holding all of them). */
function hsdsPage(n: number) {
  return {
    total_items: n,
    total_pages: 1,
    page_number: 1,
    contents: records(n).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      organization: { id: r.organization, name: r.organization },
      phones: r.phones,
      languages: r.languages.map((code) => ({ code })),
      minimum_age: r.ageMin,
      maximum_age: r.ageMax,
      attributes: r.categories.map((c) => ({
        taxonomy_term: { id: c.id, name: c.name, parent_id: c.parent },
      })),
      service_areas: r.areas.map((name) => ({ name })),
      schedules: r.hours.map((h) => ({
        freq: 'WEEKLY',
        byday: ['MO', 'TU', 'WE', 'TH', 'FR'][h.day - 1],
        opens_at: h.opens,
        closes_at: h.closes,
      })),
      service_at_locations: [
        {
          location: {
            latitude: r.locations[0].lat,
            longitude: r.locations[0].lng,
            addresses: [{ address_1: r.locations[0].address }],
          },
        },
      ],
      last_modified: `${r.updated}T10:00:00+08:00`,
    })),
  };
}

async function mount(attrs: Record<string, string> = {}): Promise<ServiceFinder> {
  stage.replaceChildren();
  const el = document.createElement('service-finder');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  stage.append(el);
  await el.updateComplete;
  await painted();
  return el;
}

/** Waits until result cards are on screen (large data is prepared in slices first). */
async function cardsShown(el: ServiceFinder): Promise<void> {
  const start = performance.now();
  while (!el.shadowRoot!.querySelector('[part="service"]')) {
    if (performance.now() - start > 30_000) throw new Error('no cards rendered');
    await frame();
  }
}

/** From `.data` set (the data has arrived) until the first cards are painted. */
async function firstPaint(data: () => unknown, attrs: Record<string, string> = {}) {
  const el = await mount(attrs);
  const body = data();
  const start = performance.now();
  let loadedAt = 0;
  const loaded = new Promise<void>((res) =>
    el.addEventListener('dandelion-load', () => ((loadedAt = performance.now()), res()), {
      once: true,
    }),
  );
  el.data = body;
  await loaded;
  await cardsShown(el);
  await painted();
  const end = performance.now();
  return { total: end - start, read: loadedAt - start, widget: end - loadedAt, el };
}

const typed = [
  ...'心理咨询'.split('').map((_, i, a) => a.slice(0, i + 1).join('')),
  '心理咨',
  '心理',
  '心',
  '',
  ...'示例点 12'.split('').map((_, i, a) => a.slice(0, i + 1).join('')),
  '示例点 1',
  '示例点 ',
  '示例点',
  '',
  ...'ＡＢＣ'.split('').map((_, i, a) => a.slice(0, i + 1).join('')),
  '',
  'english',
  'english c',
  '法律 示例',
  '长者 4',
  '托管',
  '',
  '社工站 29',
  '',
];

/** The first `<mark>` in the first card's name: what the shown results were found for. */
function markedInFirstCard(el: ServiceFinder): string {
  const mark = el.shadowRoot!.querySelector('[part="service"] .open mark');
  return mark?.textContent?.toLowerCase() ?? '';
}

/** Words typed one character at a time (then cleared), each a prefix of service names. */
const words = ['儿童心理咨询', '长者助餐', '法律援助', 'english', '放学后托管'];

/**
 * Typing as a person does, one character after the results of the previous one are painted:
 * from the `input` event to the frame that shows results marked with what was typed.
 */
async function typingLatencies(el: ServiceFinder): Promise<number[]> {
  const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[part="search"]')!;
  const times: number[] = [];
  for (const word of words) {
    for (let n = 1; n <= word.length; n++) {
      const typed = word.slice(0, n);
      await painted();
      box.value = typed;
      const start = performance.now();
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      while (markedInFirstCard(el) !== typed) await frame();
      await new Promise((r) => setTimeout(r, 0)); // that frame has been painted
      times.push(performance.now() - start);
    }
    el.search('');
    await el.updateComplete;
  }
  return times;
}

/** The longest main-thread task from `.data` with `n` services until their results show. */
async function longestTasks(n: number) {
  const el = await mount();
  const body = records(n);
  await painted(); // building the records was a long task itself
  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  let loadedAt = 0;
  let firstUpdate: Promise<number> | undefined;
  el.addEventListener(
    'dandelion-load',
    () => {
      loadedAt = performance.now();
      // The finder's first update runs in the task that ends the reading.
      firstUpdate = el.updateComplete.then(() => performance.now() - loadedAt);
    },
    { once: true },
  );
  const start = performance.now();
  el.data = body;
  await cardsShown(el);
  await painted();
  const end = performance.now();
  await new Promise((r) => setTimeout(r, 200)); // let the observer report
  observer.disconnect();
  const longest = (from: number, to: number) =>
    Math.max(0, ...tasks.filter((t) => t.start > from && t.start < to).map((t) => t.duration));
  return {
    total: end - start,
    reading: longest(start, loadedAt),
    finder: Math.max(await firstUpdate!, longest(loadedAt, end)),
  };
}

/**
 * Our finder's filtering as the element runs it per keystroke (facets and sort order built once
 * per load). Each `typing()` is one person typing: a query that only grew is searched within the
 * previous results.
 */
function ourFiltering(items: ServiceFinder['items'], index: SearchIndex) {
  const compare = new Intl.Collator('zh-Hans-u-co-pinyin', { numeric: true }).compare;
  const facets = buildFacets(items, compare);
  const order = sortOrder(items, 'name', compare);
  const typing = () => {
    let last: { terms: string[]; bits: ReturnType<typeof bitsOf> } | undefined;
    return (q: string) => {
      const terms = queryTerms(q);
      const within = last && narrows(last.terms, terms) ? last.bits : undefined;
      const found = filterServices({
        services: items,
        order,
        index,
        facets,
        filters: emptyFilters(),
        terms,
        now: new Date(),
        nameFirst: true,
        within,
      });
      last = terms.length ? { terms, bits: bitsOf(items.length, found) } : undefined;
      return found;
    };
  };
  return { facets, order, typing };
}

/** Queries as people type them (one keystroke at a time): Chinese words, English, two terms. */
const peerQueries = [
  '心理咨询',
  '法律援助',
  '长者饭堂',
  '托管',
  '入学',
  'english',
  'parent',
  '粤语',
  '长者 助餐',
  '亲子 阅读',
  'free legal',
];
const keystrokes = peerQueries.flatMap((q) =>
  [...q].map((_, i) => q.slice(0, i + 1)).filter((k) => !k.endsWith(' ')),
);

/** Runs of Han characters, and of letters/digits; everything else separates. */
const runs = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu;
/**
 * MiniSearch's tokenizer for Chinese: Chinese has no spaces, so a run of Han characters becomes
 * its overlapping character bigrams (`心理咨询` → 心理 理咨 咨询), plus its last character alone in
 * documents so a one-character prefix query (`心`, searched with `prefix: true`) finds every
 * service containing it; other runs are words. Text is NFKC-normalized like ours.
 */
function bigrams(text: string, inDocument: boolean): string[] {
  const out: string[] = [];
  for (const [run] of text.normalize('NFKC').matchAll(runs)) {
    if (!/\p{Script=Han}/u.test(run[0])) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    for (let k = 0; k + 1 < chars.length; k++) out.push(chars[k] + chars[k + 1]);
    if (inDocument || chars.length === 1) out.push(chars[chars.length - 1]);
  }
  return out;
}

/** The fields our finder searches, as one text per service, for the peers. */
function searchedText(s: ServiceFinder['items'][number]) {
  return [s.name, s.organization ?? '', ...s.categories.map((c) => c.name), s.description ?? ''];
}

/** Per-keystroke search on realistic data: ours against MiniSearch and a plain filter. */
async function againstPeers(results: Result[]) {
  const { el } = await firstPaint(() => bilingualServices(N));
  const items = el.items;
  const builds: { ours: number[]; mini: number[] } = { ours: [], mini: [] };
  let index!: SearchIndex;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    index = new SearchIndex(items).complete();
    builds.ours.push(performance.now() - t);
  }
  // MiniSearch's index takes seconds for 10,000 services: built once.
  const t = performance.now();
  const mini = new MiniSearch({
    fields: ['text'],
    tokenize: (text) => bigrams(text, true),
    searchOptions: { prefix: true, combineWith: 'AND', tokenize: (q) => bigrams(q, false) },
  });
  mini.addAll(items.map((s, id) => ({ id, text: searchedText(s).join('\n') })));
  builds.mini.push(performance.now() - t);
  const hay = items.map((s) => searchedText(s).join('\n').normalize('NFKC').toLowerCase());
  const { typing } = ourFiltering(items, index);
  const times = { ours: [] as number[], mini: [] as number[], plain: [] as number[] };
  const counts = new Map<string, { ours: number; mini: number; plain: number }>();
  for (let round = 0; round < 5; round++) {
    const search = typing();
    for (const q of keystrokes) {
      let t = performance.now();
      const ours = search(q);
      times.ours.push(performance.now() - t);
      t = performance.now();
      const viaMini = mini.search(q);
      times.mini.push(performance.now() - t);
      t = performance.now();
      const words = q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
      const plain = hay.filter((h) => words.every((w) => h.includes(w)));
      times.plain.push(performance.now() - t);
      counts.set(q, { ours: ours.length, mini: viaMini.length, plain: plain.length });
    }
  }
  const head = `search per keystroke vs peers (${N} bilingual services, ${keystrokes.length} keystrokes × 5)`;
  const peers = [
    ['ours (filterServices + SearchIndex)', times.ours],
    ['MiniSearch 7 (character bigrams, prefix, AND)', times.mini],
    ['plain Array.filter + String.includes', times.plain],
  ] as const;
  results.push({ name: `${head}: ours, median`, value: round(median(times.ours), 3), unit: 'ms' });
  for (const [who, xs] of peers) {
    if (xs !== times.ours)
      results.push({ name: `  ${who}, median`, value: round(median(xs), 3), unit: 'ms' });
    results.push({ name: `  ${who}, spread (p75 − p25)`, value: round(spread(xs), 3), unit: 'ms' });
    results.push({ name: `  ${who}, p95`, value: round(p95(xs), 3), unit: 'ms' });
  }
  for (const [who, xs] of peers.slice(1)) {
    const name = who.split(' (')[0].split(' +')[0];
    results.push({
      name: `  ratio ours / ${name}, median (below 1: ours faster)`,
      value: round(median(times.ours) / median(xs), 2),
      unit: '×',
    });
    results.push({
      name: `  ratio ours / ${name}, p95`,
      value: round(p95(times.ours) / p95(xs), 2),
      unit: '×',
    });
  }
  for (const [who, xs] of [
    ['ours (SearchIndex, complete)', builds.ours],
    ['MiniSearch (addAll)', builds.mini],
  ] as const)
    results.push({ name: `  index build: ${who}`, value: round(median(xs)), unit: 'ms' });
  for (const q of peerQueries) {
    const c = counts.get(q)!;
    results.push({
      name: `  results for "${q}": ours`,
      value: c.ours,
      unit: `services (MiniSearch ${c.mini}, plain filter ${c.plain})`,
    });
  }
  const differ = (peer: 'mini' | 'plain') =>
    [...counts].filter(([, c]) => c[peer] !== c.ours).map(([q]) => q);
  for (const [peer, who] of [
    ['mini', 'MiniSearch'],
    ['plain', 'the plain filter'],
  ] as const) {
    const other = differ(peer);
    results.push({
      name: `  keystrokes where ${who} finds a different count`,
      value: other.length,
      unit: `of ${counts.size}${other.length ? `: ${other.map((q) => `"${q}"`).join(' ')}` : ''}`,
    });
  }
}

await runBench(async (results) => {
  // Memory first, on a fresh page: the heap with a finder holding 10,000 services (its records
  // included) minus the page before. No forced GC here, so garbage from reading still counts.
  for (let i = 0; i < 10; i++) await painted();
  const before = performance.memory?.usedJSHeapSize;
  const memoryRun = await firstPaint(() => records(N));
  for (let i = 0; i < 10; i++) await painted();
  const after = performance.memory?.usedJSHeapSize;
  if (before !== undefined && after !== undefined) {
    results.push({
      name: `JS heap added by a finder holding ${N} services`,
      value: round((after - before) / 1024 / 1024),
      unit: 'MB',
      budget: 50,
    });
    results.push({
      name: '  total JS heap of the page (Lit and the bench page included)',
      value: round(after / 1024 / 1024),
      unit: 'MB',
    });
  }

  // Per keystroke: the pure filtering the finder runs (index built once per load)…
  const { el } = memoryRun;
  // …and the whole update a keystroke causes (filter + render the first 20 cards), as typed.
  // The first keystroke right after the data arrived also finishes the index.
  const cold = performance.now();
  el.search('心');
  await el.updateComplete;
  results.push({
    name: '  first keystroke right after load (finishes the index)',
    value: round(performance.now() - cold),
    unit: 'ms',
  });
  el.search('');
  await el.updateComplete;
  // Then as a person types a little later (the index was finished in idle time).
  await new Promise((r) => setTimeout(r, 1500));
  const updates: number[] = [];
  for (const q of typed) {
    const t = performance.now();
    el.search(q);
    await el.updateComplete;
    updates.push(performance.now() - t);
    await painted();
  }
  results.push({
    name: 'whole update per keystroke (filter + render), p95',
    value: round(p95(updates)),
    unit: 'ms',
    budget: 16,
  });
  // Typing in the search box at 10,000 services, input event to results painted.
  await typingLatencies(el); // warm-up
  const typing = [...(await typingLatencies(el)), ...(await typingLatencies(el))];
  results.push({
    name: `typing: input to results painted, p50 (${N} services, ${typing.length} keys)`,
    value: round(median(typing)),
    unit: 'ms',
  });
  results.push({
    name: '  p95',
    value: round(p95(typing)),
    unit: 'ms',
    budget: 50,
  });
  const items = el.items;
  const index = new SearchIndex(items);
  const filtering = ourFiltering(items, index);
  const { facets, order } = filtering;
  const filterTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    const search = filtering.typing();
    for (const q of typed) {
      const t = performance.now();
      search(q);
      filterTimes.push(performance.now() - t);
    }
  }
  results.push({
    name: `filtering per keystroke, p95 (${N} services, ${filterTimes.length} keystrokes)`,
    value: round(p95(filterTimes)),
    unit: 'ms',
    budget: 8,
  });
  const withFilters: number[] = [];
  for (const q of typed) {
    const t = performance.now();
    filterServices({
      services: items,
      order,
      index,

      facets,
      filters: { ...emptyFilters(), free: true, openNow: true, age: 7, category: 'p-1' },
      terms: queryTerms(q),
      now: new Date(),
    });
    withFilters.push(performance.now() - t);
  }
  results.push({
    name: '  with four filters on, p95',
    value: round(p95(withFilters)),
    unit: 'ms',
    budget: 8,
  });
  const build: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    new SearchIndex(items).complete();
    build.push(performance.now() - t);
  }
  results.push({
    name: '  building the search index once per load',
    value: round(median(build)),
    unit: 'ms',
  });

  await firstPaint(() => records(500)); // warm up: locale chunk, JIT
  const runs = [];
  for (let r = 0; r < 5; r++) runs.push(await firstPaint(() => records(N)));
  results.push({
    name: `first results painted after .data (${N} records, read + index + render)`,
    value: round(median(runs.map((r) => r.total))),
    unit: 'ms',
    budget: 200,
  });
  results.push({
    name: '  of which the core reading the records',
    value: round(median(runs.map((r) => r.read))),
    unit: 'ms',
  });
  results.push({
    name: '  of which the finder (index, facets, sort, render, paint)',
    value: round(median(runs.map((r) => r.widget))),
    unit: 'ms',
    budget: 100,
  });
  const big = await longestTasks(100_000);
  results.push({
    name: 'first results painted after .data (100000 records)',
    value: round(big.total),
    unit: 'ms',
  });
  results.push({
    name: '  longest finder task (its first update, then each slice and render)',
    value: round(big.finder, 1),
    unit: 'ms',
    budget: 100,
  });
  results.push({
    name: '  longest task while the core reads them (its last one includes that first update)',
    value: round(big.reading, 1),
    unit: 'ms',
  });
  const hsdsRuns = [];
  for (let r = 0; r < 3; r++)
    hsdsRuns.push(await firstPaint(() => hsdsPage(N), { format: 'hsds' }));
  results.push({
    name: `first results painted after an HSDS page arrives (${N})`,
    value: round(median(hsdsRuns.map((r) => r.total))),
    unit: 'ms',
    budget: 200,
  });
  await againstPeers(results);
});
