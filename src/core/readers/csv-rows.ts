/**
 * CSV / TSV exports of spreadsheets (Excel, WPS, 腾讯文档, Google Sheets) as records keyed by their
 * header row, before any model: parsing is papaparse's (delimiter sniffing, quoted fields). Knows
 * no kind: a widget's CSV format normalizes the rows with its own kind's code only
 * (`formats/csv.ts`), the public `readCsv` with every kind's (`csv.ts`).
 */
import Papa from 'papaparse';
import type { ReadResult } from '../models.js';
import { DandelionError } from '../errors.js';
import { MAX_WARNINGS } from '../normalize/options.js';

/** The rows of a CSV text and what reading them noted (before normalizing). */
export interface CsvRows {
  rows: Record<string, unknown>[];
  /** Rows lost to the text itself (an unclosed quote). */
  skipped: number;
  warnings: string[];
}

const BOM = /^\uFEFF/;
/** Excel's delimiter hint on the first line: `sep=;`. */
const SEP_LINE = /^sep=(.)\r?\n/i;
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;
const WORDS = /\s+/;
const CJK_SENTENCE = /[。，！？]/;
const PARSED_EXTRA = '__parsed_extra';

/** Whether the parsed first row can be a header row (and the text is CSV at all). */
function headerProblem(fields: string[]): string | undefined {
  if (!fields.some((name) => name !== '')) return 'no header row';
  if (fields.some((name) => name.length > 100 || NOT_TEXT.test(name))) {
    return 'first row is not a header row (binary data or very long cells)';
  }
  if (fields.length === 1 && (fields[0].split(WORDS).length > 4 || CJK_SENTENCE.test(fields[0]))) {
    return 'first row is a sentence, not a header row';
  }
  return undefined;
}

/** A record's name in warnings: its row in the spreadsheet (the header is row 1). */
export const rowName = (index: number): string => `row ${index + 2}`;

/**
 * Reads CSV text (header row first) into records keyed by header. Ragged rows are kept: extra
 * cells are dropped with a warning, missing cells are empty. Throws only {@link DandelionError}
 * (`format` when the text is not CSV with a header row).
 */
export function csvRows(text: string): CsvRows {
  if (typeof text !== 'string') throw new DandelionError('format', 'expected CSV text');
  let body = text.replace(BOM, '');
  let delimiter = '';
  const sep = SEP_LINE.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  const head = body.trimStart();
  if (!head) throw new DandelionError('format', 'empty CSV: no header row');
  if (head.startsWith('<')) throw new DandelionError('format', 'received HTML or XML, not CSV');
  if (head.startsWith('{') || head.startsWith('[')) {
    throw new DandelionError('format', 'received JSON, not CSV');
  }
  if (head.startsWith('BEGIN:')) throw new DandelionError('format', 'received iCalendar, not CSV');

  let parsed: Papa.ParseResult<Record<string, unknown>>;
  try {
    parsed = Papa.parse<Record<string, unknown>>(head, {
      header: true,
      skipEmptyLines: 'greedy',
      delimiter,
      transformHeader: (name) => name.replace(BOM, '').trim(),
    });
  } catch (error) {
    throw new DandelionError('parse', `CSV could not be parsed: ${String(error)}`, undefined, {
      cause: error,
    });
  }

  const fields = parsed.meta.fields ?? [];
  const problem = headerProblem(fields);
  if (problem) throw new DandelionError('format', problem);

  const rows = parsed.data;
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  let skipped = 0;
  for (const error of parsed.errors) {
    if (error.code === 'MissingQuotes') {
      // An unclosed quote swallows the rest of the file into the last record.
      if (rows.length <= 1) throw new DandelionError('format', 'CSV has an unclosed quote');
      rows.pop();
      skipped++;
      warn(`${rowName(rows.length)}: unclosed quote; the rest of the file could not be read`);
    } else if (error.code === 'InvalidQuotes') {
      warn(`row ${(error.row ?? 0) + 1}: stray quote inside a quoted cell`);
    }
  }

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const extra = row[PARSED_EXTRA];
    if (Array.isArray(extra)) {
      delete row[PARSED_EXTRA];
      warn(
        `${rowName(i)}: ${extra.length} more cell${extra.length === 1 ? '' : 's'} than the header; kept the named ones`,
      );
    }
    for (const field of fields) {
      if (row[field] === undefined) row[field] = '';
    }
  }

  return { rows, skipped, warnings };
}

/** A CSV read's result: the rows' own problems first, then the normalizer's. */
export function withRowProblems<T>(rows: CsvRows, result: ReadResult<T>): ReadResult<T> {
  return {
    items: result.items,
    skipped: result.skipped + rows.skipped,
    warnings: [...rows.warnings, ...result.warnings].slice(0, MAX_WARNINGS),
  };
}
