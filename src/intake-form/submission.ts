/**
 * Sending one form's answers: `editing → sending → sent | queued | rejected`. Validates
 * everything and refuses a setup error (`action` that is not http(s)) here; the rest — the body
 * limit, the honeypot, the outbox that POSTs the answers with an Idempotency-Key and keeps them
 * on the device until the server confirms, and the later outcomes of queued answers (delivered,
 * refused, storage deleted by the browser) — is delivery.ts, a chunk requested after the form's
 * first view. The element only renders the phase and the notices.
 */
import type { ReactiveController, TemplateResult } from 'lit';
import { emit, type DandelionErrorDetail } from '../core/events.js';
import { DandelionError } from '../core/errors.js';
import { errorDetail } from '../core/error-messages.js';
import { whenIdle } from '../core/idle.js';
import { loadLaterMessages, withMessageLocale } from '../core/i18n/localization.js';
import type { ResourceHost } from '../core/resource/resource-controller.js';
import type { FormAnswers } from './answers.js';
import type { Delivery } from './delivery.js';
import type { FocusTarget } from './focus.js';
import type { SuccessText } from './schema.js';
import { actionProblemMessage, type Notice, type StatusViewContext } from './status-views.js';

/** Largest JSON body the form sends (the demo receiver's limit too). */
export const maxBodyBytes = 256 * 1024;

/**
 * Milliseconds after the form shows before its outbox is requested (when the page is idle then):
 * answers an earlier page left waiting can wait that long; the form's first view, and what the
 * page loads with it, should not.
 */
export const outboxDelay = 2000;

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

export class SubmissionController implements ReactiveController {
  phase: SubmissionPhase = 'editing';
  /** The sent or queued submission: its Idempotency-Key and the server's reference. */
  result?: { id: string; reference?: string };
  /** Answers of this form waiting on this device. */
  pending = 0;
  /** Whether the browser keeps this site's storage when short of space (asked once queued). */
  storageKept?: boolean;
  /** The delivery chunk's module once it is there (its result view shows `sent` / `queued`). */
  views?: typeof import('./delivery.js');

  /**
   * The delivery code with the outbox (IndexedDB, locks, retries: its own chunk), requested
   * {@link outboxDelay} after the form shows, when the page is idle (or at the first answer, if
   * sooner), so answers an earlier page queued are delivered as before; a submission waits for it.
   */
  private outbox?: Promise<Delivery>;
  /** Cancels the idle-time request of the outbox. */
  private cancelIdle?: () => void;
  private flushedKey?: string;
  private checkedAction?: string | null;

  constructor(
    readonly host: ResourceHost,
    readonly options: SubmissionOptions,
  ) {
    host.addController(this);
  }

  /** The delivery code, once its chunk is there (a failed download is tried again later). */
  private loadOutbox(): Promise<Delivery> {
    // Its notices and events may say more than the first view: with the rest of the messages.
    this.outbox ??= Promise.all([
      import('./delivery.js'),
      loadLaterMessages(this.host.locale.messages),
    ]).then(
      ([views]) => {
        this.views = views;
        return new views.Delivery(this);
      },
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
      }, outboxDelay);
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
      (delivery) => delivery.flush(),
      () => undefined,
    );
  }

  /**
   * The sent / saved-on-this-device view, or undefined while the answers are being filled in.
   * Only the delivery chunk makes a submission `sent` or `queued`, so its view is there then.
   */
  renderResult(c: StatusViewContext, success?: SuccessText): TemplateResult | undefined {
    const { phase, views } = this;
    if ((phase !== 'sent' && phase !== 'queued') || !views) return undefined;
    return views.renderResult(phase, this.result?.reference, c, success);
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
    // The delivery chunk could not be downloaded: like a failed send that could not be stored
    // (the answers stay in the form and the draft; the person can send again).
    await this.loadOutbox().then(
      (delivery) => delivery.send(answers, action),
      (error: unknown) =>
        this.unsent(
          new DandelionError('network', `the outbox could not be loaded: ${String(error)}`),
        ),
    );
  }

  /** Nothing was sent nor saved (`quota`: the device is full): back to editing, and say why. */
  unsent(error: DandelionError, quota = false): void {
    this.set(() => (this.phase = 'editing'));
    this.options.notice(quota ? { kind: 'storage-full' } : { kind: 'unsent', error });
    this.error(() => errorDetail(error));
    this.options.focus('summary');
  }

  /** Fires `dandelion-error` with the message in the element's language. */
  error(detail: () => DandelionErrorDetail): void {
    emit(this.host, 'dandelion-error', withMessageLocale(this.host.locale.messages, detail));
  }

  /** Changes what the element shows (then renders it again). */
  set(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }
}
