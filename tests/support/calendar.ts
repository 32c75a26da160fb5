/**
 * `<event-calendar>` as a visitor sees and uses it (in the spirit of Material Web's
 * `dialog/harness.ts` and Lion's `CalendarObject`): put a calendar on the page with data, read what
 * it shows (title, events, days, dialog) and act (next month, open an event, switch view, press a
 * key). Tests speak through this file; when the calendar's markup changes, only this file does.
 * The few internal selectors live here, each next to what it reads.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/event-calendar/index.js';
import type { CalendarView, EventCalendar } from '../../src/event-calendar/index.js';
import { accessibleName, allByRole, byRole, find, findAll, text } from './dom.js';
import type { EventLog } from './events.js';
import { mount } from './mount.js';
import { until } from './wait.js';

export type { EventCalendar };

// -----------------------------------------------------------------------------------------------
// Data and dates

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

/** One event record: its title (also its id), start, and whatever else it needs. */
export function record(
  title: string,
  start: string,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: title, title, start, ...more };
}

/** `count` one-hour events on one morning, titled `${title} 1` … (a crowded day). */
export function crowdedDay(
  count: number,
  {
    day = '2026-11-18',
    title = '活动',
    hour,
  }: { day?: string; title?: string; hour?: number } = {},
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const h = String(hour ?? (i + 1) % 24).padStart(2, '0');
    return {
      id: `${title}-${i}`,
      title: `${title} ${i + 1}`,
      start: `${day}T${h}:00:00+08:00`,
      end: `${day}T${h}:59:00+08:00`,
    };
  });
}

/** Day number (days since 1970-01-01, as the calendar counts) of a `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Today (`YYYY-MM-DD`) in a zone, by the (possibly fake) clock. */
export function todayIn(zone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now());
}

/** A key no other request of this run uses (the test server counts requests per key). */
export function uniqueKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Runs `fn` with console.warn silenced; returns its result and what was warned. */
export async function quietly<T>(fn: () => T | Promise<T>): Promise<[T, string[]]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return [await fn(), warnings];
  } finally {
    console.warn = original;
  }
}

// -----------------------------------------------------------------------------------------------
// Putting a calendar on the page

/** A calendar as a page writes it: attributes, data or a source, and what it sits in. */
export interface CalendarSetup {
  /** Records given as `.data`; default the sample records, unless `src` or `noData` is set. */
  data?: unknown;
  /** Neither data nor a source yet (the page sets `data` later). */
  noData?: boolean;
  src?: string;
  /**
   * Seconds one request may take (`timeout`). A test about an answer (an HTTP error) gives it
   * plenty, so a busy machine cannot turn the answer into a timeout.
   */
  timeout?: number;
  lang?: string;
  /** Focused date, `YYYY-MM-DD`. */
  date?: string;
  view?: CalendarView;
  /** The `time-zone` attribute. */
  zone?: string;
  lunar?: boolean;
  theme?: 'light' | 'dark';
  dayMaxEvents?: number;
  pageSize?: number;
  minDate?: string;
  maxDate?: string;
  mapLink?: string;
  /** The `category-colors` attribute (the site's own category colours). */
  categoryColors?: string;
  /** Text of a button the page puts in the toolbar slot. */
  toolbarButton?: string;
  /** The element the calendar sits in: its language, direction and width (CSS px). */
  inside?: { lang?: string; dir?: 'rtl' | 'ltr'; width?: number };
  /**
   * Holds back the event detail's code (a chunk of its own) until `releaseDetailCode()`: the
   * order "dialog open, then detail code arrives" without depending on how fast the machine is.
   */
  holdDetailCode?: boolean;
  /** The week view's code (a chunk of its own) fails to download. */
  failWeekCode?: boolean;
}

/** The month most tests show: November 2026 in Shanghai time, in Simplified Chinese. */
export const november = {
  lang: 'zh-Hans',
  date: '2026-11-16',
  zone: 'Asia/Shanghai',
} as const satisfies CalendarSetup;

