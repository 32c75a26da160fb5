/**
 * Many records: `transform`, then `map`, then the record → model function of the kind; ids made
 * unique; in slices with yields to the page for long lists.
 */
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { applyMap } from '../fields.js';
import { DandelionError } from '../errors.js';
import { MAX_WARNINGS, type NormalizeOptions, type RecordOptions } from './options.js';
import { errorText, show } from './values.js';
import { recordToService } from './service.js';
import { recordToEvent } from './event.js';
import { recordToStory } from './story.js';
import { yieldToPage } from '../yield-to-page.js';

type Converter = (record: unknown, opts: RecordOptions) => ModelByKind[ModelKind] | string;

const converters: Record<ModelKind, Converter> = {
  service: recordToService,
  event: recordToEvent,
  story: recordToStory,
};

/**
 * Normalizes a list of loose records: `transform` (a throwing transform skips only that record),
 * then `map`, then the record → model function. Ids are made unique within the result.
 */
export function normalizeRecords<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): ReadResult<ModelByKind[K]> {
  const normalizer = recordNormalizer(records, kind, opts);
  for (let i = 0; i < records.length; i++) normalizer.add(i);
  return normalizer.result();
}

/** Longest stretch of normalizing between two yields to the page (input, rendering). */
const sliceMs = 30;

/**
 * {@link normalizeRecords} in slices of about 30 ms with a yield to the page between them, so
 * 100,000 records never freeze the tab: typing, scrolling and other widgets go on while they are
 * read. Same result as the one-go version.
 */
export async function normalizeRecordsSliced<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): Promise<ReadResult<ModelByKind[K]>> {
  const normalizer = recordNormalizer(records, kind, opts);
  let sliceStart = performance.now();
  for (let i = 0; i < records.length; i++) {
    normalizer.add(i);
    // Checking the clock every 256 records keeps the check itself cheap.
    if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return normalizer.result();
}

/** The state of one normalization: records go in one by one, the result comes out at the end. */
function recordNormalizer<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions,
) {
  if (!Array.isArray(records)) throw new DandelionError('format', 'expected a list of records');
  const found = Object.hasOwn(converters, kind) ? converters[kind] : undefined;
  if (!found) throw new DandelionError('format', `unknown model kind ${show(kind)}`);
  const convert = found;
  const name = opts.recordName ?? ((i: number) => `record ${i + 1}`);
  const items: ModelByKind[K][] = [];
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

  function add(i: number): void {
    current = i;
    let record = records[i];
    if (opts.transform) {
      try {
        record = opts.transform(record);
      } catch (error) {
        skipped++;
        note(`${name(i)}: transform failed: ${errorText(error)}`);
        return;
      }
      if (record === null || record === undefined) return;
    }
    let result: ModelByKind[ModelKind] | string;
    if (record === null || typeof record !== 'object') {
      result = 'not an object';
    } else {
      try {
        // Without a map the record is read as it is (no copy: converters only read it).
        const mapped = opts.map || Array.isArray(record) ? applyMap(record, opts.map) : record;
        result = convert(mapped, recordOpts);
      } catch (error) {
        result = `unreadable record (${errorText(error)})`;
      }
    }
    if (typeof result === 'string') {
      skipped++;
      note(`${name(i)}: ${result}`);
      return;
    }
    if (used.has(result.id)) {
      const base = result.id;
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      nextSuffix.set(base, n + 1);
      result.id = `${base}-${n}`;
    }
    used.add(result.id);
    items.push(result as ModelByKind[K]);
  }

  return {
    add,
    result: (): ReadResult<ModelByKind[K]> => ({ items, skipped, warnings }),
  };
}
