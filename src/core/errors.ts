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
  /** How to fix it (site owner); {@link adminHint} fills in one by kind when unset. */
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

/**
 * How the site owner fixes `error` (English, like every console message); `attribute` names the
 * attribute holding the URL (`src`, or the form's `schema`).
 */
export function adminHint(error: DandelionError, attribute = 'src'): string {
  if (error.hint) return error.hint;
  const origin = globalThis.location?.origin ?? 'this page';
  if (error.corsRefused) {
    return `Make the data server answer with the header Access-Control-Allow-Origin: ${origin}, or serve the data from this site.`;
  }
  switch (error.kind) {
    case 'network':
      return `Check the ${attribute} URL (a typo, a server that is down, or an http: URL on an https: page).`;
    case 'timeout':
      return 'The data server did not answer in time: check it, or raise the timeout attribute (seconds).';
    case 'http': {
      const status = error.status ?? 0;
      if (status === 404 || status === 410) {
        return `Nothing at that address: check the ${attribute} URL (the file may have moved).`;
      }
      if (status === 401 || status === 403) {
        return 'The data server refused: publish the data without a login, or set credentials="include" for a cookie-based API.';
      }
      if (status >= 500) return 'The data server failed: check its logs; the widget retries.';
      return `The data server answered ${status}: check the ${attribute} URL and what that server expects.`;
    }
    case 'parse':
      return `The answer is not complete, readable data: open the ${attribute} URL and check the file.`;
    case 'format':
      return 'Set the format attribute to the data\'s format (json, csv, ics, rss…), or map / items-path for JSON records (see "Shared attributes" in the README).';
    case 'too-large':
      return 'Serve less data (filter it on the server, or use a paginated API).';
  }
}

/** The one console message for a failure: where, what and how to fix it. */
export function consoleMessage(
  error: DandelionError,
  source: string,
  tag: string,
  attribute = 'src',
): string {
  const where = source === 'data' || source === 'schema' ? `the ${source} property` : source;
  return `[dandelion] <${tag}> could not show ${where}: ${error.kind}${
    error.status === undefined ? '' : ` ${error.status}`
  }: ${error.message}. To fix: ${adminHint(error, attribute)}`;
}
