import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { allByRole, byRole, find, parts, text, until } from '../support/index.js';

/**
 * Every widget in a page under the strict Content-Security-Policy the README supports
 * (`style-src 'self'`, `require-trusted-types-for 'script'`; tests/server/strict-csp-page.mjs):
 * each view and state must raise no `securitypolicyviolation` and keep its geometry, because
 * blocked `style="…"` attributes silently pile every week-view event at the top of its day.
 */

type CspWindow = Window & typeof globalThis & { cspViolations: string[]; cspReady: boolean };

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A fresh strict-CSP page in an iframe of desktop size, with the four widgets defined. */
async function strictPage(width = 1280): Promise<CspWindow> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '900';
  frame.src = '/test-csp/';
  frames.push(frame);
  document.body.append(frame);
  return until(() => {
    const win = frame.contentWindow as CspWindow | null;
    return win?.cspReady ? win : undefined;
  }, 'the strict-CSP page');
}

/** Puts `tag` with `attributes` and `.data` into the strict page. */
function place<T extends HTMLElement>(
  win: CspWindow,
  tag: string,
  attributes: Record<string, string>,
  data?: unknown,
): T {
  const el = win.document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (data !== undefined) (el as unknown as { data: unknown }).data = data;
  win.document.body.append(el);
  return el;
}

function noViolations(win: CspWindow): void {
  expect(win.cspViolations, 'CSP violations').to.deep.equal([]);
}

/** Fictional activities in the week of Monday 16 November 2026, Shanghai time. */
const activities = [
  {
    id: 'early',
    title: '上午：亲子阅读',
    start: '2026-11-17T10:00:00+08:00',
    end: '2026-11-17T11:00:00+08:00',
  },
  {
    id: 'late',
    title: '下午：家长课堂',
    start: '2026-11-17T14:30:00+08:00',
    end: '2026-11-17T16:00:00+08:00',
  },
  {
    id: 'a',
    title: '重叠甲：心理咨询',
    start: '2026-11-18T09:00:00+08:00',
    end: '2026-11-18T10:30:00+08:00',
  },
  {
    id: 'b',
    title: '重叠乙：法律咨询',
    start: '2026-11-18T09:30:00+08:00',
    end: '2026-11-18T11:00:00+08:00',
  },
  { id: 'day', title: '全天：自然教育', start: '2026-11-19', allDay: true },
  { id: 'multi', title: '多天：志愿者培训', start: '2026-11-16', end: '2026-11-20', allDay: true },
].map((record) => ({ timeZone: 'Asia/Shanghai', categories: ['社区'], ...record }));

function eventBox(calendar: HTMLElement, title: string): DOMRect {
  const found = parts(calendar, 'event').find((el) => text(el).includes(title));
  if (!found) throw new Error(`no event ${title} shown`);
  return found.getBoundingClientRect();
}

async function calendarIn(win: CspWindow, view: 'month' | 'week' | 'list'): Promise<HTMLElement> {
  const calendar = place(
    win,
    'event-calendar',
    { view, date: '2026-11-16', 'time-zone': 'Asia/Shanghai', lang: 'zh-Hans' },
    activities,
  );
  await until(() => parts(calendar, 'event').length >= activities.length, 'the events on screen');
  return calendar;
}

describe('strict CSP: event-calendar', () => {
  it('places timed events by their hours in the week view', async () => {
    const win = await strictPage();
    const calendar = await calendarIn(win, 'week');
    const early = eventBox(calendar, '上午：亲子阅读');
    const late = eventBox(calendar, '下午：家长课堂');
    expect(early.height, 'a one-hour event has a height').to.be.above(10);
    // 10:00 → 14:30 is four and a half times the one-hour event's height further down.
    const hours = (late.top - early.top) / early.height;
    expect(hours).to.be.within(4.2, 4.8);
    expect(late.height / early.height, '90 minutes against 60').to.be.within(1.3, 1.7);
    noViolations(win);
  });

  it('puts overlapping events side by side in the week view', async () => {
    const win = await strictPage();
    const calendar = await calendarIn(win, 'week');
    const a = eventBox(calendar, '重叠甲');
    const b = eventBox(calendar, '重叠乙');
    const alone = eventBox(calendar, '上午：亲子阅读');
    expect(b.left, 'the second overlapping event sits to the right').to.be.above(a.left + 5);
    expect(a.width).to.be.below(alone.width * 0.75);
    expect(b.top).to.be.above(a.top);
    noViolations(win);
  });

  it('spans a multi-day bar across its days in the week and the month view', async () => {
    for (const view of ['week', 'month'] as const) {
      const win = await strictPage();
      const calendar = await calendarIn(win, view);
      const oneDay = eventBox(calendar, '全天：自然教育');
      const fourDays = eventBox(calendar, '多天：志愿者培训');
      expect(oneDay.width, `${view}: a one-day bar has a width`).to.be.above(10);
      expect(fourDays.width / oneDay.width, `${view}: four days against one`).to.be.within(
        3.5,
        5.5,
      );
      noViolations(win);
    }
  });

  it('shows the list view and an event’s detail dialog', async () => {
    const win = await strictPage();
    const calendar = await calendarIn(win, 'list');
    const event = parts(calendar, 'event').find((el) => text(el).includes('家长课堂'))!;
    event.click();
    const dialog = await until(
      () => find<HTMLDialogElement>(calendar, 'dialog[open]'),
      'the detail dialog',
    );
    await until(() => text(dialog).includes('家长课堂'), 'the event in the dialog');
    expect(dialog.getBoundingClientRect().width).to.be.above(200);
    noViolations(win);
  });
});

