import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';

/** What a lazily loaded view module gives its host: at least its own styles. */
export interface LazyViewModule {
  readonly styles: CSSResultOrNative;
}

/**
 * A view whose code (and styles) is its own chunk, such as a detail view most visitors never
 * open: loaded once on first use, its styles adopted next to the host's, and loaded again after
 * a failed download when asked (the retry button). The host re-renders when the state changes.
 */
export class LazyView<M extends LazyViewModule> {
  /** The module once loaded, `'failed'` after a failed download, undefined before. */
  state: M | 'failed' | undefined;
  private pending?: Promise<void>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly importer: () => Promise<M>,
    /** What the view is, for the console warning ("the detail view"). */
    private readonly what: string,
  ) {}

  /** Loads the view's code unless it is there already; never rejects. */
  load(): Promise<void> {
    if (typeof this.state === 'object') return Promise.resolve();
    this.pending ??= this.importer().then(
      (module) => {
        const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
        adoptStyles(this.host.renderRoot as ShadowRoot, [...own, module.styles]);
        this.state = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        console.warn(`[dandelion] <${this.host.localName}> could not load ${this.what}`, error);
        this.state = 'failed';
        this.pending = undefined;
        this.host.requestUpdate();
      },
    );
    return this.pending;
  }

  /** Forgets a failed download and tries again. */
  retry(): Promise<void> {
    this.state = undefined;
    this.pending = undefined;
    this.host.requestUpdate();
    return this.load();
  }
}
