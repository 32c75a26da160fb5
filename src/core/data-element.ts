import type { PropertyDeclarations } from 'lit';
import { DandelionElement } from './dandelion-element.js';
import { DataController, type DataHooks } from './resource/data-controller.js';
import type { FieldMap } from './fields.js';
import type { Format } from './formats.js';
import type { ModelByKind, ModelKind } from './models.js';

/**
 * Base of the data-driven widgets: declares the shared attributes of the design card once and
 * wires them to a {@link DataController} (`this.loader`), which loads, reads and reports state.
 *
 * @fires dandelion-load - `{ items, source }` after every successful load
 * @fires dandelion-error - `{ kind, message, status? }` when loading or reading fails
 */
export class DandelionDataElement<K extends ModelKind> extends DandelionElement {
  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
    map: {},
    itemsPath: { attribute: 'items-path' },
    data: { attribute: false },
    transform: { attribute: false },
    refresh: { type: Number },
    credentials: {},
    timeout: { type: Number },
    maxPages: { type: Number, attribute: 'max-pages' },
    pageOrigins: { attribute: 'page-origins' },
    imageOrigins: { attribute: 'image-origins' },
  };

  /** URL of the data; relative URLs resolve against the page. */
  src?: string;

  /** Source format: `auto` sniffs Content-Type, extension, then content. */
  format: Format = 'auto';

  /** JSON object mapping model fields to paths in the source records, e.g. `{"title":"name"}`. */
  map?: string | FieldMap;

  /** Path to the array inside a JSON document, e.g. `data.results`. */
  itemsPath?: string;

  /** Records (or a whole document) given directly; used instead of `src`. */
  data?: unknown;

  /** Hook applied to every source record before mapping. */
  transform?: (record: unknown) => unknown;

  /** Seconds between background reloads (at least 30; paused while the page is hidden); 0 = never. */
  refresh = 0;

  /** Fetch credentials mode; `include` for cookie-based APIs on another origin. */
  credentials?: RequestCredentials;

  /** Seconds before a request gives up. */
  timeout = 15;

  /** Most pages followed in a paginated source. */
  maxPages = 50;

  /**
   * Next-page links are followed only on the origin of `src`; list other origins here
   * (space-separated, e.g. `https://api.example.org`) when a real API pages across them.
   */
  pageOrigins?: string;

  /**
   * Images inside remote HTML (a feed's descriptions) load only from the page's origin and the
   * source's; list other hosts here (space-separated origins, or `*` for any). Others keep their
   * alt text: a third-party image in a feed is a tracking pixel.
   */
  imageOrigins?: string;

  /** Loading state and normalized items of this widget. */
  protected readonly loader: DataController<K>;

  /** @param hooks See {@link DataHooks}: what the widget starts early, or awaits before showing. */
  constructor(kind: K, hooks?: DataHooks<K>) {
    super();
    this.loader = new DataController(
      this,
      kind,
      () => ({
        src: this.src,
        data: this.data,
        format: this.format,
        map: this.map,
        itemsPath: this.itemsPath,
        transform: this.transform,
        refresh: this.refresh,
        credentials: this.credentials,
        timeout: this.timeout,
        maxPages: this.maxPages,
        pageOrigins: this.pageOrigins,
        imageOrigins: this.imageOrigins,
      }),
      hooks,
    );
  }

  /** The normalized items currently shown (empty while loading or on error). */
  get items(): ModelByKind[K][] {
    return this.loader.items;
  }

  /** Loads the data again, bypassing the page's request cache. */
  reload(): Promise<void> {
    return this.loader.reload();
  }
}