describe('strict CSP: event-calendar long list', () => {
  it('keeps the long list’s geometry: few rows, the rest as space, the last reachable', async () => {
    const win = await strictPage();
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: `e${i}`,
      title: `活动 ${i + 1}`,
      start: new Date(Date.UTC(2026, 10, 16, 1, i)).toISOString(),
    }));
    const calendar = place(
      win,
      'event-calendar',
      { view: 'list', date: '2026-11-16', 'time-zone': 'Asia/Shanghai', 'page-size': '1000' },
      many,
    );
    const scroller = await until(
      () => find(calendar, '.list-scroller li') && find(calendar, '.list-scroller'),
      'the long list',
    );
    expect(parts(calendar, 'event').length).to.be.below(200);
    const rows = find(calendar, '.list-scroller ul')!;
    expect(
      parseFloat(getComputedStyle(rows).paddingBlockEnd),
      'space for the rows below',
    ).to.be.above(1000);
    const last = await until(() => {
      scroller.scrollTop = scroller.scrollHeight;
      return parts(calendar, 'event').find((el) => text(el).includes('活动 1000'));
    }, 'the last event');
    expect(last.getBoundingClientRect().height).to.be.above(20);
    noViolations(win);
  });
});

describe('strict CSP: the other widgets', () => {
  it('service-finder: results and a service’s detail', async () => {
    const win = await strictPage();
    const finder = place(win, 'service-finder', { lang: 'zh-Hans' }, [
      {
        id: 's1',
        name: '示例儿童心理咨询',
        description: '为随迁儿童提供免费咨询。',
        categories: ['心理'],
      },
      {
        id: 's2',
        name: '示例法律援助站',
        description: '劳动争议与户籍咨询。',
        categories: ['法律'],
      },
    ]);
    await until(() => parts(finder, 'service').length === 2, 'two results');
    byRole(finder, 'button', '示例儿童心理咨询').click();
    await until(() => parts(finder, 'detail').length === 1, 'the detail view');
    await until(() => allByRole(finder, 'button', '返回').length > 0, 'the back button');
    noViolations(win);
  });

  /** An intake form of the demo receiver in the strict page (no draft). */
  function formIn(win: CspWindow, name: string): HTMLElement {
    return place(win, 'intake-form', {
      lang: 'zh-Hans',
      schema: `/api/forms/${name}.json`,
      action: `/api/intake/${name}`,
      'no-draft': '',
    });
  }

  /** Types into a text question as a person would (an input event per change). */
  async function type(form: HTMLElement, label: string, value: string): Promise<void> {
    const box = await until(
      () => allByRole<HTMLInputElement>(form, 'textbox', label)[0],
      `the question ${label}`,
    );
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }

  /** Presses submit; resolves with the answers the form reports as sent or saved. */
  async function submit(form: HTMLElement): Promise<{ status: string; data: unknown }> {
    const submitted = new Promise<CustomEvent>((resolve) =>
      form.addEventListener('dandelion-submit', (e) => resolve(e as CustomEvent), { once: true }),
    );
    byRole(form, 'button', '提交').click();
    return (await submitted).detail;
  }

  it('intake-form: fill in and submit', async () => {
    const win = await strictPage();
    const form = formIn(win, 'test-signup');
    await type(form, '姓名', '示例家长');
    const answer = await submit(form);
    // Sent, or kept on the device when the (cold, shared) test server is slow: either way the
    // answers left the form without tripping the policy, which is what this test is about.
    expect(['sent', 'queued']).to.include(answer.status);
    expect(answer.data).to.deep.equal({ name: '示例家长' });
    noViolations(win);
  });

  it('intake-form: searchable picker of a long list on a 390 px phone, with a pattern', async () => {
    const win = await strictPage(390);
    const form = formIn(win, 'big-choice');
    const box = await until(
      () => allByRole<HTMLInputElement>(form, 'combobox', '所在社区')[0],
      'the picker',
    );
    box.focus();
    box.value = '越秀区第5';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const option = await until(
      () => allByRole(form, 'option').find((o) => text(o) === '越秀区第5社区'),
      'the option',
    );
    option.click();
    await type(form, '姓名', '示例家长');
    expect((await submit(form)).data).to.deep.equal({ name: '示例家长', community: 'YX-05' });

    // A schema pattern loads the linear-time engine (its own chunk) under the same policy.
    const patterns = place(win, 'intake-form', {
      lang: 'zh-Hans',
      schema: '/api/forms/patterns.json',
      'no-draft': '',
    });
    await until(() => allByRole(patterns, 'textbox', '手机号码')[0], 'the pattern form');
    noViolations(win);
  });

  it('story-carousel: moves to the next story', async () => {
    const win = await strictPage();
    const carousel = place(
      win,
      'story-carousel',
      { lang: 'zh-Hans', 'per-view': '1' },
      [1, 2, 3].map((n) => ({ id: `s${n}`, title: `示例故事 ${n}`, summary: `第 ${n} 个故事。` })),
    );
    await until(() => parts(carousel, 'slide').length === 3, 'three slides');
    byRole(carousel, 'button', '下一篇').click();
    await until(
      () => allByRole(carousel, 'tab').findIndex((t) => t.ariaSelected === 'true') === 1,
      'the second story selected',
    );
    noViolations(win);
  });

  it('story-carousel: reads and sanitizes a hostile feed without a single violation report', async () => {
    const win = await strictPage();
    const carousel = place(win, 'story-carousel', {
      lang: 'zh-Hans',
      src: '/tests/fixtures/feed/hostile.xml',
    });
    await until(() => parts(carousel, 'slide').length > 0, 'the slides');
    noViolations(win);
  });
});
