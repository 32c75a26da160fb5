/**
 * Many records: `transform`, then `map`, then the record → model function of the kind; ids made
 * unique; in slices with yields to the page for long lists. Knows no kind itself: the caller
 * hands the record → model function over, so a page loads only its own kind's code.
 */
import type { ReadResult } from '../models.js';
import { applyMap } from '../fields.js';
import { DandelionError } from '../errors.js';
import { MAX_WARNINGS, type NormalizeOptions, type RecordOptions } from './options.js';
import { errorText } from './values.js';
import { loadMarkupCode, MarkupCodeNeeded } from './markup.js';
import { yieldToPage } from '../yield-to-page.js';

/** A record → model function (`recordToService`…): the model, or why the record is unusable. */
export type Converter<T> = (record: unknown, opts: RecordOptions) => T | string;

/**
 * Normalizes a list of loose records: `transform` (a throwing transform skips only that record),
 * then `map`, then `convert`. Ids are made unique within the result. The markup reader must be
 * loaded (`useMarkupCode`) before.
 */
export function normalizeWith<T extends { id: string }>(
  records: unknown[],
  convert: Converter<T>,
  opts: NormalizeOptions = {},
): ReadResult<T> {
  const normalizer = recordNormalizer(records, convert, opts);
  // Without the markup reader a record with markup fails here (`retry` throws).
  for (let i = 0; i < records.length; i++) if (!normalizer.add(i)) normalizer.retry();
  return normalizer.result();
}

/** Longest stretch of normalizing between two yields to the page (input, rendering). */
const sliceMs = 30;

/**
 * {@link normalizeWith} in slices of about 30 ms with a yield to the page between them, so
 * 100,000 records never freeze the tab: typing, scrolling and other widgets go on while they are
 * read. Same result as the one-go version.
 */
export async function normalizeSliced<T extends { id: string }>(
  records: unknown[],
  convert: Converter<T>,
  opts: NormalizeOptions = {},
): Promise<ReadResult<T>> {
  const normalizer = recordNormalizer(records, convert, opts);
  let sliceStart = performance.now();
  for (let i = 0; i < records.length; i++) {
    // The first record with markup loads the markup reader and is read again.
    if (!normalizer.add(i)) {
      await loadMarkupCode();
      normalizer.retry();
      sliceStart = performance.now();
    }
    // Checking the clock every 256 records keeps the check itself cheap.
    if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return normalizer.result();
}

/** The state of one normalization: records go in one by one, the result comes out at the end. */
function recordNormalizer<T extends { id: string }>(
  records: unknown[],
  convert: Converter<T>,
  opts: NormalizeOptions,
) {
  if (!Array.isArray(records)) throw new DandelionError('format', 'expected a list of records');
  const name = opts.recordName ?? ((i: number) => `record ${i + 1}`);
  const items: T[] = [];
  const warnings: string[] = [];
  const note = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  let skipped = 0;
  let current = 0;
  const recordOpts: RecordOptions = {
    baseUrl: opts.baseUrl,
    warn: (message) => note(`${name(current)}: ${message}`),
  };
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();

  /** The record waiting for the markup reader, already through `transform` and `map`. */
  let waiting: object | undefined;
  let warningsBefore = 0;

  /** Reads record `i`; `false` when it waits for the markup reader ({@link retry} then). */
  function add(i: number): boolean {
    current = i;
    let record = records[i];
    if (opts.transform) {
      try {
        record = opts.transform(record);
      } catch (error) {
        skipped++;
        note(`${name(i)}: transform failed: ${errorText(error)}`);
        return true;
      }
      if (record === null || record === undefined) return true;
    }
    if (record === null || typeof record !== 'object') return keep('not an object');
    let mapped: object;
    try {
      // Without a map the record is read as it is (no copy: converters only read it).
      mapped = opts.map || Array.isArray(record) ? applyMap(record, opts.map) : record;
    } catch (error) {
      return keep(`unreadable record (${errorText(error)})`);
    }
    return convertAndKeep(mapped);
  }

  function convertAndKeep(mapped: object): boolean {
    let result: T | string;
    warningsBefore = warnings.length;
    try {
      result = convert(mapped, recordOpts);
    } catch (error) {
      if (error instanceof MarkupCodeNeeded) {
        // Read again from the start: what it noted so far would be noted twice.
        warnings.length = warningsBefore;
        waiting = mapped;
        return false;
      }
      result = `unreadable record (${errorText(error)})`;
    }
    return keep(result);
  }

  /** Reads the waiting record again, now that the markup reader is loaded. */
  function retry(): void {
    const mapped = waiting;
    waiting = undefined;
    if (mapped && !convertAndKeep(mapped)) throw new Error('the markup reader did not load');
  }

  function keep(result: T | string): boolean {
    if (typeof result === 'string') {
      skipped++;
      note(`${name(current)}: ${result}`);
      return true;
    }
    if (used.has(result.id)) {
      const base = result.id;
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      nextSuffix.set(base, n + 1);
      result.id = `${base}-${n}`;
    }
    used.add(result.id);
    items.push(result);
    return true;
  }

  return {
    add,
    retry,
    result: (): ReadResult<T> => ({ items, skipped, warnings }),
  };
}
