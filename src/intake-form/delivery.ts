/**
 * Sending a form's answers and hearing what became of them later: the part of the submission
 * that runs only once the person submits (or an earlier page left answers waiting). It travels
 * with the outbox in one chunk, requested after the form's first view (see submission.ts): hands
 * the answers to the outbox, which POSTs them with an Idempotency-Key and keeps them on the
 * device until the server confirms, and turns every outcome (sent, queued, refused, deleted by
 * the browser) into the phase, notices and events of the form.
 */
import { emit } from '../core/events.js';
import { safeUrl } from '../core/safe-url.js';
import type { FormAnswers } from './answers.js';
import { OutboxController, type Rejected, type Sent } from './outbox.js';
import { rejectedMessage } from './refusal.js';
import type { Notice } from './status-views.js';
import type { OutboxEntry } from './submit.js';
import { maxBodyBytes, type SubmissionController } from './submission.js';

export { renderResult } from './result-view.js';

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Delivery {
  private readonly outbox: OutboxController;

  constructor(private readonly s: SubmissionController) {
    const { options } = s;
    this.outbox = new OutboxController(s.host, {
      storageKey: () => s.storageKey,
      timeout: () => Math.max(0.05, options.timeout()) * 1000,
      retryDelay: () => Math.max(0.05, options.retryDelay()) * 1000,
      onDelivered: (entry, sent) => this.delivered(entry, sent),
      onRejected: (entry, rejected) => this.rejectedLater(entry, rejected),
      onPendingChange: (count) => s.set(() => (s.pending = count)),
      onPersistence: (kept) => s.set(() => (s.storageKept = kept)),
      onLost: (mine) => this.storageLost(mine),
    });
  }

  /** Tries the answers waiting on this device now. */
  flush(): Promise<void> {
    return this.outbox.flush();
  }

  /**
   * Sends valid answers to `action` (an absolute http(s) URL), or queues them on the device when
   * that fails. The phase is `sending` already.
   */
  async send(answers: FormAnswers, action: string): Promise<void> {
    const { s } = this;
    if (answers.honeypot) {
      // A bot filled the hidden field: look successful, send nothing.
      this.finish({ id: newId() }, 'sent');
      return;
    }
    const data = structuredClone(answers.data);
    const body = JSON.stringify(data);
    if (new Blob([body]).size > maxBodyBytes) {
      s.set(() => (s.phase = 'editing'));
      s.options.notice({ kind: 'too-large' });
      return;
    }
    const entry: OutboxEntry = {
      id: newId(),
      storageKey: s.storageKey,
      action,
      body,
      createdAt: Date.now(),
      attempts: 0,
    };
    const { result, stored, quota } = await this.outbox.submit(entry);
    if (result.outcome === 'sent') {
      this.finish({ id: entry.id, reference: result.reference }, 'sent', data);
      // Only a web page: a mailto:/tel: "redirect" would leave the family on a finished form.
      const url = safeUrl(s.options.redirect());
      if (url && /^https?:/.test(url)) window.location.assign(url);
    } else if (result.outcome === 'retry' && stored) {
      this.finish({ id: entry.id }, 'queued', data);
    } else if (result.outcome === 'retry') {
      s.unsent(result.error, quota);
    } else {
      this.refuse(result, { kind: 'rejected', status: result.status });
    }
  }

  private finish(
    result: { id: string; reference?: string },
    status: 'sent' | 'queued',
    data?: unknown,
  ): void {
    const { s } = this;
    s.set(() => {
      s.phase = status;
      s.result = result;
    });
    s.options.focus('result');
    s.options.clearDraft();
    if (data !== undefined) emit(s.host, 'dandelion-submit', { id: result.id, data, status });
  }

  /** Shows the server's refusal on the fields it names; the person fixes and sends again. */
  private refuse(rejected: Rejected, notice: Notice): void {
    const { s } = this;
    s.set(() => (s.phase = 'rejected'));
    s.options.answers()?.refused(rejected.problem.errors ?? []);
    s.options.notice(notice);
    s.options.showAllErrors();
    s.options.focus('summary');
    this.refusedEvent(rejected);
  }

  private refusedEvent(rejected: Rejected): void {
    this.s.error(() => ({
      kind: 'http',
      status: rejected.status,
      message: rejectedMessage(rejected.status),
    }));
  }

  /** A queued submission reached the server later. */
  private delivered(entry: OutboxEntry, sent: Sent): void {
    const { s } = this;
    let data: unknown;
    try {
      data = JSON.parse(entry.body);
    } catch {
      data = undefined;
    }
    emit(s.host, 'dandelion-submit', { id: entry.id, data, status: 'sent' });
    if (s.phase === 'queued' && s.result?.id === entry.id) {
      s.set(() => {
        s.phase = 'sent';
        s.result = { id: entry.id, reference: sent.reference };
      });
    }
  }

  /** The server refused a queued submission: put its answers back so they can be fixed. */
  private rejectedLater(entry: OutboxEntry, rejected: Rejected): void {
    const { s } = this;
    const answers = s.options.answers();
    const mine = s.phase === 'queued' && s.result?.id === entry.id;
    if (!answers || (!mine && (!s.editable || answers.dirty.size > 0))) {
      this.refusedEvent(rejected);
      return;
    }
    answers.restore(entry.body);
    s.restart();
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
    const { s } = this;
    const answers = s.options.answers();
    if (!answers) return;
    const queued = s.phase === 'queued';
    const shown = queued ? mine.find((e) => e.id === s.result?.id) : undefined;
    const untouched = s.editable && answers.dirty.size === 0;
    const back = shown ?? (untouched || queued ? mine.at(-1) : undefined);
    if (back) answers.restore(back.body);
    else if (queued) answers.reset();
    if (back || queued) s.restart();
    s.options.notice({ kind: 'storage-lost', restored: !!back });
    s.options.focus('summary');
  }
}
