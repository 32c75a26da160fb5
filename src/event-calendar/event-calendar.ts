import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { DandelionDataElement } from '../core/data-element.js';
import { LazyView } from '../core/lazy-view.js';
import type { DandelionSelectDetail } from '../core/events.js';
import type { CalendarEvent } from '../core/models.js';
import { networkErrorMessage } from '../core/network-error.js';
import { renderEmpty, renderError, renderLoading } from '../core/status-view.js';
import { baseStyles } from '../core/styles.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { eventCalendarStyles } from './event-calendar.styles.js';
import { CalendarFormats } from './formats.js';
import { upcoming } from './list-layout.js';
import { renderList } from './list-view.js';
import type { EventDetailContext } from './event-detail.js';
import { checkTemplate } from './map-template.js';
import { renderMonth } from './month-view.js';
import { OccurrenceCache, type Occurrence } from './occurrences.js';
import { place } from './placement.js';
import { layoutRows, type Row } from './row-layout.js';
import { readShareUrl, type SharedEvent } from './share-link.js';
import { layoutDay, type DayColumn } from './time-layout.js';
import {
  addMonths,
  dayMs,
  isoDay,
  monthLength,
  monthStart,
  parseDay,
  viewerZone,
  weekStart,
  Zone,
} from './time.js';
import { renderListEvent, when, type EventPlaced, type ViewContext } from './view-parts.js';
import { firstDayOfWeek } from './week-info.js';
import { renderWeek } from './week-view.js';
import { WidthController } from './width-controller.js';

/** The calendar's views. */
export type CalendarView = 'month' | 'week' | 'list';
const views: CalendarView[] = ['month', 'week', 'list'];

/** `dandelion-select` detail of `<event-calendar>`: the event and which occurrence was opened. */
export interface EventCalendarSelectDetail extends DandelionSelectDetail<CalendarEvent> {
  occurrence: Pick<Occurrence, 'occurrenceId' | 'start' | 'end' | 'recurring'>;
}

type DialogState =
  { mode: 'event'; placed: EventPlaced; fromDay?: number } | { mode: 'day'; day: number };

/** Palette size: categories cycle through `--_cat-0` … `--_cat-7`. */
const paletteSize = 8;
/** Below this container width (CSS px) the list view is the default. */
const narrowWidth = 600;
/** Most overlapping timed events side by side in a week-view day. */
const maxColumns = 4;
/** List view windows (days from the focused date) tried in turn as "show more" runs out. */
const listWindows = [92, 184, 366, 731, 1827];

/**
 * `<event-calendar>` — an activities calendar for a subdistrict or NGO, from any feed (iCalendar,
 * The Events Calendar, schema.org JSON-LD, CSV, JSON).
 *
 * Month view: WAI-ARIA APG **grid** pattern (one tab stop on the focused day; arrows, Home/End,
 * PageUp/PageDown, Ctrl+Home/End), events reachable by Tab. Event detail: APG **modal dialog**
 * (native `<dialog>`; focus moves in, Escape closes, focus returns to the opener). View switcher:
 * toggle buttons (`aria-pressed`). Times are computed with `Intl` in the display zone, DST-safe.
 *
 * @summary Month, week and list views of events, with recurring series, time zones and details.
 *
 * @fires {CustomEvent<DandelionLoadDetail<CalendarEvent>>} dandelion-load - `{ items, source }` after every successful load
 * @fires {CustomEvent<DandelionErrorDetail>} dandelion-error - `{ kind, message, status? }` when loading or reading fails
 * @fires {CustomEvent<EventCalendarSelectDetail>} dandelion-select - {@link EventCalendarSelectDetail} `{ item, occurrence }` when an event is opened
 *
 * @slot toolbar - Extra controls at the end of the toolbar
 * @slot empty - Replaces the message shown when the source has no events
 *
 * @csspart base - The wrapper of everything
 * @csspart toolbar - Navigation, title and view switcher
 * @csspart status - Loading, empty and error states
 * @csspart button - Every button (navigation, views, chips, more, dialog actions)
 * @csspart event - Each rendered event (month bar, week block, list entry)
 * @csspart dialog - The event detail / day list dialog
 *
 * @cssprop --dandelion-color-text - Body text colour
 * @cssprop --dandelion-color-muted - Secondary text colour
 * @cssprop --dandelion-color-background - Widget background
 * @cssprop --dandelion-color-surface - Cells outside the month, event backgrounds
 * @cssprop --dandelion-color-border - Grid lines
 * @cssprop --dandelion-color-accent - Today, buttons, links, events without a category
 * @cssprop --dandelion-color-on-accent - Text on the accent colour
 * @cssprop --dandelion-color-danger - Error state
 * @cssprop --dandelion-font-family - Font stack
 * @cssprop --dandelion-font-size - Base font size
 * @cssprop --dandelion-radius - Corner radius
 * @cssprop --dandelion-space - Base spacing unit
 * @cssprop --dandelion-focus-ring - Focus outline
 * @tagname event-calendar
 */
