/**
 * CSV / TSV exports of spreadsheets (Excel, WPS, 腾讯文档, Google Sheets), normalized by header
 * aliases, `map` and `transform`: the public, synchronous reader of every kind. The rows come from
 * `csv-rows.ts` (papaparse).
 */
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { normalizeRecords, type NormalizeOptions } from '../normalize/index.js';
import { csvRows, rowName, withRowProblems } from './csv-rows.js';

export { decodeBytes } from '../data/decode-bytes.js';

export type CsvReadOptions = NormalizeOptions;

/**
 * Reads CSV text (header row first) into models of `kind`. Ragged rows are kept: extra cells
 * are dropped with a warning, missing cells are empty. Throws only a `DandelionError`
 * (`format` when the text is not CSV with a header row).
 */
export function readCsv<K extends ModelKind>(
  text: string,
  kind: K,
  opts: CsvReadOptions = {},
): ReadResult<ModelByKind[K]> {
  const rows = csvRows(text);
  const recordName = opts.recordName ?? rowName;
  return withRowProblems(rows, normalizeRecords(rows.rows, kind, { ...opts, recordName }));
}