function template(s: CalendarSetup): TemplateResult {
  const data = s.data ?? (s.src === undefined && !s.noData ? sampleRecords() : undefined);
  const calendar = html`<event-calendar
    src=${ifDefined(s.src)}
    timeout=${ifDefined(s.timeout)}
    lang=${ifDefined(s.lang)}
    date=${ifDefined(s.date)}
    view=${ifDefined(s.view)}
    time-zone=${ifDefined(s.zone)}
    ?lunar=${s.lunar}
    theme=${ifDefined(s.theme)}
    day-max-events=${ifDefined(s.dayMaxEvents)}
    page-size=${ifDefined(s.pageSize)}
    min-date=${ifDefined(s.minDate)}
    max-date=${ifDefined(s.maxDate)}
    map-link=${ifDefined(s.mapLink)}
    category-colors=${ifDefined(s.categoryColors)}
    .data=${data}
    >${s.toolbarButton ? html`<button slot="toolbar">${s.toolbarButton}</button>` : nothing}</event-calendar
  >`;
  if (!s.inside) return calendar;
  const { lang, dir, width } = s.inside;
  return html`<div
    lang=${ifDefined(lang)}
    dir=${ifDefined(dir)}
    style=${styleMap(width === undefined ? {} : { width: `${width}px` })}
  >
    ${calendar}
  </div>`;
}

/** Makes the calendar's detail code wait for the returned release (before it is connected). */
function holdDetailCode(calendar: EventCalendar): () => void {
  // The detail view is a core LazyModule: its download is `options.load`.
  const view = (
    calendar as unknown as { parts: { detail: { options: { load: () => Promise<unknown> } } } }
  ).parts.detail;
  const load = view.options.load;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  view.options.load = () => released.then(load);
  return release;
}

/**
 * Puts a calendar on the page (events recorded from before it connects) and returns at once,
 * after its first render: for what a visitor sees while it loads.
 */
export async function mountCalendar(setup: CalendarSetup = {}): Promise<CalendarHarness> {
  // Built apart first, so that what must happen before it connects can happen.
  const scratch = document.createElement('div');
  render(template(setup), scratch);
  const built = scratch.firstElementChild as HTMLElement;
  const calendar =
    built.localName === 'event-calendar'
      ? (built as EventCalendar)
      : built.querySelector<EventCalendar>('event-calendar')!;
  const release = setup.holdDetailCode ? holdDetailCode(calendar) : undefined;
  if (setup.failWeekCode) {
    // The week view is a core LazyModule too: its download is `options.load`.
    const view = (
      calendar as unknown as { parts: { week: { options: { load: () => Promise<unknown> } } } }
    ).parts.week;
    view.options.load = () => Promise.reject(new Error('download failed (test)'));
  }
  const { events } = await mount<HTMLElement>(html`${built}`);
  await calendar.updateComplete;
  return new CalendarHarness(calendar, events, release);
}

/** Puts a calendar on the page and waits until it shows its events, "no events" or an error. */
export async function showCalendar(setup: CalendarSetup = {}): Promise<CalendarHarness> {
  const calendar = await mountCalendar(setup);
  await calendar.settled();
  return calendar;
}

// -----------------------------------------------------------------------------------------------
// Reading one event

/** One event as shown in a view or in the day list. */
export interface ShownEvent {
  button: HTMLElement;
  title: string;
  /** The short time shown next to it ("14:30", "14:30–16:00", "All day"), or "". */
  time: string;
  /**
   * What a screen reader says: what the button shows (time, title, place in lists), then its date
   * and time in words.
   */
  label: string;
  /** The place shown in the list view, or "". */
  place: string;
  /** Month view: the day of its cell (`YYYY-MM-DD`); "" elsewhere. */
  day: string;
  /** Week view: the heading of its day column; "" elsewhere. */
  column: string;
  /** Week view: in the all-day row. */
  allDayRow: boolean;
  /** A bar that goes on from the week (or day) before / into the next. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** Shown as a point in time (no length). */
  point: boolean;
  /** Bars: days spanned. */
  span?: number;
  /** Week view blocks: minutes from the grid's first hour, length, side-by-side column. */
  top?: number;
  length?: number;
  sideBySide?: { column: number; of: number };
  /** The element that takes the event's place in the layout (the week block, else the button). */
  box: HTMLElement;
}

const numberProp = (node: HTMLElement, name: string): number | undefined => {
  const value = node.style.getPropertyValue(name);
  return value === '' ? undefined : Number(value);
};

