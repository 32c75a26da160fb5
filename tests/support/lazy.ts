/** One of an element's lazily loaded modules (a core LazyModule), reached by its field name. */
export type Lazy = { options: { load: () => Promise<unknown> } };

/**
 * Holds back the download of `el[field]` (a core LazyModule) until `release()`; with `fail`, it
 * then fails. "The person acted, the code came later" without depending on the machine's speed.
 * Call it before anything asked for the module.
 */
export function holdLazy(el: HTMLElement, field: string, fail = false): () => void {
  const lazy = (el as unknown as Record<string, Lazy>)[field];
  const load = lazy.options.load;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  lazy.options.load = () =>
    released.then(() => (fail ? Promise.reject(new Error('download failed (test)')) : load()));
  return release;
}
