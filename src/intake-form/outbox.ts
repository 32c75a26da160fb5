/**
 * The outbox: every submission is written to IndexedDB *before* the first attempt and removed
 * only when the server has answered, so an answer survives a lost connection, a server error, a
 * closed tab or a flat battery. The controller keeps trying while anything is waiting — with
 * backoff on a timer, at once when the browser says it is `online` again or the page becomes
 * visible, and when the element connects (the next page load) — so a queued answer goes out
 * even if nobody reloads the page. Retries reuse the Idempotency-Key, so a server that stored a
 * submission but lost the response never stores it twice.
 *
 * Tabs (and elements) with the same storage key share one outbox, and only one of them sends at
 * a time: every attempt holds a Web Lock named for the outbox, reads the outbox under it and
 * removes what the server answered before letting go, so no submission is POSTed twice. A
 * delivery is announced once: by the element that made the submission while it is still open
 * (it holds a "maker" lock while it has answers waiting; the sender tells it over a
 * BroadcastChannel), else by the element that delivered it (e.g. on the next page load).
 * Without Web Locks (old browsers, pages not served over HTTPS) the elements of one page still
 * take turns; across tabs the server's Idempotency-Key keeps it to one stored row.
 *
 * The browser may delete the outbox (site data cleared, storage evicted under pressure): the
 * connection lets go of the database when asked to, and the element hears which of its answers
 * were lost. While answers wait, the controller asks for persistent storage.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sendEntry, type OutboxEntry, type SendResult } from './submit.js';

const dbName = 'dandelion-intake-outbox';
const storeName = 'entries';

/** An entry as stored: with the element that made it, to announce its delivery there. */
interface StoredEntry extends OutboxEntry {
  maker?: string;
}

// ——— The database ———

let connection: Promise<IDBDatabase> | undefined;
let current: IDBDatabase | undefined;
/** Counts deletions: an entry read before one is not written back after it. */
let generation = 0;
/** Told when the outbox database was deleted or closed by the browser. */
const lostListeners = new Set<() => void>();

function letGo(db: IDBDatabase, lost: boolean): void {
  db.close();
  if (db !== current) return;
  current = undefined;
  connection = undefined;
  if (!lost) return;
  generation++;
  for (const listener of [...lostListeners]) listener();
}

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => {
      const db = request.result;
      // Another page (or the browser) deletes or upgrades the database: close at once, so that
      // is not blocked, and open afresh on the next use. A deletion takes the entries with it.
      db.onversionchange = (event) => letGo(db, event.newVersion === null);
      // Closed by the browser itself: site data cleared, or storage lost.
      db.onclose = () => letGo(db, true);
      current = db;
      resolve(db);
    };
    request.onerror = () => {
      connection = undefined;
      reject(request.error ?? new DOMException('IndexedDB unavailable', 'UnknownError'));
    };
  });
  return connection;
}

/** Runs one request in a transaction and resolves when the transaction has committed. */
async function transact<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    const db = await open();
    let tx: IDBTransaction;
    try {
      tx = db.transaction(storeName, mode);
    } catch (error) {
      // The connection was closed under us (database deleted meanwhile): open it again once.
      if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
        letGo(db, false);
        continue;
      }
      throw error;
    }
    const request = work(tx.objectStore(storeName));
    return new Promise<T | undefined>((resolve, reject) => {
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = tx.onabort = () =>
        reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    });
  }
}

/** Entries are keyed `[storageKey, id]`, so one form's queue is a key range. */
const keyOf = (entry: OutboxEntry): IDBValidKey => [entry.storageKey, entry.id];
const rangeOf = (storageKey: string): IDBKeyRange =>
  IDBKeyRange.bound([storageKey], [storageKey, []]);

/** Stores (or updates) an entry. Rejects with the DOMException when storage fails (quota). */
async function putEntry(entry: StoredEntry): Promise<void> {
  await transact('readwrite', (s) => s.put(entry, keyOf(entry)));
}

async function removeEntry(entry: OutboxEntry): Promise<void> {
  await transact('readwrite', (s) => s.delete(keyOf(entry)));
}

/** The entries waiting for one form, oldest first. */
async function listEntries(storageKey: string): Promise<StoredEntry[]> {
  const entries = await transact('readonly', (s) => s.getAll(rangeOf(storageKey)));
  return ((entries ?? []) as StoredEntry[]).sort((a, b) => a.createdAt - b.createdAt);
}

// ——— Taking turns across tabs ———

const locks = (): LockManager | undefined =>
  typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined;

