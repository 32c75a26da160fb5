/**
 * Turns loose "generic" records (JSON APIs, CSV exports, spreadsheets) into the normalized models.
 *
 * Fields are found by alias (`keys.ts`): the model field name first (so a `map` always wins),
 * then common English keys and Chinese spreadsheet headers (Simplified and Traditional). Dates in
 * `when.ts`, places in `where.ts`, one file per model (`service.ts`, `event.ts`, `story.ts`).
 *
 * Everything here is total: bad values are dropped (with a warning where a person would want to
 * know), records that cannot become a model come back as a short reason string.
 */
export { MAX_WARNINGS, type NormalizeOptions, type RecordOptions } from './options.js';
export { normalizeRecords, normalizeRecordsSliced } from './records.js';
export { recordToService } from './service.js';
export { recordToEvent } from './event.js';
export { recordToStory } from './story.js';
export { overrideFields } from './override.js';
