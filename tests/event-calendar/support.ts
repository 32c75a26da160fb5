/** Shared helpers of the calendar tests (not a test file itself). */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/event-calendar/index.js';
import type { EventCalendar } from '../../src/event-calendar/index.js';

export type { EventCalendar };

/** Fictional activities in November 2026 (loose records, read by the core like any JSON API). */
export function sampleRecords(): Record<string, unknown>[] {
  return [
    {
      id: 'reading',
      title: '亲子阅读会',
      start: '2026-11-07T10:00:00+08:00',
      end: '2026-11-07T11:30:00+08:00',
      timeZone: 'Asia/Shanghai',
      rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=6',
      exdates: ['2026-11-14T10:00:00+08:00'],
      location: {
        name: '示例社工站活动室',
        address: '某某街道幸福路 1 号',
        lat: 23.1291,
        lng: 113.2644,
      },
      categories: ['亲子'],
      cost: '免费',
      organizer: '示例社工站',
      description: '<p>和孩子一起读<strong>绘本</strong>。</p><script>alert(1)</script>',
      registrationUrl: 'https://example.org/register/reading',
      url: 'https://example.org/events/reading',
    },
    {
      id: 'health',
      title: '长者健康讲座',
      start: '2026-11-18T14:30:00+08:00',
      end: '2026-11-18T16:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      location: { name: '某某街道党群服务中心', address: '某某街道和平路 20 号' },
      categories: ['长者'],
    },
    {
      id: 'london',
      title: '线上分享：双语养育',
      start: '2026-11-18T12:00:00',
      end: '2026-11-18T13:00:00',
      timeZone: 'Europe/London',
      categories: ['家长课堂'],
    },
    {
      id: 'birds',
      title: '儿童自然教育：湿地观鸟',
      start: '2026-11-08',
      allDay: true,
      categories: ['自然教育'],
    },
    {
      id: 'training',
      title: '新志愿者培训周',
      start: '2026-11-09',
      end: '2026-11-19',
      allDay: true,
      categories: ['志愿服务'],
    },
  ];
}

/** Waits until the calendar has loaded, expanded its occurrences and rendered them. */
export async function settled(el: EventCalendar): Promise<void> {
  await waitUntil(
    () => el.shadowRoot?.querySelector('[part="toolbar"], .status.empty, .status.error'),
    'calendar did not render content',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

export async function calendar(template: TemplateResult): Promise<EventCalendar> {
  const el = await fixture<EventCalendar>(template);
  await settled(el);
  return el;
}

export function $(el: EventCalendar, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(el: EventCalendar, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The event buttons whose accessible text mentions `title`. */
export function eventsTitled(el: EventCalendar, title: string): HTMLElement[] {
  return $$(el, '[part="event"]').filter(
    (b) => b.querySelector('.event-title')?.textContent === title,
  );
}

/** Day number (see time.ts) of a `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The day cell a month-view element sits in, as `YYYY-MM-DD`. */
export function cellDate(node: Element): string {
  const cell = node.closest<HTMLElement>('[role="gridcell"]')!;
  return new Date(Number(cell.dataset.day) * 86_400_000).toISOString().slice(0, 10);
}

/** The element focused inside the calendar's shadow root. */
export function focused(el: EventCalendar): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

/** Today (`YYYY-MM-DD`) in a zone. */
export function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now());
}

/** Waits until the open dialog shows an event's detail (the detail is a lazily loaded chunk). */
export async function detailShown(el: EventCalendar): Promise<HTMLDialogElement> {
  await waitUntil(
    () => el.shadowRoot!.querySelector('dialog .actions'),
    'the event detail did not show',
  );
  await el.updateComplete;
  return el.shadowRoot!.querySelector('dialog')!;
}
