/**
 * One fast-check configuration for every property test: a fixed seed (so a run is repeatable on
 * any machine), bounded input sizes and a run count that keeps the whole property suite to
 * seconds. fast-check names the seed and the shrunk counterexample in every failure; replay it
 * with `FC_SEED=<seed> npm test` (the test runner passes the variable to the page).
 */
import fc from 'fast-check';

declare global {
  interface Window {
    /** Set by web-test-runner.config.mjs from `FC_SEED`; a fixed default otherwise. */
    __FC_SEED__?: number;
  }
}

export const seed = window.__FC_SEED__ ?? 20_261_205;

fc.configureGlobal({
  seed,
  numRuns: 100,
  // "max" sizes stay small: a property is about shapes, not about how big an input can get.
  baseSize: 'small',
  maxSkipsPerRun: 100,
  // A long shrink of a slow property would hold the run; the first counterexample is enough.
  endOnFailure: true,
});
