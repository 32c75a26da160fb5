/**
 * `map` and `transform` for formats with their own reader (HSDS, iCalendar, feeds…): values for
 * some model fields, read as a generic JSON record's fields are read, replace what the reader
 * found. Only the fields those values change are replaced; the model's id stays unless `id` is
 * among them.
 */
import type { ModelByKind, ModelKind } from '../models.js';
import { recordToEvent } from './event.js';
import type { RecordOptions } from './options.js';
import { recordToService } from './service.js';
import { recordToStory } from './story.js';
import { show } from './values.js';

type Dict = Record<string, unknown>;

/** The fields a generic record needs to be read at all, taken from the model. */
const required: { [K in ModelKind]: (model: ModelByKind[K]) => Dict } = {
  service: (service) => ({ name: service.name }),
  event: (event) => ({ title: event.title || '-', start: event.start }),
  story: (story) => ({ title: story.title || '-', summary: story.summary }),
};

const read: { [K in ModelKind]: (record: Dict, opts: RecordOptions) => ModelByKind[K] | string } = {
  service: recordToService,
  event: recordToEvent,
  story: recordToStory,
};

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `model` with the fields `values` give (model field or alias → raw value) read as a generic
 * record reads them; `model` itself when they give nothing usable (with a warning).
 */
export function overrideFields<K extends ModelKind>(
  kind: K,
  model: ModelByKind[K],
  values: Dict,
  opts: RecordOptions = {},
): ModelByKind[K] {
  const base = required[kind](model);
  const before = read[kind](base, {});
  const after = read[kind]({ ...base, ...values }, opts);
  if (typeof after === 'string' || typeof before === 'string') {
    opts.warn?.(`${show(Object.keys(values).join(', '))}: ${String(after)}; kept what was read`);
    return model;
  }
  const result: ModelByKind[K] = { ...model };
  for (const key in after) {
    if (key === 'id' && !('id' in values)) continue;
    if (!same(after[key], before[key])) result[key] = after[key];
  }
  return result;
}
