/**
 * The notes above `<intake-form>` that most visits never show: notices (draft restored, storage
 * full, not sent, refused …) and the schema keywords the widget ignored. A chunk of its own,
 * loaded by the element (a `LazyView`) when it has a notice or a schema problem to show; until it
 * is there the update waits for it, and if it cannot be downloaded the element says what it can
 * without it (status-views.ts, `renderNoticeWithoutWords`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { errorMessage } from '../core/error-messages.js';
import { patternProblemText } from './patterns.js';
import { rejectedMessage } from './refusal.js';
import type { SchemaProblem } from './schema.js';
import type { Notice, StatusViewContext } from './status-views.js';

export const styles = css`
  .problems p {
    margin: 0;
  }

  .problems p + p {
    margin-block-start: var(--_space);
  }
`;

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
