import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/**
 * The shared loading / empty / error views every widget shows. They carry `part="status"` (and
 * `part="button"` on the retry button) so pages can restyle them.
 */

/** Skeleton with `aria-busy`, announced once as "Loading…". */
export function renderLoading(): TemplateResult {
  return html`<div part="status" class="status loading" role="status" aria-busy="true">
    <span class="visually-hidden">${msg('Loading…', { id: 'status.loading' })}</span>
    <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
  </div>`;
}

/** Empty state; `slotName` lets a page put its own content there. */
export function renderEmpty(message: string, slotName = 'empty'): TemplateResult {
  return html`<div part="status" class="status empty" role="status">
    <slot name=${slotName}><p class="message">${message}</p></slot>
  </div>`;
}

/**
 * Error state: a plain message and, when retrying can help, a retry button; `more` goes after
 * them (the way forward and the site administrator's details, see `error-view.ts`).
 */
export function renderError(
  message: string,
  onRetry?: () => void,
  more: unknown = nothing,
): TemplateResult {
  return html`<div part="status" class="status error" role="alert">
    <p class="message">${message}</p>
    ${
      onRetry
        ? html`<button part="button" class="button" type="button" @click=${onRetry}>
            ${msg('Try again', { id: 'status.retry' })}
          </button>`
        : nothing
    }
    ${more}
  </div>`;
}
