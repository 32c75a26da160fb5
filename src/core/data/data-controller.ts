import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { isServer } from 'lit';
import type { DandelionError } from '../errors.js';
import { emit } from '../events.js';
import type { FieldMap } from '../fields.js';
import type { Format } from '../formats.js';
import { withMessageLocale } from '../i18n/localization.js';
import type { ResolvedLocale } from '../i18n/locale.js';
import type { ModelByKind, ModelKind } from '../models.js';
import { networkErrorMessage } from '../network-error.js';
import { renderError, renderLoading } from '../status-view.js';
import type { LoadedItems } from './load-items.js';

/** The loader chunk: fetching, readers and the error messages. */
type LoadWork = typeof import('./load-items.js');

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

export type DataStatus = 'idle' | 'loading' | 'empty' | 'error' | 'content';

type Host = ReactiveControllerHost & HTMLElement & { readonly locale: ResolvedLocale };

/**
 * The shortest `refresh` interval: every visitor's page reloads the source, so a typo such as
 * `refresh="0.001"` must not become a flood of requests to a small organisation's server.
 */
export const minRefreshSeconds = 30;

/** How many skipped-record reasons the console warning names. */
const warningsShown = 3;

/**
 * Loads a widget's data by the design's rules and exposes it as a state machine:
 * idle → loading → content | empty | error. Fires `dandelion-load` / `dandelion-error` on the host.
 * Modelled on @lit/task: inputs come from a function, work is abortable, only the latest request
 * may update the view; plus the shared request cache and `refresh` timer. The work itself (fetch,
 * readers, error messages) is a chunk fetched on the first load, so a widget that never loads data
 * never downloads it; the loading state is set before that, so the skeleton shows at once.
 */
export class DataController<K extends ModelKind> implements ReactiveController {
  status: DataStatus = 'idle';
  items: ModelByKind[K][] = [];
  /** Why the last load failed; unset in `error` state when the loader chunk itself failed. */
  error?: DandelionError;
  /** Records the readers had to skip in the last load. */
  skipped = 0;

  private inputsKey?: string;
  private inputsData?: unknown;
  private inputsTransform?: unknown;
  private abortController?: AbortController;
  private requestId = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private work?: LoadWork;
  private warnedRefresh = false;

