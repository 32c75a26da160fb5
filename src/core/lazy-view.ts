import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';
import { LazyModule } from './element/lazy-module.js';

/** What a lazily loaded view module gives its host: at least its own styles. */
export interface LazyViewModule {
  readonly styles: CSSResultOrNative;
}

/** The styles each host's lazily loaded modules added, adopted together after the host's own. */
const added = new WeakMap<HTMLElement, CSSResultOrNative[]>();

/**
 * Adopts `styles`, those of a module `host` loaded after its first view (a lazy view, the error
 * view), next to the host's own and those its other such modules added: its shadow root ends
 * with the same sheets whatever order the modules arrive in. Adopting the same styles again
 * changes nothing; a host without a shadow root of its own (nothing to style) is left alone.
 */
export function adoptLazyStyles(
  host: HTMLElement & Partial<Pick<ReactiveElement, 'renderRoot'>>,
  styles: CSSResultOrNative,
): void {
  const root = host.renderRoot;
  if (!root || root === host) return;
  const list = added.get(host) ?? [];
  if (list.includes(styles)) return;
  list.push(styles);
  added.set(host, list);
  const own = (host.constructor as Partial<typeof ReactiveElement>).elementStyles ?? [];
  adoptStyles(root as ShadowRoot, [...own, ...list]);
}

/**
 * A view whose code (and styles) is its own chunk, such as a detail view most visitors never
 * open: a {@link LazyModule} loaded on first use (`load()`), whose styles are adopted next to
 * the host's once it arrives (see {@link adoptLazyStyles}). The host re-renders when the state
 * changes.
 */
export class LazyView<M extends LazyViewModule> extends LazyModule<M> {
  constructor(
    host: ReactiveElement,
    importer: () => Promise<M>,
    /** What the view is, for the console warning ("the detail view"). */
    what: string,
    /** While this holds, the host's next update waits for the view (see LazyModule's `when`). */
    when?: () => boolean,
    /**
     * Its words come after the widget's first view (see LazyModule's `laterMessages`): true but
     * for a view that shows the first content.
     */
    laterMessages = true,
  ) {
    super(host, {
      load: importer,
      what,
      when,
      laterMessages,
      loaded: (module) => adoptLazyStyles(host, module.styles),
    });
  }
}
