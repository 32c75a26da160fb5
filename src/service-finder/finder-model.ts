/**
 * The finder without a DOM: services + query + filters + sort + position in, facets and results
 * out. Every derived value is declared once below with its inputs and is computed again only
 * when one of them changes; the heavy ones (lookup, facets, distances, order, results) run in
 * slices that yield to the page, so 100,000 services never freeze it, and only the newest inputs
 * finish. The element sets the inputs, reads {@link FinderModel.view} and renders.
 */
import type { Service } from '../core/models.js';
import type { Facets } from './facets.js';
import { buildFormatters } from './formatters.js';
import type { Point } from './geo.js';
import {
  dependsOnTime,
  emptyFilters,
  type FinderFilters,
  type FinderSort,
} from './finder-state.js';
import { filterSteps, narrows, sortSteps } from './results.js';
import { bitsOf, queryTerms } from './query-terms.js';
import type { SearchIndex } from './search-index.js';
import type { SynonymGroups } from './synonyms.js';
import type { FilterCode, QueryTools } from './screen.js';
import { deriving, memo, Sliced, tuple, waiting, type Steps } from './derive.js';
import type { Formatters } from './formatters.js';
import { activeSort, filterable } from './finder-list.js';

/** Services between two points where building the lookup or the distances may pause. */
const chunk = 2048;

/** What the list view shows, once the services are prepared. */
export interface FinderView {
  fmt: Formatters;
  /** Once the search code is there (loaded with the first query). */
  index?: SearchIndex;
  /** Once the filter panel's code is there (the panel opened, a filter on, nothing matched). */
  facets?: Facets;
  /** Some service has something to filter by (the filter panel is shown). */
  filterable: boolean;
  /** Kilometres to each service (NaN without a place), with a position. */
  distances?: Float64Array;
  /** Positions of the matching services, in order. */
  results: number[];
  /** The normalized terms the results were found for (for highlighting). */
  terms: string[];
  /** Highlighting and synonyms, once their chunk is there (with the first query). */
  tools?: QueryTools;
  /** The results are those of the previous query/filters while the new ones are derived. */
  stale: boolean;
  /** There is a query but no search code (its download failed): the results ignore the query. */
  unsearched: boolean;
}

/** The search index's chunk (`search-index.ts`). */
export type SearchCode = typeof import('./search-index.js');

/** Services, order, index, facets, filters, minute (open now), name first, terms (with synonyms). */
type ResultsInputs = [
  readonly Service[],
  number[],
  SearchIndex | undefined,
  Facets | undefined,
  FinderFilters,
  number,
  boolean,
  string[][],
];

/** What to mark in the results: the terms, and synonyms that do not merely extend a term. */
const highlighted = (groups: readonly (readonly string[])[]) =>
  groups.flatMap(([term, ...others]) => [term!, ...others.filter((o) => !o.includes(term!))]);

/** Whether no term has synonyms (then a query that grows can only narrow the results). */
const literal = (groups: readonly (readonly string[])[]) => groups.every((g) => g.length === 1);

function* catalogueSteps(services: readonly Service[]): Steps<Map<string, number>> {
  const byId = new Map<string, number>();
  for (let i = 0; i < services.length; i++) {
    if (i % chunk === chunk - 1) yield;
    byId.set(services[i].id, i);
  }
  return byId;
}

/** The distance code (`geo.ts`): its own chunk, there while a position is known. */
export type GeoCode = typeof import('./geo.js');

function* distanceSteps(
  services: readonly Service[],
  origin: Point,
  { hasPoint, haversineKm }: GeoCode,
): Steps<Float64Array> {
  const out = new Float64Array(services.length);
  for (let i = 0; i < services.length; i++) {
    if (i % chunk === chunk - 1) yield;
    let best = NaN;
    for (const l of services[i].locations) {
      if (!hasPoint(l)) continue;
      const d = haversineKm(origin, l);
      if (!(d >= best)) best = d;
    }
    out[i] = best;
  }
  return out;
}

export class FinderModel {
  // ——— Inputs (set by the element) ———
  services: readonly Service[] = [];
  intl = 'zh-Hans';
  messages = 'zh-Hans';
  query = '';
  filters: FinderFilters = emptyFilters();
  /** The sort the visitor picked; otherwise distance with a position, else relevance. */
  chosenSort?: FinderSort;
  private point?: Point;

  /** The distance code; distances are measured only with it (the element sets it first). */
  geo?: GeoCode;

  /** Where distances are measured from (kept as the same object while it does not move). */
  get origin(): Point | undefined {
    return this.point;
  }

  set origin(next: Point | undefined) {
    if (next?.lat !== this.point?.lat || next?.lng !== this.point?.lng) this.point = next;
  }

  /** @param onReady - called when a value that had to pause is ready (render again) */
  constructor(private readonly onReady: () => void) {}

  // ——— Derived values, each with its own inputs ———

  readonly fmt = memo(() => tuple(this.intl, this.messages), buildFormatters);

  readonly terms = memo(() => tuple(this.query), queryTerms);

  /** Word groups that find each other (幼儿园/入园/托育 …); the finder's `synonyms` property. */
  synonyms: SynonymGroups = [];

  /** Highlighting and synonyms: their own chunk, loaded with the first query. */
  tools?: QueryTools;

  /** The search index's code: its own chunk, loaded with the first query. */
  search?: SearchCode;

