import type { DandelionErrorKind } from './events.js';

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
