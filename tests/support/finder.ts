/**
 * The <service-finder> harness: puts a finder on the page with data (or a source) and acts on
 * it as a person does — types a search, picks a filter by its label, opens a service, goes back
 * — and reads back what a person sees: the result cards, the count, the detail view. A markup
 * change inside the widget touches this file, not the tests.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/service-finder/index.js';
import type { ServiceFinder } from '../../src/service-finder/index.js';
import type { Service } from '../../src/core/models.js';
import type { DandelionSelectDetail } from '../../src/core/events.js';
import { accessibleName, find, findAll, text } from './dom.js';
import type { EventLog } from './events.js';
import { mount } from './mount.js';
import { until } from './wait.js';
import { records } from './finder-data.js';

export type { ServiceFinder };
export { manyRecords, records, service, type TestRecord } from './finder-data.js';

export interface FinderOptions {
  lang?: string;
  /** Records given as the `data` property. Default: the five test records (unless `src`). */
  data?: unknown;
  src?: string;
  format?: string;
  itemsPath?: string;
  map?: string;
  origin?: string;
  mapLink?: string;
  pageSize?: number;
  syncUrl?: boolean;
  /** Light-DOM content (slots). */
  content?: TemplateResult;
}

/** Mounts a finder (events recorded from before it connects) without waiting for its data. */
export async function mountFinderLoading(options: FinderOptions = {}): Promise<FinderHarness> {
  const data = 'data' in options || options.src ? options.data : records();
  const { el, events } = await mount<ServiceFinder>(
    html`<service-finder
      lang=${options.lang ?? 'zh-Hans'}
      src=${ifDefined(options.src)}
      format=${ifDefined(options.format)}
      items-path=${ifDefined(options.itemsPath)}
      map=${ifDefined(options.map)}
      origin=${ifDefined(options.origin)}
      map-link=${ifDefined(options.mapLink)}
      page-size=${ifDefined(options.pageSize)}
      ?sync-url=${options.syncUrl ?? false}
      .data=${data}
      >${options.content ?? nothing}</service-finder
    >`,
  );
  return new FinderHarness(el, events);
}

/**
 * Answers the page's `navigator.geolocation.getCurrentPosition` with `impl` (`undefined`: a
 * browser without it) until `restore()`.
 */
export function stubGeolocation(impl: Geolocation['getCurrentPosition'] | undefined): () => void {
  const geolocation = navigator.geolocation;
  Object.defineProperty(geolocation, 'getCurrentPosition', {
    value: impl,
    configurable: true,
    writable: true,
  });
  return () => void delete (geolocation as { getCurrentPosition?: unknown }).getCurrentPosition;
}

/** Mounts a finder and waits until its data is loaded and shown. */
export async function mountFinder(options: FinderOptions = {}): Promise<FinderHarness> {
  const finder = await mountFinderLoading(options);
  await finder.events.loaded();
  await finder.settled();
  return finder;
}

