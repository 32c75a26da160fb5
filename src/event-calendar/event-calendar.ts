import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { msg } from '@lit/localize';
import { DandelionDataElement } from '../core/data-element.js';
import { errorDetail } from '../core/error-messages.js';
import type { CalendarEvent } from '../core/models.js';
import { renderEmpty } from '../core/status-view.js';
import { baseStyles } from '../core/styles.js';
import { isoDate, parseDay } from '../core/time/day.js';
import { checkMapTemplate } from '../core/map-template.js';
import { DialogController } from './dialog-controller.js';
import { renderDialog } from './dialog-view.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { eventCalendarStyles } from './event-calendar.styles.js';
import { Display } from './display.js';
import {
  colourOf,
  colourVars,
  inCategories,
  summarize,
  type ItemsSummary,
} from './items-summary.js';
import { ListPaging, upcoming } from './list-layout.js';
import { LongListSlot, renderList } from './list-view.js';
import { renderMonth } from './month-view.js';
import { NavigationController, type CalendarView } from './navigation-controller.js';
import { OccurrenceCache, selectDetail, type EventCalendarSelectDetail } from './occurrences.js';
import { RangeController } from './range-controller.js';
import { ShareOpening } from './share-link.js';
import * as toolbar from './toolbar-view.js';
import { ShownMemo, type Shown } from './view-layout.js';
import type { EventPlaced, ViewContext } from './view-parts.js';
import { firstDayOfWeek } from './week-info.js';
import { WidthController } from './width-controller.js';
import { headingLevel } from '../core/heading.js';
import { calendarHooks } from './data-hooks.js';
import { CalendarParts } from './calendar-parts.js';

