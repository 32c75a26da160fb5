import { msg } from '@lit/localize';
import type { DandelionErrorDetail, DandelionErrorKind } from './events.js';
import { networkErrorMessage } from './network-error.js';

/** What the site owner needs besides the technical cause (all optional). */
export interface DandelionErrorOptions {
  cause?: unknown;
  corsRefused?: boolean;
  /** The attribute whose value is at fault (`map`, `items-path`, `format`, `schema`…). */
  attribute?: string;
  /** Records the readers skipped (when every one was skipped). */
  skipped?: number;
  /** How to fix it, for the site owner (console and the administrator's details). */
  hint?: string;
}

/** A failure while loading or reading data, with the kind the design names. */
export class DandelionError extends Error {
  constructor(
    readonly kind: DandelionErrorKind,
    /** Technical detail for developers (console, `cause`); never shown as the UI message. */
    detail: string,
    readonly status?: number,
    options?: DandelionErrorOptions,
  ) {
    super(detail, options);
    this.name = 'DandelionError';
    this.corsRefused = options?.corsRefused ?? false;
    this.attribute = options?.attribute;
    this.skipped = options?.skipped;
    this.hint = options?.hint;
  }

  /**
   * The browser refused to let the page read the answer (the data server does not allow this
   * page's origin): a set-up problem for the site, not the visitor's connection.
   */
  readonly corsRefused: boolean;
  /** The attribute whose value is at fault, when one is. */
  readonly attribute?: string;
  /** How many records were skipped, when that is the failure. */
  readonly skipped?: number;
  /** How to fix it (site owner); `adminHint` (error-view.ts) gives one by kind when unset. */
  readonly hint?: string;
}

/** Wraps anything thrown into a {@link DandelionError}. */
export function toDandelionError(
  error: unknown,
  fallback: DandelionErrorKind = 'parse',
): DandelionError {
  if (error instanceof DandelionError) return error;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new DandelionError('timeout', error.message, undefined, { cause: error });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new DandelionError(fallback, text, undefined, { cause: error });
}

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
