import { msg, str } from '@lit/localize';
import type { DandelionErrorDetail, DandelionErrorKind } from './events.js';
import { networkErrorMessage } from './network-error.js';

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

/**
 * A plain-language message for people (not developers): what went wrong and what to check.
 * Call inside `render()` or `withMessageLocale()` so it comes out in the widget's language.
 */
export function errorMessage(
  kind: DandelionErrorKind,
  status?: number,
  corsRefused = false,
): string {
  switch (kind) {
    case 'network':
      // Not the visitor's Wi-Fi: the site has to fix it, so point to the organisation.
      if (corsRefused) {
        return msg(
          'This content cannot be shown here right now. Please try again later or contact the organisation.',
          { id: 'error.cors' },
        );
      }
      return networkErrorMessage();
    case 'timeout':
      return msg('The server took too long to answer. Please try again in a moment.', {
        id: 'error.timeout',
      });
    case 'http':
      if (status === 404) {
        return msg('The data was not found (error 404). The link may have changed.', {
          id: 'error.http404',
        });
      }
      if (status !== undefined && status >= 500) {
        return msg(str`The server had a problem (error ${status}). Please try again later.`, {
          id: 'error.http5xx',
        });
      }
      return msg(str`The server refused the request (error ${status ?? '?'}).`, {
        id: 'error.http',
      });
    case 'parse':
      return msg('The data could not be read. It may be damaged or incomplete.', {
        id: 'error.parse',
      });
    case 'format':
      return msg('The data is not in a format this widget understands. Check the format setting.', {
        id: 'error.format',
      });
    case 'too-large':
      return msg('The data is too large to show here (over 10 MB).', { id: 'error.tooLarge' });
  }
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