/** What a visitor can tell about one event button. */
export function describeEvent(button: HTMLElement): ShownEvent {
  const cell = button.closest<HTMLElement>('[role="gridcell"]');
  const column = button.closest<HTMLElement>('.day-column');
  const block = button.closest<HTMLElement>('.block');
  const classes = button.classList;
  const top = block ? numberProp(block, '--top') : undefined;
  return {
    button,
    title: text(button.querySelector('.event-title')),
    time: text(button.querySelector('.time')),
    label: accessibleName(button),
    place: text(button.querySelector('.place')),
    day: cell ? isoOf(Number(cell.dataset.day)) : '',
    column: column?.getAttribute('aria-label') ?? '',
    allDayRow: button.closest('.all-day') !== null,
    continuesBefore: classes.contains('continues-before'),
    continuesAfter: classes.contains('continues-after'),
    point: classes.contains('point'),
    span: numberProp(button, '--span'),
    top,
    length: block ? numberProp(block, '--length') : undefined,
    sideBySide: block
      ? { column: numberProp(block, '--column')!, of: numberProp(block, '--columns')! }
      : undefined,
    box: block ?? button,
  };
}

/** The day (`YYYY-MM-DD`) of the month cell an element sits in. */
export function dayOfCell(node: Element): string {
  return isoOf(Number(node.closest<HTMLElement>('[role="gridcell"]')!.dataset.day));
}

/** A "+N more" button: what it shows, what it says, and its day. */
export interface MoreButton {
  button: HTMLElement;
  /** Visible text, "+2 more". */
  shown: string;
  /** Accessible name: what it shows, then "Show all 5 events on …". */
  label: string;
  /** Month view: its cell's day; "" in the week view. */
  day: string;
}

// -----------------------------------------------------------------------------------------------
// The calendar

export class CalendarHarness {
  constructor(
    readonly el: EventCalendar,
    /** Every `dandelion-*` event the calendar fired, from before it connected. */
    readonly events: EventLog,
    private readonly detailCodeRelease?: () => void,
  ) {}

  /** Lets the detail code held back by `holdDetailCode` arrive. */
  releaseDetailCode(): void {
    if (!this.detailCodeRelease) throw new Error('the detail code was not held back');
    this.detailCodeRelease();
  }

  private get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** Waits until the calendar shows content (its visible range expanded), empty or error. */
  async settled(): Promise<this> {
    await until(
      () =>
        find(
          this.root,
          '[part="toolbar"], [part="base"] > [part="status"]:not([aria-busy="true"])',
        ),
      'the calendar to show its events, "no events" or an error',
    );
    await this.el.updateComplete;
    return this;
  }

  /** Lets the calendar finish what an action started (render, expansion of a new range). */
  async update(): Promise<this> {
    await this.el.updateComplete;
    return this;
  }

  /**
   * Records `read()` after every render from now on (a controller's hostUpdated runs after each),
   * so a test can ask what each painted frame showed, not only the last one.
   */
  everyRender<T>(read: () => T): T[] {
    const seen: T[] = [];
    this.el.addController({ hostUpdated: () => seen.push(read()) });
    return seen;
  }

  // --- What the calendar shows ------------------------------------------------------------------

  /** The page-level status (loading, empty, error), or the status of the view's body. */
  status(where: 'page' | 'body' = 'page'): HTMLElement | null {
    return find(
      this.root,
      where === 'page' ? '[part="base"] > [part="status"]' : '.body [part="status"]',
    );
  }

  /** Whether the empty state offers the page its `empty` slot. */
  hasEmptySlot(): boolean {
    return this.status()?.querySelector('slot[name="empty"]') != null;
  }

  /** What the page put in the toolbar slot, as shown there. */
  toolbarSlotted(): Element[] {
    const slot = this.toolbar().querySelector<HTMLSlotElement>('slot[name="toolbar"]');
    return slot?.assignedElements() ?? [];
  }

  /** The toolbar: navigation, title, view switcher and the page's own controls. */
  toolbar(): HTMLElement {
    return find(this.root, '[part="toolbar"]')!;
  }

  /** The title of what is shown ("2026年11月", "November 2026", "2026年11月16日起"). */
  title(): string {
    return text(byRole(this.toolbar(), 'heading'));
  }

