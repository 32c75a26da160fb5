/** Options of the record normalizer. */
import type { FieldMap } from '../fields.js';
/** Options of {@link normalizeRecords} (and of the JSON and CSV readers). */
export interface NormalizeOptions {
  /** Model field → path in the source record (dot paths, `[n]` indexes). */
  map?: FieldMap;
  /** Hook applied to each raw record before mapping. Returning `null`/`undefined` drops it. */
  transform?: (record: unknown) => unknown;
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
  /** How warnings name a record (default `record 3`, 1-based; the CSV reader says `row 4`). */
  recordName?: (index: number) => string;
}

/** Options of the single-record functions. */
export interface RecordOptions {
  baseUrl?: string;
  /** Receives notes about values that were fixed or dropped (the record itself is kept). */
  warn?: (message: string) => void;
  /**
   * Optional parts (`lazy-part.ts`) whose code could not be downloaded: the record is read
   * without the fields they read (the converter warns).
   */
  unavailable?: readonly string[];
}

/** At most this many warnings are kept in a {@link ReadResult}. */
export const MAX_WARNINGS = 5;
