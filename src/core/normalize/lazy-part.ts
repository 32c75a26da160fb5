/**
 * Normalizing code that only some records need (a service's ages and opening hours, places with
 * coordinates), not downloaded with the normalizer: a converter asks {@link LazyPart.code} for it
 * and, while it is not loaded, gets a {@link CodeNeeded} thrown; the sliced normalizer
 * (`records.ts`) loads it and reads that record again. Synchronous callers import the code
 * themselves and hand it over. (Markup works the same way with its own smaller code in
 * `markup.ts`, which every widget's loader carries.)
 */
import type { RecordOptions } from './options.js';

/** Thrown by a converter whose record needs code that is not loaded yet. */
export class CodeNeeded extends Error {
  constructor(readonly part: LazyPart<unknown>) {
    super(`${part.name} is not loaded`);
  }
}

/** What the sliced normalizer needs of a part: its name, whether it is optional, its loader. */
export type Loadable = Pick<LazyPart<unknown>, 'name' | 'optional' | 'load'>;

export interface LazyPart<T> {
  readonly name: string;
  /**
   * Without it a record can still be read (the fields it reads are left out, with a warning):
   * a failed download of such a part leaves the list shown, not an error.
   */
  readonly optional: boolean;
  /** The code; throws {@link CodeNeeded} while it is not loaded (`undefined`: it failed). */
  code(opts?: RecordOptions): T | undefined;
  /** Hands the code over (synchronous callers that imported it themselves). */
  use(code: T): void;
  /** Loads the code once (again after a failed download). */
  load(): Promise<void>;
}

export function lazyPart<T>(
  name: string,
  importCode: () => Promise<T>,
  optional = false,
): LazyPart<T> {
  let current: T | undefined;
  let loading: Promise<void> | undefined;
  const part: LazyPart<T> = {
    name,
    optional,
    code(opts) {
      if (current) return current;
      if (optional && opts?.unavailable?.includes(name)) return undefined;
      throw new CodeNeeded(part as LazyPart<unknown>);
    },
    use(code) {
      current = code;
    },
    load() {
      loading ??= importCode().then(part.use, (error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
  };
  return part;
}