  /** Previous, today and next, in toolbar order. */
  navButtons(): { previous: HTMLButtonElement; today: HTMLButtonElement; next: HTMLButtonElement } {
    const [previous, today, next] = findAll<HTMLButtonElement>(this.root, '.nav button');
    return { previous, today, next };
  }

  async next(): Promise<this> {
    this.navButtons().next.click();
    return this.update();
  }

  async previous(): Promise<this> {
    this.navButtons().previous.click();
    return this.update();
  }

  async today(): Promise<this> {
    this.navButtons().today.click();
    return this.update();
  }

  /** The view switcher (a group of toggle buttons). */
  viewSwitcher(): HTMLElement {
    return find(this.root, '.views')!;
  }

  /** The view buttons: their names and which is pressed. */
  viewButtons(): { name: string; pressed: boolean }[] {
    return allByRole(this.viewSwitcher(), 'button').map((b) => ({
      name: text(b),
      pressed: b.getAttribute('aria-pressed') === 'true',
    }));
  }

  /** Switches to a view with its toggle button. */
  async view(view: CalendarView): Promise<this> {
    find(this.root, `.views button[data-value="${view}"]`)!.click();
    return this.update();
  }

  /** Which view is on screen, by what it shows. */
  shownView(): CalendarView | undefined {
    if (find(this.root, '.body [role="grid"]')) return 'month';
    if (find(this.root, '.week-view')) return 'week';
    if (find(this.root, '.list')) return 'list';
    return undefined;
  }

  /** The category filter chips (not "show all"): names and pressed state. */
  chips(): { name: string; pressed: boolean; checkShown: boolean }[] {
    return findAll(this.root, '.filters .chip:not(.clear)').map((chip) => ({
      name: text(chip),
      pressed: chip.getAttribute('aria-pressed') === 'true',
      checkShown: getComputedStyle(chip.querySelector('.check')!).display !== 'none',
    }));
  }

  /** Presses a category chip, or the "show all categories" chip (`all`). */
  async filter(category: string | { all: true }): Promise<this> {
    const chip =
      typeof category === 'string'
        ? findAll(this.root, '.filters .chip').find((c) => text(c) === category)!
        : this.showAllChip()!;
    chip.click();
    return this.update();
  }

  showAllChip(): HTMLElement | null {
    return find(this.root, '.filters .chip.clear');
  }

  /** The notes under the view (records that could not be read, the time zone shown). */
  notes(): string {
    return text(find(this.root, '.notes'));
  }

  /** The event buttons of the view (not of the dialog), optionally only those titled `title`. */
  eventButtons(title?: string): HTMLElement[] {
    return findAll(this.root, '.body [part="event"]').filter(
      (b) => title === undefined || text(b.querySelector('.event-title')) === title,
    );
  }

  /** The events of the view titled `title`, in order. */
  eventsTitled(title: string): ShownEvent[] {
    return this.eventButtons(title).map(describeEvent);
  }

  /** Titles of every event in the view, in order. */
  shownEvents(): string[] {
    return this.eventButtons().map((b) => describeEvent(b).title);
  }

  /** Month view: the days (`YYYY-MM-DD`) on which events titled `title` sit. */
  daysOf(title: string): string[] {
    return this.eventsTitled(title).map((e) => e.day);
  }

  /** The "+N more" buttons of the view. */
  moreButtons(): MoreButton[] {
    return findAll(this.root, '.body .more').map((button) => ({
      button,
      shown: text(button.querySelector('span:not([hidden])')),
      label: accessibleName(button),
      day: button.closest('[role="gridcell"]') ? dayOfCell(button) : '',
    }));
  }

  /** Opens the day list with the first "+N more". */
  async openMore(): Promise<CalendarDialog> {
    this.moreButtons()[0].button.click();
    await this.update();
    return this.dialog();
  }

  // --- Month grid --------------------------------------------------------------------------------

  grid(): HTMLElement | null {
    return find(this.root, '[role="grid"]');
  }

  /** Column headers: short visible names and full names read out. */
  columnHeaders(): { short: string; long: string }[] {
    return findAll(this.root, '[role="columnheader"]').map((h) => ({
      short: text(h.querySelector('[aria-hidden="true"]')),
      long: text(h.querySelector('.visually-hidden')),
    }));
  }

  /** The grid's rows (the header row included). */
  rows(): HTMLElement[] {
    return findAll(this.root, '[role="row"]');
  }