  constructor(
    private readonly host: Host,
    private readonly kind: K,
    private readonly inputs: () => DataInputs,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected elements load again (their request was aborted on disconnect).
    this.inputsKey = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abortController?.abort();
    clearTimeout(this.refreshTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  hostUpdate(): void {
    const inputs = this.inputs();
    const key = JSON.stringify([
      inputs.src ?? null,
      inputs.format ?? 'auto',
      inputs.map ?? null,
      inputs.itemsPath ?? null,
      inputs.credentials ?? null,
      inputs.timeout ?? null,
      inputs.maxPages ?? null,
      inputs.pageOrigins ?? null,
      inputs.imageOrigins ?? null,
      inputs.refresh ?? 0,
    ]);
    if (
      key === this.inputsKey &&
      inputs.data === this.inputsData &&
      inputs.transform === this.inputsTransform
    )
      return;
    this.inputsKey = key;
    this.inputsData = inputs.data;
    this.inputsTransform = inputs.transform;
    void this.load(false);
  }

  /** Loads again, bypassing the shared cache (the retry button, `refresh`). */
  reload(): Promise<void> {
    return this.load(true);
  }

  /** Renders loading/error by the shared views and content/empty by the widget's functions. */
  render(views: {
    content: (items: ModelByKind[K][]) => unknown;
    empty: () => unknown;
    idle?: () => unknown;
  }): unknown {
    switch (this.status) {
      case 'idle':
        // Server rendering loads nothing: render what the client's first render shows (the
        // loading state) when there is something to load, so hydration matches.
        if (isServer && (this.inputs().src?.trim() || this.inputs().data !== undefined)) {
          return renderLoading();
        }
        return views.idle ? views.idle() : views.empty();
      case 'loading':
        return renderLoading();
      case 'error':
        return this.renderError();
      case 'empty':
        return views.empty();
      case 'content':
        return views.content(this.items);
    }
  }

  /** The error view with its retry button (for widgets that place it themselves). */
  renderError(): TemplateResult {
    const { error, work } = this;
    return renderError(
      error && work ? work.errorMessage(error.kind, error.status) : networkErrorMessage(),
      () => void this.reload(),
    );
  }

  private async load(force: boolean): Promise<void> {
    this.abortController?.abort();
    clearTimeout(this.refreshTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
    const controller = new AbortController();
    this.abortController = controller;
    const id = ++this.requestId;
    const inputs = this.inputs();
    const src = inputs.src?.trim();

    if (!src && inputs.data === undefined) {
      this.items = [];
      this.error = undefined;
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    if (this.status !== 'content') {
      this.status = 'loading';
      this.host.setAttribute('aria-busy', 'true');
      this.host.requestUpdate();
    }
    let source = src || 'data';
    try {
      const work = (this.work ??= await import('./load-items.js'));
      if (src) source = new URL(src, document.baseURI).href;
      const loaded = await work.loadItems(this.kind, inputs, {
        source: src ? source : undefined,
        signal: controller.signal,
        force,
      });
      if (id !== this.requestId) return;
      this.accept(loaded, source);
    } catch (error) {
      if (id !== this.requestId || controller.signal.aborted) return;
      this.fail(error, source);
    } finally {
      if (id === this.requestId) {
        this.host.removeAttribute('aria-busy');
        this.scheduleRefresh(inputs.refresh ?? 0);
      }
    }
  }

  /** Updates the view with freshly loaded items and fires `dandelion-load`. */
  private accept({ items, skipped, warnings }: LoadedItems<ModelByKind[K]>, source: string): void {
    if (skipped > 0) {
      console.warn(
        `[dandelion] ${source}: skipped ${skipped} record(s) that could not be used — ${warnings.slice(0, warningsShown).join('; ')}`,
      );
    }
    this.items = items;
    this.skipped = skipped;
    this.error = undefined;
    this.status = items.length > 0 ? 'content' : 'empty';
    this.host.requestUpdate();
    emit(this.host, 'dandelion-load', { items, source });
  }

  private fail(thrown: unknown, source: string): void {
    const work = this.work;
    // Without the loader chunk there are no readers and no messages but the network one: not
    // being able to fetch that chunk is a network problem.
    const error = work?.toDandelionError(thrown);
    console.warn(
      `[dandelion] ${source}: ${error ? `${error.kind}: ${error.message}` : 'network: could not load the data loader'}`,
      ...(error ? [] : [thrown]),
    );
    this.error = error;
    // A failed background refresh keeps the content on screen; the event still tells the page.
    if (this.status !== 'content') this.status = 'error';
    this.host.requestUpdate();
    emit(
      this.host,
      'dandelion-error',
      withMessageLocale(this.host.locale.messages, () =>
        error ? work!.errorDetail(error) : { kind: 'network', message: networkErrorMessage() },
      ),
    );
  }

  private scheduleRefresh(seconds: number): void {
    if (!(seconds > 0) || !this.host.isConnected) return;
    if (seconds < minRefreshSeconds && !this.warnedRefresh) {
      this.warnedRefresh = true;
      console.warn(
        `[dandelion] refresh="${seconds}" is too often for a public page; reloading every ${minRefreshSeconds} s`,
      );
    }
    const every = Math.max(minRefreshSeconds, seconds);
    this.refreshTimer = setTimeout(() => {
      // Nobody is looking: reload when the page is shown again, not in the background.
      if (document.visibilityState === 'hidden') {
        document.addEventListener('visibilitychange', this.onVisible);
      } else void this.load(true);
    }, every * 1000);
  }

  private onVisible = (): void => {
    if (document.visibilityState === 'hidden') return;
    document.removeEventListener('visibilitychange', this.onVisible);
    void this.load(true);
  };
}
