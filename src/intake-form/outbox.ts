/**
 * The outbox: every submission is written to IndexedDB *before* the first attempt and removed
 * only when the server has answered, so an answer survives a lost connection, a server error, a
 * closed tab or a flat battery. The controller keeps trying while anything is waiting — with
 * backoff on a timer, at once when the browser says it is `online` again or the page becomes
 * visible, and when the element connects (the next page load) — so a queued answer goes out
 * even if nobody reloads the page. Retries reuse the Idempotency-Key, so a server that stored a
 * submission but lost the response never stores it twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { sendEntry, type OutboxEntry, type SendResult } from './submit.js';

let store: UseStore | undefined;
const outbox = (): UseStore => (store ??= createStore('dandelion-intake-outbox', 'entries'));

/** Entries are keyed `[storageKey, id]`, so one form's queue is a key range. */
const keyOf = (entry: OutboxEntry): IDBValidKey => [entry.storageKey, entry.id];
const rangeOf = (storageKey: string): IDBKeyRange =>
  IDBKeyRange.bound([storageKey], [storageKey, []]);

/** Stores (or updates) an entry. Rejects with the DOMException when storage fails (quota). */
export function putEntry(entry: OutboxEntry): Promise<void> {
  return outbox()('readwrite', (s) => {
    s.put(entry, keyOf(entry));
    return promisifyRequest(s.transaction);
  });
}

export function removeEntry(entry: OutboxEntry): Promise<void> {
  return outbox()('readwrite', (s) => {
    s.delete(keyOf(entry));
    return promisifyRequest(s.transaction);
  });
}

/** The entries waiting for one form, oldest first. */
export async function listEntries(storageKey: string): Promise<OutboxEntry[]> {
  const entries = await outbox()('readonly', (s) =>
    promisifyRequest(s.getAll(rangeOf(storageKey)) as IDBRequest<OutboxEntry[]>),
  );
  return entries.sort((a, b) => a.createdAt - b.createdAt);
}

export type Sent = Extract<SendResult, { outcome: 'sent' }>;
export type Rejected = Extract<SendResult, { outcome: 'rejected' }>;

export interface OutboxOptions {
  storageKey(): string | undefined;
  /** Milliseconds one attempt may take. */
  timeout(): number;
  /** First retry delay in milliseconds; doubles after each failure, up to five minutes. */
  retryDelay(): number;
  /** A waiting entry reached the server (on a retry: the first attempt is the caller's). */
  onDelivered(entry: OutboxEntry, result: Sent): void;
  /** The server refused a waiting entry for good (4xx): it is removed from the outbox. */
  onRejected(entry: OutboxEntry, result: Rejected): void;
  /** The number of waiting entries changed. */
  onPendingChange(count: number): void;
}

const maxDelay = 5 * 60_000;

export class OutboxController implements ReactiveController {
  /** Entries of this form waiting on this device. */
  pending = 0;

  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;
  private failures = 0;
  private readonly inflight = new Set<string>();
  private flushing?: Promise<void>;
  private again = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: OutboxOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    // The next page load (or the element coming back) delivers what an earlier one queued.
    void this.flush();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private onOnline = () => {
    this.failures = 0;
    void this.flush();
  };

  private onVisible = () => {
    if (document.visibilityState === 'visible' && this.pending > 0) void this.flush();
  };

  /** Writes a new submission to the outbox. Rejects when the device cannot store it. */
  async add(entry: OutboxEntry): Promise<void> {
    await putEntry(entry);
    await this.refresh();
  }

  /**
   * The first attempt of a new submission (the caller shows its outcome). `stored` says whether
   * it is in the outbox: then it is removed on an answer, or retried later on a failure.
   */
  async send(entry: OutboxEntry, stored: boolean): Promise<SendResult> {
    this.inflight.add(entry.id);
    let result: SendResult;
    try {
      result = await sendEntry(entry, this.options.timeout());
    } finally {
      this.inflight.delete(entry.id);
    }
    if (stored) {
      if (result.outcome === 'retry') {
        this.failures++;
        await this.bump(entry);
      } else {
        await removeEntry(entry).catch(() => undefined);
      }
      await this.refresh();
      if (this.pending > 0) this.schedule();
    }
    return result;
  }

  /** Tries every waiting entry now (oldest first); stops at the first that still fails. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.run().finally(() => {
      this.flushing = undefined;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.options.storageKey();
    if (!key) return;
    let entries: OutboxEntry[];
    try {
      entries = await listEntries(key);
    } catch {
      return; // No IndexedDB here: nothing can be waiting in it either.
    }
    for (const entry of entries) {
      if (this.inflight.has(entry.id)) continue;
      this.inflight.add(entry.id);
      let result: SendResult;
      try {
        result = await sendEntry(entry, this.options.timeout());
      } finally {
        this.inflight.delete(entry.id);
      }
      if (result.outcome === 'retry') {
        this.failures++;
        await this.bump(entry);
        break; // The server (or the network) is still down: the rest would fail too.
      }
      this.failures = 0;
      await removeEntry(entry).catch(() => undefined);
      // Count first, then announce: whoever hears of the delivery sees the outbox without it.
      await this.refresh();
      if (result.outcome === 'sent') this.options.onDelivered(entry, result);
      else this.options.onRejected(entry, result);
    }
    await this.refresh();
    if (this.pending > 0) this.schedule();
  }

  private async bump(entry: OutboxEntry): Promise<void> {
    entry.attempts++;
    await putEntry(entry).catch(() => undefined);
  }

  /** Re-counts the waiting entries. */
  async refresh(): Promise<void> {
    const key = this.options.storageKey();
    let count = 0;
    if (key) {
      try {
        count = (await listEntries(key)).length;
      } catch {
        count = 0;
      }
    }
    if (count !== this.pending) {
      this.pending = count;
      this.options.onPendingChange(count);
    }
  }

  private schedule(): void {
    if (!this.connected) return;
    clearTimeout(this.timer);
    const base = this.options.retryDelay() * 2 ** Math.max(0, Math.min(this.failures - 1, 12));
    const delay = Math.min(base, maxDelay) * (0.8 + Math.random() * 0.4);
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