  /** The grid's day cells, in order. */
  cells(): HTMLElement[] {
    return findAll(this.root, '[role="gridcell"]');
  }

  /** Days of the grid's cells, in order. */
  cellDays(): string[] {
    return this.cells().map(dayOfCell);
  }

  /** The cell of a day. */
  cell(iso: string): HTMLElement {
    return find(this.root, `[role="gridcell"][data-day="${dayNumber(iso)}"]`)!;
  }

  /** What a cell says about its day (date in words, today, out of range) and its lunar label. */
  describeCell(cell: HTMLElement): {
    day: string;
    label: string;
    today: boolean;
    disabled: boolean;
    tabStop: boolean;
    lunar?: { text: string; monthStart: boolean; lang: string | null };
    dayNumberMarked: boolean;
  } {
    const lunar = cell.querySelector<HTMLElement>('.lunar');
    const dayNumberStyle = getComputedStyle(cell.querySelector('.day-number')!);
    return {
      day: dayOfCell(cell),
      label: text(cell.querySelector('.cell-head .visually-hidden')),
      today: cell.getAttribute('aria-current') === 'date',
      disabled: cell.getAttribute('aria-disabled') === 'true',
      tabStop: cell.tabIndex === 0,
      lunar: lunar
        ? {
            text: text(lunar),
            monthStart: lunar.classList.contains('lunar-month'),
            lang: lunar.getAttribute('lang'),
          }
        : undefined,
      dayNumberMarked: dayNumberStyle.backgroundColor !== 'rgba(0, 0, 0, 0)',
    };
  }

  /** Whether any lunar label is shown. */
  hasLunarLabels(): boolean {
    return find(this.root, '.lunar') !== null;
  }

  /** The cell marked as today. */
  todayCell(): HTMLElement | null {
    return find(this.root, '[aria-current="date"]');
  }

  /** The grid's one tab stop (the focused day's cell). */
  tabStops(): HTMLElement[] {
    return findAll(this.root, '[role="gridcell"][tabindex="0"]');
  }

  /** Puts keyboard focus on the grid (its tab stop). */
  focusGrid(): HTMLElement {
    const cell = this.tabStops()[0];
    cell.focus();
    return cell;
  }

  // --- Narrow (phone) month view: marks in the grid, the chosen day's events under it ----------

  /** What a day cell of the narrow month view marks: one mark per event shown, and "+N". */
  marks(iso: string): { colours: string[]; long: boolean[]; count: string } {
    const cell = this.cell(iso);
    const marks = [...cell.querySelectorAll<HTMLElement>('.mark')];
    return {
      colours: marks.map((m) => getComputedStyle(m).backgroundColor),
      long: marks.map((m) => m.classList.contains('long')),
      count: text(cell.querySelector('.mark-count')),
    };
  }

  /** The list of the chosen day's events under the grid, if shown. */
  agenda(): HTMLElement | null {
    return find(this.root, '.agenda');
  }

  /** The heading of that list (the chosen day). */
  agendaHeading(): string {
    return text(this.agenda()?.querySelector('h2, h3, h4, h5, h6'));
  }

  /** The events listed under the grid: time, title, category, and their buttons. */
  agendaEvents(): (ShownEvent & { category: string })[] {
    const list = this.agenda();
    if (!list) return [];
    return [...list.querySelectorAll<HTMLElement>('[part="event"]')].map((b) => ({
      ...describeEvent(b),
      category: text(b.querySelector('.category')),
    }));
  }

  /** What the list says when the chosen day has no events. */
  agendaEmpty(): string {
    return text(this.agenda()?.querySelector('.list-empty'));
  }

  /** The category chips' row. */
  filters(): HTMLElement | null {
    return find(this.root, '.filters');
  }

  // --- Keyboard and focus -----------------------------------------------------------------------

  /** The element focused inside the calendar. */
  focused(): HTMLElement | null {
    return this.root.activeElement as HTMLElement | null;
  }

  /** The day of the focused cell (`YYYY-MM-DD`), or undefined when focus is not on a cell. */
  focusedCellDay(): string | undefined {
    const focused = this.focused();
    return focused?.getAttribute('role') === 'gridcell' ? dayOfCell(focused) : undefined;
  }

