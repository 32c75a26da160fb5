/**
 * `dandelion-widgets/core`: readers, models, loader and helpers — no custom elements.
 * @packageDocumentation
 */
export type * from './models.js';
export * from './events.js';
export { DandelionError } from './errors.js';
export { errorMessage, errorDetail } from './error-messages.js';
export { formats, type Format, type ConcreteFormat } from './formats.js';
export { sniffFormat, detectFormat } from './readers/sniffing.js';
export { read, type ReadOptions } from './read.js';
export { getPath, applyMap } from './field-paths.js';
export { parseFieldMap, type FieldMap } from './field-map.js';
export { toIsoDate } from './fields.js';
export { safeUrl, safeImageUrl, textToHtml } from './safe-url.js';
export { sanitizeHtml, htmlToText } from './sanitize.js';
export { fetchText, type FetchOptions, type FetchedText } from './data/fetch-text.js';
export { fetchPages, nextPageUrl, type Page, type PagesOptions } from './data/fetch-pages.js';
export { cachedPages, clearRequestCache } from './data/request-cache.js';
export { DataController, type DataInputs, type DataStatus } from './resource/data-controller.js';
export { DandelionElement } from './dandelion-element.js';
export { DandelionDataElement } from './data-element.js';
export { defineElement } from './define.js';
export { booleanAttribute } from './boolean-attribute.js';
export { baseStyles } from './styles.js';
export { themeTokens } from './theme-tokens.js';
export { renderLoading, renderEmpty, renderError } from './status-view.js';
export {
  resolveLocale,
  toSupportedLocale,
  supportedLocales,
  type SupportedLocale,
  type ResolvedLocale,
} from './i18n/locale.js';
export { loadDandelionTemplates } from './i18n/localization.js';
export { LocaleController } from './i18n/locale-controller.js';
export { normalizeRecords } from './normalize/index.js';
export { readJson, readJsonDocument, findRecords } from './readers/json.js';
export { readCsv, decodeBytes } from './readers/csv.js';
export { readHsds } from './readers/hsds.js';
export { readJsonLd } from './readers/jsonld.js';
export { readTribe } from './readers/tribe.js';
export { readIcs } from './readers/ics.js';
export { readRss, readAtom, readJsonFeed, readFeed } from './readers/feed.js';
export { readWordPress } from './readers/wordpress.js';
export { expandOccurrences, type Occurrence } from './recurrence.js';
export { occurrenceToIcs } from './ics-export.js';
export { eventTitle } from './event-title.js';
