/**
 * Many records: `transform`, then `map`, then the record → model function of the kind; ids made
 * unique; in slices with yields to the page for long lists. Knows no kind itself: the caller
 * hands the record → model function over, so a page loads only its own kind's code, and the
 * code only some records need (`lazy-part.ts`) loads with the first record that needs it.
 */
import type { ReadResult } from '../models.js';
import { applyMap } from '../field-paths.js';
import { DandelionError } from '../errors.js';
import { MAX_WARNINGS, type NormalizeOptions, type RecordOptions } from './options.js';
import { errorText } from './values.js';
import { CodeNeeded, type Loadable } from './lazy-part.js';
import { loadMarkupCode, MarkupCodeNeeded } from './markup.js';
import { yieldToPage } from '../yield-to-page.js';

/** The markup reader as a lazy part (its own way in `markup.ts` keeps every loader small). */
const markupPart: Loadable = { name: 'the markup reader', optional: false, load: loadMarkupCode };

/** A record → model function (`recordToService`…): the model, or why the record is unusable. */
export type Converter<T> = (record: unknown, opts: RecordOptions) => T | string;

/**
 * Normalizes a list of loose records: `transform` (a throwing transform skips only that record),
 * then `map`, then `convert`. Ids are made unique within the result. Every lazy part the
 * records may need must be handed over (`use`) before.
 */
export function normalizeWith<T extends { id: string }>(
  records: unknown[],
  convert: Converter<T>,
  opts: NormalizeOptions = {},
): ReadResult<T> {
  const normalizer = recordNormalizer(records, convert, opts);
  for (let i = 0; i < records.length; i++) {
    const needed = normalizer.add(i);
    if (needed) throw new Error(`${needed.name} is not loaded`);
  }
  return normalizer.result();
}

/**
 * Longest stretch of normalizing between two yields to the page (input, rendering): a frame. A
 * garbage collection that falls inside a slice lengthens that task (by 45–80 ms for 100,000
 * records on a busy 2-core machine), so the slice itself stays short.
 */
const sliceMs = 16;

/**
 * {@link normalizeWith} in slices of about 16 ms with a yield to the page between them, so
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
    // The first record that needs a lazy part (markup, opening hours…) loads it and is read
    // again; an optional part that cannot be downloaded is left out of the records instead.
    let needed = normalizer.add(i);
    while (needed) {
      const part = needed;
      await part.load().catch((error: unknown) => {
        // Code the records cannot be read without did not arrive: a connection problem, which
        // trying again may solve (the error view offers it).
        if (!part.optional) {
          throw new DandelionError('network', `${part.name} could not be downloaded`, undefined, {
            cause: error,
          });
        }
        normalizer.without(part);
      });
      needed = normalizer.retry();
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
  const unavailable: string[] = [];
  const recordOpts: RecordOptions = {
    baseUrl: opts.baseUrl,
    warn: (message) => note(`${name(current)}: ${message}`),
    unavailable,
  };
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();

  /** The record waiting for a lazy part, already through `transform` and `map`. */
  let waiting: { mapped: object; part: Loadable } | undefined;
  let warningsBefore = 0;
  /** Parts loaded for a waiting record: needed again after loading means it did not load. */
  const loaded = new Set<Loadable>();

  /** Reads record `i`; the part it waits for, if any ({@link retry} once it is loaded). */
  function add(i: number): Loadable | undefined {
    current = i;
    let record = records[i];
    if (opts.transform) {
      try {
        record = opts.transform(record);
      } catch (error) {
        skipped++;
        note(`${name(i)}: transform failed: ${errorText(error)}`);
        return undefined;
      }
      if (record === null || record === undefined) return undefined;
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

  function convertAndKeep(mapped: object): Loadable | undefined {
    let result: T | string;
    warningsBefore = warnings.length;
    try {
      result = convert(mapped, recordOpts);
    } catch (error) {
      const part =
        error instanceof CodeNeeded
          ? error.part
          : error instanceof MarkupCodeNeeded
            ? markupPart
            : undefined;
      if (part) {
        if (loaded.has(part)) throw new Error(`${part.name} did not load`);
        // Read again from the start: what it noted so far would be noted twice.
        warnings.length = warningsBefore;
        waiting = { mapped, part };
        return part;
      }
      result = `unreadable record (${errorText(error)})`;
    }
    loaded.clear();
    return keep(result);
  }

  /** Reads the waiting record again, now that the part it needed is loaded (or given up). */
  function retry(): Loadable | undefined {
    if (!waiting) return undefined;
    const { mapped, part } = waiting;
    waiting = undefined;
    loaded.add(part);
    return convertAndKeep(mapped);
  }

  function keep(result: T | string): undefined {
    if (typeof result === 'string') {
      skipped++;
      note(`${name(current)}: ${result}`);
      return undefined;
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
    return undefined;
  }

  return {
    add,
    retry,
    /** Marks an optional part as given up: records are read without it from now on. */
    without(part: Loadable): void {
      unavailable.push(part.name);
    },
    result: (): ReadResult<T> => ({ items, skipped, warnings }),
  };
}
