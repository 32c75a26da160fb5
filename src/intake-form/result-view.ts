/**
 * After submitting: sent (with the server's reference and what happens next), or saved on this
 * device to send later. Part of the delivery chunk: only a submission leads here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { msg, str } from '@lit/localize';
import { heading } from '../core/heading.js';
import type { SuccessText } from './schema.js';
import { renderPending, type StatusViewContext } from './status-views.js';
import { renderNextSteps } from './success-view.js';

/** After submitting: sent (with the server's reference), or saved on this device to send later. */
export function renderResult(
  phase: 'sent' | 'queued',
  reference: string | undefined,
  c: StatusViewContext,
  success?: SuccessText,
): TemplateResult {
  const sent = phase === 'sent';
  const ownTitle = success?.title ? c.text(success.title) : undefined;
  return html`<div part="status" class=${classMap({ result: true, sent, queued: !sent })}>
    ${heading(
      c.headingLevel,
      sent
        ? (ownTitle ?? msg('Thank you, your answers have been sent', { id: 'intake.sentTitle' }))
        : msg('Saved on this device', { id: 'intake.queuedTitle' }),
      { class: 'result-title', tabindex: -1 },
    )}
    ${
      sent && reference
        ? html`<p class="reference">
            ${msg(str`Your reference number is ${reference}. Please write it down.`, {
              id: 'intake.reference',
            })}
          </p>`
        : nothing
    }
    ${sent ? renderNextSteps(success, c.text) : nothing}
    ${
      sent
        ? nothing
        : html`<p>
            ${
              c.storageKept
                ? msg(
                    'It will be sent automatically when the connection is back. You can close this page: it will be sent the next time you open it.',
                    { id: 'intake.queuedText' },
                  )
                : msg(
                    'It will be sent automatically when the connection is back. Until then the answers are kept only in this browser, which may delete them to free space or when its browsing data is cleared. Keep this page open until they have been sent; if they are lost, you will need to fill in the form and send it again.',
                    { id: 'intake.queuedAtRisk' },
                  )
            }
          </p>`
    }
    ${renderPending(c)}
    <button part="button" class="button secondary" type="button" @click=${c.onStartOver}>
      ${msg('Fill in another form', { id: 'intake.another' })}
    </button>
  </div>`;
}
