/**
 * What the list shows, for the element: the model's view (`finder-model.ts`: search, filters,
 * sort orders and facets, sliced for large data), whose code is a chunk of its own, or the plain
 * list without it. With no query, no filter and no position the results are every service in the
 * publisher's order, so the first results need none of the model's code: it is downloaded
 * {@link modelDelay} ms after them (or at once when the person starts to search or filter), and
 * is there before the first update that needs it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import type { Service } from '../core/models.js';
import { activeFilterCount, type FinderSort } from './filter-basics.js';
import { buildFormatters } from './formatters.js';
import type { FinderModel, FinderView } from './finder-model.js';
import type { Point } from './geo.js';
import type { SearchIndex } from './search-index.js';
import type { KeyedCards } from './keyed-cards.js';

/** Whether a service has something the filter panel filters by. */
export const filterable = (s: Service): boolean =>
  s.categories.length > 0 ||
  s.languages.some((l) => l.trim()) ||
  s.areas.some((a) => a.trim()) ||
  s.ageMin !== undefined ||
  s.ageMax !== undefined ||
  !!s.free ||
  s.schedules.length > 0;

/** The sort in effect: the one picked, else distance with a position; distance needs one. */
export function activeSort(chosen: FinderSort | undefined, origin: Point | undefined): FinderSort {
  const sort = chosen ?? (origin ? 'distance' : 'relevance');
  return sort === 'distance' && !origin ? 'relevance' : sort;
}

/**
 * Milliseconds after the first results before the model's code (and keyed rendering's,
 * `keyed-cards.ts`) is requested: the first view, and what the page loads with it, should not
 * wait for it; focus in the search box, a query, the filter panel or a position ask for it at
 * once.
 */
export const modelDelay = 2000;

/** The finder's model (`finder-model.ts`), one chunk. */
const loadModel = () => import('./finder-model.js');

/** The model's inputs (set on it before each view), and whether it is needed at all. */
export interface ListState {
  model: Pick<
    FinderModel,
    | 'services'
    | 'intl'
    | 'messages'
    | 'query'
    | 'filters'
    | 'chosenSort'
    | 'origin'
    | 'tools'
    | 'search'
    | 'filterCode'
    | 'synonyms'
    | 'geo'
  >;
  filtersOpen: boolean;
  /** A position was asked for (`origin`, "use my location"): distances will be measured. */
  positioned: boolean;
}

export class FinderList implements ReactiveController {
  /** The model once its code is there; the element sets its inputs before {@link view}. */
  model?: FinderModel;
  /** The model's code: before the first update with a query, a filter, the panel, an order. */
  readonly code: LazyModule<typeof import('./finder-model.js')>;
  private plain?: { inputs: unknown[]; view: FinderView };
  /** The download of the model's code planned after the first results. */
  private soon?: ReturnType<typeof setTimeout>;
  private indexing?: { index: SearchIndex; stop: () => void };
  /** Keyed rendering of the result cards, once its code is there (`keyed-cards.ts`). */
  cards?: KeyedCards;
  /** Keyed rendering's code, requested with the model's. */
  readonly keyed: LazyModule<typeof import('./keyed-cards.js')>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly state: () => ListState,
  ) {
    host.addController(this);
    const keyed = (this.keyed = new LazyModule(host, {
      load: () => import('./keyed-cards.js'),
      what: 'the keyed result list',
      loaded: (code) => void (this.cards = new code.KeyedCards(host)),
    }));
    this.code = new LazyModule(host, {
      load: () => (void keyed.load(), loadModel()),
      what: 'the search and filters',
      when: () => this.needed(),
      loaded: (code) => {
        this.model = new code.FinderModel(() => host.requestUpdate());
      },
    });
  }

  hostUpdated(): void {
    const index = this.model?.index;
    if (index && !index.ready && this.indexing?.index !== index && this.host.isConnected) {
      // Once its code is there (focus on the search box, a query), the index is built when idle.
      this.indexing?.stop();
      this.indexing = { index, stop: index.buildWhenIdle() };
    }
  }

  hostDisconnected(): void {
    this.model?.stop();
    clearTimeout(this.soon);
    this.indexing?.stop();
    this.soon = this.indexing = undefined;
  }

  /** A query, a filter, the filter panel, another order or a position: the model is needed. */
  needed(): boolean {
    const { model: s, filtersOpen, positioned } = this.state();
    return (
      s.query.trim() !== '' ||
      filtersOpen ||
      activeFilterCount(s.filters) > 0 ||
      activeSort(s.chosenSort, s.origin) !== 'relevance' ||
      positioned
    );
  }

  /**
   * The list to show, or undefined while the model prepares it. Without the model's code (not
   * needed yet, or it could not be downloaded) every service is listed in the publisher's
   * order, marked `unsearched` when a query, a filter or an order asked for the model. While
   * the model prepares its first results (many services take a few slices), the plain list
   * shown before stays, marked stale: the search box and its focus stay with it.
   */
  view(): FinderView | undefined {
    const state = this.state().model;
    const { services, intl, messages } = state;
    const view = this.model && Object.assign(this.model, state).view();
    if (view) return view;
    // The first results are shown: the model's code comes a moment later.
    if (!this.code.state) {
      this.soon ??= setTimeout(() => {
        void this.keyed.load();
        void loadModel().catch(() => undefined);
      }, modelDelay);
    }
    const plain = !this.needed();
    const last = this.plain;
    if (!plain && this.code.state !== 'failed') {
      return last?.inputs[0] === services ? { ...last.view, stale: true } : undefined;
    }
    const inputs = [services, intl, messages, !plain];
    if (last && inputs.every((x, i) => x === last.inputs[i])) return last.view;
    this.plain = {
      inputs,
      view: {
        fmt:
          last && last.inputs[1] === intl && last.inputs[2] === messages
            ? last.view.fmt
            : buildFormatters(intl, messages),
        filterable: services.some(filterable),
        results: Array.from(services, (_, i) => i),
        terms: [],
        stale: false,
        unsearched: !plain,
      },
    };
    return this.plain.view;
  }

  /** Position of the service with this id in `services`, or undefined. */
  indexOf(id: string): number | undefined {
    const { services } = this.state().model;
    // The model's lookup once it has these services (new ones are set on it with the next view).
    if (this.model?.services === services) return this.model.indexOf(id);
    const i = services.findIndex((s) => s.id === id);
    return i < 0 ? undefined : i;
  }
}
