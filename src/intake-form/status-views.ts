/**
 * What `<intake-form>` says about the form rather than in it: unsupported schema keywords,
 * notices (draft restored, storage full, not sent, refused), "Step 2 of 4", the GOV.UK error
 * summary linking to each field, the count of answers waiting on the device, and the sent /
 * saved-on-this-device result. Only rendering: the element decides what to show and when.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { errorMessage, type DandelionError } from '../core/errors.js';
import { patternProblemText } from './patterns.js';
import type { Field, LocalizedText, SchemaProblem } from './schema.js';
import { heading, type HeadingLevel } from '../core/heading.js';
import { rejectedMessage } from './refusal.js';

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

/** The schema keywords the widget ignored, so an author sees why a rule does not apply. */
export function renderProblems(
  problems: SchemaProblem[],
  c: StatusViewContext,
): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const patterns = problems.filter((p) => p.refusal);
  const others = problems.filter((p) => !p.refusal);
  const names = c.listFormat.format(
    others.map((p) => (p.at ? `${p.keyword} (${p.at})` : p.keyword)),
  );
  return html`<div part="status" class="notice warning problems" role="note">
    ${
      others.length > 0
        ? html`<p>
            ${msg(
              str`Some settings of this form cannot be used here: ${names}. The rest of the form works.`,
              {
                id: 'intake.unsupported',
              },
            )}
          </p>`
        : nothing
    }
    ${patterns.map((p) => html`<p>${patternProblemText(p)}</p>`)}
  </div>`;
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

/** The current notice: a polite status, or an alert (focusable) when something went wrong. */
export function renderNotice(notice: Notice | undefined): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  let text: string;
  let alert = false;
  switch (notice.kind) {
    case 'draft-restored':
      text = msg('We filled in the answers saved on this device last time.', {
        id: 'intake.draftRestored',
      });
      break;
    case 'draft-cleared':
      text = msg('The form is empty again.', { id: 'intake.draftCleared' });
      break;
    case 'draft-full':
      text = msg(
        'This device is out of storage space, so your answers could not be saved as a draft.',
        {
          id: 'intake.draftFull',
        },
      );
      alert = true;
      break;
    case 'storage-full':
      text = msg(
        'This device is out of storage space and there is no connection, so your answers were not saved. Keep this page open and press Submit again when you are back online.',
        { id: 'intake.storageFull' },
      );
      alert = true;
      break;
    case 'storage-lost':
      text = notice.restored
        ? msg(
            'This browser deleted the answers saved on this device before they could be sent. They are back in the form: please press Submit again.',
            { id: 'intake.storageLostRestored' },
          )
        : msg(
            'This browser deleted the answers saved on this device before they could be sent. Please fill in the form and submit it again.',
            { id: 'intake.storageLost' },
          );
      alert = true;
      break;
    case 'unsent':
      text = `${errorMessage(notice.error.kind, notice.error.status)} ${msg(
        'Your answers are still here: please submit again in a moment.',
        { id: 'intake.unsent' },
      )}`;
      alert = true;
      break;
    case 'too-large':
      text = msg(
        'Your answers are too long to send (over 256 KB). Please shorten the longest ones.',
        {
          id: 'intake.tooLarge',
        },
      );
      alert = true;
      break;
    case 'rejected':
      text = rejectedMessage(notice.status);
      alert = true;
      break;
    case 'queued-rejected':
      text = msg(
        'A form saved on this device was not accepted. Its answers are back in the form: please check them and submit again.',
        { id: 'intake.queuedRejected' },
      );
      alert = true;
      break;
  }
  return html`<div
    part="status"
    class=${classMap({ notice: true, alert })}
    role=${alert ? 'alert' : 'status'}
    tabindex=${ifDefined(alert ? '-1' : undefined)}
  >
    ${text}
  </div>`;
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
