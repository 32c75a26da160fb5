/**
 * What a failure means for the person in front of the widget: whether trying again may help,
 * and the short message in their language. Apart from {@link DandelionError} itself, so a widget
 * whose error view is its own chunk downloads these words only on its first failure.
 */
import { msg } from '@lit/localize';
import type { DandelionError } from './errors.js';
import type { DandelionErrorDetail, DandelionErrorKind } from './events.js';
import { networkErrorMessage } from './network-error.js';

const passingStatus = new Set([408, 425, 429]);

/**
 * Whether trying again may help the visitor: a lost connection, a slow or overloaded server.
 * A refused cross-origin request, a missing file or unreadable data stays broken until the
 * site fixes it, so the error view offers no retry button for those.
 */
export function retryHelps(
  kind: DandelionErrorKind,
  status?: number,
  corsRefused = false,
): boolean {
  if (kind === 'network') return !corsRefused;
  if (kind === 'timeout') return true;
  return kind === 'http' && status !== undefined && (status >= 500 || passingStatus.has(status));
}

/**
 * A short, kind message for the public, in the widget's language: what happened and what they
 * can do, never the technical cause (that goes to the site owner). Call inside `render()` or
 * `withMessageLocale()` so it comes out in the widget's language.
 */
export function errorMessage(
  kind: DandelionErrorKind,
  status?: number,
  corsRefused = false,
): string {
  if (kind === 'network' && !corsRefused) return networkErrorMessage();
  if (kind === 'timeout') {
    return msg('This is taking too long. Please try again in a moment.', { id: 'error.timeout' });
  }
  if (retryHelps(kind, status, corsRefused)) {
    return msg('Something went wrong on our side. Please try again later.', { id: 'error.later' });
  }
  if (kind === 'http' && (status === 404 || status === 410)) {
    return msg('This content cannot be found at the moment. Please come back later.', {
      id: 'error.notFound',
    });
  }
  return msg('This content cannot be shown here right now. Please come back later.', {
    id: 'error.unavailable',
  });
}

/** The `dandelion-error` detail for an error, message in the current message locale. */
export function errorDetail(error: DandelionError): DandelionErrorDetail {
  const detail: DandelionErrorDetail = {
    kind: error.kind,
    message: errorMessage(error.kind, error.status, error.corsRefused),
  };
  if (error.status !== undefined) detail.status = error.status;
  return detail;
}