  /** Presses a key (with Control when asked) and lets the calendar update. */
  async press(key: string, { ctrl = false } = {}): Promise<this> {
    if (ctrl) await sendKeys({ down: 'Control' });
    await sendKeys({ press: key });
    if (ctrl) await sendKeys({ up: 'Control' });
    return this.update();
  }

  // --- Week view ---------------------------------------------------------------------------------

  /** Headings of the week view's day columns. */
  dayColumns(): string[] {
    return findAll(this.root, '.day-column').map((c) => c.getAttribute('aria-label') ?? '');
  }

  /** The hours labelled beside the time grid. */
  hours(): string[] {
    return findAll(this.root, '.hour').map((h) => text(h));
  }

  /** Week view: the events in the time grid (not in the all-day row). */
  timedEvents(): HTMLElement[] {
    return findAll(this.root, '.day-column [part="event"]');
  }

  // --- List view ---------------------------------------------------------------------------------

  /** The list view's day headings. */
  listDays(): string[] {
    return findAll(this.root, '.list .list-day-title').map((h) => text(h));
  }

  /** The list view's "Show more" button, if shown. */
  showMoreButton(): HTMLElement | null {
    return find(this.root, '.list .show-more');
  }

  async showMore(): Promise<this> {
    this.showMoreButton()!.click();
    return this.update();
  }

  /** A long list's scrolling box (only the rows in view are rendered in it), if shown. */
  listScroller(): HTMLElement | null {
    return find(this.root, '.list .list-scroller');
  }

  /** The rows a long list has in the DOM: title, position and the size it says the list has. */
  listRows(): { title: string; position: number; of: number; heading: string; row: HTMLElement }[] {
    return findAll(this.root, '.list-scroller li').map((row) => ({
      title: text(row.querySelector('.event-title')),
      position: Number(row.getAttribute('aria-posinset')),
      of: Number(row.getAttribute('aria-setsize')),
      heading: text(row.querySelector('.list-day-title')),
      row,
    }));
  }

  /** The title of the event focused in the view, or "". */
  focusedEventTitle(): string {
    return text(this.focused()?.closest('[part="event"]')?.querySelector('.event-title'));
  }

  /** What the list says when there is nothing from its date on. */
  listEmpty(): string {
    return text(find(this.root, '.list-empty'));
  }

  // --- Dialog ------------------------------------------------------------------------------------

  /** The event detail / day list dialog (open or not). */
  dialog(): CalendarDialog {
    return new CalendarDialog(this, find<HTMLDialogElement>(this.root, 'dialog')!);
  }

  /**
   * Clicks the `index`-th event titled `title` and waits until its detail is shown (its code is
   * a chunk of its own, loaded on first use) or says it could not be loaded.
   */
  async openEvent(title: string, index = 0): Promise<CalendarDialog> {
    const button = this.eventButtons(title)[index];
    if (!button) throw new Error(`no event titled ${title} (#${index}) in the view`);
    button.click();
    return this.detail();
  }

  /** Waits until the open dialog shows an event's detail, or that it could not be loaded. */
  async detail(): Promise<CalendarDialog> {
    const dialog = this.dialog();
    await until(() => dialog.open && dialog.detailState() !== 'loading', 'the event detail');
    await this.update();
    return dialog;
  }

  /**
   * Makes the detail code look as if its download had failed (its chunk cannot be made to fail
   * from a test): the dialog shows what it shows after a lost connection.
   */
  async detailDownloadFailed(): Promise<void> {
    (this.el as unknown as { parts: { detail: { state: unknown } } }).parts.detail.state = 'failed';
    this.el.requestUpdate();
    await this.update();
  }

  /**
   * Makes the expansion of the next range fail the way a lost connection makes the series code
   * download fail; returns a function that brings the real expansion back.
   */
  seriesCodeUnreachable(): () => void {
    const internals = this.el as unknown as { occurrences: unknown };
    const real = internals.occurrences;
    internals.occurrences = {
      now: () => undefined,
      get: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    };
    return () => {
      internals.occurrences = real;
    };
  }

  /** The element the calendar sits in (`inside` of its setup). */
  container(): HTMLElement {
    return this.el.parentElement!;
  }

  /** Sets the width (CSS px) of the element the calendar sits in. */
  resizeContainer(width: number): void {
    this.container().style.width = `${width}px`;
  }

