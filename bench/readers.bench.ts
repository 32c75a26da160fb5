// Reading speed of the format readers and the recurrence expansion, the first render of a long
// intake form and the check of a catastrophic schema pattern: the time budgets that used to sit
// inside unit tests (where a busy machine made them fail at random) live here, with the same
// numbers. Each is the best of several runs after a warm-up, next to a peer where one exists (the
// browser's own XML parse, ical.js's own parse, the browser's own RegExp).
import ICAL from 'ical.js';
import { html, render } from 'lit';
import '../src/intake-form/index.js';
import type { IntakeForm } from '../src/intake-form/index.js';
import { loadPatternEngine } from '../src/intake-form/patterns.js';
import { patternEngine } from '../src/intake-form/pattern-engine.js';
import { validate } from '../src/intake-form/validate.js';
import type { CalendarEvent } from '../src/core/models.js';
import { expandOccurrences } from '../src/core/recurrence.js';
import { readHsds } from '../src/core/readers/hsds.js';
import { read as readBody } from '../src/core/read.js';
import { normalizeRecordsSliced } from '../src/core/normalize/index.js';
import { readIcs } from '../src/core/readers/ics.js';
import { readRss } from '../src/core/readers/feed.js';
import { readWordPress } from '../src/core/readers/wordpress.js';
import { median, round, runBench } from './bench-kit.js';
import {
  hsdsService,
  icsCalendar,
  jsonService,
  rssItems,
} from '../tests/support/generated-data.js';

