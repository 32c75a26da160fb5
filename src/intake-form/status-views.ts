/**
 * What `<intake-form>` says about the form rather than in it: a setup error in `action`, "Step 2
 * of 4", the GOV.UK error summary linking to each field and the count of answers waiting on the
 * device (the notices and unsupported schema keywords are notices-view.ts, a chunk of its own;
 * the sent / saved-on-this-device result travels with the delivery code). Only rendering: the
 * element decides what to show and when.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { errorMessage } from '../core/error-messages.js';
import type { DandelionError } from '../core/errors.js';
import type { Field, LocalizedText } from './schema.js';
import { heading, type HeadingLevel } from '../core/heading.js';

/** A message above the form; its kind says which. */
export type Notice =
  | { kind: 'draft-restored' | 'draft-cleared' | 'draft-full' | 'too-large' | 'queued-rejected' }
  | { kind: 'storage-full' }
  /** The browser deleted the answers waiting on this device; `restored`: back in the form. */
  | { kind: 'storage-lost'; restored: boolean }
  | { kind: 'unsent'; error: DandelionError }
  | { kind: 'rejected'; status: number };

/** An error the person can see: for a field (with a link) or for the form as a whole. */
export interface ShownError {
  field?: Field;
  message: string;
}

/** What the status views need from their form. */
export interface StatusViewContext {
  /** A schema text (step title) in the form's language. */
  text: (value: LocalizedText | undefined) => string;
  /** Numbers in the UI language (the pending count). */
  numberFormat: Intl.NumberFormat;
  /** Lists in the UI language (unsupported keywords). */
  listFormat: Intl.ListFormat;
  /** Answers waiting on this device to be sent. */
  pending: number;
  /** Whether the browser agreed to keep this site's storage (undefined: not known yet). */
  storageKept?: boolean;
  /** A link in the error summary was followed: show that field. */
  onSummaryLink: (event: Event, field: Field) => void;
  /** "Send now": try the waiting answers. */
  onSendNow: () => void;
  /** "Fill in another form". */
  onStartOver: () => void;
  /** Level of the form's title and the result's (`heading-level`). */
  headingLevel: HeadingLevel;
  /** Level of the headings inside the form (one under its title, when it has one). */
  innerLevel: HeadingLevel;
}

/** The words for an `action` that is not a web address (the site's setup, not the family's). */
export function actionProblemMessage(action: string): string {
  const shown = action.length > 60 ? `${action.slice(0, 60)}…` : action;
  return msg(
    str`This form cannot be sent: its address (action) “${shown}” is not a web address starting with http:// or https://. The site needs to correct this setting. Your answers are kept in the form.`,
    { id: 'intake.badAction' },
  );
}

/** Shown at once above the form while `action` cannot be sent to. */
export function renderActionProblem(action: string): TemplateResult {
  return html`<div part="status" class="notice alert settings" role="alert" tabindex="-1">
    ${actionProblemMessage(action)}
  </div>`;
}

/**
 * A notice while its words (notices-view.ts, a chunk of its own) cannot be downloaded: what went
 * wrong, in words the first view already has; nothing for news that is only good (a draft put
 * back, the form emptied). The answers stay in the form either way.
 */
export function renderNoticeWithoutWords(
  notice: Notice | undefined,
): TemplateResult | typeof nothing {
  if (!notice || notice.kind === 'draft-restored' || notice.kind === 'draft-cleared')
    return nothing;
  const text =
    notice.kind === 'unsent'
      ? errorMessage(notice.error.kind, notice.error.status)
      : errorMessage('format');
  return html`<div part="status" class="notice alert" role="alert" tabindex="-1">${text}</div>`;
}

/** "Step 2 of 4" (with the step's title for screen readers) and a bar of the steps. */
export function renderProgress(
  step: number,
  total: number,
  title: LocalizedText | undefined,
  c: StatusViewContext,
): TemplateResult {
  const n = step + 1;
  return html`<div part="progress" class="progress">
    <p class="progress-text">
      ${msg(str`Step ${n} of ${total}`, { id: 'intake.step' })}${
        title ? html`<span class="visually-hidden">: ${c.text(title)}</span>` : nothing
      }
    </p>
    <div class="progress-bar" aria-hidden="true">
      ${Array.from({ length: total }, (_, i) => html`<span class=${i < n ? 'done' : ''}></span>`)}
    </div>
  </div>`;
}

/** The GOV.UK error summary: "There is a problem", each field's message linking to it. */
export function renderSummary(errors: ShownError[], c: StatusViewContext): TemplateResult {
  return html`<div
    part="error-summary"
    class="error-summary"
    tabindex="-1"
    aria-labelledby="summary-title"
  >
    <div role="alert">
      ${heading(c.innerLevel, msg('There is a problem', { id: 'intake.summaryTitle' }), {
        id: 'summary-title',
        class: 'summary-title',
      })}
      <ul>
        ${errors.map((e) =>
          e.field
            ? html`<li>
                <a href=${`#${e.field.id}`} @click=${(ev: Event) => c.onSummaryLink(ev, e.field!)}
                  >${e.message}</a
                >
              </li>`
            : html`<li>${e.message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** How many answers wait on this device, with "Send now"; an empty live region when none. */
export function renderPending(c: StatusViewContext): TemplateResult {
  const n = c.pending;
  const text =
    n === 0
      ? ''
      : n === 1
        ? msg('One form is saved on this device and will be sent automatically.', {
            id: 'intake.pendingOne',
          })
        : msg(
            str`${c.numberFormat.format(n)} forms are saved on this device and will be sent automatically.`,
            {
              id: 'intake.pendingMany',
            },
          );
  return html`<div part="status" class="pending control-row" role="status">
    ${
      n > 0
        ? html`<span class="pending-text">${text}</span>
            <button part="button" class="button link" type="button" @click=${c.onSendNow}>
              ${msg('Send now', { id: 'intake.sendNow' })}
            </button>`
        : nothing
    }
  </div>`;
}