export class EventCalendar extends DandelionDataElement<'event'> {
  static override styles = [baseStyles, eventCalendarStyles];

  /** View: `month`, `week` or `list`; unset = month, or list in a narrow (< 600 px) container. */
  @property({ attribute: 'view', reflect: true }) view?: CalendarView;

  /** Focused date (`YYYY-MM-DD`); defaults to today in the display zone. */
  @property({ attribute: 'date' }) date?: string;

  /** Earliest date navigation may reach (`YYYY-MM-DD`). */
  @property({ attribute: 'min-date' }) minDate?: string;

  /** Latest date navigation may reach (`YYYY-MM-DD`). */
  @property({ attribute: 'max-date' }) maxDate?: string;

  /** IANA time zone to show times in (e.g. `Asia/Shanghai`); defaults to the viewer's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** Shows Chinese-calendar (农历) day labels in the month and week views. */
  @property({ attribute: 'lunar', type: Boolean, reflect: true, converter: booleanAttribute })
  lunar = false;

  /** Map link template with `{lat}`, `{lng}`, `{name}`, `{address}`; default Amap (zh) or OpenStreetMap. */
  @property({ attribute: 'map-link' }) mapLink?: string;

  /** Events shown per day in the month view before "+N more". */
  @property({ attribute: 'day-max-events', type: Number }) dayMaxEvents = 3;

