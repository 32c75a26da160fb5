/**
 * The form itself as `<intake-form>` renders it: heading, notices, progress, the error summary,
 * one step's questions, the honeypot, and the buttons. Only rendering: the element passes what
 * to show and what to do on each event.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { FormAnswers } from './answers.js';
import type * as NoticesView from './notices-view.js';
import { renderField, type FieldViewContext } from './field-views.js';
import {
  renderActionProblem,
  renderNoticeWithoutWords,
  renderPending,
  renderProgress,
  renderSummary,
  type Notice,
  type StatusViewContext,
} from './status-views.js';
import { heading } from '../core/heading.js';

export interface FormViewContext {
  answers: FormAnswers;
  fields: FieldViewContext;
  status: StatusViewContext;
  notice?: Notice;
  /**
   * The notices and schema problems (notices-view.ts, a chunk of its own): undefined while it
   * loads, `'failed'` when it could not be downloaded.
   */
  notices: typeof NoticesView | 'failed' | undefined;
  /** The `action` attribute when it is set but not an http(s) address (a setup error). */
  badAction?: string;
  /** Whether there is an `action` to send to (else the last step has no submit button). */
  canSend: boolean;
  sending: boolean;
  /** The page's `<form>` is disabled (a disabled fieldset around the element). */
  disabled: boolean;
  /** What the form does on its events and buttons. */
  on: {
    submit: (event: SubmitEvent) => void;
    /** `input` and `change` of any control. */
    input: (event: Event) => void;
    focusOut: (event: FocusEvent) => void;
    back: () => void;
    clear: () => void;
  };
}

/** A button that is not the form's submit (back, clear). */
function plainButton(
  kind: 'secondary' | 'link',
  label: string,
  disabled: boolean,
  onClick: () => void,
): TemplateResult {
  return html`<button
    part="button"
    class="button ${kind}"
    type="button"
    ?disabled=${disabled}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

function renderButtons(c: FormViewContext, last: boolean): TemplateResult {
  const { sending } = c;
  return html`<div class="actions control-row">
    ${
      last && !c.canSend
        ? nothing
        : html`<button
            part="button"
            class="button primary"
            type="submit"
            ?disabled=${sending || c.disabled}
          >
            ${
              !last
                ? msg('Continue', { id: 'intake.next' })
                : sending
                  ? msg('Sending…', { id: 'intake.sending' })
                  : msg('Submit', { id: 'intake.submit' })
            }
          </button>`
    }
    ${
      c.answers.step > 0
        ? plainButton('secondary', msg('Back', { id: 'intake.back' }), sending, c.on.back)
        : nothing
    }
    ${plainButton('link', msg('Clear form', { id: 'intake.clear' }), sending, c.on.clear)}
  </div>`;
}

/** The current step of the form, with everything around it. */
export function renderForm(c: FormViewContext): TemplateResult {
  const { answers, status } = c;
  const model = answers.model;
  const steps = model.steps;
  const step = steps[Math.min(answers.step, steps.length - 1)];
  const last = answers.step >= steps.length - 1;
  const title = status.text(model.title);
  const summary = answers.summary;
  const notices = typeof c.notices === 'object' ? c.notices : undefined;
  return html`<form
    novalidate
    aria-labelledby=${ifDefined(title ? 'form-title' : undefined)}
    @submit=${c.on.submit}
    @input=${c.on.input}
    @change=${c.on.input}
    @focusout=${c.on.focusOut}
  >
    ${title ? heading(status.headingLevel, title, { id: 'form-title', class: 'form-heading', tabindex: -1 }) : nothing}
    ${model.description ? html`<p class="description">${status.text(model.description)}</p>` : nothing}
    ${notices ? notices.renderProblems(model.problems, status) : nothing}
    ${c.badAction !== undefined ? renderActionProblem(c.badAction) : nothing}
    ${notices ? notices.renderNotice(c.notice) : c.notices === 'failed' ? renderNoticeWithoutWords(c.notice) : nothing}
    ${steps.length > 1 ? renderProgress(answers.step, steps.length, step.title, status) : nothing}
    ${summary.length > 0 ? renderSummary(summary, status) : nothing}
    <div class="step">
      ${
        steps.length > 1 && step.title
          ? heading(status.innerLevel, status.text(step.title), {
              class: 'step-heading',
              tabindex: -1,
            })
          : nothing
      }
      ${step.description ? html`<p class="hint">${status.text(step.description)}</p>` : nothing}
      ${step.fields.map((field) => renderField(field, c.fields))}
    </div>
    <div class="hp" aria-hidden="true">
      <label for="hp">${msg('Leave this empty', { id: 'intake.honeypot' })}</label>
      <input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>
    ${renderButtons(c, last)} ${renderPending(status)}
  </form>`;
}
