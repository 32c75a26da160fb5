/**
 * `map`, `transform` and `items-path` for readers that do not apply them themselves (all but
 * generic JSON and CSV). Loaded by `read()` only when a page sets one of them for such a format.
 */
import type { FieldMap } from '../field-map.js';
import { getPath } from '../field-paths.js';
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { findRecords } from './find-records.js';
import type { Reader, ReadSource } from './reader-definition.js';
import { sourceRecordOf } from './source-records.js';

/** At most this many warnings are kept in a result (as the readers do). */
export const MAX_WARNINGS = 5;

export interface SharedInputs {
  map?: FieldMap;
  transform?: (record: unknown) => unknown;
  itemsPath?: string;
}

/** The JSON document of a source, or `undefined` when it is not JSON (an HTML page, a feed). */
function jsonOf(source: ReadSource): unknown {
  try {
    return source.json();
  } catch {
    return undefined;
  }
}

/**
 * `items-path` and `transform` for a JSON format whose reader does not apply them itself: the
 * records at `items-path` (or where the format keeps them) go through `transform` (a throwing
 * transform skips that record, `null` / `undefined` drops it) and are handed to the reader as a
 * document of its format. Formats that are not JSON ignore `items-path`, with a console warning.
 */
export function recordsForReader(reader: Reader, source: ReadSource, inputs: SharedInputs) {
  const warnings: string[] = [];
  const outcome = { source, transformed: false, skipped: 0, warnings };
  const wantsPath = !!inputs.itemsPath?.trim() && !reader.handles.includes('itemsPath');
  const wantsTransform = !!inputs.transform && !reader.handles.includes('transform');
  if (!wantsPath && !wantsTransform) return outcome;
  const doc = reader.records ? jsonOf(source) : undefined;
  if (!reader.records || doc === undefined) {
    if (wantsPath)
      console.warn(
        `dandelion: items-path is ignored for format "${reader.name}" (not a JSON list)`,
      );
    return outcome;
  }
  let records = wantsPath ? findRecords(doc, inputs.itemsPath) : reader.records.of(doc);
  if (!records) return outcome;
  if (wantsTransform && inputs.transform) {
    const transform = inputs.transform;
    const kept: unknown[] = [];
    records.forEach((record, index) => {
      let value: unknown;
      try {
        value = transform(record);
      } catch (error) {
        outcome.skipped++;
        outcome.warnings.push(`record ${index + 1}: transform failed: ${errorText(error)}`);
        return;
      }
      if (value !== null && value !== undefined) kept.push(value);
    });
    records = kept;
    outcome.transformed = true;
  }
  const wrapped = reader.records.wrap(records, doc);
  outcome.source = { raw: wrapped, text: () => JSON.stringify(wrapped), json: () => wrapped };
  return outcome;
}

/**
 * `transform` (for formats without JSON records: each model as read, a copy) and `map` (model
 * field → path in the record the model was read from, or in the model as read) for readers that
 * do not apply them themselves. Changed fields are read as a generic record's fields are.
 */
export async function afterReader(
  reader: Reader,
  kind: ModelKind,
  result: ReadResult<unknown>,
  inputs: { map?: FieldMap; transform?: (record: unknown) => unknown; baseUrl?: string },
): Promise<ReadResult<unknown>> {
  const { map, transform } = inputs;
  if ((!map || !Object.keys(map).length) && !transform) return result;
  const { overrideFields } = await import('../normalize/index.js');
  const items: unknown[] = [];
  const warnings = [...result.warnings];
  let skipped = result.skipped;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  result.items.forEach((item, index) => {
    if (!isModel(item)) return;
    let model: ModelByKind[ModelKind] = item;
    const where = `${reader.name} record ${index + 1}`;
    if (transform) {
      let changed: unknown;
      try {
        changed = transform(structuredClone(model));
      } catch (error) {
        skipped++;
        warn(`${where}: transform failed: ${errorText(error)}`);
        return;
      }
      if (changed === null || changed === undefined) return;
      if (typeof changed === 'object') {
        const values = changedValues(model, changed);
        if (Object.keys(values).length)
          model = overrideFields(kind, model, values, {
            baseUrl: inputs.baseUrl,
            warn: (m) => warn(`${where}: transform: ${m}`),
          });
      }
    }
    if (map) {
      const source = sourceRecordOf(item) ?? model;
      const values: Record<string, unknown> = {};
      for (const [field, path] of Object.entries(map)) {
        const value = getPath(source, path);
        if (value !== undefined) values[field] = value;
      }
      if (Object.keys(values).length)
        model = overrideFields(kind, model, values, {
          baseUrl: inputs.baseUrl,
          warn: (m) => warn(`${where}: map: ${m}`),
        });
    }
    items.push(model);
  });
  return { items, skipped, warnings };
}

function isModel(item: unknown): item is ModelByKind[ModelKind] {
  return item !== null && typeof item === 'object' && 'id' in item;
}

/** The fields of `changed` that differ from `model`'s. */
function changedValues(model: object, changed: object): Record<string, unknown> {
  const before = new Map(Object.entries(model));
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    if (JSON.stringify(value) !== JSON.stringify(before.get(key))) values[key] = value;
  }
  return values;
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
