import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { DandelionDataElement } from '../core/data-element.js';
import { LazyView } from '../core/lazy-view.js';
import { networkErrorMessage } from '../core/network-error.js';
import type { Service } from '../core/models.js';
import { renderEmpty, renderError, renderLoading } from '../core/status-view.js';
import { baseStyles } from '../core/styles.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { buildFacets, type Facets } from './facets.js';
import { nearestKm, parseOrigin, type Point } from './geo.js';
import type { GeolocationFailure } from './geolocation.js';
import { highlight, snippet, type Segment } from './highlight.js';
import type { DetailContext } from './detail-view.js';
import { isOpenAt } from './hours.js';
import { isSafeTemplate } from './map-template.js';
import { runWhenIdle } from './idle.js';
import { filterServices, narrows, sortOrder } from './results.js';
import { bitsOf, queryTerms, SearchIndex, type Bits } from './search-index.js';
import { renderFilterPanel } from './filter-panel.js';
import { finderStyles } from './service-finder.styles.js';
import { telLink } from './tel-link.js';
import { emptyFilters, sorts, type FinderFilters, type FinderSort } from './finder-state.js';

/** Descriptions longer than this (characters of text) start clamped with a "show more". */
const clampAt = 600;
/** Milliseconds between the last keystroke and the search. */
const debounceMs = 150;

type GeoState = 'idle' | 'locating' | 'located' | GeolocationFailure;

/** Intl formatters, built once per language change. */
export interface Formatters {
  compare: (a: string, b: string) => number;
  number: Intl.NumberFormat;
  km: Intl.NumberFormat;
  metres: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  dateOnly: Intl.DateTimeFormat;
  plural: Intl.PluralRules;
  languages?: Intl.DisplayNames;
  /** Joins a short list: `、` in Chinese, `, ` otherwise. */
  list: (items: string[]) => string;
  /** Label and value: `咨询电话：…` in Chinese, `Hotline: …` otherwise. */
  colon: string;
}

/**
 * Find local services: search, filters built from the data, "near me", and a printable detail
 * view. Follows the WAI-ARIA APG patterns for a search landmark with a polite result count
 * (live region), a disclosure for the filters and for long descriptions, and a view switch for
 * the detail (focus moves to its heading; "back" or Escape returns focus to the card's button).
 *
 * @summary Searchable, filterable directory of local services (HSDS, CSV or any JSON with `map`).
 *
 * @fires {CustomEvent<DandelionLoadDetail<Service>>} dandelion-load - `DandelionLoadDetail<Service>` `{ items, source }` after every successful load
 * @fires {CustomEvent<DandelionErrorDetail>} dandelion-error - `DandelionErrorDetail` `{ kind, message, status? }` when loading fails
 * @fires {CustomEvent<DandelionSelectDetail<Service>>} dandelion-select - `DandelionSelectDetail<Service>` `{ item }` when the user opens a service
 *
 * @slot header - Content above the search box (a title, an introduction)
 * @slot empty - Shown when there are no services, or none match (below the message)
 *
 * @csspart base - The wrapper of everything
 * @csspart toolbar - The search form (search box, "use my location", sort)
 * @csspart search - The search input
 * @csspart filters - The filter panel (a disclosure)
 * @csspart count - The result count (a polite live region)
 * @csspart service - Each result card
 * @csspart detail - The detail view of an opened service
 * @csspart status - Loading, empty and error states
 * @csspart button - Buttons (retry, show more, clear all, back, print)
 *
 * @cssprop --dandelion-color-text - Body text colour
 * @cssprop --dandelion-color-muted - Secondary text colour
 * @cssprop --dandelion-color-background - Widget background
 * @cssprop --dandelion-color-surface - Cards, panels and inputs
 * @cssprop --dandelion-color-border - Borders and dividers
 * @cssprop --dandelion-color-accent - Buttons, links, highlights and selection
 * @cssprop --dandelion-color-on-accent - Text on the accent colour
 * @cssprop --dandelion-color-danger - Error text
 * @cssprop --dandelion-font-family - Font stack
 * @cssprop --dandelion-font-size - Base font size (default 1rem)
 * @cssprop --dandelion-radius - Corner radius (default 0.5rem)
 * @cssprop --dandelion-space - Base spacing unit (default 0.5rem)
 * @cssprop --dandelion-focus-ring - Focus outline
 * @tagname service-finder
 */
