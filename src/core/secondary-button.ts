import { html, type TemplateResult } from 'lit';

/**
 * A secondary action button (the widgets' `button` part, styled by core's `.button.secondary`):
 * "show more", "clear all". `name` is an extra class the widget's styles and tests know it by.
 */
export function secondaryButton(
  label: string,
  onClick: (event: Event) => void,
  name = '',
): TemplateResult {
  return html`<button
    part="button"
    class=${name ? `button secondary ${name}` : 'button secondary'}
    type="button"
    @click=${onClick}
  >
    ${label}
  </button>`;
}