function missing(what: string, shown: string): never {
  throw new Error(`no ${what} in <service-finder>, which shows: ${shown}`);
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The detail view of an opened service, read as a person reads it. */
export class DetailView {
  constructor(readonly element: HTMLElement) {}

  private one<T extends Element = HTMLElement>(selector: string): T | null {
    return this.element.querySelector<T>(selector);
  }

  // What a person looks at (null where the service has none). The heading gets the focus.
  readonly heading = () => this.one('#detail-title');
  readonly description = () => this.one('.description');
  readonly clampToggle = () => this.one<HTMLButtonElement>('.clamp-toggle');
  readonly phone = () => this.one<HTMLAnchorElement>('a[href^="tel:"]');
  readonly email = () => this.one<HTMLAnchorElement>('a[href^="mailto:"]');
  readonly mapLink = () => this.one<HTMLAnchorElement>('.map-link');
  /** Shown when the detail view's code could not be loaded. */
  readonly alert = () => this.one('[role="alert"]');

  // …and read as text: the title, "服务对象 … 适合年龄 …" (the facts list as one text), "最后更新：…".
  readonly text = () => text(this.element);
  readonly title = () => text(this.heading());
  readonly facts = () => text(this.one('.facts'));
  readonly updated = () => text(this.one('.updated'));

  /** Whether the long description is cut short. */
  clamped(): boolean {
    return !!this.one('.description.clamped');
  }

  /** The weekly opening hours, a row of text a day; [] without a weekly table. */
  hours(): string[] {
    return [...this.element.querySelectorAll('.hours tbody tr')].map((r) => text(r));
  }

  /** The opening hours as the data wrote them, when there is no weekly table (else null). */
  schedule(): string | null {
    const node = this.one('.schedule-text');
    return node && text(node);
  }

  /** Every link of the detail view. */
  links(): HTMLAnchorElement[] {
    return [...this.element.querySelectorAll<HTMLAnchorElement>('a[href]')];
  }
}

/** One result card. */
export interface Card {
  element: HTMLElement;
  name: string;
  /** The button that opens the detail (its text is the service's name). */
  button: HTMLButtonElement;
  organization: string;
  /** Highlighted parts of the name, the organization and the description snippet. */
  marks: { name: string[]; organization: string[]; snippet: string[] };
  /** The description snippet shown for a search that matched it, or null. */
  snippet: HTMLElement | null;
  /** "距离 1.2公里", or null. */
  distance: string | null;
  /** "免费", "现在开放". */
  badges: string[];
  /** The first address of the service, or null. */
  address: string | null;
  /** Today's opening hours ("今天 09:00–17:00", "今天不开放"), or null without a timetable. */
  today: string | null;
}

export class FinderHarness {
  constructor(
    readonly el: ServiceFinder,
    readonly events: EventLog,
  ) {}

  private get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** The first element of the finder (its sub-views included) matching `selector`. */
  private one<T extends Element = HTMLElement>(selector: string): T | null {
    return find<T>(this.el, selector);
  }

  /** Like `one`, for what must be there: a missing one names what the finder shows instead. */
  private must<T extends Element = HTMLElement>(selector: string, what: string): T {
    return this.one<T>(selector) ?? missing(what, this.text());
  }

  /** Waits until the finder has left its loading state and shows something. */
  async settled(): Promise<void> {
    await until(
      () =>
        !this.el.hasAttribute('aria-busy') &&
        !this.one('.status.loading') &&
        this.one('.base > :not(slot)'),
      'the finder to finish loading',
    );
    await this.el.updateComplete;
  }

  /**
   * Lets the finder render what changed, and waits while the list still shows the previous
   * results or the finder prepares its services (`aria-busy="true"` on the list or the finder:
   * a large search may take a few slices, more on a busy machine).
   */
  async update(): Promise<void> {
    await this.el.updateComplete;
    await this.el.updateComplete;
    await until(
      () => !this.one('.results[aria-busy="true"]') && !this.el.hasAttribute('aria-busy'),
      'the results of the new search',
    );
    // Nothing matches: the no-match view is a chunk of its own, shown once it has arrived.
    await until(
      () => !this.one('.count') || !!this.one('.results, .no-match'),
      'the results or the no-match view',
    );
    await this.el.updateComplete;
  }

  /** All the text of the widget. */
  text(): string {
    return text(this.root);
  }

  // ——— Searching and filtering ———

  searchBox(): HTMLInputElement {
    return this.must<HTMLInputElement>('input[part="search"]', 'search box');
  }

  /** Types into the search box (no pause, no Enter: the search waits for a pause in typing). */
  async type(query: string): Promise<void> {
    const input = this.searchBox();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  /** Lets a frame pass (typing shows its results on the next frame) and the finder render. */
  async nextFrame(): Promise<void> {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.update();
  }

  /** Presses Enter in the search box. */
  async pressEnter(): Promise<void> {
    this.searchBox().dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await this.update();
  }

  /** Types a search and presses Enter (the search applies at once). */
  async search(query: string): Promise<void> {
    await this.type(query);
    await this.pressEnter();
  }

  /** A form control of the finder by its label ("服务类别", "只看免费服务", "排序"). */
  control<T extends HTMLElement = HTMLInputElement>(label: string): T {
    const controls = findAll<T>(this.root, 'input, select, textarea');
    const found =
      controls.find((c) => accessibleName(c) === label) ??
      controls.find((c) => accessibleName(c).includes(label));
    if (!found) {
      throw new Error(
        `no control labelled ${label} (${JSON.stringify(controls.map((c) => accessibleName(c)))})`,
      );
    }
    return found;
  }

  /** The options of a select, as shown ("心理支持 (2)", indented children). */
  options(label: string): string[] {
    return [...this.control<HTMLSelectElement>(label).options].map((o) => o.text);
  }

  /**
   * Sets a filter by its label: a select's option by its text (without the count), a number,
   * or a checkbox on or off.
   */
  async filter(label: string, value: string | boolean): Promise<void> {
    if (label !== this.sortLabel() && !this.one('.filter-grid')) await this.openFilters();
    const control = this.control<HTMLInputElement | HTMLSelectElement>(label);
    if (control instanceof HTMLSelectElement) {
      const bare = (o: HTMLOptionElement) =>
        o.text
          .replace(/\u00a0/g, ' ')
          .replace(/ \([\d,]+\)$/, '')
          .trim();
      const index = [...control.options].findIndex((o) => bare(o) === value);
      if (index < 0)
        throw new Error(`no option ${String(value)} in ${label}: ${this.options(label)}`);
      control.selectedIndex = index;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (control.type === 'checkbox') {
      control.checked = value === true;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      control.value = String(value);
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await this.update();
  }

  /** Picks a sort order by its text ("名称", "Recently updated"). */
  async sortBy(option: string): Promise<void> {
    await this.filter(this.sortLabel(), option);
  }

  private sortLabel(): string {
    return accessibleName(this.must('select#sort', 'sort'));
  }

  /** The sort order shown. */
  sort(): string {
    const select = this.must<HTMLSelectElement>('select#sort', 'sort');
    return select.options[select.selectedIndex]?.text.trim() ?? '';
  }

  /** The filter panel (null when the data has nothing to filter). */
  filters(): HTMLDetailsElement | null {
    return this.one('[part="filters"]');
  }

  /** "筛选（已选 1 个）". */
  filtersSummary(): string {
    return text(this.filters()?.querySelector('summary'));
  }

  /** Opens the filter panel unless it is open, and waits for its controls (their own chunk). */
  async openFilters(): Promise<void> {
    if (!this.filters()?.open) await this.toggleFilters();
    await until(() => this.one('.filter-grid'), 'the filter controls');
  }

  /** Opens (or closes) the filter panel with its summary. */
  async toggleFilters(): Promise<void> {
    this.must<HTMLElement>('[part="filters"] > summary', 'filter summary').click();
    await this.update();
  }

  /** Clicks "clear all" (query and filters). */
  async clearAll(): Promise<void> {
    this.must<HTMLButtonElement>('.summary button', '"clear all" button').click();
    await this.update();
  }

  // ——— Results ———

  private cardElements(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part~="service"]')];
  }

  /** The ids of the services listed, in order. */
  ids(): string[] {
    return this.cardElements().map((c) => c.dataset.id ?? '');
  }

  /** The names of the services listed, in order. */
  names(): string[] {
    return this.cardElements().map((c) => text(c.querySelector('.open')));
  }

  /** "找到 5 个服务". */
  count(): string {
    return text(this.one('[part="count"]'));
  }

  /** Whether assistive technology gets the count (it is held back while typing goes on). */
  countExposed(): boolean {
    const region = this.countRegion();
    return !!region && !region.querySelector('[aria-hidden="true"]');
  }

  countRegion(): HTMLElement | null {
    return this.one('[part="count"]');
  }

  /** "数据里有 1 条记录无法显示…", or null. */
  skipped(): string | null {
    return this.one('.skipped')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  }

  /** A result card by the service's id. */
  card(id: string): Card {
    const element = this.cardElements().find((c) => c.dataset.id === id);
    if (!element) throw new Error(`no card ${id} (cards: ${JSON.stringify(this.ids())})`);
    const marks = (selector: string) =>
      [...element.querySelectorAll(`${selector} mark`)].map((m) => text(m));
    const distance = element.querySelector('.distance');
    return {
      element,
      name: text(element.querySelector('.open')),
      button: element.querySelector<HTMLButtonElement>('.open')!,
      organization: text(element.querySelector('.org')),
      marks: { name: marks('.open'), organization: marks('.org'), snippet: marks('.snippet') },
      snippet: element.querySelector('.snippet'),
      distance: distance ? text(distance) : null,
      badges: [...element.querySelectorAll('.badge')].map((b) => text(b)),
      address: element.querySelector('.address') ? text(element.querySelector('.address')) : null,
      today: element.querySelector('.today') ? text(element.querySelector('.today')) : null,
    };
  }

  /** The "show more" button, or null when every result is shown. */
  moreButton(): HTMLButtonElement | null {
    return this.one('button.more');
  }

  /** Clicks "show more". */
  async showMore(): Promise<void> {
    this.must<HTMLButtonElement>('button.more', '"show more" button').click();
    await this.update();
  }

  /** The no-match message shown instead of results, or null. */
  noMatch(): string | null {
    const p = this.one('.no-match > p');
    return p ? text(p) : null;
  }

  /** The categories suggested when nothing matches, as their buttons read. */
  suggestions(): string[] {
    return [...this.root.querySelectorAll('.no-match .suggestions button')].map((b) => text(b));
  }

  /** What introduces the suggested categories (the list's accessible name). */
  suggestionsLabel(): string {
    const list = this.one('.no-match .suggestions ul');
    return text(this.root.getElementById(list?.getAttribute('aria-labelledby') ?? ''));
  }

  /** Clicks the suggested category `name` and waits for the list it shows. */
  async suggest(name: string): Promise<void> {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('.no-match button')].find(
      (b) => text(b) === name,
    );
    if (!button) missing(`suggested category ${name}`, this.text());
    button.click();
    await this.update();
  }

  /** The content assigned to a slot of the finder. */
  slotted(name: string): Element[] {
    return this.one<HTMLSlotElement>(`slot[name="${name}"]`)?.assignedElements() ?? [];
  }

  // ——— Location ———

  /** Clicks "use my location" and waits until the finder has an answer. */
  async locate(): Promise<void> {
    this.must<HTMLButtonElement>('button.locate', '"use my location" button').click();
    await this.el.updateComplete;
    await until(
      () => this.one('button.locate')?.getAttribute('aria-disabled') === 'false',
      'the finder to have a position (or a reason why not)',
    );
    await this.el.updateComplete;
  }

  /** Clicks "use my location" without waiting. */
  startLocating(): void {
    this.must<HTMLButtonElement>('button.locate', '"use my location" button').click();
  }

  /** The message about the position ("已按离你的距离从近到远排列。"). */
  geoMessage(): HTMLElement {
    return this.must('.geo-message', 'position message');
  }

  // ——— Detail ———

  /** The detail view, or null when the list shows. */
  detail(): DetailView | null {
    const element = this.one('[part="detail"]');
    return element ? new DetailView(element) : null;
  }

  /** Whether the result list is hidden (behind the detail). */
  listHidden(): boolean {
    return !!this.one('.list-view[hidden]');
  }

  /** Waits until the detail view (its own lazily loaded chunk) shows a service. */
  async detailShown(): Promise<DetailView> {
    await until(() => this.one('[part="detail"] #detail-title'), 'the detail view to open');
    await this.el.updateComplete;
    return this.detail()!;
  }

  /**
   * Opens a service from its card (by id, or by the name on the card), waits for its detail
   * and returns what `dandelion-select` said.
   */
  async open(idOrName: string): Promise<DandelionSelectDetail<Service>> {
    const card =
      this.cardElements().find((c) => c.dataset.id === idOrName) ??
      this.cardElements().find((c) => text(c.querySelector('.open')) === idOrName);
    if (!card) throw new Error(`no card ${idOrName} (cards: ${JSON.stringify(this.names())})`);
    const selected = this.events.next<DandelionSelectDetail<Service>>('dandelion-select');
    card.querySelector<HTMLButtonElement>('.open')!.click();
    const { detail } = await selected;
    await this.detailShown();
    return detail;
  }

  /** Clicks "back to results" in the detail. */
  async back(): Promise<void> {
    this.must<HTMLButtonElement>('[part="detail"] button.back', '"back" button').click();
    await this.update();
  }

  /** Presses Escape inside the detail. */
  async escape(): Promise<void> {
    this.must('#detail-title', 'detail heading').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await this.update();
  }

  /** Whether the page is laid out for printing the detail alone (the print CSS keys on it). */
  printsDetailOnly(): boolean {
    return !!this.one('[part="base"].detail-open');
  }

  /**
   * Puts the detail view in the state after its code failed to download. The chunk is long
   * loaded in a test page and a loaded module cannot fail again, so this sets the lazy view's
   * state (a private field) directly.
   */
  async loseDetailCode(): Promise<void> {
    (this.el as unknown as { detailView: { state: unknown } }).detailView.state = 'failed';
    this.el.requestUpdate();
    await this.update();
  }

  /** Clicks "print" in the detail. */
  print(): void {
    this.must<HTMLButtonElement>('[part="detail"] button.print', '"print" button').click();
  }
}
