/**
 * Sending one form's answers: `editing → sending → sent | queued | rejected`. Validates
 * everything, refuses a setup error (`action` that is not http(s)) and a body over the limit,
 * looks successful to bots (the honeypot) without sending, and hands the answers to the outbox,
 * which POSTs them with an Idempotency-Key and keeps them on the device until the server
 * confirms. Later outcomes of queued answers (delivered, refused, storage deleted by the
 * browser) come back here too. The element only renders the phase and the notices.
 */
import type { ReactiveController } from 'lit';
import { emit, type DandelionErrorDetail } from '../core/events.js';
import { DandelionError, errorDetail } from '../core/errors.js';
import { whenIdle } from '../core/idle.js';
import { withMessageLocale } from '../core/i18n/localization.js';
import type { ResourceHost } from '../core/resource/resource-controller.js';
import { safeUrl } from '../core/safe-url.js';
import type { FormAnswers } from './answers.js';
import type { FocusTarget } from './focus.js';
import type { OutboxController, Rejected, Sent } from './outbox.js';
import { actionProblemMessage, type Notice } from './status-views.js';
import type { OutboxEntry } from './submit.js';
import { rejectedMessage } from './refusal.js';

/** Largest JSON body the form sends (the demo receiver's limit too). */
export const maxBodyBytes = 256 * 1024;

/**
 * `editing`: being filled in; `sending`: the first attempt is on its way; `sent`: the server has
 * it; `queued`: it waits on this device; `rejected`: the server refused it and the person fixes
 * what it named (editable, like `editing`).
 */
export type SubmissionPhase = 'editing' | 'sending' | 'sent' | 'queued' | 'rejected';

