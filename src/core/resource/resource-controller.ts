import { isServer } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { DandelionError } from '../errors.js';
import { emit, type DandelionLoadDetail } from '../events.js';
import { loadLaterMessages, loadLocale, withMessageLocale } from '../i18n/localization.js';
import type { ResolvedLocale } from '../i18n/locale.js';
import { adoptLazyStyles } from '../lazy-view.js';
import type { Refresher } from './refresh.js';
import { networkErrorMessage } from '../network-error.js';
import { renderError, renderLoading } from '../status-view.js';

/** Where a resource is: nothing to load, on its way, loaded (with or without content), failed. */
export type ResourceStatus = 'idle' | 'loading' | 'empty' | 'error' | 'content';

/**
 * `url` made absolute against the page (the server has no page: it keeps `url`, only to tell
 * that there is something to load).
 */
export function absoluteUrl(url: string): string {
  return isServer ? url : new URL(url, document.baseURI).href;
}

/** What the task of a {@link ResourceController} gets besides its inputs. */
export interface ResourceRequest {
  /** Aborted when the inputs change, the host leaves the page, or a newer load starts. */
  signal: AbortSignal;
  /** Bypass caches: the retry button and `refresh` ask for fresh data. */
  force: boolean;
  /** Where the inputs point, as {@link ResourceOptions.source} named it. */
  source: string;
  /**
   * For the task to call when the load may be failing (a request failed; what that means, and
   * whether a retry helps, is still on its way): the controller starts loading what its error
   * view needs, so the message does not wait for those downloads after the failure's. Calling
   * it more than once, or for a load that then succeeds, only costs that download.
   */
  onFailure: () => void;
}

export interface ResourceOptions<I, T> {
  /** The inputs, read at every host update (like `@lit/task`'s `args`). */
  args: () => I;
  /**
   * What identifies the inputs: when any entry differs (by `Object.is`) from the last load's,
   * the resource loads again. Put every input the task reads here, or a change will not reload.
   */
  key: (inputs: I) => readonly unknown[];
  /**
   * Where the inputs point, for events and console warnings (an absolute URL, `'data'`), or
   * undefined when there is nothing to load: the resource is then `idle`.
   */
  source: (inputs: I) => string | undefined;
  /**
   * The pluggable fetch-and-read step: the value for these inputs. It may answer synchronously
   * (an inline value needs no request), and must throw a `DandelionError` for a failure the
   * person should hear about; anything else thrown counts as a `parse` error.
   */
  task: (inputs: I, request: ResourceRequest) => T | Promise<T>;
  /** Whether a loaded value shows the empty state (default: an empty array). */
  isEmpty?: (value: T) => boolean;
  /** Seconds between background reloads; 0 (default) = never. At least 30 (`refresh.ts`). */
  refresh?: (inputs: I) => number;
  /** The `dandelion-load` detail for a value; without this option no `dandelion-load` fires. */
  loadDetail?: (value: T, source: string) => DandelionLoadDetail;
  /**
   * What a host that comes back to the page gets: `reload` (default) loads again, for data
   * that may have changed meanwhile; `resume` loads again only when the last load was cut off,
   * for a value the person works on (a form's schema must not reset their answers).
   */
  reconnect?: 'reload' | 'resume';
  /**
   * Whether the server renders the loading state for these inputs (it loads nothing, so the
   * client's first render over its declarative shadow DOM shows that same state, then loads).
   * Default: when {@link source} names something to load.
   */
  serverLoads?: (inputs: I) => boolean;
  /**
   * Whether shown content stays on screen while new inputs load (default true: a list keeps
   * its items until the new ones arrive). A failed background reload always keeps it.
   */
  keepContent?: boolean;
  /**
   * Starts loading when the host connects, not at its first update (default false). For inputs
   * that are attributes or properties set before the element connects (`src`, `schema`): the
   * request then does not wait for the host's first update (which waits for the messages of its
   * language). Not for inputs read from the light DOM, which the parser may not have added yet.
   */
  eager?: boolean;
  /** The attribute holding the URL, for the site owner's messages (default `src`). */
  attribute?: string;
}

