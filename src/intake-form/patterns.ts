/**
 * Loading the linear-time engine for schema `pattern`s (pattern-engine.ts, its own chunk) only
 * for schemas that have one: most forms never download it.
 */
import type { SchemaProblem } from './schema.js';
import { hasPatternEngine, usePatternEngine, usesPatterns } from './validate.js';

let loading: Promise<void> | undefined;
let describe: ((problem: SchemaProblem) => string) | undefined;

/**
 * Loads the linear-time engine for schema patterns and installs it for `validate()` and
 * `readSchema()`. `<intake-form>` does this itself; call it before validating a schema with a
 * `pattern` yourself.
 */
export function loadPatternEngine(): Promise<void> {
  loading ??= import('./pattern-engine.js').then(
    ({ patternEngine, patternProblemMessage }) => {
      describe = patternProblemMessage;
      usePatternEngine(patternEngine);
    },
    (error: unknown) => {
      loading = undefined; // a failed download may be tried again
      throw error;
    },
  );
  return loading;
}

/** `undefined` when the schema's patterns can be checked now, else the engine's loading. */
export function patternsReady(schema: unknown): Promise<void> | undefined {
  return hasPatternEngine() || !usesPatterns(schema) ? undefined : loadPatternEngine();
}

/**
 * Why a pattern is not checked, for the site owner. Such a problem exists only once the engine
 * (with these words) is loaded.
 */
export function patternProblemText(problem: SchemaProblem): string {
  return describe?.(problem) ?? `pattern (${problem.at})`;
}
