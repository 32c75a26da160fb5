/**
 * Which source record a model was read from, so `map` can take values from the record as the
 * format gives it (an HSDS service, a Tribe event, a WordPress post, a JSON Feed item). Readers
 * note it with {@link fromSource}; nothing else about the model changes.
 */
const sources = new WeakMap<object, object>();

/** Notes that `model` was read from `record`; returns `model`. */
export function fromSource<T extends object>(model: T, record: object): T {
  sources.set(model, record);
  return model;
}

/** The source record of a model, when its reader noted one. */
export function sourceRecordOf(model: object): object | undefined {
  return sources.get(model);
}