export class ServiceFinder extends DandelionDataElement<'service'> {
  static override styles = [baseStyles, finderStyles];

  /** Where distances are measured from, as `"lat,lng"` (WGS-84); "use my location" overrides it. */
  @property({ attribute: 'origin' }) origin?: string;

  /**
   * Map link template with `{lat}`, `{lng}`, `{name}`, `{address}` (URL-encoded). Default: Amap
   * for Chinese, OpenStreetMap otherwise. Data is WGS-84: Chinese map templates must say so.
   */
  @property({ attribute: 'map-link' }) mapLink?: string;

  /** Keep the query, filters, sort and opened service in the page URL (`sf-*` parameters). */
  @property({ type: Boolean, attribute: 'sync-url', converter: booleanAttribute }) syncUrl = false;

  /** How many results are shown at first and added by "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private inputValue = '';
  @state() private query = '';
  @state() private filters: FinderFilters = emptyFilters();
  @state() private chosenSort?: FinderSort;
  @state() private shown = 0;
  @state() private openId?: string;
  @state() private geoState: GeoState = 'idle';
  @state() private geoOrigin?: Point;
  @state() private filtersOpen = false;
  @state() private descriptionOpen = false;
  /** The detail view's code and styles: their own chunk, loaded when a detail first opens. */
  private readonly detailView = new LazyView(
    this,
    () => import('./detail-view.js'),
    'the detail view',
  );
  /** A service id from the URL, opened once the data has it. */
  @state() private pendingId?: string;

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('#q');
  }

  // Derived from the inputs in willUpdate (one source of truth: items + state above).
  private lastItems?: readonly Service[];
  private lastLocaleKey?: string;
  private lastOriginKey?: string;
  private index = new SearchIndex([]);
  private byId = new Map<string, number>();
  private facets?: Facets;
  private fmt?: Formatters;
  private distances?: Float64Array;
  private orders = new Map<FinderSort, number[]>();
  private terms: string[] = [];
  private results: number[] = [];
  /** The last filter run, so a query that only grew searches within its results. */
  private lastRun?: { context: string; terms: string[]; bits: Bits };
  private itemsVersion = 0;
  private stopIndexing?: () => void;
  private warnedTemplate?: string;
  private debounceTimer?: ReturnType<typeof setTimeout>;
  private geoRequest = 0;

  constructor() {
    super('service');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounceTimer);
    this.stopIndexing?.();
    this.stopIndexing = undefined;
    this.geoRequest++;
  }

  /** The place distances are measured from: the viewer's position, else the `origin` attribute. */
  private get effectiveOrigin(): Point | undefined {
    return this.geoOrigin ?? parseOrigin(this.origin);
  }

  private get activeSort(): FinderSort {
    const origin = this.effectiveOrigin;
    const sort = this.chosenSort ?? (origin ? 'distance' : 'relevance');
    return sort === 'distance' && !origin ? 'relevance' : sort;
  }

  private get activeFilterCount(): number {
    const f = this.filters;
    return (
      Number(!!f.category) +
      Number(!!f.language) +
      Number(f.age !== undefined) +
      Number(!!f.area) +
      Number(f.free) +
      Number(f.openNow)
    );
  }

  /** `sync-url` code (its own chunk), loaded before the first update that needs it. */
  private urlState?: typeof import('./url-state.js') | 'failed';

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.syncUrl || this.urlState) return super.scheduleUpdate();
    return import('./url-state.js')
      .then(
        (module) => {
          this.urlState = module;
        },
        (error: unknown) => {
          // The finder still works; the page URL just does not follow it.
          console.warn('[dandelion] <service-finder> could not load the sync-url code', error);
          this.urlState = 'failed';
        },
      )
      .then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('pageSize')) this.shown = Math.max(1, this.pageSize);
    if (!this.hasUpdated && this.syncUrl) this.restoreFromUrl();
    if (changed.has('origin') && this.origin && !parseOrigin(this.origin)) {
      console.warn(
        `[dandelion] <service-finder> origin="${this.origin}" is not "lat,lng" in range; ignored.`,
      );
    }
    if (
      changed.has('mapLink') &&
      this.mapLink &&
      this.mapLink !== this.warnedTemplate &&
      !isSafeTemplate(this.mapLink)
    ) {
      this.warnedTemplate = this.mapLink;
      console.warn(
        `[dandelion] <service-finder> map-link="${this.mapLink}" is not an http(s) link template; map links are left out.`,
      );
    }

    const items = this.loader.items;
    const itemsChanged = items !== this.lastItems;
    const localeKey = `${this.locale.messages}|${this.locale.intl}`;
    const localeChanged = localeKey !== this.lastLocaleKey;
    const origin = this.effectiveOrigin;
    const originKey = origin ? `${origin.lat},${origin.lng}` : '';
    const originChanged = originKey !== this.lastOriginKey;

    if (localeChanged) this.fmt = this.buildFormatters();
    if (itemsChanged) {
      this.itemsVersion++;
      this.lastRun = undefined;
      // The index is built in idle slices after the first paint (or at once when a query needs it).
      this.stopIndexing?.();
      this.stopIndexing = undefined;
      this.index = new SearchIndex(items);
      this.byId = new Map(items.map((s, i) => [s.id, i]));
      if (this.openId !== undefined && !this.byId.has(this.openId)) this.openId = undefined;
      if (this.pendingId !== undefined && this.loader.status === 'content') {
        if (this.byId.has(this.pendingId)) this.openId = this.pendingId;
        this.pendingId = undefined;
      }
    }
    if (itemsChanged || localeChanged) {
      this.facets = buildFacets(items, this.fmt!.compare, this.fmt!.languages);
      this.orders.clear();
    }
    if (itemsChanged || originChanged) {
      this.distances = origin
        ? Float64Array.from(items, (s) => nearestKm(s, origin) ?? NaN)
        : undefined;
      this.orders.delete('distance');
    }
    this.lastItems = items;
    this.lastLocaleKey = localeKey;
    this.lastOriginKey = originKey;
    if (
      itemsChanged ||
      localeChanged ||
      originChanged ||
      changed.has('query') ||
      changed.has('filters') ||
      changed.has('chosenSort')
    ) {
      this.computeResults();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.index.ready && !this.stopIndexing && this.isConnected) {
      const index = this.index;
      this.stopIndexing = runWhenIdle((deadline) => index.step(deadline));
    }
    if (
      this.syncUrl &&
      typeof this.urlState === 'object' &&
      (changed.has('query') ||
        changed.has('filters') ||
        changed.has('chosenSort') ||
        changed.has('openId') ||
        changed.has('pendingId') ||
        changed.has('syncUrl'))
    ) {
      this.urlState.writeUrlState({
        query: this.query,
        filters: this.filters,
        sort: this.chosenSort,
        id: this.openId ?? this.pendingId,
      });
    }
  }

  private buildFormatters(): Formatters {
    const { intl, messages } = this.locale;
    // Simplified Chinese sorts by pinyin; other Chinese locales keep their own default.
    const collation =
      messages === 'zh-Hans' && !intl.includes('-u-') ? `${intl}-u-co-pinyin` : intl;
    let languages: Intl.DisplayNames | undefined;
    try {
      languages = new Intl.DisplayNames(intl, { type: 'language', fallback: 'code' });
    } catch {
      languages = undefined;
    }
    return {
      compare: new Intl.Collator(collation, { numeric: true }).compare,
      number: new Intl.NumberFormat(intl),
      km: new Intl.NumberFormat(intl, {
        style: 'unit',
        unit: 'kilometer',
        maximumFractionDigits: 1,
      }),
      metres: new Intl.NumberFormat(intl, {
        style: 'unit',
        unit: 'meter',
        maximumFractionDigits: 0,
      }),
      date: new Intl.DateTimeFormat(intl, { dateStyle: 'long' }),
      dateOnly: new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }),
      plural: new Intl.PluralRules(intl),
      languages,
      list: (items) => items.join(messages.startsWith('zh') ? '、' : ', '),
      colon: messages.startsWith('zh') ? '：' : ': ',
    };
  }

  private computeResults(): void {
    const items = this.loader.items;
    const sort = this.activeSort;
    let order = this.orders.get(sort);
    if (!order) {
      order = sortOrder(items, sort, this.fmt!.compare, this.distances);
      this.orders.set(sort, order);
    }
    const terms = queryTerms(this.query);
    this.terms = terms;
    const now = new Date();
    const context = [
      this.itemsVersion,
      this.lastLocaleKey,
      sort,
      this.lastOriginKey,
      JSON.stringify(this.filters),
      this.filters.openNow ? Math.floor(now.getTime() / 60_000) : '',
    ].join('|');
    const last = this.lastRun;
    const within =
      last && last.context === context && narrows(last.terms, terms) ? last.bits : undefined;
    this.results = filterServices({
      services: items,
      order,
      index: this.index,
      facets: this.facets!,
      filters: this.filters,
      terms,
      now,
      nameFirst: sort === 'relevance',
      within,
    });
    this.lastRun = terms.length
      ? { context, terms, bits: bitsOf(items.length, this.results) }
      : undefined;
  }

  private restoreFromUrl(): void {
    if (typeof this.urlState !== 'object') return;
    const saved = this.urlState.readUrlState();
    this.query = this.inputValue = saved.query;
    this.filters = saved.filters;
    this.chosenSort = saved.sort;
    this.pendingId = saved.id;
    this.filtersOpen = this.activeFilterCount > 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers

  private onInput = (event: Event) => {
    this.inputValue = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.applyQuery(), debounceMs);
  };

  private onSearchKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(this.debounceTimer);
      this.applyQuery();
    }
  };

  private applyQuery(): void {
    if (this.query === this.inputValue) return;
    this.query = this.inputValue;
    this.shown = Math.max(1, this.pageSize);
  }

  private setFilter<K extends keyof FinderFilters>(key: K, value: FinderFilters[K]): void {
    this.filters = { ...this.filters, [key]: value };
    this.shown = Math.max(1, this.pageSize);
  }

  private onSelectFilter = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    this.setFilter(select.name as 'category' | 'language' | 'area', select.value || undefined);
  };

  private onAgeInput = (event: Event) => {
    const text = (event.target as HTMLInputElement).value.normalize('NFKC').trim();
    const age = text === '' ? undefined : Number(text);
    this.setFilter('age', age !== undefined && Number.isFinite(age) && age >= 0 ? age : undefined);
  };

  private onCheckFilter = (event: Event) => {
    const box = event.target as HTMLInputElement;
    this.setFilter(box.name as 'free' | 'openNow', box.checked);
  };

  private onSortChange = (event: Event) => {
    this.chosenSort = (event.target as HTMLSelectElement).value as FinderSort;
    this.shown = Math.max(1, this.pageSize);
  };

  private onFiltersToggle = (event: Event) => {
    this.filtersOpen = (event.target as HTMLDetailsElement).open;
  };

  private onClearAll = async () => {
    clearTimeout(this.debounceTimer);
    this.query = this.inputValue = '';
    this.filters = emptyFilters();
    this.shown = Math.max(1, this.pageSize);
    await this.updateComplete;
    this.searchInput?.focus();
  };

  private onShowMore = async () => {
    const first = this.shown;
    this.shown += Math.max(1, this.pageSize);
    await this.updateComplete;
    // Focus the first new card so keyboard users continue where the new results begin.
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('.results .open');
    buttons[first]?.focus();
  };

  private onLocate = async () => {
    if (this.geoState === 'locating') return;
    const request = ++this.geoRequest;
    this.geoState = 'locating';
    try {
      // Only visitors who ask for "near me" download the geolocation code.
      const { currentPosition } = await import('./geolocation.js');
      const point = await currentPosition();
      if (request !== this.geoRequest) return;
      this.geoOrigin = point;
      this.geoState = 'located';
      this.chosenSort = 'distance';
      this.shown = Math.max(1, this.pageSize);
    } catch (error) {
      if (request !== this.geoRequest) return;
      const reason = (error as { reason?: GeolocationFailure }).reason;
      // A failed chunk load has no reason: the position is then simply unavailable.
      this.geoState = reason ?? 'unavailable';
    }
  };

  private onDetailKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeDetail();
    }
  };

  private onPrint = () => {
    window.print();
  };

  private readonly onBack = () => void this.closeDetail();

  private readonly onToggleDescription = () => {
    this.descriptionOpen = !this.descriptionOpen;
  };

  // ---------------------------------------------------------------------------------------------
  // Public methods

  /** Searches for `text` at once (no debounce), as if typed into the search box. */
  search(text: string): void {
    clearTimeout(this.debounceTimer);
    this.inputValue = text;
    this.applyQuery();
  }

  private readonly onRetryDetail = () => {
    void this.detailView.retry().then(() => this.focusDetail());
  };

  private async focusDetail(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title, .detail .status button')?.focus();
  }

  /** Opens the detail view of a service by id; returns whether it exists. Fires `dandelion-select`. */
  async openService(id: string): Promise<boolean> {
    const i = this.byId.get(id);
    if (i === undefined) return false;
    this.openId = id;
    this.descriptionOpen = false;
    await this.detailView.load();
    if (this.openId !== id) return true;
    await this.focusDetail();
    this.emit('dandelion-select', { item: this.loader.items[i] });
    return true;
  }

  /** Closes the detail view and returns focus to the card it was opened from. */
  async closeDetail(): Promise<void> {
    const id = this.openId;
    if (id === undefined) return;
    this.openId = undefined;
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .open`);
    (card ?? this.searchInput)?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const open =
      this.openId !== undefined ? this.loader.items[this.byId.get(this.openId)!] : undefined;
    return html`<div part="base" class="base ${open ? 'detail-open' : ''}">
      <slot name="header"></slot>
      ${this.loader.render({
        content: () => html`${this.renderList(!!open)}${open ? this.renderDetail(open) : nothing}`,
        empty: () => renderEmpty(msg('No services are listed yet.', { id: 'finder.noData' })),
      })}
    </div>`;
  }

  private renderDetail(s: Service): TemplateResult {
    const view = this.detailView.state;
    if (view === undefined) {
      void this.detailView.load();
      return html`<div part="detail" class="detail" @keydown=${this.onDetailKeydown}>
        ${renderLoading()}
      </div>`;
    }
    if (view === 'failed') {
      return html`<div part="detail" class="detail" @keydown=${this.onDetailKeydown}>
        ${renderError(networkErrorMessage(), this.onRetryDetail)}
      </div>`;
    }
    const context: DetailContext = {
      fmt: this.fmt!,
      intl: this.locale.intl,
      long: this.index.description(this.byId.get(s.id)!).length > clampAt,
      descriptionOpen: this.descriptionOpen,
      onToggleDescription: this.onToggleDescription,
      onBack: this.onBack,
      onPrint: this.onPrint,
      onKeydown: this.onDetailKeydown,
      mapTemplate: this.mapLink,
      messages: this.locale.messages,
      origin: this.effectiveOrigin,
      distanceText: this.distanceText,
    };
    return view.renderDetail(s, context);
  }

  private marks(segments: Segment[]): unknown {
    return segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));
  }

  private lit(text: string): unknown {
    return this.terms.length ? this.marks(highlight(text, this.terms)) : text;
  }

  private renderList(hidden: boolean): TemplateResult {
    const items = this.loader.items;
    const visible = this.results.slice(0, this.shown);
    const remaining = this.results.length - visible.length;
    const active = this.activeFilterCount > 0 || this.query.trim() !== '';
    return html`<div class="list-view" ?hidden=${hidden}>
      ${this.renderToolbar()} ${this.renderFilters()}
      <div class="summary">
        <p part="count" class="count" role="status">${this.countText(this.results.length)}</p>
        ${
          active
            ? html`<button
                part="button"
                class="button secondary"
                type="button"
                @click=${this.onClearAll}
              >
                ${msg('Clear all', { id: 'finder.clearAll' })}
              </button>`
            : nothing
        }
      </div>
      ${this.loader.skipped > 0 ? html`<p class="skipped">${this.skippedText(this.loader.skipped)}</p>` : nothing}
      ${
        visible.length
          ? html`<ul class="results" aria-label=${msg('Services', { id: 'finder.resultsLabel' })}>
                ${repeat(
                  visible,
                  (i) => items[i].id,
                  (i) => this.renderCard(items[i], i),
                )}
              </ul>
              ${
                remaining > 0
                  ? html`<button
                      part="button"
                      class="button secondary more"
                      type="button"
                      @click=${this.onShowMore}
                    >
                      ${msg(str`Show more (${this.fmt!.number.format(remaining)} left)`, { id: 'finder.showMore' })}
                    </button>`
                  : nothing
              }`
          : html`<div part="status" class="no-match">
              <p>
                ${msg('No services match your search. Try other words or fewer filters.', {
                  id: 'finder.noMatch',
                })}
              </p>
              <slot name="empty"></slot>
            </div>`
      }
    </div>`;
  }

  private countText(n: number): string {
    const count = this.fmt!.number.format(n);
    if (n === 0) return msg('No services found', { id: 'finder.countNone' });
    return this.fmt!.plural.select(n) === 'one'
      ? msg(str`${count} service found`, { id: 'finder.countOne' })
      : msg(str`${count} services found`, { id: 'finder.countOther' });
  }

  private skippedText(n: number): string {
    const count = this.fmt!.number.format(n);
    return this.fmt!.plural.select(n) === 'one'
      ? msg(
          str`${count} entry in the data could not be shown (for example, a missing name or a repeated id).`,
          {
            id: 'finder.skippedOne',
          },
        )
      : msg(
          str`${count} entries in the data could not be shown (for example, a missing name or a repeated id).`,
          {
            id: 'finder.skippedOther',
          },
        );
  }

  private renderToolbar(): TemplateResult {
    const sort = this.activeSort;
    const hasOrigin = !!this.effectiveOrigin;
    return html`<form
      part="toolbar"
      class="toolbar"
      role="search"
      @submit=${(e: Event) => e.preventDefault()}
    >
      <div class="field">
        <label for="q">${msg('Search services', { id: 'finder.searchLabel' })}</label>
        <input
          id="q"
          part="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          placeholder=${msg('For example: counselling, legal advice', { id: 'finder.searchPlaceholder' })}
          .value=${live(this.inputValue)}
          @input=${this.onInput}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div class="tools">
        <div class="field">
          <label for="sort">${msg('Sort by', { id: 'finder.sortLabel' })}</label>
          <select id="sort" @change=${this.onSortChange}>
            ${sorts
              .filter((s) => s !== 'distance' || hasOrigin)
              .map(
                (s) =>
                  html`<option value=${s} ?selected=${s === sort}>${this.sortLabel(s)}</option>`,
              )}
          </select>
        </div>
        <button
          part="button"
          class="button secondary locate"
          type="button"
          aria-disabled=${this.geoState === 'locating' ? 'true' : 'false'}
          @click=${this.onLocate}
        >
          ${msg('Use my location', { id: 'finder.locate' })}
        </button>
      </div>
      <p class="geo-message ${this.geoProblem ? 'problem' : ''}" role="status">
        ${this.geoMessage()}
      </p>
    </form>`;
  }

  private get geoProblem(): boolean {
    return !['idle', 'locating', 'located'].includes(this.geoState);
  }

  private sortLabel(sort: FinderSort): string {
    switch (sort) {
      case 'relevance':
        return msg('Best match', { id: 'finder.sortRelevance' });
      case 'name':
        return msg('Name', { id: 'finder.sortName' });
      case 'distance':
        return msg('Distance', { id: 'finder.sortDistance' });
      case 'updated':
        return msg('Recently updated', { id: 'finder.sortUpdated' });
    }
  }

  private geoMessage(): string {
    switch (this.geoState) {
      case 'idle':
        return '';
      case 'locating':
        return msg('Finding your location…', { id: 'finder.geoLocating' });
      case 'located':
        return msg('Sorted by distance from where you are.', { id: 'finder.geoLocated' });
      case 'denied':
        return msg(
          'Location access was turned down. You can still search by name or area, or allow location in your browser settings.',
          { id: 'finder.geoDenied' },
        );
      case 'timeout':
        return msg('Finding your location took too long. Please try again.', {
          id: 'finder.geoTimeout',
        });
      case 'unavailable':
        return msg(
          'Your location is not available right now. You can still search by name or area.',
          {
            id: 'finder.geoUnavailable',
          },
        );
      case 'unsupported':
        return msg(
          'This browser cannot share your location. You can still search by name or area.',
          {
            id: 'finder.geoUnsupported',
          },
        );
    }
  }

  private renderFilters(): TemplateResult | typeof nothing {
    return renderFilterPanel({
      facets: this.facets!,
      filters: this.filters,
      open: this.filtersOpen,
      active: this.activeFilterCount,
      count: (n) => this.fmt!.number.format(n),
      onToggle: this.onFiltersToggle,
      onSelect: this.onSelectFilter,
      onAge: this.onAgeInput,
      onCheck: this.onCheckFilter,
    });
  }

  private readonly distanceText = (km: number): string => {
    const text =
      km < 1 ? this.fmt!.metres.format(Math.round(km * 100) * 10) : this.fmt!.km.format(km);
    return msg(str`${text} away`, { id: 'finder.distance' });
  };

  private renderCard(s: Service, i: number): TemplateResult {
    const km = this.distances?.[i];
    const phone = s.phones[0];
    const tel = phone && telLink(phone.number);
    const excerpt =
      this.terms.length && !this.index.nameMatches(i, this.terms)
        ? snippet(this.index.description(i), this.terms)
        : undefined;
    const open = s.schedules.length > 0 && isOpenAt(s.schedules, new Date());
    return html`<li part="service" class="card" data-id=${s.id}>
      <h3>
        <button class="open" type="button" @click=${() => void this.openService(s.id)}>
          ${this.lit(s.name)}
        </button>
      </h3>
      ${s.organization ? html`<p class="org">${this.lit(s.organization)}</p>` : nothing}
      ${
        s.categories.length
          ? html`<ul class="tags">
              ${s.categories.map((c) => html`<li>${this.lit(c.name)}</li>`)}
            </ul>`
          : nothing
      }
      ${excerpt ? html`<p class="snippet">${this.marks(excerpt)}</p>` : nothing}
      ${
        (km !== undefined && !Number.isNaN(km)) || s.free || open
          ? html`<p class="meta">
              ${km !== undefined && !Number.isNaN(km) ? html`<span class="distance">${this.distanceText(km)}</span>` : nothing}
              ${s.free ? html`<span class="badge">${msg('Free', { id: 'finder.free' })}</span>` : nothing}
              ${open ? html`<span class="badge">${msg('Open now', { id: 'finder.openNow' })}</span>` : nothing}
            </p>`
          : nothing
      }
      ${
        phone
          ? tel
            ? html`<a class="tel" href=${tel}>${phone.number}</a>`
            : html`<p class="meta">${phone.number}</p>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'service-finder': ServiceFinder;
  }
}
