import type { ReactiveElement } from 'lit';
import { isRestLoaded, loadLaterMessages } from '../i18n/localization.js';
import type { ResolvedLocale } from '../i18n/locale.js';

export interface LazyModuleOptions<M> {
  /** Downloads the module, e.g. `() => import('./lunar.js')` (one chunk of its own). */
  load: () => Promise<M>;
  /** What the module is, for the console warning when it cannot be downloaded ("the lunar labels"). */
  what: string;
  /**
   * While this holds, the host's next update waits for the module (once): a feature that is on
   * renders with its code from the first frame. Without `when` the module loads only on `load()`.
   * Needs a host that extends `DandelionElement`, whose `scheduleUpdate` does the waiting.
   */
  when?: () => boolean;
  /** Runs once with the module, before the update that waited for it. */
  loaded?: (module: M) => void;
  /**
   * The module shows words of its own beyond the widget's first view (a detail view, a panel):
   * where the CDN build splits a widget's translations (vite.config.ts `splitMessages`), their
   * rest comes with the module, so it never shows English words before its own; once the module
   * is there, an update in another language waits for that language's rest. Not for a part of
   * the first view (that would fetch the rest before the widget shows content).
   */
  laterMessages?: boolean;
}

/** The modules whose `when` each host's updates wait for. */
const beforeUpdate = new WeakMap<ReactiveElement, LazyModule<unknown>[]>();

/**
 * A feature's code in its own chunk, downloaded only when the feature is used — the one way
 * elements load optional modules (lunar labels, URL sync, autoplay, detail views, pickers).
 * Loaded once; a failed download is warned about in the console and leaves `state` as
 * `'failed'` (the element works without the feature), and `retry()` tries again.
 *
 * For "load before the next update while a feature is on", give `when`:
 * ```ts
 * private readonly lunarLabels = new LazyModule(this, {
 *   load: () => import('./lunar.js'),
 *   what: 'the lunar labels',
 *   when: () => this.lunar,
 * });
 * // in render: const lunar = this.lunarLabels.module; // undefined until loaded, or on failure
 * ```
 * instead of overriding `scheduleUpdate`. For "load on first use" (a detail view), call
 * `load()` when it is needed; the host renders again once the module is there.
 */
export class LazyModule<M> {
  /** The module once loaded, `'failed'` after a failed download, undefined before. */
  state: M | 'failed' | undefined;
  private pending?: Promise<void>;

  constructor(
    protected readonly host: ReactiveElement,
    private readonly options: LazyModuleOptions<M>,
  ) {
    if (options.when || options.laterMessages) {
      const list = beforeUpdate.get(host) ?? [];
      list.push(this as LazyModule<unknown>);
      beforeUpdate.set(host, list);
    }
  }

  /** The module, when it is loaded. */
  get module(): M | undefined {
    return typeof this.state === 'object' ? this.state : undefined;
  }

  /** Loads the module unless it is there already; never rejects. */
  load(): Promise<void> {
    if (this.state !== undefined && this.state !== 'failed') return Promise.resolve();
    this.pending ??= Promise.all([this.options.load(), this.messages()]).then(
      ([module]) => {
        this.options.loaded?.(module);
        this.state = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        console.warn(
          `[dandelion] <${this.host.localName}> could not load ${this.options.what}`,
          error,
        );
        this.state = 'failed';
        this.pending = undefined;
        this.host.requestUpdate();
      },
    );
    return this.pending;
  }

  /** The rest of the host's messages, when the module shows some and they are not there. */
  private messages(): Promise<void> | undefined {
    const locale = (this.host as Partial<Record<'locale', ResolvedLocale>>).locale?.messages;
    return this.options.laterMessages && locale && !isRestLoaded(locale)
      ? loadLaterMessages(locale)
      : undefined;
  }

  /** Forgets a failed download and tries again. */
  retry(): Promise<void> {
    this.state = undefined;
    this.pending = undefined;
    this.host.requestUpdate();
    return this.load();
  }

  /**
   * The download the next update waits for: the feature is on and its module not tried yet; or
   * the module is there and shows words of the host's language (switched since) not loaded yet.
   */
  private get blocking(): Promise<void> | undefined {
    if (this.state === undefined) return this.options.when?.() ? this.load() : undefined;
    return this.state === 'failed' ? undefined : this.messages();
  }

  /** What `host`'s next update waits for (used by `DandelionElement.scheduleUpdate`). */
  static before(host: ReactiveElement): Promise<void>[] {
    const waits: Promise<void>[] = [];
    for (const lazy of beforeUpdate.get(host) ?? []) {
      const wait = lazy.blocking;
      if (wait) waits.push(wait);
    }
    return waits;
  }
}
