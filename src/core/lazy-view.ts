import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';
import { LazyModule } from './element/lazy-module.js';

/** What a lazily loaded view module gives its host: at least its own styles. */
export interface LazyViewModule {
  readonly styles: CSSResultOrNative;
}

/** The styles each host's lazy views added, adopted together after the host's own. */
const added = new WeakMap<ReactiveElement, CSSResultOrNative[]>();

/**
 * A view whose code (and styles) is its own chunk, such as a detail view most visitors never
 * open: a {@link LazyModule} loaded on first use (`load()`), whose styles are adopted next to
 * the host's once it arrives. The host re-renders when the state changes.
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
      loaded: (module) => {
        const own = (host.constructor as typeof ReactiveElement).elementStyles;
        const styles = [...(added.get(host) ?? []), module.styles];
        added.set(host, styles);
        adoptStyles(host.renderRoot as ShadowRoot, [...own, ...styles]);
      },
    });
  }
}