  /** Events per page in the list view ("show more" adds another page). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /** Focused day (day number, see time.ts). */
  @state() private focusDay = 0;
  /** Occurrences of the expanded range, placed in the display zone. */
  @state() private placedAll: EventPlaced[] = [];
  /** Whether `placedAll` is the visible range's, is still being expanded, or could not be. */
  @state() private rangeState: 'ready' | 'pending' | 'failed' = 'ready';
  @state() private activeCategories: ReadonlySet<string> = new Set();
  @state() private listLimit = 20;
  @state() private listWindow = 0;
  @state() private dialogState?: DialogState;
  @state() private notice = '';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }
  /** The detail view's code and styles: their own chunk, loaded when a detail first opens. */
  private readonly detailView = new LazyView(
    this,
    () => import('./event-detail.js'),
    'the event detail',
  );

  private readonly width = new WidthController(this, narrowWidth);
  private readonly occurrences = new OccurrenceCache();

  // Derived in willUpdate.
  private zone: Zone = Zone.get('UTC')!;
  private formats?: CalendarFormats;
  private lunarLabels?: import('./lunar.js').LunarLabels;
  /** Lunar labels code (its own chunk), loaded before the first update with `lunar`. */
  private lunarModule?: typeof import('./lunar.js') | 'failed';
  private firstDay = 1;
  private today = 0;
  private minDay?: number;
  private maxDay?: number;
  private mapTemplate?: string;
  private categories: string[] = [];
  private colours = new Map<string, number>();
  private hasSeries = false;
  private latestStart = 0;
  private visible: EventPlaced[] = [];
  private byKey = new Map<string, EventPlaced>();
  private monthRows: Row<EventPlaced>[] = [];
  private weekRow?: Row<EventPlaced>;
  private weekColumns: DayColumn<EventPlaced>[] = [];
  private listItems: EventPlaced[] = [];
  private firstHour = 8;
  private lastHour = 20;

  private itemsSeen?: readonly CalendarEvent[];
  private expandedItems?: readonly CalendarEvent[];
  private expandKey = '';
  /** The expansion in flight, if any (awaited by `updateComplete`). */
  private expanding?: Promise<void>;
  private focusCell = false;
  private opener?: HTMLElement;
  private openerKey?: string;
  private pendingShare?: SharedEvent;
  private shareChecked = false;
  private zoneWarned?: string;

  constructor() {
    super('event');
  }

  /** The view in effect: the `view` attribute, else list in a narrow container, else month. */
  get currentView(): CalendarView {
    if (this.view && views.includes(this.view)) return this.view;
    return this.width.narrow ? 'list' : 'month';
  }

  /** The focused date as `YYYY-MM-DD`. */
  get focusedDate(): string {
    return isoDay(this.focusDay || this.today);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.lunar || this.lunarModule) return super.scheduleUpdate();
    return import('./lunar.js')
      .then(
        (module) => {
          this.lunarModule = module;
        },
        (error: unknown) => {
          // The calendar works without the labels.
          console.warn('[dandelion] <event-calendar> could not load the lunar labels', error);
          this.lunarModule = 'failed';
        },
      )
      .then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.deriveZoneAndLocale();
    if (changed.has('date') || !this.focusDay) {
      this.focusDay = parseDay(this.date) ?? this.today;
    }
    if (changed.has('minDate') || changed.has('maxDate') || changed.has('date')) {
      this.minDay = parseDay(this.minDate);
      this.maxDay = parseDay(this.maxDate);
      this.focusDay = this.clamp(this.focusDay);
    }
    if (changed.has('mapLink')) this.mapTemplate = checkTemplate(this.mapLink ?? undefined);
    if (changed.has('pageSize')) this.listLimit = Math.max(1, this.pageSize || 20);

    const items = this.loader.items;
    if (items !== this.itemsSeen) this.deriveItems(items);
    if (!this.shareChecked && this.loader.status === 'content') {
      // Opened from a share link (`#event=…&date=…`): go to that date, open it once expanded.
      this.shareChecked = true;
      this.pendingShare = readShareUrl(location.href);
      const day = parseDay(this.pendingShare?.date);
      if (day !== undefined) this.focusDay = this.clamp(day);
    }
    this.requestRange();
    this.deriveLayout();
  }

  protected override update(changed: PropertyValues<this>): void {
    // The dialog opens (and takes focus) before the detail's own chunk has arrived; when it does,
    // the detail replaces the loading view, title included. Focus on a replaced element inside
    // the open dialog goes back to its title instead of falling out to the page.
    const dialog = this.dialog;
    const active = dialog?.open ? this.shadowRoot?.activeElement : null;
    const focusInDialog = active && dialog!.contains(active) ? active : undefined;
    super.update(changed);
    if (focusInDialog && !focusInDialog.isConnected && this.dialog?.open) this.focusDialogTitle();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusCell) {
      this.focusCell = false;
      this.renderRoot
        .querySelector<HTMLElement>(`[role="gridcell"][data-day="${this.focusDay}"]`)
        ?.focus();
    }
    const dialog = this.dialog;
    if (dialog && this.dialogState && !dialog.open) {
      dialog.showModal();
      this.focusDialogTitle();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Derived state

  private deriveZoneAndLocale(): void {
    let zone = Zone.get(this.timeZone);
    if (this.timeZone && !zone && this.zoneWarned !== this.timeZone) {
      this.zoneWarned = this.timeZone;
      console.warn(
        `[dandelion] time-zone "${this.timeZone}" is not a known IANA zone; using the viewer's.`,
      );
    }
    zone ??= Zone.get(viewerZone()) ?? Zone.get('UTC')!;
    const locale = this.locale.intl;
    if (!this.formats || this.formats.locale !== locale || this.formats.timeZone !== zone.name) {
      this.formats = new CalendarFormats(locale, zone.name);
      this.firstDay = firstDayOfWeek(locale);
      this.lunarLabels = undefined;
    }
    if (this.lunar && typeof this.lunarModule === 'object') {
      this.lunarLabels ??= new this.lunarModule.LunarLabels(this.locale.messages);
    }
    this.zone = zone;
    this.today = zone.dayOf(Date.now());
  }

  private deriveItems(items: readonly CalendarEvent[]): void {
    this.itemsSeen = items;
    const categories = new Set<string>();
    let hasSeries = false;
    let latest = -Infinity;
    for (const event of items) {
      for (const c of event.categories) categories.add(c);
      if (event.recurrence?.rrule || event.recurrence?.rdates?.length) hasSeries = true;
      latest = Math.max(latest, parseDay(event.end) ?? parseDay(event.start) ?? -Infinity);
    }
    this.categories = [...categories].sort((a, b) => a.localeCompare(b, this.locale.intl));
    this.colours = new Map(this.categories.map((c, i) => [c, i % paletteSize]));
    this.hasSeries = hasSeries;
    this.latestStart = latest;
    this.activeCategories = new Set([...this.activeCategories].filter((c) => categories.has(c)));
    this.listWindow = 0;
  }

  /** First and last day the current view shows. */
  private range(): [number, number] {
    const focus = this.focusDay;
    switch (this.currentView) {
      case 'month': {
        const first = weekStart(monthStart(focus), this.firstDay);
        const last = monthStart(focus) + monthLength(focus) - 1;
        return [first, weekStart(last, this.firstDay) + 6];
      }
      case 'week': {
        const first = weekStart(focus, this.firstDay);
        return [first, first + 6];
      }
      case 'list': {
        const windowEnd = focus + listWindows[this.listWindow] - 1;
        return [focus, this.maxDay === undefined ? windowEnd : Math.min(windowEnd, this.maxDay)];
      }
    }
  }

  /** Whether the list view can look further ahead than the window ending on `last`. */
  private canExtendList(last: number): boolean {
    if (this.listWindow >= listWindows.length - 1) return false;
    if (this.maxDay !== undefined && last >= this.maxDay) return false;
    return this.hasSeries || this.latestStart > last;
  }

  /**
   * Expands occurrences for the visible range: at once when the code for series is loaded, so a
   * new month or week never paints without its series; else when that code has loaded.
   */
  private requestRange(): void {
    const items = this.loader.items;
    const [first, last] = this.range();
    const key = `${this.zone.name}|${first}|${last}`;
    if (key === this.expandKey && items === this.expandedItems) return;
    this.expandKey = key;
    this.expandedItems = items;
    this.rangeState = 'ready';
    if (items.length === 0) {
      this.placedAll = [];
      return;
    }
    // A day of margin on both sides: dates and floating times are read in other zones by the core.
    const from = this.zone.startOfDay(first) - dayMs;
    const to = this.zone.startOfDay(last + 1) + dayMs;
    let ready: Occurrence[] | undefined;
    try {
      ready = this.occurrences.now(items, from, to);
    } catch (error) {
      console.warn('[dandelion] could not expand the events', error);
      this.rangeState = 'failed';
      return;
    }
    if (ready) {
      // Called from willUpdate: a list that looks further ahead is expanded in this update too.
      if (this.showOccurrences(ready, first, last)) this.requestRange();
      return;
    }
    // The first range with series waits for their code (ical.js): a skeleton, not an empty
    // month or "no events" that is not true.
    this.rangeState = 'pending';
    const current = () => this.expandKey === key && this.expandedItems === items;
    const pending = this.occurrences.get(items, from, to).then(
      (occurrences) => {
        if (!current()) return;
        this.rangeState = 'ready';
        this.showOccurrences(occurrences, first, last);
      },
      (error: unknown) => {
        console.warn('[dandelion] could not expand the events', error);
        if (current()) this.rangeState = 'failed';
      },
    );
    this.expanding = pending;
    void pending.finally(() => {
      if (this.expanding === pending) this.expanding = undefined;
    });
  }

  /**
   * Places the occurrences of the range [first, last] in the display zone. Returns true when the
   * list view found too few and looks further ahead (a new range to expand).
   */
  private showOccurrences(occurrences: Occurrence[], first: number, last: number): boolean {
    const zone = this.zone;
    const colourOf = (event: CalendarEvent) => this.colourOf(event);
    const placed: EventPlaced[] = [];
    for (const occurrence of occurrences) {
      const p = place(occurrence, zone, colourOf);
      if (p && p.endDay >= first && p.startDay <= last) placed.push(p);
    }
    this.placedAll = placed;
    if (this.pendingShare) this.openShared();
    if (
      this.currentView === 'list' &&
      this.filtered(placed).length < this.listLimit &&
      this.canExtendList(last)
    ) {
      // Too few upcoming events in this window: look further ahead.
      this.listWindow++;
      return true;
    }
    return false;
  }

  /** Resolves after rendering and after the occurrences of the visible range are expanded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.expanding) {
      await this.expanding;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private colourOf(event: CalendarEvent): number {
    const first = event.categories[0];
    return first === undefined ? -1 : (this.colours.get(first) ?? -1);
  }

  /** Occurrences passing the category filter. */
  private filtered(placed: EventPlaced[]): EventPlaced[] {
    const active = this.activeCategories;
    return active.size === 0
      ? placed
      : placed.filter((p) => p.event.categories.some((c) => active.has(c)));
  }

  /** Events per day (month grid, week all-day row) before "+N more". */
  private get lanes(): number {
    return Math.max(1, Math.floor(this.dayMaxEvents) || 3);
  }

  private deriveLayout(): void {
    this.visible = this.filtered(this.placedAll);
    this.byKey = new Map(this.visible.map((p) => [p.key, p]));
    const lanes = this.lanes;
    const [first, last] = this.range();
    this.monthRows = [];
    this.weekRow = undefined;
    this.weekColumns = [];
    this.listItems = [];
    switch (this.currentView) {
      case 'month':
        this.monthRows = layoutRows(this.visible, first, (last - first + 1) / 7, 7, lanes);
        break;
      case 'week': {
        // Timed events of 24 hours or more read better as bars in the all-day row.
        const long = (p: EventPlaced) => p.allDay || (p.endMs ?? 0) - (p.startMs ?? 0) >= dayMs;
        this.weekRow = layoutRows(this.visible.filter(long), first, 1, 7, lanes)[0];
        const timed = this.visible.filter((p) => !long(p));
        this.weekColumns = Array.from({ length: 7 }, (_, i) =>
          layoutDay(timed, first + i, maxColumns),
        );
        let earliest = 8 * 60;
        let latest = 20 * 60;
        for (const column of this.weekColumns) {
          for (const block of column.blocks) {
            earliest = Math.min(earliest, block.top);
            latest = Math.max(latest, block.bottom, block.top + 30);
          }
        }
        this.firstHour = Math.floor(earliest / 60);
        this.lastHour = Math.min(24, Math.ceil(latest / 60));
        break;
      }
      case 'list':
        this.listItems = upcoming(this.visible, first);
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Navigation

  private clamp(day: number): number {
    if (this.minDay !== undefined && day < this.minDay) return this.minDay;
    if (this.maxDay !== undefined && day > this.maxDay) return this.maxDay;
    return day;
  }

  /** Day reached by one step back (−1) or forward (+1) in the current view. */
  private stepped(direction: -1 | 1): number {
    return this.currentView === 'week'
      ? this.focusDay + 7 * direction
      : addMonths(this.focusDay, direction);
  }

  /** Whether a step in `direction` would leave the allowed dates entirely. */
  private canStep(direction: -1 | 1): boolean {
    const target = this.stepped(direction);
    if (this.currentView === 'week') {
      const first = weekStart(target, this.firstDay);
      if (direction < 0) return this.minDay === undefined || first + 6 >= this.minDay;
      return this.maxDay === undefined || first <= this.maxDay;
    }
    const first = monthStart(target);
    if (direction < 0)
      return this.minDay === undefined || first + monthLength(first) - 1 >= this.minDay;
    return this.maxDay === undefined || first <= this.maxDay;
  }

  /** Moves to the previous month (month, list views) or week. */
  previous(): void {
    if (this.canStep(-1)) this.goTo(this.stepped(-1));
  }

  /** Moves to the next month (month, list views) or week. */
  next(): void {
    if (this.canStep(1)) this.goTo(this.stepped(1));
  }

  /** Moves to today (within `min-date`/`max-date`). */
  goToToday(): void {
    this.goTo(this.today);
  }

  /** Moves the focused date (`YYYY-MM-DD` or a day number). */
  goTo(date: string | number): void {
    const day = typeof date === 'number' ? date : parseDay(date);
    if (day === undefined) return;
    this.focusDay = this.clamp(day);
    this.listLimit = Math.max(1, this.pageSize || 20);
    this.listWindow = 0;
  }

  private readonly onPrevious = () => this.previous();
  private readonly onNext = () => this.next();
  private readonly onToday = () => this.goToToday();

  private readonly onViewClick = (e: Event) => {
    const view = (e.currentTarget as HTMLElement).dataset.view as CalendarView;
    this.view = view;
  };

  private readonly onChipClick = (e: Event) => {
    const category = (e.currentTarget as HTMLElement).dataset.category;
    const next = new Set(this.activeCategories);
    if (category === undefined) next.clear();
    else if (next.has(category)) next.delete(category);
    else next.add(category);
    this.activeCategories = next;
  };

  private readonly onGridKeydown = (e: KeyboardEvent) => {
    const cell = e.target as HTMLElement;
    if (cell.getAttribute('role') !== 'gridcell') return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const focus = this.focusDay;
    let day: number;
    switch (e.key) {
      case 'ArrowRight':
        day = focus + (rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        day = focus + (rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        day = focus + 7;
        break;
      case 'ArrowUp':
        day = focus - 7;
        break;
      case 'Home':
        day = e.ctrlKey ? monthStart(focus) : weekStart(focus, this.firstDay);
        break;
      case 'End':
        day = e.ctrlKey
          ? monthStart(focus) + monthLength(focus) - 1
          : weekStart(focus, this.firstDay) + 6;
        break;
      case 'PageUp':
        day = addMonths(focus, e.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        day = addMonths(focus, e.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (this.visible.some((p) => p.startDay <= focus && p.endDay >= focus))
          this.openDay(focus, cell);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusDay = this.clamp(day);
    this.focusCell = true;
  };

  private readonly onCellClick = (e: Event) => {
    const cell = e.currentTarget as HTMLElement;
    if (e.target === cell || (e.target as HTMLElement).closest('button') === null) {
      this.focusDay = this.clamp(Number(cell.dataset.day));
      this.focusCell = true;
    }
  };

  private readonly onEventClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    const placed = this.byKey.get(button.dataset.key ?? '');
    if (!placed) return;
    const fromDay = this.dialogState?.mode === 'day' ? this.dialogState.day : undefined;
    this.openEvent(placed, button, fromDay);
  };

  private readonly onMoreClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    this.openDay(Number(button.dataset.day), button);
  };

  private readonly onShowMore = () => {
    this.listLimit += Math.max(1, this.pageSize || 20);
    if (this.listItems.length < this.listLimit && this.canExtendList(this.range()[1]))
      this.listWindow++;
  };

  // ---------------------------------------------------------------------------------------------
  // Dialog

  private openEvent(placed: EventPlaced, opener: HTMLElement | undefined, fromDay?: number): void {
    if (!this.dialogState) {
      this.opener = opener;
      this.openerKey = placed.key;
    }
    this.notice = '';
    this.dialogState = { mode: 'event', placed, fromDay };
    // The detail (with its .ics builder) is its own chunk.
    void this.detailView.load();
    if (this.dialog?.open) void this.updateComplete.then(() => this.focusDialogTitle());
    const detail: EventCalendarSelectDetail = {
      item: placed.event,
      occurrence: {
        occurrenceId: placed.occurrence.occurrenceId,
        start: placed.occurrence.start,
        end: placed.occurrence.end,
        recurring: placed.occurrence.recurring,
      },
    };
    this.emit('dandelion-select', detail);
  }

  private openDay(day: number, opener: HTMLElement | undefined): void {
    if (!this.dialogState) {
      this.opener = opener;
      this.openerKey = undefined;
    }
    this.notice = '';
    this.dialogState = { mode: 'day', day };
    if (this.dialog?.open) void this.updateComplete.then(() => this.focusDialogTitle());
  }

  /** Closes the event detail or day list, returning focus to what opened it. */
  closeDialog(): void {
    this.dialog?.close();
    // The native `close` event comes a task later; tidy up now so focus returns at once.
    this.afterClose();
  }

  private focusDialogTitle(): void {
    this.renderRoot.querySelector<HTMLElement>('#dialog-title')?.focus();
  }

  /** Native close (Escape, or `closeDialog()`): a stale event after a reopen is ignored. */
  private readonly onDialogClose = () => {
    if (!this.dialog?.open) this.afterClose();
  };

  private afterClose(): void {
    if (!this.dialogState) return;
    this.dialogState = undefined;
    const opener = this.opener;
    const key = this.openerKey;
    this.opener = undefined;
    this.openerKey = undefined;
    void this.updateComplete.then(() => {
      const target = opener?.isConnected
        ? opener
        : key
          ? this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
          : this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][tabindex="0"]`);
      target?.focus();
    });
  }

  private readonly onDialogClick = (e: MouseEvent) => {
    // A click on the backdrop lands on the <dialog> itself (its content fills it otherwise).
    if (e.target === this.dialog) this.closeDialog();
  };

  private readonly onClose = () => this.closeDialog();

  private readonly onBack = () => {
    const state = this.dialogState;
    if (state?.mode === 'event' && state.fromDay !== undefined) {
      this.dialogState = { mode: 'day', day: state.fromDay };
      void this.updateComplete.then(() => {
        const button = this.renderRoot.querySelector<HTMLElement>(
          `dialog [data-key="${CSS.escape(state.placed.key)}"]`,
        );
        (button ?? this.renderRoot.querySelector<HTMLElement>('#dialog-title'))?.focus();
      });
    }
  };

  private readonly onRetryDetail = () => {
    // The retry button goes away with the error: keep focus in the dialog, on its title.
    void this.detailView
      .retry()
      .then(() => this.updateComplete)
      .then(() => this.focusDialogTitle());
  };

  /** Sets the dialog's status line; `message` runs in this calendar's language. */
  private readonly setNotice = (message: () => string) => {
    this.notice = this.inLocale(message);
  };

  private openShared(): void {
    const shared = this.pendingShare;
    if (!shared) return;
    this.pendingShare = undefined;
    const day = parseDay(shared.date);
    const placed = this.placedAll.find(
      (p) =>
        p.event.id === shared.id && (day === undefined || (p.startDay <= day && p.endDay >= day)),
    );
    if (placed) this.openEvent(placed, undefined);
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  private zoneShown(ms: number): string {
    const zone = this.formats!.zoneName(this.zone.name, ms);
    return msg(str`Times are shown in ${zone}.`, { id: 'calendar.zoneShown' });
  }

  private prevLabel(): string {
    return this.currentView === 'week'
      ? msg('Previous week', { id: 'calendar.previousWeek' })
      : msg('Previous month', { id: 'calendar.previousMonth' });
  }

  private nextLabel(): string {
    return this.currentView === 'week'
      ? msg('Next week', { id: 'calendar.nextWeek' })
      : msg('Next month', { id: 'calendar.nextMonth' });
  }

  private viewName(view: CalendarView): string {
    switch (view) {
      case 'month':
        return msg('Month', { id: 'calendar.viewMonth' });
      case 'week':
        return msg('Week', { id: 'calendar.viewWeek' });
      case 'list':
        return msg('List', { id: 'calendar.viewList' });
    }
  }

  private heading(): string {
    const f = this.formats!;
    const [first, last] = this.range();
    switch (this.currentView) {
      case 'month':
        return f.monthTitle(this.focusDay);
      case 'week':
        return f.rangeTitle(first, last);
      case 'list':
        return msg(str`From ${f.longDate(first)}`, { id: 'calendar.listFrom' });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Render

  override render(): TemplateResult {
    return html`<div part="base" class="base">
      ${this.loader.render({
        content: () => this.renderCalendar(),
        empty: () =>
          renderEmpty(msg('No events have been published yet.', { id: 'calendar.empty' })),
      })}
    </div>`;
  }

  private renderCalendar(): TemplateResult {
    const view = this.currentView;
    return html`${this.renderToolbar(view)} ${this.renderFilters()}
      <div class="body ${view}">${this.renderBody(view)}</div>
      ${this.renderNotes()} ${this.renderDialog()}`;
  }

  private renderBody(view: CalendarView): TemplateResult {
    if (this.rangeState === 'pending') return renderLoading();
    if (this.rangeState === 'failed') return renderError(networkErrorMessage(), this.onRetryRange);
    const [first, last] = this.range();
    const c = this.viewContext();
    if (view === 'month') {
      return renderMonth(
        {
          first,
          rows: this.monthRows,
          focusDay: this.focusDay,
          lanes: this.lanes,
          inRange: (day) => this.clamp(day) === day,
        },
        c,
      );
    }
    if (view === 'week') {
      return renderWeek(
        {
          first,
          row: this.weekRow!,
          columns: this.weekColumns,
          firstHour: this.firstHour,
          lastHour: this.lastHour,
          visible: this.visible,
        },
        c,
      );
    }
    const items = this.listItems.slice(0, this.listLimit);
    const more = this.listItems.length > items.length || this.canExtendList(last);
    return renderList({ first, items, more }, c);
  }

  /** What the views need: formats, today, lunar labels and this calendar's handlers. */
  private viewContext(): ViewContext {
    return {
      formats: this.formats!,
      today: this.today,
      lunarLabels: this.lunarLabels,
      lunarLang: this.locale.messages === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans',
      onEventClick: this.onEventClick,
      onMoreClick: this.onMoreClick,
      onCellClick: this.onCellClick,
      onGridKeydown: this.onGridKeydown,
      onShowMore: this.onShowMore,
    };
  }

  /** Expands the visible range again (its code could not be loaded). */
  private readonly onRetryRange = () => {
    this.expandKey = '';
    this.requestUpdate();
  };

  private renderToolbar(view: CalendarView): TemplateResult {
    const todayInRange = this.clamp(this.today) === this.today;
    return html`<div part="toolbar" class="toolbar">
      <div class="nav">
        <button
          part="button"
          class="button secondary icon"
          type="button"
          aria-label=${this.prevLabel()}
          ?disabled=${!this.canStep(-1)}
          @click=${this.onPrevious}
        >
          <span aria-hidden="true" class="chevron prev"></span>
        </button>
        <button
          part="button"
          class="button secondary"
          type="button"
          ?disabled=${!todayInRange}
          @click=${this.onToday}
        >
          ${msg('Today', { id: 'calendar.today' })}
        </button>
        <button
          part="button"
          class="button secondary icon"
          type="button"
          aria-label=${this.nextLabel()}
          ?disabled=${!this.canStep(1)}
          @click=${this.onNext}
        >
          <span aria-hidden="true" class="chevron next"></span>
        </button>
      </div>
      <h2 class="title" aria-live="polite">${this.heading()}</h2>
      <div class="views" role="group" aria-label=${msg('Calendar view', { id: 'calendar.views' })}>
        ${views.map(
          (v) =>
            html`<button
              part="button"
              class="view-button"
              type="button"
              data-view=${v}
              aria-pressed=${v === view ? 'true' : 'false'}
              @click=${this.onViewClick}
            >
              ${this.viewName(v)}
            </button>`,
        )}
      </div>
      <slot name="toolbar"></slot>
    </div>`;
  }

  private renderFilters(): TemplateResult | typeof nothing {
    if (this.categories.length === 0) return nothing;
    const active = this.activeCategories;
    return html`<div
      class="filters"
      role="group"
      aria-label=${msg('Filter by category', { id: 'calendar.filters' })}
    >
      ${this.categories.map(
        (c) =>
          html`<button
            part="button"
            class="chip c${this.colours.get(c)}"
            type="button"
            data-category=${c}
            aria-pressed=${active.has(c) ? 'true' : 'false'}
            @click=${this.onChipClick}
          >
            <span class="swatch" aria-hidden="true"></span
            ><span class="check" aria-hidden="true"></span>${c}
          </button>`,
      )}
      ${
        active.size > 0
          ? html`<button part="button" class="chip clear" type="button" @click=${this.onChipClick}>
              ${msg('Show all categories', { id: 'calendar.filtersClear' })}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderNotes(): TemplateResult | typeof nothing {
    const notes: TemplateResult[] = [];
    const skipped = this.loader.skipped;
    if (skipped > 0) {
      const n = this.formats!.count(skipped);
      notes.push(
        html`<p class="note">
          ${
            this.formats!.plural.select(skipped) === 'one'
              ? msg(str`${n} entry in the data could not be read and is not shown.`, {
                  id: 'calendar.skippedOne',
                })
              : msg(str`${n} entries in the data could not be read and are not shown.`, {
                  id: 'calendar.skippedOther',
                })
          }
        </p>`,
      );
    }
    const viewer = Zone.get(viewerZone());
    if (viewer && viewer.name !== this.zone.name) {
      notes.push(html`<p class="note">${this.zoneShown(Date.now())}</p>`);
    }
    return notes.length ? html`<div class="notes">${notes}</div>` : nothing;
  }

  private renderDialog(): TemplateResult {
    const state = this.dialogState;
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-labelledby="dialog-title"
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
    >
      ${state ? html`<div class="dialog-body">${state.mode === 'event' ? this.renderDetail(state.placed, state.fromDay) : this.renderDayList(state.day)}</div>` : nothing}
    </dialog>`;
  }

  private renderDialogHead(title: string, back: boolean): TemplateResult {
    return html`<div class="dialog-head">
      ${
        back
          ? html`<button
              part="button"
              class="button secondary back"
              type="button"
              @click=${this.onBack}
            >
              ${msg('Back to the list', { id: 'calendar.back' })}
            </button>`
          : nothing
      }
      <h2 id="dialog-title" class="dialog-title" tabindex="-1">${title}</h2>
      <button
        part="button"
        class="button secondary icon close"
        type="button"
        aria-label=${msg('Close', { id: 'calendar.close' })}
        @click=${this.onClose}
      >
        <span aria-hidden="true" class="cross"></span>
      </button>
    </div>`;
  }

  private renderDetail(p: EventPlaced, fromDay: number | undefined): TemplateResult {
    const head = this.renderDialogHead(p.event.title, fromDay !== undefined);
    const view = this.detailView.state;
    if (view === undefined) {
      void this.detailView.load();
      return html`${head}${renderLoading()}`;
    }
    if (view === 'failed')
      return html`${head}${renderError(networkErrorMessage(), this.onRetryDetail)}`;
    const context: EventDetailContext = {
      formats: this.formats!,
      zoneName: this.zone.name,
      head,
      when: when(p, this.formats!),
      zoneShown: (ms) => this.zoneShown(ms),
      mapTemplate: this.mapTemplate,
      chineseMaps: this.locale.messages !== 'en',
      colourOf: (category) => this.colours.get(category) ?? -1,
      notice: this.notice,
      setNotice: this.setNotice,
    };
    return view.renderEventDetail(p, context);
  }

  private renderDayList(day: number): TemplateResult {
    const f = this.formats!;
    const items = this.visible.filter((p) => p.startDay <= day && p.endDay >= day);
    const c = this.viewContext();
    return html`${this.renderDialogHead(
        msg(str`Events on ${f.dayHeading(day)}`, { id: 'calendar.dayList' }),
        false,
      )}
      <ul class="list-events day-list">
        ${items.map((p) => html`<li>${renderListEvent(p, c)}</li>`)}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-calendar': EventCalendar;
  }
}
