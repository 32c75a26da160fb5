/**
 * `sync-url` wiring: the URL code is its own chunk, loaded before the first update that needs
 * it; then the state is read from the page URL once and written back after updates. If the chunk
 * cannot be loaded the finder still works; the page URL just does not follow it.
 */
import type { FinderUrlState } from './url-state.js';

export class UrlSync {
  private module?: typeof import('./url-state.js') | 'failed';

  /** A promise to wait for before updating when the code is needed and not loaded yet. */
  load(enabled: boolean): Promise<void> | undefined {
    if (!enabled || this.module) return undefined;
    return import('./url-state.js').then(
      (module) => {
        this.module = module;
      },
      (error: unknown) => {
        console.warn('[dandelion] <service-finder> could not load the sync-url code', error);
        this.module = 'failed';
      },
    );
  }

  /** The state in the page URL, once the code is loaded. */
  read(): FinderUrlState | undefined {
    return typeof this.module === 'object' ? this.module.readUrlState() : undefined;
  }

  /** Puts the state into the page URL, once the code is loaded. */
  write(state: FinderUrlState): void {
    if (typeof this.module === 'object') this.module.writeUrlState(state);
  }
}
