import type { PropertyDeclarations } from 'lit';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { DandelionDataElement } from '../core/data-element.js';
import { LazyView } from '../core/lazy-view.js';
import { networkErrorMessage } from '../core/network-error.js';
import type { Service } from '../core/models.js';
import { renderEmpty, renderError, renderLoading } from '../core/status-view.js';
import { headingLevel } from '../core/heading.js';
import { baseStyles } from '../core/styles.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { LazyModule } from '../core/element/lazy-module.js';
import type { DetailContext } from './detail-view.js';
import type { FinderView, SearchCode } from './finder-model.js';
import { activeFilterCount, emptyFilters, type FinderSort } from './filter-basics.js';
import type { FinderFilters } from './finder-state.js';
import { LocateController } from './locate.js';
import { activeSort, FinderList } from './finder-list.js';
import { renderFilterPanel } from './filter-disclosure.js';
import { renderResults } from './results-view.js';
import { finderStyles } from './service-finder.styles.js';
import { renderToolbar } from './toolbar-view.js';
import type { FilterCode, FinderActions, FinderScreen } from './screen.js';
import { TypingController } from './typing.js';
import { finderHooks } from './data-formats.js';
import { UrlSync } from './url-sync.js';

export type { Formatters } from './formatters.js';

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
 * @slot help - A way to ask for help when nothing matches (a phone or message link to the service
 *   desk), under the suggested categories
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
  static override properties: PropertyDeclarations = {
    origin: { attribute: 'origin' },
    mapLink: { attribute: 'map-link' },
    synonyms: { attribute: false },
    syncUrl: { type: Boolean, attribute: 'sync-url', converter: booleanAttribute },
    pageSize: { type: Number, attribute: 'page-size' },
    inputValue: { state: true, attribute: false },
    query: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    chosenSort: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    openId: { state: true, attribute: false },
    filtersOpen: { state: true, attribute: false },
    descriptionOpen: { state: true, attribute: false },
    pendingId: { state: true, attribute: false },
  };

  static override styles = [baseStyles, finderStyles];

  /** Where distances are measured from, as `"lat,lng"` (WGS-84); "use my location" overrides it. */
  origin?: string;

  /**
   * Map link template with `{lat}`, `{lng}`, `{name}`, `{address}` (URL-encoded); default, and for
   * a place the template cannot be filled for: Amap (zh) or OpenStreetMap, by coordinates or address.
   */
  mapLink?: string;

  /**
   * Word groups that find each other in a search (幼儿园 / 入园 / 托育, 看病 / 医疗 / 义诊 …),
   * as an array of arrays of words. Default: a small table for family services in zh-Hans,
   * zh-Hant and English (loaded with the first query); `[]` turns synonyms off.
   */
  synonyms?: readonly (readonly string[])[];

  /** The built-in word groups: their own chunk, there before the first search runs. */
  private readonly synonymTable = new LazyModule(this, {
    load: () => import('./synonym-table.js'),
    what: 'the search synonyms',
    when: () => this.synonyms === undefined && this.query.trim() !== '',
  });

  /** The search index's code: a chunk there before the first update with a query. */
  private readonly searchCode = new LazyModule<SearchCode>(this, {
    load: () => import('./search-index.js'),
    what: 'the search',
    when: () => this.query.trim() !== '',
  });

  /** The filter panel's controls and facets: a chunk there before it opens or a filter is on. */
  private readonly filterCode = new LazyView<FilterCode>(
    this,
    () => import('./filter-panel.js'),
    'the filters',
    () => this.filtersOpen || activeFilterCount(this.filters) > 0,
  );

  /** Highlighting and synonyms: a chunk there before the first update with a query. */
  private readonly queryTools = new LazyView(
    this,
    () => import('./query-tools.js'),
    'the search highlighting',
    () => this.query.trim() !== '',
    false,
  );

  /** Keep the query, filters, sort and opened service in the page URL (`sf-*` parameters). */
  syncUrl = false;

  /** How many results are shown at first and added by "show more". */
  pageSize = 20;

  /** The text in the search box; the query follows it on the next frame. */
  private inputValue = '';
  private query = '';
  private filters: FinderFilters = emptyFilters();
  private chosenSort?: FinderSort;
  private shown = 0;
  private openId?: string;
  private filtersOpen = false;
  private descriptionOpen = false;
  /** A service id from the URL, opened once the data has it. */
  private pendingId?: string;

  /** Facets and results, derived from the state above (the model's code comes when needed). */
  private readonly list = new FinderList(this, () => ({
    model: {
      services: this.loader.items,
      intl: this.locale.intl,
      messages: this.locale.messages,
      tools: this.queryTools.module,
      search: this.searchCode.module,
      filterCode: this.filterCode.module,
      synonyms: this.synonyms ?? this.synonymTable.module?.defaultSynonyms ?? [],
      geo: this.locating.geo.module,
      query: this.query,
      filters: this.filters,
      chosenSort: this.chosenSort,
      origin: this.locating.origin(),
    },
    filtersOpen: this.filtersOpen,
    positioned: !!this.origin || !!this.locating.point,
  }));
  /** The items the last update saw (an opened service that is gone then closes). */
  private seen?: readonly Service[];
  /** What the list shows in this update; undefined while the services are being prepared. */
  private view?: FinderView;
  private readonly typing = new TypingController(this, () => this.applyQuery());
  private readonly locating = new LocateController(this, () => {
    this.chosenSort = 'distance';
    this.resetPage();
  });
  /** The detail view's code and styles: their own chunk, loaded when a detail first opens. */
  private readonly detailView = new LazyView(
    this,
    () => import('./detail-view.js'),
    'the detail view',
  );
  /** What to show when nothing matches (with the categories to suggest): loaded when it happens. */
  private readonly noMatch = new LazyView(
    this,
    () => Promise.all([import('./no-match-view.js'), this.filterCode.load()]).then(([m]) => m),
    'the no-match view',
  );
  private readonly urlSync = new UrlSync();
  /** `map-link` and its usable template: checked by the detail view's code once per change. */
  private mapTemplate?: { value?: string; usable?: string };
  /** The finder itself set `aria-busy` (while preparing the services). */
  private preparing = false;

  constructor() {
    super('service', finderHooks);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.urlSync.load(this.syncUrl);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('pageSize')) this.resetPage();
    if (!this.hasUpdated && this.syncUrl) this.restoreFromUrl();
    if (changed.has('origin')) this.locating.geo.module?.checkOrigin(this.origin);
    const { items } = this.loader;
    if (this.seen !== items) {
      this.seen = items;
      this.itemsChanged();
    }
    // A query restored from the URL in this update: its chunk starts now, not at the next one.
    if (this.query.trim() && !this.queryTools.state) void this.queryTools.load();
    this.view = this.loader.status === 'content' ? this.list.view() : undefined;
    if (this.view?.results.length === 0 && !this.noMatch.state) void this.noMatch.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.showBusy(this.loader.status === 'content' && !this.view);
    if (this.syncUrl && this.typing.settled) {
      this.urlSync.write({
        query: this.query,
        filters: this.filters,
        sort: this.chosenSort,
        id: this.openId ?? this.pendingId,
      });
    }
  }

  private showBusy(busy: boolean): void {
    if (busy) this.setAttribute('aria-busy', 'true');
    else if (this.preparing && this.loader.status !== 'loading') this.removeAttribute('aria-busy');
    this.preparing = busy;
  }

  /** New data: an opened service that is gone closes; an id from the URL opens once loaded. */
  private itemsChanged(): void {
    if (this.openId !== undefined && this.list.indexOf(this.openId) === undefined) {
      this.openId = undefined;
    }
    if (this.pendingId !== undefined && this.loader.status === 'content') {
      if (this.list.indexOf(this.pendingId) !== undefined) this.openId = this.pendingId;
      this.pendingId = undefined;
    }
  }

  private restoreFromUrl(): void {
    const saved = this.urlSync.read();
    if (!saved) return;
    this.query = this.inputValue = saved.query;
    this.filters = saved.filters;
    this.chosenSort = saved.sort;
    this.pendingId = saved.id;
    this.filtersOpen = activeFilterCount(this.filters) > 0;
  }

  private resetPage(): void {
    this.shown = Math.max(1, this.pageSize);
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers

  private applyQuery(): void {
    if (this.query === this.inputValue) return;
    this.query = this.inputValue;
    this.resetPage();
  }

  /** What a visitor does in the list (the views call these). */
  private readonly actions: FinderActions = {
    input: (event) => {
      this.inputValue = (event.target as HTMLInputElement).value;
      this.typing.typed();
    },
    searchKeydown: (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.typing.flush();
    },
    sort: (event) => {
      this.chosenSort = (event.target as HTMLSelectElement).value as FinderSort;
      this.resetPage();
    },
    locate: () => void this.locating.locate(),
    loadSearch: () => void Promise.all([this.searchCode.load(), this.list.code.load()]),
    loadFilters: () => void this.filterCode.load(),
    toggleFilters: (event) => {
      this.filtersOpen = (event.target as HTMLDetailsElement).open;
    },
    filter: (name, value) => {
      this.filters = { ...this.filters, [name]: value };
      this.resetPage();
    },
    open: (id) => void this.openService(id),
    clearAll: () => void this.startOver(),
    browse: (category) => void this.startOver(category),
    showMore: async () => {
      const first = this.shown;
      this.shown += Math.max(1, this.pageSize);
      await this.updateComplete;
      // Focus the first new card so keyboard users continue where the new results begin.
      this.renderRoot.querySelectorAll<HTMLButtonElement>('.results .open')[first]?.focus();
    },
  };

  /** An empty search box and no filters but `category` (if given); focus back in the search box. */
  private async startOver(category?: string): Promise<void> {
    this.inputValue = '';
    this.typing.flush();
    this.filters = { ...emptyFilters(), category };
    this.resetPage();
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private readonly onDetailKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeDetail();
    }
  };

  private readonly onPrint = () => window.print();

  private readonly onBack = () => void this.closeDetail();

  private readonly onToggleDescription = () => {
    this.descriptionOpen = !this.descriptionOpen;
  };

  private readonly onRetryDetail = () => {
    void this.detailView.retry().then(() => this.focusDetail());
  };

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('#q');
  }

  private async focusDetail(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title, .detail .status button')?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Public methods

  /** Searches for `text` at once (no waiting for the next frame), as if typed into the search box. */
  search(text: string): void {
    this.inputValue = text;
    this.typing.flush();
  }

  /** Opens the detail view of a service by id; returns whether it exists. Fires `dandelion-select`. */
  async openService(id: string): Promise<boolean> {
    const i = this.list.indexOf(id);
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
    const i = this.openId === undefined ? undefined : this.list.indexOf(this.openId);
    const open = i === undefined ? undefined : this.loader.items[i];
    return html`<div part="base" class="base ${open ? 'detail-open' : ''}">
      <slot name="header"></slot>
      ${this.loader.render({
        content: () => (this.view ? this.renderContent(this.view, open) : renderLoading()),
        empty: () => renderEmpty(msg('No services are listed yet.', { id: 'finder.noData' })),
      })}
    </div>`;
  }

  private renderContent(view: FinderView, open: Service | undefined): TemplateResult {
    const screen: FinderScreen = {
      services: this.loader.items,
      view,
      input: this.inputValue,
      filters: this.filters,
      activeFilters: activeFilterCount(this.filters),
      filtersOpen: this.filtersOpen,
      filterCode: this.filterCode.state,
      sort: activeSort(this.chosenSort, this.locating.origin()),
      hasOrigin: !!this.locating.origin(),
      geo: this.locating.status(),
      shown: this.shown,
      skipped: this.loader.skipped,
      settled: this.typing.settled,
      headingLevel: headingLevel(this.headingLevel),
      noMatch: this.noMatch.module?.renderNoMatch,
      cards: this.list.cards,
      actions: this.actions,
    };
    return html`<div class="list-view" ?hidden=${!!open}>
        ${renderToolbar(screen)} ${renderFilterPanel(screen)} ${renderResults(screen)}
      </div>
      ${open ? this.renderDetail(open, view) : nothing}`;
  }

  private renderDetail(s: Service, view: FinderView): TemplateResult {
    const module = this.detailView.state;
    if (typeof module !== 'object') {
      if (module === undefined) void this.detailView.load();
      return html`<div part="detail" class="detail" @keydown=${this.onDetailKeydown}>
        ${module === 'failed' ? renderError(networkErrorMessage(), this.onRetryDetail) : renderLoading()}
      </div>`;
    }
    if (!this.mapTemplate || this.mapTemplate.value !== this.mapLink) {
      const usable = module.checkMapTemplate(this.mapLink, this.localName);
      this.mapTemplate = { value: this.mapLink, usable };
    }
    const context: DetailContext = {
      fmt: view.fmt,
      intl: this.locale.intl,
      descriptionOpen: this.descriptionOpen,
      onToggleDescription: this.onToggleDescription,
      onBack: this.onBack,
      onPrint: this.onPrint,
      onKeydown: this.onDetailKeydown,
      mapTemplate: this.mapTemplate.usable,
      messages: this.locale.messages,
      origin: this.locating.origin(),
      headingLevel: headingLevel(this.headingLevel),
    };
    return module.renderDetail(s, context);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'service-finder': ServiceFinder;
  }
}