export interface SubmissionOptions {
  /** The form's answers now (undefined while there is no form). */
  answers(): FormAnswers | undefined;
  /** The raw `action` attribute. */
  action(): string | undefined;
  redirect(): string | undefined;
  /** The explicit `storage-key`, if any. */
  storageKey(): string | undefined;
  /** The `schema` attribute or property (the default storage key names it). */
  schema(): unknown;
  /** Milliseconds one attempt may take; first retry delay. */
  timeout(): number;
  retryDelay(): number;
  /** The schema is no longer loading (the form, or its error, is shown). */
  settled(): boolean;
  /** Shows (or clears) a notice above the form. */
  notice(notice: Notice | undefined): void;
  focus(target: FocusTarget): void;
  /** The answers are out (sent or saved to send): the draft goes. */
  clearDraft(): void;
  /** Marks every step submitted; true (and focus on the summary) when something must be fixed. */
  showAllErrors(): boolean;
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SubmissionController implements ReactiveController {
  phase: SubmissionPhase = 'editing';
  /** The sent or queued submission: its Idempotency-Key and the server's reference. */
  result?: { id: string; reference?: string };
  /** Answers of this form waiting on this device. */
  pending = 0;
  /** Whether the browser keeps this site's storage when short of space (asked once queued). */
  storageKept?: boolean;

  /**
   * The outbox (IndexedDB, locks, retries: its own chunk), requested when the page is idle after
   * the form shows (or at the first answer, if sooner), so answers an earlier page queued are
   * delivered as before; a submission waits for it.
   */
  private outbox?: Promise<OutboxController>;
  /** Cancels the idle-time request of the outbox. */
  private cancelIdle?: () => void;
  private flushedKey?: string;
  private checkedAction?: string | null;

  constructor(
    private readonly host: ResourceHost,
    private readonly options: SubmissionOptions,
  ) {
    host.addController(this);
  }

  /** The outbox controller, once its chunk is there (a failed download is tried again later). */
  private loadOutbox(): Promise<OutboxController> {
    const { host, options } = this;
    this.outbox ??= import('./outbox.js').then(
      ({ OutboxController }) =>
        new OutboxController(host, {
          storageKey: () => this.storageKey,
          timeout: () => Math.max(0.05, options.timeout()) * 1000,
          retryDelay: () => Math.max(0.05, options.retryDelay()) * 1000,
          onDelivered: (entry, sent) => this.delivered(entry, sent),
          onRejected: (entry, rejected) => this.rejectedLater(entry, rejected),
          onPendingChange: (count) => this.set(() => (this.pending = count)),
          onPersistence: (kept) => this.set(() => (this.storageKept = kept)),
          onLost: (mine) => this.storageLost(mine),
        }),
      (error: unknown) => {
        this.outbox = undefined;
        throw error;
      },
    );
    return this.outbox;
  }

  hostUpdated(): void {
    // Once the form shows (or its schema failed) and the page is idle, not before: the chunk is
    // not in the way of the first view. Created on a connected host, the outbox connects at once
    // and delivers what an earlier page queued.
    this.outboxAtIdle();
    const action = this.options.action() ?? null;
    if (action !== this.checkedAction) {
      this.checkedAction = action;
      if (this.actionUrl === null) this.reportBadAction();
    }
    // A new storage key means another outbox: deliver what waits in it (connecting did the
    // same for the first key).
    const key = this.storageKey;
    if (key !== this.flushedKey) {
      if (this.flushedKey !== undefined && this.host.isConnected) void this.flush();
      this.flushedKey = key;
    }
  }

  hostConnected(): void {
    // Connected again (moved in the page): before the first update, `hostUpdated` does this.
    if ((this.host as ResourceHost & { hasUpdated?: boolean }).hasUpdated) this.outboxAtIdle();
  }

  private outboxAtIdle(): void {
    if (!this.outbox && !this.cancelIdle && this.host.isConnected && this.options.settled()) {
      this.cancelIdle = whenIdle(() => {
        this.cancelIdle = undefined;
        this.prepare();
      });
    }
  }

  hostDisconnected(): void {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
  }

  /** Requests the outbox now (the person started answering: a submission may come soon). */
  prepare(): void {
    if (!this.outbox && this.host.isConnected) void this.loadOutbox().catch(() => undefined);
  }

  /** Whether the answers can be changed (not on their way, not finished). */
  get editable(): boolean {
    return this.phase === 'editing' || this.phase === 'rejected';
  }

  /** Key of the draft and the outbox: `storage-key`, else the schema URL and action. */
  get storageKey(): string {
    const explicit = this.options.storageKey();
    if (explicit) return explicit;
    const schema = this.options.schema();
    const action = this.options.action();
    const where = typeof schema === 'string' ? new URL(schema, document.baseURI).href : 'inline';
    return `${where} ${action ? (this.actionUrl ?? action) : ''}`;
  }

  /** `action` as an absolute http(s) URL; `null` when it is set but is none (a setup error). */
  get actionUrl(): string | null | undefined {
    const action = this.options.action();
    if (!action) return undefined;
    try {
      const url = new URL(action, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  /** A `javascript:`, `data:`, `ftp:` or broken `action` is the site's setup error. */
  reportBadAction(): void {
    this.error(() => ({
      kind: 'format',
      message: actionProblemMessage(this.options.action() ?? ''),
    }));
  }

  /** Tries the answers waiting on this device now. */
  flush(): Promise<void> {
    return this.loadOutbox().then(
      (outbox) => outbox.flush(),
      () => undefined,
    );
  }

  /** Back to a fresh form after a result (or a new schema). */
  restart(): void {
    this.set(() => {
      this.phase = 'editing';
      this.result = undefined;
    });
  }

  /**
   * Validates everything and, when all is well, sends the answers to `action` (or queues them
   * on the device when that fails). Ignored while a submission is on its way.
   */
  async submit(): Promise<void> {
    const answers = this.options.answers();
    if (!answers || !this.editable) return;
    if (this.options.showAllErrors()) return;
    if (!this.options.action()) return;
    const action = this.actionUrl;
    if (!action) {
      // Nothing can go there: nothing is queued or retried, the answers stay (form and draft).
      this.reportBadAction();
      this.options.focus('summary');
      return;
    }
    this.set(() => (this.phase = 'sending'));
    this.options.notice(undefined);
    if (answers.honeypot) {
      // A bot filled the hidden field: look successful, send nothing.
      this.finish({ id: newId() }, 'sent');
      return;
    }
    const data = structuredClone(answers.data);
    const body = JSON.stringify(data);
    if (new Blob([body]).size > maxBodyBytes) {
      this.set(() => (this.phase = 'editing'));
      this.options.notice({ kind: 'too-large' });
      return;
    }
    const entry: OutboxEntry = {
      id: newId(),
      storageKey: this.storageKey,
      action,
      body,
      createdAt: Date.now(),
      attempts: 0,
    };
    // The outbox's chunk could not be downloaded: like a failed send that could not be stored
    // (the answers stay in the form and the draft; the person can send again).
    const { result, stored, quota } = await this.loadOutbox().then(
      (outbox) => outbox.submit(entry),
      (error: unknown) => ({
        result: {
          outcome: 'retry' as const,
          error: new DandelionError('network', `the outbox could not be loaded: ${String(error)}`),
        },
        stored: false,
        quota: false,
      }),
    );
    if (result.outcome === 'sent') {
      this.finish({ id: entry.id, reference: result.reference }, 'sent', data);
      // Only a web page: a mailto:/tel: "redirect" would leave the family on a finished form.
      const url = safeUrl(this.options.redirect());
      if (url && /^https?:/.test(url)) window.location.assign(url);
    } else if (result.outcome === 'retry' && stored) {
      this.finish({ id: entry.id }, 'queued', data);
    } else if (result.outcome === 'retry') {
      this.set(() => (this.phase = 'editing'));
      this.options.notice(
        quota ? { kind: 'storage-full' } : { kind: 'unsent', error: result.error },
      );
      this.error(() => errorDetail(result.error));
      this.options.focus('summary');
    } else {
      this.refuse(result, { kind: 'rejected', status: result.status });
    }
  }

  private finish(
    result: { id: string; reference?: string },
    status: 'sent' | 'queued',
    data?: unknown,
  ): void {
    this.set(() => {
      this.phase = status;
      this.result = result;
    });
    this.options.focus('result');
    this.options.clearDraft();
    if (data !== undefined) emit(this.host, 'dandelion-submit', { id: result.id, data, status });
  }

  /** Shows the server's refusal on the fields it names; the person fixes and sends again. */
  private refuse(rejected: Rejected, notice: Notice): void {
    this.set(() => (this.phase = 'rejected'));
    this.options.answers()?.refused(rejected.problem.errors ?? []);
    this.options.notice(notice);
    this.options.showAllErrors();
    this.options.focus('summary');
    this.refusedEvent(rejected);
  }

  private refusedEvent(rejected: Rejected): void {
    this.error(() => ({
      kind: 'http',
      status: rejected.status,
      message: rejectedMessage(rejected.status),
    }));
  }

  /** A queued submission reached the server later. */
  private delivered(entry: OutboxEntry, sent: Sent): void {
    let data: unknown;
    try {
      data = JSON.parse(entry.body);
    } catch {
      data = undefined;
    }
    emit(this.host, 'dandelion-submit', { id: entry.id, data, status: 'sent' });
    if (this.phase === 'queued' && this.result?.id === entry.id) {
      this.set(() => {
        this.phase = 'sent';
        this.result = { id: entry.id, reference: sent.reference };
      });
    }
  }

  /** The server refused a queued submission: put its answers back so they can be fixed. */
  private rejectedLater(entry: OutboxEntry, rejected: Rejected): void {
    const answers = this.options.answers();
    const mine = this.phase === 'queued' && this.result?.id === entry.id;
    if (!answers || (!mine && (!this.editable || answers.dirty.size > 0))) {
      this.refusedEvent(rejected);
      return;
    }
    answers.restore(entry.body);
    this.restart();
    this.refuse(rejected, { kind: 'queued-rejected' });
  }

  /**
   * The browser deleted the answers waiting on this device (site data cleared, storage evicted).
   * The form stops saying they are saved: the answers this element still has go back into the
   * form (when it shows them as saved, or has not been touched since) and the person is asked to
   * send them again. They are not written back on their own: whoever cleared the data may have
   * meant to remove them.
   */
  private storageLost(mine: OutboxEntry[]): void {
    const answers = this.options.answers();
    if (!answers) return;
    const queued = this.phase === 'queued';
    const shown = queued ? mine.find((e) => e.id === this.result?.id) : undefined;
    const untouched = this.editable && answers.dirty.size === 0;
    const back = shown ?? (untouched || queued ? mine.at(-1) : undefined);
    if (back) answers.restore(back.body);
    else if (queued) answers.reset();
    if (back || queued) this.restart();
    this.options.notice({ kind: 'storage-lost', restored: !!back });
    this.options.focus('summary');
  }

  /** Fires `dandelion-error` with the message in the element's language. */
  private error(detail: () => DandelionErrorDetail): void {
    emit(this.host, 'dandelion-error', withMessageLocale(this.host.locale.messages, detail));
  }

  private set(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }
}