/** Without Web Locks: the elements of this page take turns (per lock name). */
const pageTurns = new Map<string, Promise<unknown>>();
/** Without Web Locks: makers of this page with answers waiting. */
const pageMakers = new Set<string>();

/** Runs `work` while holding the exclusive lock `name` (across tabs where Web Locks exist). */
function exclusive<T>(name: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const manager = locks();
  if (manager) {
    return manager.request(name, signal ? { signal } : {}, () => work()) as Promise<T>;
  }
  const turn = (pageTurns.get(name) ?? Promise.resolve()).then(() => {
    if (signal?.aborted) throw signal.reason;
    return work();
  });
  const done = turn.catch(() => undefined);
  pageTurns.set(name, done);
  void done.then(() => {
    if (pageTurns.get(name) === done) pageTurns.delete(name);
  });
  return turn;
}

const makerLock = (maker: string) => `dandelion-intake-maker:${maker}`;
const outboxLock = (storageKey: string) => `dandelion-intake-outbox:${storageKey}`;

/** Whether the element that made a submission is still open somewhere (holds its lock). */
async function makerIsOpen(maker: string | undefined): Promise<boolean> {
  if (!maker) return false;
  const manager = locks();
  if (!manager) return pageMakers.has(maker);
  try {
    const { held = [] } = await manager.query();
    return held.some((lock) => lock.name === makerLock(maker));
  } catch {
    return false;
  }
}

function newMakerId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** What outboxes tell each other (same origin only): never the answers themselves. */
type OutboxMessage =
  | { type: 'changed'; storageKey: string }
  | { type: 'outcome'; storageKey: string; id: string; maker: string; result: Sent | Rejected };

const channelName = 'dandelion-intake-outbox';

// ——— The controller ———

export type Sent = Extract<SendResult, { outcome: 'sent' }>;
export type Rejected = Extract<SendResult, { outcome: 'rejected' }>;

/** The first attempt of a new submission: its outcome, and whether it waits in the outbox. */
export interface FirstAttempt {
  result: SendResult;
  /** Written to the outbox (so a `retry` outcome means it waits there). */
  stored: boolean;
  /** Not stored because the device is out of space. */
  quota: boolean;
}

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
  /** Whether the browser agreed to keep this site's storage (asked when an answer waits). */
  onPersistence(kept: boolean): void;
  /**
   * The browser deleted the outbox while answers of this form waited in it: `mine` are the ones
   * this element made (oldest first), whose answers it still has.
   */
  onLost(mine: OutboxEntry[]): void;
}

const maxDelay = 5 * 60_000;