  /** Gives the calendar records, as a page does once it has them (default the sample records). */
  giveData(data: unknown = sampleRecords()): void {
    this.el.data = data;
  }

  /** Takes the calendar off the page and puts it back where it was. */
  async reconnect(): Promise<this> {
    const parent = this.el.parentElement!;
    const next = this.el.nextSibling;
    this.el.remove();
    parent.insertBefore(this.el, next);
    return this.update();
  }
}

/** The calendar's dialog: an event's detail or the list of a day's events. */
export class CalendarDialog {
  constructor(
    private readonly calendar: CalendarHarness,
    readonly el: HTMLDialogElement,
  ) {}

  get open(): boolean {
    return this.el.open;
  }

  /** Modal (everything else inert) and named by its title. */
  isModal(): boolean {
    return this.el.matches(':modal');
  }

  /** The title: the event's, or "Events on …" for a day. */
  titleElement(): HTMLElement | null {
    return this.el.querySelector<HTMLElement>('#dialog-title');
  }

  title(): string {
    return text(this.titleElement());
  }

  /** Whether focus is on the dialog's title. */
  titleFocused(): boolean {
    const title = this.titleElement();
    return title !== null && this.calendar.focused() === title;
  }

  /**
   * Whether focus is on something of the page outside the dialog (focus that leaves the page
   * for the browser's own controls, as Tab past the last control does, is not).
   */
  focusOutside(): boolean {
    const active = document.activeElement;
    if (active === null || active === document.body) return false;
    const inside = this.calendar.focused();
    return active !== this.calendar.el || inside === null || !this.el.contains(inside);
  }

  /** `loading` while the detail code loads, `failed` when it could not, else `shown`. */
  detailState(): 'loading' | 'failed' | 'shown' {
    if (this.el.querySelector('.actions')) return 'shown';
    if (this.alert()) return 'failed';
    return 'loading';
  }

  /** The text of the detail fact named `term` ("时间", "When", "地点", "费用"…). */
  fact(term: string): string {
    const dt = [...this.el.querySelectorAll('dt')].find((d) => text(d) === term);
    return text(dt?.nextElementSibling);
  }

  /** Every link in the dialog. */
  links(): HTMLAnchorElement[] {
    return [...this.el.querySelectorAll<HTMLAnchorElement>('a')];
  }

  /** The map link of the place. */
  mapLink(): string {
    return this.el.querySelector<HTMLAnchorElement>('.facts a')?.href ?? '';
  }

  /** The event's description as shown (sanitised HTML). */
  description(): HTMLElement | null {
    return this.el.querySelector<HTMLElement>('.description');
  }

  /** The detail's action links and buttons (register, more, add to calendar, share). */
  actions(): HTMLElement[] {
    return [...this.el.querySelectorAll<HTMLElement>('.actions a, .actions button')];
  }

  /** The action named `name` (visible text). */
  action(name: string): HTMLElement {
    const found = this.actions().find((a) => text(a) === name);
    if (!found) throw new Error(`no action ${name} (${this.actions().map((a) => text(a))})`);
    return found;
  }

  /** The status line under the actions. */
  notice(): HTMLElement | null {
    return this.el.querySelector<HTMLElement>('.notice');
  }

  /** The alert shown when the detail could not be loaded. */
  alert(): HTMLElement | null {
    return this.el.querySelector<HTMLElement>('[role="alert"]');
  }

  /** The day list's event buttons. */
  eventButtons(): HTMLElement[] {
    return [...this.el.querySelectorAll<HTMLElement>('[part="event"]')];
  }

  /** Opens the `index`-th event of the day list. */
  async openEvent(index: number): Promise<this> {
    this.eventButtons()[index].click();
    await this.calendar.update();
    return this;
  }

  /** The close button. */
  closeButton(): HTMLButtonElement {
    return byRole<HTMLButtonElement>(this.el, 'button', /^(Close|关闭|關閉)$/);
  }

  async close(): Promise<void> {
    this.closeButton().click();
    await this.calendar.update();
  }

  /** The "back to the day's list" button, if shown. */
  backButton(): HTMLButtonElement | null {
    return this.el.querySelector<HTMLButtonElement>('.back');
  }

  async back(): Promise<void> {
    this.backButton()!.click();
    await this.calendar.update();
  }
}