export type { CalendarView, EventCalendarSelectDetail };

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
  static override properties: PropertyDeclarations = {
    view: { attribute: 'view', reflect: true },
    date: { attribute: 'date' },
    minDate: { attribute: 'min-date' },
    maxDate: { attribute: 'max-date' },
    timeZone: { attribute: 'time-zone' },
    lunar: { attribute: 'lunar', type: Boolean, reflect: true, converter: booleanAttribute },
    mapLink: { attribute: 'map-link' },
    categoryColors: { attribute: 'category-colors' },
    dayMaxEvents: { attribute: 'day-max-events', type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    activeCategories: { state: true, attribute: false },
  };

  static override styles = [baseStyles, eventCalendarStyles];

  /** View: `month`, `week` or `list`; unset = month, or list in a narrow (< 600 px) container. */
  view?: CalendarView;

  /** Focused date (`YYYY-MM-DD`); defaults to today in the display zone. */
  date?: string;

  /** Earliest date navigation may reach (`YYYY-MM-DD`). */
  minDate?: string;

  /** Latest date navigation may reach (`YYYY-MM-DD`). */
  maxDate?: string;

  /** IANA time zone to show times in (e.g. `Asia/Shanghai`); defaults to the viewer's. */
  timeZone?: string;

  /** Shows Chinese-calendar (农历) day labels in the month and week views (Chinese UIs only). */
  lunar = false;

  /**
   * Map link template with `{lat}`, `{lng}`, `{name}`, `{address}` (URL-encoded); default, and for
   * a place the template cannot be filled for: Amap (zh) or OpenStreetMap, by coordinates or address.
   */
  mapLink?: string;

  /** The site's own category colours, `name: colour` pairs separated by `;` (any CSS colour),
   * e.g. `亲子: #e11d48; 长者: teal`; other categories keep the colour derived from their name. */
  categoryColors?: string;

  /** Events shown per day in the month view before "+N more". */
  dayMaxEvents = 3;

  /** Events per page in the list view ("show more" adds another page). */
  pageSize = 20;

  private activeCategories: ReadonlySet<string> = new Set();

  private readonly width = new WidthController(this);
  private readonly nav = new NavigationController(this, {
    view: () => this.currentView,
    activate: (day, cell) => this.activateDay(day, cell),
    moved: () => this.listPaging.reset(),
  });
  private readonly dialog = new DialogController(this, (placed) => this.onOpened(placed));
  /** Where occurrences come from; kept between ranges (paging back and forth expands nothing). */
  private occurrences = new OccurrenceCache();
  private readonly range = new RangeController(
    this,
    () => this.occurrences,
    (error) =>
      this.emit(
        'dandelion-error',
        this.inLocale(() => errorDetail(error)),
      ),
  );
  private readonly parts = new CalendarParts(this, {
    view: () => this.currentView,
    narrow: () => this.width.narrow,
    lunar: () => this.lunarShown,
    colours: () => Boolean(this.categoryColors),
  });
  private readonly listPaging = new ListPaging();
  private readonly longList = new LongListSlot(this);
  private readonly memo = new ShownMemo();

  private readonly display = new Display();
  private readonly share = new ShareOpening();
  private lunarLabels?: import('./lunar.js').LunarLabels;
  private mapTemplate?: string;
  private ownColours?: ReturnType<typeof import('../core/own-category-colours.js').ownColours>;
  private itemsSeen?: readonly CalendarEvent[];
  private summary: ItemsSummary = summarize([], 'en');
  /** The occurrences shown (the range's, in the active categories) and their layout. */
  private shown?: Shown;

  constructor() {
    super('event', calendarHooks);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // In the task after the data request starts: the zone and formats, while the data travels.
    setTimeout(() => this.isConnected && this.display.warm(this.timeZone, this.locale.intl));
  }

  /** The view in effect: the `view` attribute, else list in a narrow container, else month. */
  get currentView(): CalendarView {
    if (this.view && toolbar.views.includes(this.view)) return this.view;
    return this.width.narrow ? 'list' : 'month';
  }

  /** The focused date as `YYYY-MM-DD`. */
  get focusedDate(): string {
    return isoDate(this.nav.focusDay || this.nav.today);
  }

  /** Lunar (农历) labels are for Chinese pages: an English UI leaves them out. */
  private get lunarShown(): boolean {
    return this.lunar && this.locale.messages !== 'en';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.display.update(this.timeZone, this.locale.intl)) this.lunarLabels = undefined;
    const lunar = this.parts.lunar.module;
    if (!this.lunarShown) this.lunarLabels = undefined;
    else if (lunar) this.lunarLabels ??= new lunar.LunarLabels(this.locale.messages);
    this.nav.sync(this.display.today(), firstDayOfWeek(this.locale.intl), {
      date: this.date,
      minDate: this.minDate,
      maxDate: this.maxDate,
      dateChanged: changed.has('date'),
      boundsChanged: changed.has('minDate') || changed.has('maxDate'),
    });
    if (changed.has('mapLink')) this.mapTemplate = checkMapTemplate(this.mapLink, this.localName);
    if (changed.has('pageSize')) this.listPaging.setPageSize(this.pageSize);
    if (changed.has('categoryColors')) {
      this.ownColours = this.parts.colours.module?.ownColours(this.categoryColors, this.localName);
      this.itemsSeen = undefined;
      this.range.retry(); // places the occurrences again, in their new colours
    }
    if (this.loader.items !== this.itemsSeen) {
      this.itemsSeen = this.loader.items;
      this.summary = summarize(this.itemsSeen, this.locale.intl, this.ownColours);
      const known = new Set(this.summary.categories);
      this.activeCategories = new Set([...this.activeCategories].filter((c) => known.has(c)));
      this.listPaging.resetWindow();
    }
    // Opened from a share link (`#event=…&date=…`): go to that date, open it once expanded.
    const shared = this.loader.status === 'content' ? this.share.check(location.href) : undefined;
    const sharedDay = parseDay(shared);
    if (sharedDay !== undefined) this.nav.focusDay = this.nav.clamp(sharedDay);
    this.requestRange();
    const days = this.shownDays();
    const active = this.activeCategories;
    this.shown = this.memo.get(this.currentView, this.range.placed, active, days, this.lanes);
  }

  /** Resolves after rendering and after the occurrences of the visible range are expanded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.range.pending) {
      await this.range.pending;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** First and last day the current view shows. */
  private shownDays(): [number, number] {
    const view = this.currentView;
    if (view !== 'list') return this.nav.gridRange(view);
    return this.listPaging.range(this.nav.focusDay, this.nav.maxDay);
  }

  /** Whether the list view can look further ahead than the window ending on `last`. */
  private canWidenList(last: number): boolean {
    return this.listPaging.canWiden(last, this.nav.maxDay, this.summary);
  }

  /**
   * Asks for the occurrences of the days shown; a list with too few of them looks further ahead
   * (in this same update once the code for series is loaded).
   */
  private requestRange(): void {
    const summary = this.summary;
    const colour = (e: CalendarEvent) => colourOf(summary, e);
    for (;;) {
      const [first, last] = this.shownDays();
      const zone = this.display.zone;
      this.range.request({ items: this.loader.items, zone, first, last, colourOf: colour });
      if (this.range.status !== 'content') return;
      const shared = this.share.take(this.range.placed);
      if (shared) this.dialog.openEvent(shared, undefined);
      const shown = inCategories(this.range.placed, this.activeCategories).length;
      if (this.currentView !== 'list' || shown >= this.listPaging.limit) return;
      if (!this.canWidenList(last)) return;
      this.listPaging.widen(shown);
    }
  }

  /** Enter on a day: to its events under the grid (narrow month view), else its list dialog. */
  private activateDay(day: number, cell: HTMLElement): void {
    const agenda = this.renderRoot.querySelector<HTMLElement>('.agenda [part="event"]');
    if (this.width.narrow && this.parts.phone.module) return agenda?.focus();
    const has = this.shown!.visible.some((p) => p.startDay <= day && p.endDay >= day);
    if (has) this.dialog.openDay(day, cell);
  }

  /** Events per day (month grid, week all-day row) before "+N more". */
  private get lanes(): number {
    return Math.max(1, Math.floor(this.dayMaxEvents) || 3);
  }

  /** Moves to the previous month (month, list views) or week. */
  previous(): void {
    this.nav.step(-1);
  }

  /** Moves to the next month (month, list views) or week. */
  next(): void {
    this.nav.step(1);
  }

  /** Moves to today (within `min-date`/`max-date`). */
  goToToday(): void {
    this.nav.goTo(this.nav.today);
  }

  /** Moves the focused date (`YYYY-MM-DD` or a day number). */
  goTo(date: string | number): void {
    const day = typeof date === 'number' ? date : parseDay(date);
    if (day !== undefined) this.nav.goTo(day);
  }

  /** Closes the event detail or day list, returning focus to what opened it. */
  closeDialog(): void {
    this.dialog.close();
  }

  private readonly onViewClick = (e: Event) => {
    this.view = (e.currentTarget as HTMLElement).dataset.value as CalendarView;
  };
  private readonly onChipClick = (e: Event) => {
    this.activeCategories = toolbar.toggledCategories(this.activeCategories, e);
  };
  private readonly onShowMore = () => {
    this.listPaging.more();
    const [, last] = this.shownDays();
    if (this.shown!.layout.listItems.length < this.listPaging.limit && this.canWidenList(last)) {
      this.listPaging.widen();
    }
    this.requestUpdate();
  };
  private readonly onEventClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    const placed = this.shown!.byKey.get(button.dataset.key ?? '');
    if (placed) this.dialog.openEvent(placed, button, this.dialog.listDay);
  };
  private readonly onMoreClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    this.dialog.openDay(Number(button.dataset.day), button);
  };
  private readonly onRetryDetail = () => {
    // The retry button goes away with the error: keep focus in the dialog, on its title.
    void this.parts.detail
      .retry()
      .then(() => this.updateComplete)
      .then(() => this.dialog.focusTitle());
  };
  /** Sets the dialog's status line; `message` runs in this calendar's language. */
  private readonly setNotice = (message: () => string) => {
    this.dialog.setNotice(this.inLocale(message));
  };

  /** An event's detail was opened: load its code (its own chunk), tell the page. */
  private onOpened(placed: EventPlaced): void {
    void this.parts.detail.load();
    this.emit('dandelion-select', selectDetail(placed));
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" ${colourVars(this.summary)}>
      ${this.loader.render({
        content: () => this.renderCalendar(),
        empty: () =>
          renderEmpty(msg('No events have been published yet.', { id: 'calendar.empty' })),
      })}
    </div>`;
  }

  private renderCalendar(): TemplateResult {
    const view = this.currentView;
    const [first, last] = this.shownDays();
    const formats = this.display.formats!;
    const level = headingLevel(this.headingLevel);
    return html`${toolbar.renderToolbar({ view, formats, nav: this.nav, first, last, level, onViewClick: this.onViewClick })}
      ${toolbar.renderFilters({
        ...this.summary,
        active: this.activeCategories,
        onChipClick: this.onChipClick,
      })}
      <div class="body ${view}">${this.range.render(() => this.renderView(view, first, last))}</div>
      ${toolbar.renderNotes({
        formats,
        skipped: this.loader.skipped,
        otherZone: this.display.otherThanViewer(),
      })}
      ${this.renderDialog()}`;
  }

  private renderView(view: CalendarView, first: number, last: number): TemplateResult {
    const c = this.viewContext();
    const layout = this.shown!.layout;
    if (view === 'month') {
      const [rows, focusDay, inRange] = [layout.monthRows, this.nav.focusDay, this.nav.inRange];
      const m = { first, last, rows, focusDay, inRange, lanes: this.lanes };
      const [visible, colours] = [this.shown!.visible, this.summary.colours];
      const phone = this.width.narrow ? this.parts.phone.module : undefined;
      return phone ? phone.renderPhoneMonth({ ...m, visible, colours }, c) : renderMonth(m, c);
    }
    const weekView = this.parts.week.module;
    if (view === 'week' && weekView) {
      return weekView.renderWeek({ first, lanes: this.lanes, visible: this.shown!.visible }, c);
    }
    if (view === 'week') {
      // The week view's code could not be downloaded: the week's events as a list.
      const items = upcoming(this.shown!.visible, first).filter((p) => p.startDay <= last);
      return renderList({ first, items, more: false }, c, this.longList);
    }
    const items = layout.listItems.slice(0, this.listPaging.limit);
    const more = layout.listItems.length > items.length || this.canWidenList(last);
    return renderList({ first, items, more }, c, this.longList);
  }

  /**
   * What the views need: formats, today, lunar labels and this calendar's handlers; `scope`
   * keeps the ids of the view and of the dialog apart.
   */
  private viewContext(scope = 'event'): ViewContext {
    let n = 0;
    return {
      formats: this.display.formats!,
      today: this.nav.today,
      lunarLabels: this.lunarLabels,
      lunarLang: this.locale.messages === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans',
      onEventClick: this.onEventClick,
      onMoreClick: this.onMoreClick,
      onCellClick: this.nav.onCellClick,
      onGridKeydown: this.nav.onGridKeydown,
      onShowMore: this.onShowMore,
      headingLevel: headingLevel(this.headingLevel),
      id: () => `${scope}-${++n}`,
    };
  }

  private renderDialog(): TemplateResult {
    if (this.dialog.state?.mode === 'event') void this.parts.detail.load();
    return renderDialog({
      dialog: this.dialog,
      view: this.viewContext('day-event'),
      display: this.display,
      visible: this.shown!.visible,
      detail: this.parts.detail.state,
      mapTemplate: this.mapTemplate,
      chineseMaps: this.locale.messages !== 'en',
      colours: this.summary.colours,
      setNotice: this.setNotice,
      onRetryDetail: this.onRetryDetail,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-calendar': EventCalendar;
  }
}
