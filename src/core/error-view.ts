/**
 * The error state for two audiences: the public reads a short, kind message with a way forward
 * (a retry button where retrying can help, and whom to ask), the site owner opens the collapsed
 * "For the site administrator" details with the cause (address, HTTP status, attribute, skipped
 * records, how to fix it). Loaded with the error messages on the first failure only, with its
 * own styles, which the resource controller adopts into the host once this module is there.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { errorDetail, errorMessage, retryHelps } from './error-messages.js';
import { toDandelionError, type DandelionError } from './errors.js';
import type { DandelionErrorDetail } from './events.js';
import { withMessageLocale } from './i18n/localization.js';
import type { SupportedLocale } from './i18n/locale.js';
import { renderError } from './status-view.js';

/** The way forward and the administrator's details (the status box itself is in `baseStyles`). */
export const styles = css`
  .status .help {
    margin: 0;
    color: var(--_text);
  }

  .status .admin {
    justify-self: stretch;
    text-align: start;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .status .admin dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: var(--_space) 0 0;
  }

  .status .admin dt {
    font-weight: 600;
  }

  .status .admin dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

export interface ProblemContext {
  /** Where the data came from: a URL, or `data` / `schema` for a property. */
  source?: string;
  /** The page's `contact-phone`, rendered as a `tel:` link. */
  contactPhone?: string;
  /** The attribute holding the URL (`src`, `schema`). */
  urlAttribute?: string;
  onRetry: () => void;
}

/** Characters a phone number may have; anything else is not linked (remote text is text). */
const phoneText = /^\+?[\d\s()-]{3,30}$/;

/** The `contact-phone` value as a `tel:` URL, or `undefined` when it is not a phone number. */
export function telUrl(phone: string | undefined): string | undefined {
  const value = phone?.trim();
  if (!value || !phoneText.test(value)) return undefined;
  return `tel:${value.replace(/[\s()-]/g, '')}`;
}

function renderContact(contactPhone?: string): TemplateResult {
  const tel = telUrl(contactPhone);
  return tel
    ? html`<p class="help">
        ${msg('If this keeps happening, please call us:', { id: 'error.callUs' })}
        <a href=${tel}>${contactPhone!.trim()}</a>
      </p>`
    : html`<p class="help">
        ${msg('If this keeps happening, please contact the organisation.', { id: 'error.contactUs' })}
      </p>`;
}

function row(label: string, value: unknown): TemplateResult | typeof nothing {
  return value === undefined || value === ''
    ? nothing
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;
}

/** The error view of a failure: public message, way forward, and the administrator's details. */
export function renderProblem(error: DandelionError, c: ProblemContext): TemplateResult {
  const url = c.source && c.source !== 'data' && c.source !== 'schema' ? c.source : undefined;
  const attribute =
    error.attribute ?? (url ? undefined : c.source === 'schema' ? '.schema' : '.data');
  const retry = retryHelps(error.kind, error.status, error.corsRefused) ? c.onRetry : undefined;
  return renderError(
    errorMessage(error.kind, error.status, error.corsRefused),
    retry,
    html`${renderContact(c.contactPhone)}
      <details class="admin">
        <summary>${msg('For the site administrator', { id: 'error.adminTitle' })}</summary>
        <dl>
          ${row(msg('Data address', { id: 'error.adminSource' }), url)}
          ${row(msg('HTTP status', { id: 'error.adminStatus' }), error.status)}
          ${row(msg('Setting', { id: 'error.adminAttribute' }), attribute)}
          ${row(msg('Records skipped', { id: 'error.adminSkipped' }), error.skipped)}
          ${row(msg('Cause', { id: 'error.adminCause' }), error.message)}
          ${row(msg('How to fix it', { id: 'error.adminFix' }), adminHint(error, c.urlAttribute))}
        </dl>
      </details>`,
  );
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

const chunkFailed = /dynamically imported module|importing a module script failed/i;

/**
 * A failed load (`thrown` while loading `source` into `<tag>`): its error, warned once in the
 * console with how to fix it, and its `dandelion-error` detail in the `messages` language.
 */
export function failure(
  thrown: unknown,
  source: string,
  tag: string,
  attribute: string | undefined,
  messages: SupportedLocale,
): { error: DandelionError; detail: DandelionErrorDetail } {
  // A lazy chunk (a reader, the reading code) that could not be downloaded: the connection, not
  // the data, so trying again may help (Chromium, Firefox and Safari word it differently).
  const error = toDandelionError(thrown, chunkFailed.test(String(thrown)) ? 'network' : 'parse');
  console.warn(consoleMessage(error, source, tag, attribute));
  return { error, detail: withMessageLocale(messages, () => errorDetail(error)) };
}