  /** The filter panel's code with the facets: its own chunk, loaded when the panel opens. */
  filterCode?: FilterCode;

  /** The search index of the services (built in steps as a query or idle time asks). */
  private readonly searchIndex = memo(
    () => tuple(this.services, this.search),
    (services, code) => code && new code.SearchIndex(services),
  );

  private readonly synonymIndex = memo(
    () => tuple(this.synonyms, this.tools),
    (groups, tools) => tools?.synonymIndex(groups),
  );

  /** Each query term with its synonyms (the term itself first; alone before the chunk). */
  readonly alternatives = memo(
    () => tuple(this.terms(), this.synonymIndex(), this.tools),
    (terms, index, tools) =>
      terms.map((term) => (index && tools ? tools.alternativesOf(term, index) : [term])),
  );

  /** The sort in effect: distance needs a position. */
  get activeSort(): FinderSort {
    return activeSort(this.chosenSort, this.point);
  }

  private readonly catalogue = this.sliced(() => tuple(this.services), catalogueSteps);

  private readonly facets = this.sliced(
    () =>
      this.filterCode
        ? tuple(this.services, this.fmt().compare, this.fmt().languages, this.filterCode)
        : waiting,
    (services, compare, languages, code) => code.facetSteps(services, compare, languages),
  );

  private readonly filterable = memo(
    () => tuple(this.services),
    (services) => services.some(filterable),
  );

  private readonly distances = this.sliced(
    () => (this.point && this.geo ? tuple(this.services, this.point, this.geo) : waiting),
    distanceSteps,
  );

  private readonly order = this.sliced(() => {
    const sort = this.activeSort;
    const distances = sort === 'distance' ? this.distances.read().value : undefined;
    if (sort === 'distance' && !distances) return waiting;
    return tuple(this.services, sort, this.fmt().compare, distances);
  }, sortSteps);

  private readonly results = new Sliced<ResultsInputs, number[]>(
    () => {
      const catalogue = this.catalogue.read().value;
      const facets = this.facets.read().value;
      const order = this.order.read().value;
      // With the filter panel's code, the facets come first (a category needs its subtree).
      if (!catalogue || !order || (this.filterCode && !facets)) return waiting;
      const { filters } = this;
      // "Open now" is evaluated again once a minute.
      const minute = dependsOnTime(filters) ? Math.floor(Date.now() / 60_000) : 0;
      // With a query, services whose name matches come first, also when sorted by distance
      // (each group keeps the distance order): 法律 lists legal aid before a nearby clinic.
      const nameFirst = this.activeSort !== 'name';
      return tuple(
        this.services,
        order,
        this.searchIndex(),
        facets,
        filters,
        minute,
        nameFirst,
        this.alternatives(),
      );
    },
    (inputs, previous) => {
      const [services, order, index, facets, filters, , nameFirst, alternatives] = inputs;
      const terms = alternatives.map((group) => group[0]!);
      // A query that only grew (all else equal) searches within the previous results; not when
      // synonyms are involved (幼儿园 also finds 入园, which 幼儿 did not).
      const narrowing =
        previous &&
        previous.inputs.slice(0, -1).every((x, i) => Object.is(x, inputs[i])) &&
        literal(previous.inputs[7]) &&
        literal(alternatives) &&
        narrows(previous.inputs[7].flat(), terms);
      const within = narrowing ? bitsOf(services.length, previous.value) : undefined;
      return filterSteps({
        services,
        order,
        index,
        facets,
        filters,
        terms,
        alternatives,
        now: new Date(),
        nameFirst,
        within,
      });
    },
    this.onReady,
  );

  /** Everything the list shows, or undefined while the services are still being prepared. */
  view(): FinderView | undefined {
    return deriving(() => this.derive());
  }

  private derive(): FinderView | undefined {
    const catalogue = this.catalogue.read().value;
    const facets = this.facets.read().value;
    const { value, last } = this.results.read();
    if (!catalogue) return undefined;
    const shown = value ? { value, terms: highlighted(this.alternatives()) } : undefined;
    const previous = last && last.inputs[0] === this.services ? last : undefined;
    if (!shown && !previous) return undefined;
    return {
      fmt: this.fmt(),
      index: this.searchIndex(),
      facets,
      filterable: this.filterable(),
      distances: this.distances.read().value,
      results: shown?.value ?? previous!.value,
      terms: shown?.terms ?? highlighted(previous!.inputs[7]),
      tools: this.tools,
      stale: !shown,
      unsearched: !this.search && this.terms().length > 0,
    };
  }

  /** Position of the service with this id in {@link services}, or undefined. */
  indexOf(id: string): number | undefined {
    const byId = deriving(() => this.catalogue.read().value);
    if (byId) return byId.get(id);
    const i = this.services.findIndex((s) => s.id === id);
    return i < 0 ? undefined : i;
  }

  /** The search index, to start building it in idle time (undefined without its code). */
  get index(): SearchIndex | undefined {
    return this.searchIndex();
  }

  /** Stops every derivation under way (the element was removed). */
  stop(): void {
    for (const d of [this.catalogue, this.facets, this.distances, this.order, this.results])
      d.stop();
  }

  private sliced<I extends unknown[], T>(
    inputs: () => I | typeof waiting,
    steps: (...args: I) => Steps<T>,
  ): Sliced<I, T> {
    return new Sliced(inputs, (args) => steps(...args), this.onReady);
  }
}
