/**
 * What the finder's views (toolbar, filter panel, results) read, and what they can ask the
 * finder to do: one object per render, built by the element.
 */
import type { TemplateResult } from 'lit';
import type { Service } from '../core/models.js';
import type { FinderView } from './finder-model.js';
import type { FinderSort } from './filter-basics.js';
import type { FinderFilters } from './finder-state.js';
import type { GeoState } from './locate.js';
import type { HeadingLevel } from '../core/heading.js';
import type { KeyedCards } from './keyed-cards.js';

/** Highlighting and synonyms (`query-tools.ts`, a chunk loaded with the first query). */
export type QueryTools = typeof import('./query-tools.js');

/** The filter panel's controls and facets (`filter-panel.ts`, a chunk loaded when it opens). */
export type FilterCode = typeof import('./filter-panel.js');

export interface FinderScreen {
  services: readonly Service[];
  /** Facets, results and formatters from the model. */
  view: FinderView;
  /** The text in the search box. */
  input: string;
  filters: FinderFilters;
  /** How many filters are on. */
  activeFilters: number;
  filtersOpen: boolean;
  /** The filter panel's code: undefined until loaded, `'failed'` when it could not be. */
  filterCode: FilterCode | 'failed' | undefined;
  sort: FinderSort;
  /** Distances can be measured (the distance sort is offered). */
  hasOrigin: boolean;
  /** "Use my location": its state, and what the toolbar says about it ('' before its words). */
  geo: { state: GeoState; message: string };
  /** How many results are shown. */
  shown: number;
  /** Records the readers had to skip. */
  skipped: number;
  /** Typing has paused: the count may be announced. */
  settled: boolean;
  /** Level of the result cards' headings (`heading-level`). */
  headingLevel: HeadingLevel;
  /** Keyed rendering of the cards, once its chunk is there (a plain `map` before). */
  cards?: KeyedCards;
  /** The no-match view, once its chunk is there (loaded when nothing matches). */
  noMatch?: (c: FinderScreen) => TemplateResult;
  actions: FinderActions;
}

/** What a visitor can do in the list, as the finder handles it. */
export interface FinderActions {
  input(event: Event): void;
  searchKeydown(event: KeyboardEvent): void;
  sort(event: Event): void;
  locate(): void;
  toggleFilters(event: Event): void;
  filter<K extends keyof FinderFilters>(name: K, value: FinderFilters[K]): void;
  open(id: string): void;
  clearAll(): void;
  /** Clears the search and the filters, then shows one category (a suggestion on no match). */
  browse(category: string): void;
  showMore(): void;
  /**
   * Loads the search index's code (the search box got focus: it is built in idle time before the
   * first query), or tries again after a failed download.
   */
  loadSearch(): void;
  /** Loads the filter panel's code again after a failed download. */
  loadFilters(): void;
}
