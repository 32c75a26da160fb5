/**
 * Draft autosave: the answers typed so far, kept in IndexedDB per form (`storage-key`), so a
 * family that loses signal or closes the page can pick up where they stopped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a draft holds: raw answers by JSON Pointer and the step the person was on. */
export interface Draft {
  values: Record<string, unknown>;
  step: number;
  savedAt: number;
}

/** The draft store's chunk (a failed download is like a failed read or write, tried again later). */
let storeModule: Promise<typeof import('./draft-store.js')> | undefined;
const draftStore = () =>
  (storeModule ??= import('./draft-store.js').catch((error: unknown) => {
    storeModule = undefined;
    throw error;
  }));

/** Whether a storage failure means the device (or browser profile) is out of space. */
export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

export interface DraftOptions {
  /** Where the draft lives; `undefined` turns autosave off. */
  key(): string | undefined;
  /** Called when saving failed; `quota` when the device is out of space. */
  onError(quota: boolean): void;
  /** Called after a save that worked (clears an earlier error notice). */
  onSaved(): void;
}

/**
 * Saves drafts a moment after the last change (typing never waits for IndexedDB), and at once
 * when the page is hidden or the element is removed.
 */
export class DraftController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private queued?: { key: string; draft: Draft };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions,
    private readonly delay = 300,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.flush);
    void this.flush();
  }

  async load(): Promise<Draft | undefined> {
    const key = this.options.key();
    if (!key) return undefined;
    try {
      return await (await draftStore()).readDraft<Draft>(key);
    } catch {
      return undefined;
    }
  }

  /** Schedules a save of these answers. */
  save(values: Record<string, unknown>, step: number): void {
    const key = this.options.key();
    if (!key) return;
    this.queued = { key, draft: { values, step, savedAt: Date.now() } };
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, this.delay);
  }

  /** Writes a scheduled save now. */
  flush = async (): Promise<void> => {
    clearTimeout(this.timer);
    const queued = this.queued;
    this.queued = undefined;
    if (!queued) return;
    try {
      await (await draftStore()).writeDraft(queued.key, queued.draft);
      this.options.onSaved();
    } catch (error) {
      this.options.onError(isQuotaError(error));
    }
  };

  /** Drops the draft (after a submission, or when the person clears the form). */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.queued = undefined;
    const key = this.options.key();
    if (!key) return;
    try {
      await (await draftStore()).dropDraft(key);
    } catch {
      // Nothing stored, nothing to clear.
    }
  }
}