/** The host: a Lit element with a resolved language (for the event's message). */
export type ResourceHost = ReactiveControllerHost &
  HTMLElement & { readonly locale: ResolvedLocale; readonly contactPhone?: string };

/** The module with the error kinds' messages and view: loaded on the first failure only. */
type ErrorsModule = typeof import('../error-view.js');

/**
 * Code loaded only when it is needed (tests hold or fail a download here): the background
 * reloads, once an input asks for them; the error view, once a load fails or may be failing.
 */
export const lazyResource = {
  refresh: (): Promise<typeof import('./refresh.js')> => import('./refresh.js'),
  errors: (): Promise<ErrorsModule> => import('../error-view.js'),
};

/**
 * One resource of a widget (its data, a form's schema, slotted markup) as a state machine:
 * inputs → fetch → read → `idle | loading | empty | error | content`, the same for every widget.
 * Modelled on `@lit/task`: inputs come from a function, the task gets an `AbortSignal`, and only
 * the latest load may change the state. Besides, it marks the host `aria-busy` while loading,
 * reloads every `refresh` seconds (at least 30, and not while the page is hidden), keeps shown
 * content when a background reload fails, and fires `dandelion-load` / `dandelion-error` with
 * the message in the host's language. Retries with backoff, the size cap and charset decoding
 * are the fetch step's (`core/data/fetch-text.ts`), which every task that fetches goes through.
 *
 * The error messages are a chunk loaded when a load fails (or the task says it may be failing,
 * see {@link ResourceRequest.onFailure}), so a widget that never fails (or reads only markup)
 * never downloads them (nor carries the error view's styles, adopted when it arrives); the
 * background reloads (`refresh.ts`) are one loaded after the first load that asks for them.
 */
export class ResourceController<I, T> implements ReactiveController {
  status: ResourceStatus = 'idle';
  /** The last loaded value (kept on screen while a background reload runs or fails). */
  value?: T;
  /** Why the last load failed; unset in `error` state when the messages chunk itself failed. */
  error?: DandelionError;

  private inputsKey?: readonly unknown[];
  private abortController?: AbortController;
  private requestId = 0;
  /** A load is on its way (so a host that comes back knows it was cut off). */
  private running = false;
  /** The background reloads, once their chunk is there. */
  private refresher?: Refresher;
  /** Bumped by every stop: reloads scheduled before it are dropped when their chunk arrives. */
  private refreshRun = 0;
  private errors?: ErrorsModule;
  /** Where the failed load pointed (for the site administrator's details). */
  private failedSource?: string;
  /** This controller marked the host `aria-busy` (another resource of the host may too). */
  private busy = false;
  /** The client's first update over server-rendered shadow DOM: the load waits one update. */
  private hydrating = false;

