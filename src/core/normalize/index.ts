/**
 * Turns loose "generic" records (JSON APIs, CSV exports, spreadsheets) into the normalized models.
 *
 * Fields are found by alias (`keys.ts`): the model field name first (so a `map` always wins),
 * then common English keys and Chinese spreadsheet headers (Simplified and Traditional). Dates in
 * `dates.ts` and `when.ts`, places in `where.ts`, one file per model (`service.ts`, `event.ts`,
 * `story.ts`).
 *
 * Everything here is total: bad values are dropped (with a warning where a person would want to
 * know), records that cannot become a model come back as a short reason string.
 *
 * This module is the synchronous whole (the public `normalizeRecords` and `readCsv`, `map` for
 * formats with their own reader): every kind and the markup reader. The JSON and CSV formats load
 * only their kind's code instead (`kinds.ts`), and the markup reader when a record needs it.
 */
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { DandelionError } from '../errors.js';
import { htmlToText } from '../sanitize.js';
import { useMarkupCode } from './markup.js';
import type { NormalizeOptions } from './options.js';
import { normalizeSliced, normalizeWith, type Converter } from './records.js';
import { overrideFields as override } from './override.js';
import { recordToService, serviceDetailsCode, serviceKeysCode, useServiceKeys } from './service.js';
import * as serviceKeys from './service-keys.js';
import * as serviceDetails from './service-details.js';
import { placesCode } from './where.js';
import * as places from './places.js';
import { recordToEvent } from './event.js';
import { recordToStory } from './story.js';
import { show } from './values.js';

export { MAX_WARNINGS, type NormalizeOptions, type RecordOptions } from './options.js';
export { recordToService, recordToEvent, recordToStory };

// Synchronous callers read every field at once: the lazy parts are here already.
serviceDetailsCode.use(serviceDetails);
serviceKeysCode.use(useServiceKeys(serviceKeys));
placesCode.use(places);

const converters: { [K in ModelKind]: Converter<ModelByKind[K]> } = {
  service: recordToService,
  event: recordToEvent,
  story: recordToStory,
};

/**
 * Normalizes a list of loose records: `transform` (a throwing transform skips only that record),
 * then `map`, then the record → model function of `kind`. Ids are made unique within the result.
 */
export function normalizeRecords<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): ReadResult<ModelByKind[K]> {
  useMarkupCode({ htmlToText });
  return normalizeWith(records, converterOf(kind), opts);
}

/** {@link normalizeRecords} in slices with yields to the page (see `records.ts`). */
export function normalizeRecordsSliced<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): Promise<ReadResult<ModelByKind[K]>> {
  return normalizeSliced(records, converterOf(kind), opts);
}

function converterOf<K extends ModelKind>(kind: K): Converter<ModelByKind[K]> {
  const convert = Object.hasOwn(converters, kind) ? converters[kind] : undefined;
  if (!convert) throw new DandelionError('format', `unknown model kind ${show(kind)}`);
  return convert as Converter<ModelByKind[K]>;
}

/** See `override.ts`: values for some model fields, read as a generic record's, replace the model's. */
export const overrideFields: typeof override = (...args) => {
  useMarkupCode({ htmlToText });
  return override(...args);
};
