import type { DandelionErrorKind } from './events.js';

/** A failure while loading or reading data, with the kind the design names. */
export class DandelionError extends Error {
  constructor(
    readonly kind: DandelionErrorKind,
    /** Technical detail for developers (console, `cause`); never shown as the UI message. */
    detail: string,
    readonly status?: number,
    options?: { cause?: unknown; corsRefused?: boolean },
  ) {
    super(detail, options);
    this.name = 'DandelionError';
    this.corsRefused = options?.corsRefused ?? false;
  }

  /**
   * The browser refused to let the page read the answer (the data server does not allow this
   * page's origin): a set-up problem for the site, not the visitor's connection.
   */
  readonly corsRefused: boolean;
}