  constructor(
    private readonly host: ResourceHost,
    private readonly options: ResourceOptions<I, T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.options.reconnect === 'resume' && !this.running && this.inputsKey) {
      this.scheduleRefresh(this.options.refresh?.(this.options.args()) ?? 0);
      return;
    }
    // Load again: the request was aborted on disconnect (and `reload` data may be stale).
    this.inputsKey = undefined;
    this.host.requestUpdate();
    if (this.options.eager) this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.abortController?.abort();
    this.stopRefresh();
  }

  hostUpdated(): void {
    if (!this.hydrating) return;
    // Hydrated: now load (the state shown so far was the server's).
    this.hydrating = false;
    this.host.requestUpdate();
  }

  /**
   * Loads when the inputs changed since the last load. Runs before every render; a host that
   * derives state from the value in `willUpdate` calls it there first, so an inline value is
   * read in the same update.
   */
  sync(): void {
    // Server rendering (@lit-labs/ssr) loads nothing but shows the loading state when there is
    // something to load; the client's first render over that markup (Lit's hydration) shows the
    // same state, or hydration fails on a different template, and loads once it has hydrated.
    if (isServer || this.hydrating || this.overServerMarkup()) {
      const inputs = this.options.args();
      const loads = this.options.serverLoads ?? ((i: I) => this.options.source(i) !== undefined);
      this.status = loads(inputs) ? 'loading' : 'idle';
      this.hydrating = !isServer;
      return;
    }
    const key = this.options.key(this.options.args());
    const last = this.inputsKey;
    if (last && last.length === key.length && key.every((v, i) => Object.is(v, last[i]))) return;
    this.inputsKey = key;
    void this.load(false);
  }

  /** The host's first update renders over a server-rendered (declarative) shadow root. */
  private overServerMarkup(): boolean {
    // A fresh shadow root is empty before the first update; one with nodes holds the server's.
    const host = this.host as ResourceHost & { hasUpdated?: boolean };
    return !host.hasUpdated && this.inputsKey === undefined && !!host.shadowRoot?.firstChild;
  }

  /** Loads again, bypassing caches (the retry button, `refresh`). */
  reload(): Promise<void> {
    return this.load(true);
  }

  /** Renders loading/error by the shared views and content/empty/idle by the widget's. */
  render(views: {
    content: (value: T) => unknown;
    empty: () => unknown;
    idle?: () => unknown;
  }): unknown {
    // The server skips controllers' `hostUpdate`: its state is worked out here.
    if (isServer) this.sync();
    switch (this.status) {
      case 'idle':
        return views.idle ? views.idle() : views.empty();
      case 'loading':
        return renderLoading();
      case 'error':
        return this.renderError();
      case 'empty':
        return views.empty();
      case 'content':
        return views.content(this.value as T);
    }
  }

  /** The error view with its retry button (for widgets that place it themselves). */
  renderError(): TemplateResult {
    const { error, errors } = this;
    const onRetry = () => void this.reload();
    if (!error || !errors) return renderError(networkErrorMessage(), onRetry);
    return errors.renderProblem(error, {
      source: this.failedSource,
      contactPhone: this.host.contactPhone,
      urlAttribute: this.options.attribute,
      onRetry,
    });
  }

  private load(force: boolean): Promise<void> {
    // The last load is aborted once this one has started: a load of the same source (an input
    // that does not change the request, set after an eager start) joins the shared request still
    // on its way instead of cancelling it and asking again.
    const previous = this.abortController;
    this.stopRefresh();
    const controller = new AbortController();
    this.abortController = controller;
    const id = ++this.requestId;
    const inputs = this.options.args();
    const source = this.options.source(inputs);

    if (source === undefined) {
      previous?.abort();
      this.running = false;
      this.value = undefined;
      this.error = undefined;
      this.status = 'idle';
      this.setBusy(false);
      this.host.requestUpdate();
      return Promise.resolve();
    }
    let outcome: T | Promise<T>;
    try {
      outcome = this.options.task(inputs, {
        signal: controller.signal,
        force,
        source,
        onFailure: () => this.loadErrors(),
      });
    } catch (error) {
      outcome = Promise.reject(error);
    }
    previous?.abort();
    // An inline value needs no request: shown in this same update, with no loading flash.
    if (!(outcome instanceof Promise)) {
      this.running = false;
      this.accept(outcome, source);
      this.setBusy(false);
      this.scheduleRefresh(this.options.refresh?.(inputs) ?? 0);
      return Promise.resolve();
    }
    this.running = true;
    if (this.status !== 'content' || (!force && this.options.keepContent === false)) {
      this.status = 'loading';
      this.setBusy(true);
      this.host.requestUpdate();
    }
    return this.settle(outcome, id, controller, source, inputs);
  }

  private async settle(
    outcome: Promise<T>,
    id: number,
    controller: AbortController,
    source: string,
    inputs: I,
  ): Promise<void> {
    try {
      const value = await outcome;
      // Replaced by a newer load, or the host left the page (it loads again when put back).
      if (id !== this.requestId || controller.signal.aborted) return;
      this.accept(value, source);
    } catch (error) {
      if (id !== this.requestId || controller.signal.aborted) return;
      await this.fail(error, source);
    } finally {
      if (id === this.requestId && !controller.signal.aborted) {
        this.running = false;
        this.setBusy(false);
        this.scheduleRefresh(this.options.refresh?.(inputs) ?? 0);
      }
    }
  }

  /** Shows a freshly loaded value and fires `dandelion-load`. */
  private accept(value: T, source: string): void {
    const isEmpty = this.options.isEmpty ?? ((v: T) => Array.isArray(v) && v.length === 0);
    this.value = value;
    this.error = undefined;
    this.status = isEmpty(value) ? 'empty' : 'content';
    this.host.requestUpdate();
    const detail = this.options.loadDetail?.(value, source);
    if (detail) emit(this.host, 'dandelion-load', detail);
  }

  private async fail(thrown: unknown, source: string): Promise<void> {
    // Without the messages chunk there is no message but the network one: not being able to
    // fetch that chunk is a network problem.
    const id = this.requestId;
    const { messages } = this.host.locale;
    const [errors] = await this.loadErrors(messages);
    this.errors = errors;
    // Its styles come with it, adopted before the update that first shows it (not when a task
    // only says it may be failing: a widget that never fails never gets them).
    if (errors) adoptLazyStyles(this.host, errors.styles);
    if (id !== this.requestId) return;
    // One message per failure, saying how to fix it.
    const failed = errors?.failure(
      thrown,
      source,
      this.host.localName,
      this.options.attribute,
      messages,
    );
    if (!failed) console.warn(`[dandelion] ${source}: could not load the error messages`, thrown);
    this.error = failed?.error;
    this.failedSource = source;
    // A failed background refresh keeps the content on screen; the event still tells the page.
    if (this.status !== 'content') this.status = 'error';
    this.host.requestUpdate();
    emit(
      this.host,
      'dandelion-error',
      failed?.detail ??
        withMessageLocale(messages, () => ({ kind: 'network', message: networkErrorMessage() })),
    );
  }

  /**
   * The error view with the words it shows (a task that saw a request fail asks before the
   * failure is known, so they download alongside the fetch rules' failure code). The first thing
   * a widget does may be to fail: its event speaks the page's language too, with the words of
   * problems (not first-view words, in a build that split the messages).
   */
  private loadErrors(
    // The language as it is now (the page may have set it while the data was on its way).
    messages = this.host.locale.messages,
  ): Promise<[ErrorsModule | undefined, ...unknown[]]> {
    return Promise.all([
      // Asked for again at each failure: a download that failed may work then, and the page's
      // module map answers for a module it has without a request.
      lazyResource.errors().catch(() => undefined),
      loadLocale(messages),
      loadLaterMessages(messages),
    ]);
  }

  private setBusy(busy: boolean): void {
    if (busy) this.host.setAttribute('aria-busy', 'true');
    else if (this.busy) this.host.removeAttribute('aria-busy');
    this.busy = busy;
  }

  /** Reloads in `seconds` (0: never), once the reloads' chunk is there (only when asked). */
  private scheduleRefresh(seconds: number): void {
    if (!(seconds > 0) || !this.host.isConnected) return;
    const run = this.refreshRun;
    void lazyResource.refresh().then(
      ({ Refresher }) => {
        if (run !== this.refreshRun || !this.host.isConnected) return;
        (this.refresher ??= new Refresher(() => void this.load(true))).schedule(seconds);
      },
      // The content stays as it is; the next load tries again.
      (error: unknown) => console.warn('[dandelion] could not load the background reloads', error),
    );
  }

  private stopRefresh(): void {
    this.refreshRun++;
    this.refresher?.stop();
  }
}
