/**
 * What the "sent" view adds from the schema (root `x-ui.success`): a sentence and the list of
 * what happens next ("社工会在两个工作日内打电话和你确认"), so a family is not left wondering
 * (GOV.UK confirmation page: "What happens next").
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { LocalizedText, SuccessText } from './schema.js';

export function renderNextSteps(
  success: SuccessText | undefined,
  text: (value: LocalizedText | undefined) => string,
): TemplateResult | typeof nothing {
  if (!success) return nothing;
  const steps = success.nextSteps.map((step) => text(step)).filter(Boolean);
  return html`${success.text ? html`<p class="success-text">${text(success.text)}</p>` : nothing}
  ${
    steps.length > 0
      ? html`<div class="next-steps">
          <p class="next-steps-title" id="next-steps-title">
            ${msg('What happens next', { id: 'intake.nextSteps' })}
          </p>
          <ol aria-labelledby="next-steps-title">
            ${steps.map((step) => html`<li>${step}</li>`)}
          </ol>
        </div>`
      : nothing
  }`;
}
