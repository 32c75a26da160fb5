import type { TemplateResult } from 'lit';
import type { DandelionError } from '../errors.js';
import type { FieldMap } from '../fields.js';
import type { ConcreteFormat, Format } from '../formats.js';
import type { FormatDefinitions } from '../read.js';
import type { ModelByKind, ModelKind } from '../models.js';
import { startRequest } from '../data/early-request.js';
import type { LoadedItems } from './load-items.js';
import {
  absoluteUrl,
  ResourceController,
  type ResourceHost,
  type ResourceStatus,
} from './resource-controller.js';

/** The shared data attributes/properties of a widget (see the design card). */
export interface DataInputs {
  src?: string | null;
  data?: unknown;
  format?: Format;
  /** JSON text (attribute) or object (property). */
  map?: string | FieldMap | null;
  itemsPath?: string | null;
  transform?: ((record: unknown) => unknown) | null;
  /** Seconds between background reloads; 0 = never. */
  refresh?: number;
  credentials?: RequestCredentials | null;
  /** Seconds before a request gives up (default 15). */
  timeout?: number;
  /** Most pages to follow in a paginated source (default 50). */
  maxPages?: number;
  /** Space-separated origins besides `src`'s whose next-page links may be followed. */
  pageOrigins?: string | null;
  /** Space-separated origins besides the page's and `src`'s that may serve images in remote HTML. */
  imageOrigins?: string | null;
}

export type DataStatus = ResourceStatus;

/** What a widget adds to its data loading. */
export interface DataHooks<K extends ModelKind> {
  /**
   * Called with the source (and `format`) when the first request starts, before the reading
   * chunk is there: a widget asks for the reader its usual feeds need (the calendar's iCalendar
   * reader), so that arrives with the reading chunk instead of a round trip after it.
   */
  early?: (src: string, format: Format | undefined) => void;
  /**
   * Awaited with the records before they are shown: the code their first view needs (the
   * calendar's series expander), so that view is drawn once, with everything in it. Must not
   * reject (a failure is for the view to show, on its own terms).
   */
  ready?: (items: ModelByKind[K][]) => Promise<void> | void;
  /**
   * The definitions of the formats the widget usually reads: a page that names one of them
   * downloads that definition alone, not the registry of every format (see `FormatDefinitions`).
   */
  definitions?: FormatDefinitions;
}

/** The reading chunk, once it is loaded (then requests need no head start). */
let reading: typeof import('./load-items.js') | undefined;

/** How many skipped-record reasons the console warning names. */
const warningsShown = 3;

/**
 * A widget's records as a {@link ResourceController}: the shared data inputs (`src` or `.data`,
 * `format`, `map`, …) → the page-wide request cache → the format's reader → normalized models.
 * The fetching and reading work is a chunk fetched on the first load, so a widget that never
 * loads data never downloads it; the request itself starts as soon as the element connects,
 * while that chunk downloads (`core/data/early-request.ts`), so the data does not wait for the
 * code. The loading state is set before that, so the skeleton shows at once.
 */
export class DataController<K extends ModelKind> {
  private readonly resource: ResourceController<DataInputs, LoadedItems<ModelByKind[K]>>;

  constructor(
    host: ResourceHost,
    kind: K,
    inputs: () => DataInputs,
    { early, ready, definitions = {} }: DataHooks<K> = {},
  ) {
    this.resource = new ResourceController(host, {
      args: inputs,
      // Every input the task reads: one missing here would never reload.
      key: (i) => [
        i.src?.trim() || null,
        i.data,
        i.format ?? 'auto',
        i.map ?? null,
        i.itemsPath ?? null,
        i.transform ?? null,
        i.credentials ?? null,
        i.timeout ?? null,
        i.maxPages ?? null,
        i.pageOrigins ?? null,
        i.imageOrigins ?? null,
        i.refresh ?? 0,
      ],
      source: (i) => {
        const src = i.src?.trim();
        if (src) return absoluteUrl(src);
        return i.data === undefined ? undefined : 'data';
      },
      task: async (i, request) => {
        const { signal, source } = request;
        const src = i.src?.trim() ? source : undefined;
        // Before the reading chunk is there (a page's first load), the request starts now and
        // travels with it; the chunk's fetch rules take it over.
        if (src && !reading) {
          startRequest(src, signal, i.credentials ?? undefined);
          early?.(src, i.format ?? undefined);
        }
        // The definition of a format the widget gives, else (sniffing, or another format) the
        // registry of every format: asked for beside the reading chunk, not once that has
        // arrived (a CDN build that carries it in that chunk asks for that chunk).
        const format = i.format ?? 'auto';
        if (!reading) {
          const own = Object.hasOwn(definitions, format) && definitions[format as ConcreteFormat];
          void (own ? own() : import('../readers/sniffing.js')).catch(() => undefined);
        }
        reading ??= await import('./load-items.js');
        const loaded = await reading.loadItems(kind, i, { ...request, source: src }, definitions);
        if (loaded.skipped > 0) {
          console.warn(
            `[dandelion] ${source}: skipped ${loaded.skipped} record(s) that could not be used — ${loaded.warnings.slice(0, warningsShown).join('; ')}`,
          );
        }
        await ready?.(loaded.items);
        return loaded;
      },
      isEmpty: (loaded) => loaded.items.length === 0,
      refresh: (i) => i.refresh ?? 0,
      loadDetail: (loaded, source) => ({ items: loaded.items, source }),
      // `src` and the other inputs are attributes or properties: the request starts on connect.
      eager: true,
    });
  }

  /** idle → loading → content | empty | error. */
  get status(): DataStatus {
    return this.resource.status;
  }

  /** The normalized items of the last load (empty before one, or when there is no source). */
  get items(): ModelByKind[K][] {
    return this.resource.value?.items ?? [];
  }

  /** Why the last load failed; unset in `error` state when the messages chunk itself failed. */
  get error(): DandelionError | undefined {
    return this.resource.error;
  }

  /** Records the readers had to skip in the last load. */
  get skipped(): number {
    return this.resource.value?.skipped ?? 0;
  }

  /** Loads again, bypassing the shared cache (the retry button, `refresh`). */
  reload(): Promise<void> {
    return this.resource.reload();
  }

  /** Renders loading/error by the shared views and content/empty by the widget's functions. */
  render(views: {
    content: (items: ModelByKind[K][]) => unknown;
    empty: () => unknown;
    idle?: () => unknown;
  }): unknown {
    return this.resource.render({ ...views, content: (loaded) => views.content(loaded.items) });
  }

  /** The error view with its retry button (for widgets that place it themselves). */
  renderError(): TemplateResult {
    return this.resource.renderError();
  }
}