function isQuota(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

export class OutboxController implements ReactiveController {
  /** Entries of this form waiting on this device. */
  pending = 0;

  private timer?: ReturnType<typeof setTimeout>;
  private connected?: AbortController;
  private failures = 0;
  private flushing?: Promise<void>;
  private again = false;
  /** This element, as the maker of its submissions. */
  private readonly maker = newMakerId();
  /** Submissions this element made that wait in the outbox (it announces their outcome). */
  private readonly made = new Map<string, OutboxEntry>();
  private releaseMaker?: () => void;
  private channel?: BroadcastChannel;
  private persistence?: Promise<boolean>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: OutboxOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = new AbortController();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    lostListeners.add(this.onLost);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = this.onMessage;
    }
    if (this.made.size > 0) this.holdMakerLock();
    // The next page load (or the element coming back) delivers what an earlier one queued.
    void this.flush();
  }

  hostDisconnected(): void {
    this.connected?.abort();
    this.connected = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    lostListeners.delete(this.onLost);
    this.channel?.close();
    this.channel = undefined;
    // Gone from the page: whoever delivers its answers announces them.
    this.dropMakerLock();
  }

  private onOnline = () => {
    this.failures = 0;
    void this.flush();
  };

  private onVisible = () => {
    if (document.visibilityState === 'visible' && this.pending > 0) void this.flush();
  };

  /**
   * A new submission: written to the outbox, then tried once — both while this outbox is this
   * tab's to send, so no other tab sends it at the same time. The caller shows the outcome; a
   * `retry` of a stored entry waits in the outbox.
   */
  submit(entry: OutboxEntry): Promise<FirstAttempt> {
    const mine: StoredEntry = { ...entry, maker: this.maker };
    return exclusive(outboxLock(entry.storageKey), async () => {
      let stored = true;
      let quota = false;
      const before = generation;
      try {
        await putEntry(mine);
      } catch (error) {
        stored = false;
        quota = isQuota(error);
      }
      if (stored) await this.refresh();
      const result = await sendEntry(mine, this.options.timeout());
      // The browser deleted the outbox meanwhile: the answers are no longer stored.
      if (generation !== before) stored = false;
      if (stored) {
        if (result.outcome === 'retry') {
          this.failures++;
          this.made.set(mine.id, mine);
          this.holdMakerLock();
          await this.bump(mine, before);
          void this.keepStorage();
        } else {
          await removeEntry(mine).catch(() => undefined);
        }
        await this.refresh();
        this.post({ type: 'changed', storageKey: mine.storageKey });
        if (this.pending > 0) this.schedule();
      }
      return { result, stored, quota };
    });
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
    const signal = this.connected?.signal;
    if (!key || !signal) return;
    try {
      await exclusive(outboxLock(key), () => this.sendWaiting(key), signal);
    } catch {
      // Removed from the page while waiting for its turn: nothing to do.
      return;
    }
    await this.refresh();
    if (this.pending > 0) this.schedule();
  }

  /** Under the outbox lock: what waits now is what nobody else is sending. */
  private async sendWaiting(key: string): Promise<void> {
    let entries: StoredEntry[];
    const read = generation;
    try {
      entries = await listEntries(key);
    } catch {
      return; // No IndexedDB here: nothing can be waiting in it either.
    }
    for (const entry of entries) {
      const result = await sendEntry(entry, this.options.timeout());
      if (result.outcome === 'retry') {
        this.failures++;
        await this.bump(entry, read);
        break; // The server (or the network) is still down: the rest would fail too.
      }
      this.failures = 0;
      await removeEntry(entry).catch(() => undefined);
      // Count first, then announce: whoever hears of the delivery sees the outbox without it.
      await this.refresh();
      await this.announce(entry, result);
    }
  }

  /** Tells the element that made `entry` how it went: here, or in its own tab. */
  private async announce(entry: StoredEntry, result: Sent | Rejected): Promise<void> {
    // Another element made it and is open to hear of it (no channel: nobody can tell it).
    const maker = entry.maker !== this.maker && this.channel ? entry.maker : undefined;
    if (maker && (await makerIsOpen(maker))) {
      this.post({ type: 'outcome', storageKey: entry.storageKey, id: entry.id, maker, result });
      return;
    }
    this.post({ type: 'changed', storageKey: entry.storageKey });
    this.deliver(this.made.get(entry.id) ?? entry, result);
  }

  private deliver(entry: OutboxEntry, result: Sent | Rejected): void {
    this.made.delete(entry.id);
    if (this.made.size === 0) this.dropMakerLock();
    if (result.outcome === 'sent') this.options.onDelivered(entry, result);
    else this.options.onRejected(entry, result);
  }

  private onMessage = (event: MessageEvent<OutboxMessage>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    const entry = message.type === 'outcome' ? this.made.get(message.id) : undefined;
    if (message.type === 'outcome' && message.maker === this.maker && entry) {
      // Another tab delivered what this element made: count, then announce here.
      void this.refresh().then(() => this.deliver(entry, message.result));
    } else if (message.storageKey === this.options.storageKey()) {
      void this.refresh();
    }
  };

  private post(message: OutboxMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: nobody to tell.
    }
  }

  private holdMakerLock(): void {
    if (this.releaseMaker || !this.connected) return;
    const manager = locks();
    if (!manager) {
      pageMakers.add(this.maker);
      this.releaseMaker = () => pageMakers.delete(this.maker);
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.releaseMaker = release;
    manager.request(makerLock(this.maker), () => held).catch(() => undefined);
  }

  private dropMakerLock(): void {
    this.releaseMaker?.();
    this.releaseMaker = undefined;
  }

  /**
   * Asks the browser once to keep this site's storage when it runs short (`navigator.storage.
   * persist()`), and tells the element whether it will.
   */
  private keepStorage(): Promise<boolean> {
    this.persistence ??= (async () => {
      const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
      try {
        if (!storage?.persist) return false;
        if (await storage.persisted?.()) return true;
        return await storage.persist();
      } catch {
        return false;
      }
    })();
    return this.persistence.then((kept) => {
      this.options.onPersistence(kept);
      return kept;
    });
  }

  private onLost = () => {
    const mine = [...this.made.values()].sort((a, b) => a.createdAt - b.createdAt);
    const count = this.pending;
    this.made.clear();
    this.dropMakerLock();
    void this.refresh().then(() => {
      if (mine.length > 0 || count > 0) this.options.onLost(mine);
    });
  };

  /** Counts a failed attempt, unless the outbox was deleted since `read` (not written back). */
  private async bump(entry: StoredEntry, read: number): Promise<void> {
    entry.attempts++;
    if (generation === read) await putEntry(entry).catch(() => undefined);
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
