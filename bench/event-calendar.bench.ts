// Numbers for issue #6, side by side with FullCalendar in the same page run: a month view with
// 5,000 events in the source (recurring series included) rendered from the data, and switching
// to the next month. The two calendars take turns in the same fixed-size stage, alternating which
// one goes first; each is measured several times and the median (and p95) is reported.
//
// Both get the same events in their own input shape, built before the clock starts:
// - ours: loose JSON records as an API would send them, through `.data` (the core reads and
//   normalizes them: field aliases, dates, RRULEs, then expands the series for the visible range);
// - FullCalendar: its EventInput objects (it parses them into its event store itself), with the
//   series as RRULE strings through @fullcalendar/rrule (FullCalendar's own RRULE support, which
//   runs rrule.js; ours runs ical.js).
// So reading/normalizing the events is inside the measured time for both.
//
// Time zone: both show Asia/Shanghai. FullCalendar has no named-zone support without a zone
// plugin (luxon/moment); without one it keeps the wall time of an ISO string with an offset and
// treats offset-less strings as wall time, which shows the same times as ours for this data.
// Its RRULE DTSTART/EXDATE are therefore written as Shanghai wall time without an offset (with an
// offset, rrule.js would expand in UTC and FullCalendar would show UTC times). The bench checks
// that both find the same number of occurrences in the focus month's grid.
//
// "+N more": both show at most 3 events a day (ours `day-max-events`, default 3; FullCalendar
// `dayMaxEvents: 3`) and "+N more" for the rest.
// Clock start: the same for both — before the element / `new Calendar` is created, with the
// data already in memory in each one's input shape.
// Two data sets: 5,000 events over two years (a real organisation's archive) and a stress month
// whose six shown weeks really hold all 5,000.
// "Painted": the next animation frame, then a task after it (layout and paint have run).
// A warm-up run of each comes first (our lazy chunks — reader, recurrence, ical.js — load then).
// List view (issue #17): every occurrence of the two-year data in one list, from the first day
// of the data to its last (ours: `view="list"`, `date` and `max-date` on those days and a
// `page-size` above the count, so nothing waits behind "Show more"; FullCalendar: a `list` view
// whose `visibleRange` is the same two years). Same clock start as above: before the element /
// `new Calendar`, with the data in memory in each one's input shape; the clock stops when the
// list is painted (ours: once its long-list code is in and the rows on screen are there). Both
// must list the same number of occurrences.
// The page runs on Vite's dev server: Lit in its dev build, FullCalendar pre-bundled by Vite.
import '../src/event-calendar/index.js';
import type { EventCalendar } from '../src/event-calendar/index.js';
import { expandOccurrences } from '../src/core/recurrence.js';
import { Calendar, type EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import listPlugin from '@fullcalendar/list';
import rrulePlugin from '@fullcalendar/rrule';
import zhCn from '@fullcalendar/core/locales/zh-cn';
import { fcEvents, N, ourRecords, specs, ZONE } from './event-calendar.data.js';
import { median, p95, painted, round, runBench, type Result } from './bench-kit.js';

const RUNS = 7;
const SWITCHES = 12;
const FOCUS = '2026-11-15';
const LIST_FIRST = '2025-11-01';
const LIST_LAST = '2027-10-31';
const LIST_RUNS = 5;
/** `event-calendar.html?list`: only the list comparison (quicker while working on it). */
const listOnly = new URLSearchParams(location.search).has('list');

const stage = document.querySelector<HTMLElement>('#stage')!;

/** Whether an occurrence (ISO start, exclusive end) falls in the days [first, after). */
function inDays(start: string, end: string | undefined, first: string, after: string): boolean {
  return start < after && (end ? end > first && end > start : start >= first);
}

/** Whether an occurrence (ISO start, exclusive end) falls in the focus month's grid. */
function inGrid(start: string, end?: string): boolean {
  return inDays(start, end, '2026-10-26', '2026-12-07');
}

// ---------------------------------------------------------------------------------------------
// The two calendars

/** Clears the stage, starts the clock, then creates our element with `attributes` (Shanghai, zh-Hans). */
async function startOurs(attributes: Record<string, string>) {
  stage.replaceChildren();
  await painted();
  const start = performance.now();
  const el = document.createElement('event-calendar');
  const all = { ...attributes, 'time-zone': ZONE, lang: 'zh-Hans' };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  return { start, el };
}

/** From creating the element with its data until the month's events are painted. */
async function renderOurs(records: unknown[]) {
  const { start, el } = await startOurs({ view: 'month', date: FOCUS });
  let loadedAt = 0;
  const loaded = new Promise<void>((res) =>
    el.addEventListener('dandelion-load', () => ((loadedAt = performance.now()), res()), {
      once: true,
    }),
  );
  el.data = records;
  stage.append(el);
  await loaded;
  await el.updateComplete;
  const root = el.shadowRoot!;
  if (!root.querySelector('[part="event"]')) throw new Error('ours: no events rendered');
  if (!root.querySelector('.more')) throw new Error('ours: no "+N more"');
  await painted();
  const end = performance.now();
  return { total: end - start, read: loadedAt - start, el };
}

async function switchOurs(el: EventCalendar): Promise<number> {
  const grid = () => el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-label');
  const before = grid();
  const start = performance.now();
  el.next();
  await el.updateComplete;
  if (grid() === before) throw new Error('ours: the month did not change');
  await painted();
  return performance.now() - start;
}

function fcOptions(events: EventInput[]) {
  return {
    plugins: [dayGridPlugin, rrulePlugin],
    initialView: 'dayGridMonth',
    initialDate: FOCUS,
    timeZone: ZONE,
    locale: zhCn,
    dayMaxEvents: 3,
    height: '100%',
    events,
  };
}

/** Clears the stage, puts FullCalendar's host in it and starts the clock. */
async function startFc() {
  stage.replaceChildren();
  const host = document.createElement('div');
  host.style.height = '100%';
  stage.append(host);
  await painted();
  return { host, start: performance.now() };
}

/** From `new Calendar(…)` with the events until `render()` has painted. */
async function renderFc(events: EventInput[]) {
  const { host, start } = await startFc();
  const calendar = new Calendar(host, fcOptions(events));
  calendar.render();
  if (!host.querySelector('.fc-daygrid-event')) throw new Error('FullCalendar: no events');
  await painted();
  const end = performance.now();
  if (!host.querySelector('.fc-daygrid-more-link')) throw new Error('FullCalendar: no "+N more"');
  return { total: end - start, calendar };
}

async function switchFc(calendar: Calendar): Promise<number> {
  const before = calendar.view.currentStart.getTime();
  const start = performance.now();
  calendar.next();
  if (calendar.view.currentStart.getTime() === before) throw new Error('FC: month not changed');
  await painted();
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------

await runBench(async (results) => {
  for (let i = 0; i < 5; i++) await painted();
  if (!listOnly) {
    await compare(results, specs(), 'two years', 0.5);
    await compare(results, specs({ stressMonth: true }), 'stress month', 0.1);
  }
  await compareList(results, specs());
});

/** From creating the element with its data until the list of every occurrence is painted. */
async function listOurs(records: unknown[]) {
  const attributes = { view: 'list', date: LIST_FIRST, 'max-date': LIST_LAST };
  const { start, el } = await startOurs({ ...attributes, 'page-size': '1000000' });
  const loaded = new Promise((res) => el.addEventListener('dandelion-load', res, { once: true }));
  el.data = records;
  stage.append(el);
  await loaded;
  await el.updateComplete;
  const root = el.shadowRoot!;
  // A long list shows its first rows as a short list until its code is in (a chunk).
  while (!root.querySelector('.list-rows [part="event"]')) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
  if (root.querySelector('.show-more')) throw new Error('ours: the list still has "Show more"');
  await painted();
  const end = performance.now();
  const rows = Number(root.querySelector('.list-row')!.getAttribute('aria-setsize'));
  return { total: end - start, rows };
}

/** From `new Calendar(…)` with the events until its list view has painted. */
async function listFc(events: EventInput[]) {
  const { host, start } = await startFc();
  const calendar = new Calendar(host, {
    plugins: [listPlugin, rrulePlugin],
    initialView: 'listAll',
    views: { listAll: { type: 'list', visibleRange: { start: LIST_FIRST, end: '2027-11-01' } } },
    timeZone: ZONE,
    locale: zhCn,
    height: '100%',
    events,
  });
  calendar.render();
  await painted();
  const end = performance.now();
  const rows = host.querySelectorAll('.fc-list-event').length;
  if (rows === 0) throw new Error('FullCalendar: no list rows');
  // Its list shows a multi-day event under each of its days: count occurrences as ours does.
  const occurrences = calendar
    .getEvents()
    .filter((e) => inDays(e.startStr, e.endStr || undefined, LIST_FIRST, '2027-11-01')).length;
  calendar.destroy();
  return { total: end - start, rows, occurrences };
}

/** Both calendars' list view of every occurrence over two years; budget ours / FullCalendar. */
async function compareList(results: Result[], list: ReturnType<typeof specs>) {
  await listOurs(ourRecords(list)); // warm-up: the long list's chunk, compiled code
  await listFc(fcEvents(list));
  const ours: number[] = [];
  const fc: number[] = [];
  const rows = { ours: 0, fc: 0, fcOccurrences: 0 };
  for (let run = 0; run < LIST_RUNS; run++) {
    for (const which of run % 2 === 0 ? ['ours', 'fc'] : ['fc', 'ours']) {
      if (which === 'ours') {
        const records = ourRecords(list);
        const r = await listOurs(records);
        ours.push(r.total);
        rows.ours = r.rows;
      } else {
        const events = fcEvents(list);
        const r = await listFc(events);
        fc.push(r.total);
        rows.fc = r.rows;
        rows.fcOccurrences = r.occurrences;
      }
    }
  }
  stage.replaceChildren();
  const [oursMs, fcMs] = [median(ours), median(fc)];
  results.push({
    name: `list view — every occurrence from ${LIST_FIRST} to ${LIST_LAST} (two years)`,
    value: rows.ours,
    unit: `occurrences / ${rows.fcOccurrences} FullCalendar (its ${rows.fc} rows repeat a multi-day event under each day)`,
  });
  results.push({
    name: `list view, ours (element + read + expand + render + paint), median of ${LIST_RUNS}`,
    value: round(oursMs),
    unit: 'ms',
  });
  results.push({
    name: `list view, FullCalendar list (visibleRange), median of ${LIST_RUNS}`,
    value: round(fcMs),
    unit: 'ms',
  });
  results.push({
    name: 'list view, ours / FullCalendar (5× faster = 0.2)',
    value: round(oursMs / fcMs),
    unit: '×',
    budget: 0.2,
  });
  results.push({ name: '  speedup, FullCalendar / ours', value: round(fcMs / oursMs), unit: '×' });
  const each = (xs: number[]) => `runs, ms each: ${xs.map((t) => Math.round(t)).join(' ')}`;
  results.push({ name: '  list runs, ours', value: LIST_RUNS, unit: each(ours) });
  results.push({ name: '  list runs, FullCalendar', value: LIST_RUNS, unit: each(fc) });
}

/** Both calendars on one data set; `budget`: the render-time ratio ours / FullCalendar. */
async function compare(
  results: Parameters<Parameters<typeof runBench>[0]>[0],
  list: ReturnType<typeof specs>,
  label: string,
  budget: number,
) {
  const series = list.filter((s) => s.rule).length;

  // Warm-up, not measured: loads our lazy chunks (reader, recurrence, ical.js) and lets both
  // libraries' code get compiled. FullCalendar is imported up front by this page.
  {
    const ours = await renderOurs(ourRecords(list));
    for (let i = 0; i < 3; i++) await switchOurs(ours.el);
    const fc = await renderFc(fcEvents(list));
    for (let i = 0; i < 3; i++) await switchFc(fc.calendar);
    fc.calendar.destroy();
  }

  const ours = { total: [] as number[], read: [] as number[], switches: [] as number[] };
  const fc = { total: [] as number[], switches: [] as number[] };
  const counts = { ours: 0, fc: 0 };
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? ['ours', 'fc'] : ['fc', 'ours'];
    for (const which of order) {
      if (which === 'ours') {
        const records = ourRecords(list); // fresh objects each run, outside the clock
        await painted();
        const r = await renderOurs(records);
        ours.total.push(r.total);
        ours.read.push(r.read);
        if (run === 0) {
          // Occurrences in the shown weeks (Monday 26 Oct – Sunday 6 Dec), counted the same way
          // for both (by the wall-clock dates of their ISO strings), to check the data matches.
          const found = await expandOccurrences(
            r.el.items,
            new Date('2026-10-25T00:00:00+08:00'),
            new Date('2026-12-08T00:00:00+08:00'),
          );
          counts.ours = found.filter((o) => inGrid(o.start, o.end)).length;
        }
        for (let i = 0; i < SWITCHES; i++) ours.switches.push(await switchOurs(r.el));
      } else {
        const events = fcEvents(list);
        await painted();
        const r = await renderFc(events);
        fc.total.push(r.total);
        if (run === 0) {
          counts.fc = r.calendar.getEvents().filter((e) => inGrid(e.startStr, e.endStr)).length;
        }
        for (let i = 0; i < SWITCHES; i++) fc.switches.push(await switchFc(r.calendar));
        r.calendar.destroy();
      }
    }
  }
  stage.replaceChildren();

  const oursMs = median(ours.total);
  const fcMs = median(fc.total);
  results.push({
    name: `${label} — data: ${N} events in the source, ${series} of them recurring series`,
    value: N,
    unit: 'events',
  });
  results.push({
    name: '  occurrences in the focus month grid, ours / FullCalendar',
    value: counts.ours,
    unit: `/ ${counts.fc}`,
  });
  results.push({
    name: `month render from the data, ours (read + expand + render + paint), median of ${RUNS}`,
    value: round(oursMs),
    unit: 'ms',
  });
  results.push({
    name: '  of which reading and normalizing the records',
    value: round(median(ours.read)),
    unit: 'ms',
  });
  results.push({
    name: `month render from the data, FullCalendar dayGridMonth, median of ${RUNS}`,
    value: round(fcMs),
    unit: 'ms',
  });
  results.push({
    name: `month render, ours / FullCalendar (${round(1 / budget)}× faster = ${budget})`,
    value: round(oursMs / fcMs),
    unit: '×',
    budget,
  });
  results.push({
    name: '  speedup, FullCalendar / ours',
    value: round(fcMs / oursMs),
    unit: '×',
  });
  results.push({
    name: `switch to the next month, ours, median of ${ours.switches.length}`,
    value: round(median(ours.switches)),
    unit: 'ms',
  });
  results.push({
    name: '  p95',
    value: round(p95(ours.switches)),
    unit: 'ms',
    budget: 50,
  });
  results.push({
    name: `switch to the next month, FullCalendar, median of ${fc.switches.length}`,
    value: round(median(fc.switches)),
    unit: 'ms',
  });
  results.push({
    name: '  p95',
    value: round(p95(fc.switches)),
    unit: 'ms',
  });
  const each = (xs: number[]) => `runs, ms each: ${xs.map((t) => Math.round(t)).join(' ')}`;
  results.push({ name: '  render runs, ours', value: RUNS, unit: each(ours.total) });
  results.push({ name: '  render runs, FullCalendar', value: RUNS, unit: each(fc.total) });
}