/** Best time of `runs` calls of `work` (ms). */
async function best(runs: number, work: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Median time of `runs` calls of `work` (ms): garbage collection counts, as on a real page. */
async function typical(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** A 60-question form in 4 steps, every kind of control. */
function longForm() {
  const properties: Record<string, unknown> = {};
  const steps = Array.from({ length: 4 }, (_, s) => ({
    title: `第 ${s + 1} 部分`,
    fields: [] as string[],
  }));
  for (let i = 0; i < 60; i++) {
    const kinds = [
      { type: 'string', title: `问题 ${i}`, maxLength: 100 },
      { type: 'string', format: 'date', title: `日期 ${i}` },
      { type: 'integer', minimum: 0, maximum: 99, title: `数字 ${i}` },
      { title: `选择 ${i}`, oneOf: [1, 2, 3].map((n) => ({ const: n, title: `选项 ${n}` })) },
      { type: 'array', title: `多选 ${i}`, items: { enum: ['甲', '乙', '丙'] } },
      { type: 'string', title: `说明 ${i}`, 'x-ui': { widget: 'textarea' } },
    ];
    properties[`q${i}`] = kinds[i % 6];
    steps[Math.floor(i / 15)].fields.push(`q${i}`);
  }
  return { type: 'object', title: '六十题', required: ['q0', 'q1'], properties, 'x-ui': { steps } };
}

async function formRender(stage: HTMLElement): Promise<number> {
  const el = document.createElement('intake-form') as IntakeForm;
  el.setAttribute('no-draft', '');
  el.setAttribute('storage-key', `bench-${Math.random()}`);
  const started = performance.now();
  el.schema = longForm();
  stage.append(el);
  await el.updateComplete;
  const ms = performance.now() - started;
  if (el.shadowRoot!.querySelectorAll('[part~="field"]').length !== 15)
    throw new Error('form did not render step 1');
  el.remove();
  return ms;
}

/** The next task (the picker's chunk resolves in one; a frame would add up to 16 ms). */
const task = () => new Promise((resolve) => setTimeout(resolve, 0));

/** First render of a question with `choices.length` choices, until its picker is on screen. */
async function bigChoiceRender(stage: HTMLElement, choices: string[]): Promise<number> {
  const el = document.createElement('intake-form') as IntakeForm;
  el.setAttribute('no-draft', '');
  el.setAttribute('storage-key', `bench-${Math.random()}`);
  const started = performance.now();
  el.schema = { type: 'object', properties: { building: { title: '楼栋', enum: choices } } };
  stage.append(el);
  await el.updateComplete;
  while (!el.shadowRoot!.querySelector('[role="combobox"]')) {
    await task();
    await el.updateComplete;
  }
  const ms = performance.now() - started;
  if (el.shadowRoot!.querySelectorAll('option, [role="option"]').length !== 0)
    throw new Error('the picker rendered options before anyone searched');
  el.remove();
  return ms;
}

/** Typing `words` into a rendered picker, until the matches are on screen. */
async function pickerSearch(stage: HTMLElement, choices: string[], words: string) {
  const el = document.createElement('intake-form') as IntakeForm;
  el.setAttribute('no-draft', '');
  el.setAttribute('storage-key', `bench-${Math.random()}`);
  el.schema = { type: 'object', properties: { building: { title: '楼栋', enum: choices } } };
  stage.append(el);
  let box: HTMLInputElement | null = null;
  while (!(box = el.shadowRoot!.querySelector('[role="combobox"]'))) await task();
  const started = performance.now();
  box.value = words;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  const ms = performance.now() - started;
  if (el.shadowRoot!.querySelectorAll('[role="option"]').length === 0)
    throw new Error('no match shown');
  el.remove();
  return ms;
}

await runBench(async (results) => {
  const hsds = {
    total_items: 10_000,
    total_pages: 1,
    page_number: 1,
    contents: Array.from({ length: 10_000 }, (_, i) => hsdsService(i)),
  };
  readHsds(hsds); // warm-up
  results.push({
    name: 'readHsds: 10,000 nested services',
    value: round(await best(5, () => readHsds(hsds)), 1),
    unit: 'ms',
    budget: 300,
  });

  // Issue #17: 10,000 services from a generic JSON API to normalized records, as a widget's
  // `.data` reads them (`read()`: shape sniffing, normalizing, sanitizing).
  const services = Array.from({ length: 10_000 }, (_, i) => jsonService(i));
  await readBody(services, { kind: 'service' }); // warm-up: chunks, JIT
  results.push({
    name: 'read(): 10,000 JSON services to records (median)',
    value: round(await typical(7, () => readBody(services, { kind: 'service' })), 1),
    unit: 'ms',
    budget: 150,
  });
  results.push({
    name: 'read(): 10,000 HSDS services to records (median)',
    value: round(await typical(7, () => readBody(hsds, { kind: 'service', format: 'hsds' })), 1),
    unit: 'ms',
    budget: 150,
  });

  const huge = '<script>'.repeat(10) + '长'.repeat(100_000);
  results.push({
    name: 'readHsds: one 100,000-character description (cut, escaped)',
    value: round(
      await best(3, () =>
        readHsds({ contents: [{ id: 'big', name: '大段说明', description: huge }] }),
      ),
      1,
    ),
    unit: 'ms',
    budget: 200,
  });

  const ics = icsCalendar(5000);
  await readIcs(icsCalendar(1000)); // loads ical.js and warms up
  results.push({
    name: 'readIcs: 5,000 VEVENTs, every fifth recurring',
    value: round(await best(5, () => readIcs(ics)), 1),
    unit: 'ms',
    budget: 300,
  });
  results.push({
    name: '  peer: ical.js parse of the same text (no mapping)',
    value: round(
      await best(5, () => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')),
      1,
    ),
    unit: 'ms',
  });

  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title><link>https://example.org/</link><description>d</description>${rssItems(10_000)}</channel></rss>`;
  const parse = await best(2, () => new DOMParser().parseFromString(rss, 'application/xml'));
  const read = await best(2, () => readRss(rss));
  results.push({ name: 'readRss: 10,000 items', value: round(read, 1), unit: 'ms' });
  results.push({
    name: '  peer: the browser’s XML parse of the same text',
    value: round(parse, 1),
    unit: 'ms',
  });
  results.push({
    name: '  readRss ÷ XML parse (budget: 3× + 200 ms ⇒ ratio shown)',
    value: round(read / (parse * 3 + 200), 2),
    unit: '× budget',
    budget: 1,
  });

  const sample = (
    (await (await fetch('/tests/fixtures/wordpress/posts-embed.json')).json()) as object[]
  )[0];
  const posts = Array.from({ length: 10_000 }, (_, i) => ({ ...sample, id: i }));
  results.push({
    name: 'readWordPress: 10,000 embedded posts',
    value: round(await best(2, () => readWordPress(posts)), 1),
    unit: 'ms',
    budget: 3000,
  });

  const event = (fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'start'>): CalendarEvent => ({
    id: 'e',
    title: 'Event',
    allDay: false,
    categories: [],
    ...fields,
  });
  const daily = event({
    start: '1990-01-01T09:00:00+08:00',
    end: '1990-01-01T10:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    recurrence: { rrule: 'FREQ=DAILY' },
  });
  const month = [new Date('2026-10-31T16:00:00Z'), new Date('2026-11-30T16:00:00Z')] as const;
  results.push({
    name: 'expandOccurrences: 36-year-old daily series, one month',
    value: round(await best(3, () => expandOccurrences([daily], ...month)), 1),
    unit: 'ms',
    budget: 200,
  });
  const secondly = event({ start: '2000-01-01T00:00:00Z', recurrence: { rrule: 'FREQ=SECONDLY' } });
  const day = [new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z')] as const;
  results.push({
    name: 'expandOccurrences: FREQ=SECONDLY since 2000, capped at 1,000',
    value: round(await best(3, () => expandOccurrences([secondly], ...day)), 1),
    unit: 'ms',
    budget: 2000,
  });

  // 100,000 loose JSON records (≈6 MB): read in slices, the page keeps answering input.
  const many = Array.from({ length: 100_000 }, (_, i) => ({
    id: `s${i}`,
    name: `社区服务 ${i}`,
    description: `第 ${i} 项服务，为居民提供支持。`,
    categories: [`类别 ${i % 20}`],
    phone: `020-${String(i).padStart(8, '0')}`,
  }));
  const longTasks: number[] = [];
  // Building `many` was a long task itself, and the observer (set up in that task) reports it
  // when it ends: only the tasks that began once reading had begun count.
  let readStart = Infinity;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime >= readStart) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  readStart = performance.now();
  const readMany = await best(1, () => normalizeRecordsSliced(many, 'service'));
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the observer report
  observer.disconnect();
  results.push({
    name: 'read 100,000 JSON records (sliced)',
    value: round(readMany, 1),
    unit: 'ms',
  });
  results.push({
    name: '  longest task while reading them',
    value: round(Math.max(0, ...longTasks), 1),
    unit: 'ms',
    budget: 100,
  });

  const stage = document.querySelector<HTMLElement>('#stage')!;
  await formRender(stage); // warm-up: locale chunk, styles
  results.push({
    name: 'intake-form: 60 questions in 4 steps, first render',
    value: round(await best(5, () => formRender(stage)), 1),
    unit: 'ms',
    budget: 50,
  });

  // Schema patterns: the input that makes a backtracking engine try 2^n splits of the a's.
  await loadPatternEngine();
  const patternForm = {
    type: 'object',
    properties: { code: { type: 'string', pattern: '^(a+)+$' } },
  };
  const thirty = { code: `${'a'.repeat(30)}b` };
  validate(patternForm, thirty); // compiles the pattern once
  results.push({
    name: 'validate: pattern ^(a+)+$, 30 × a + b (linear engine)',
    // µs per answer: 1,000 answers per run, a timer's resolution is coarser than one.
    value: round(
      await best(5, () => {
        for (let i = 0; i < 1000; i++) validate(patternForm, thirty);
      }),
      1,
    ),
    unit: 'µs',
    budget: 50_000,
  });
  const long = `${'a'.repeat(100_000)}b`;
  results.push({
    name: '  same on 100,000 × a + b, translated + compiled',
    value: round(
      await best(3, () => {
        const compiled = patternEngine.compile('^(a+)+$');
        if (!('test' in compiled) || compiled.test(long)) throw new Error('wrong answer');
      }),
      1,
    ),
    unit: 'ms',
    budget: 50,
  });
  results.push({
    name: '  peer: browser RegExp on just 20 × a + b (30: 24 s)',
    value: round(await best(1, () => /^(a+)+$/.test(`${'a'.repeat(20)}b`)), 1),
    unit: 'ms',
  });

  // A 50,000-choice question: a searchable picker, not 50,000 <option>s.
  const buildings = Array.from({ length: 50_000 }, (_, i) => `${i + 1}号楼`);
  await bigChoiceRender(stage, buildings); // warm-up: the picker's chunk
  results.push({
    name: 'intake-form: 50,000 choices, first render (picker)',
    value: round(await best(5, () => bigChoiceRender(stage, buildings)), 1),
    unit: 'ms',
    budget: 100,
  });
  results.push({
    name: '  typing "4999" into it (first search builds the index)',
    value: round(await best(3, () => pickerSearch(stage, buildings, '4999')), 1),
    unit: 'ms',
    budget: 100,
  });
  const select = document.createElement('div');
  stage.append(select);
  results.push({
    name: '  peer: the same choices as one <select> (before)',
    value: round(
      await best(1, async () => {
        render(
          html`<select>
            ${buildings.map((b) => html`<option>${b}</option>`)}
          </select>`,
          select,
        );
        select.getBoundingClientRect(); // layout included, as on screen
      }),
      1,
    ),
    unit: 'ms',
  });
  select.remove();
});
