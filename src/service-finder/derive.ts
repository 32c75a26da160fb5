/**
 * Derived values for the finder's model, each declared once with its inputs: a value is computed
 * again only when one of its own inputs changed (`Object.is`). Heavy ones are written as
 * generators that `yield` between chunks of work: they finish at once when small, and otherwise
 * go on in slices with a yield to the page between them (so 100,000 services never block input
 * for long), the newest inputs winning over a run still under way.
 */

import { yieldToPage } from '../core/yield-to-page.js';

/** Work that may pause wherever it yields; returns its value at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end, now (for callers and tests that want the value at once). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Longest stretch of deriving between two yields to the page; short enough that a slice, the
 * render it leads to and the page's own work stay well within a 100 ms task.
 */
export const sliceMs = 20;

/** When the current synchronous derivation began: derivations read together share one slice. */
let started: number | undefined;

/**
 * Runs `read` as one synchronous derivation: every sliced value started inside it shares one
 * slice of {@link sliceMs}, so reading several (lookup, facets, order…) stays one short task.
 */
export function deriving<T>(read: () => T): T {
  const outer = started;
  started ??= performance.now();
  try {
    return read();
  } finally {
    started = outer;
  }
}

const same = (a: readonly unknown[], b: readonly unknown[] | undefined): boolean =>
  !!b && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Inputs, or `waiting` while one of them is still being derived. */
export const waiting = Symbol('waiting');
type Inputs = unknown[];

/** Inputs as a tuple (each position keeps its own type). */
export const tuple = <T extends unknown[]>(...items: T): T => items;

/** A value computed from inputs, cached until one of them changes. */
export function memo<I extends Inputs, T>(inputs: () => I, compute: (...args: I) => T): () => T {
  let last: { inputs: I; value: T } | undefined;
  return () => {
    const now = inputs();
    if (!last || !same(now, last.inputs)) last = { inputs: now, value: compute(...now) };
    return last.value;
  };
}

/** What a sliced derivation has for its current inputs. */
export interface Derived<I extends Inputs, T> {
  /** The value for the current inputs, or undefined while it is derived (or inputs wait). */
  value?: T;
  /** The last value finished, for any inputs (shown while a newer one is derived). */
  last?: { inputs: I; value: T };
}

/**
 * A value derived in slices. `read()` starts (or continues) the derivation for the current
 * inputs and says what is there; when a run that had to pause finishes, `onReady` asks the host
 * to render again. A run whose inputs are no longer current is dropped at its next pause.
 */
export class Sliced<I extends Inputs, T> {
  private last?: { inputs: I; value: T };
  private running?: { inputs: I; steps: Steps<T> };
  private generation = 0;

  constructor(
    private readonly inputs: () => I | typeof waiting,
    /** The work; `previous` is the last finished run (to reuse what still holds). */
    private readonly steps: (inputs: I, previous?: { inputs: I; value: T }) => Steps<T>,
    private readonly onReady: () => void,
  ) {}

  read(): Derived<I, T> {
    const inputs = this.inputs();
    if (inputs === waiting) return { last: this.last };
    if (same(inputs, this.last?.inputs)) return { value: this.last!.value, last: this.last };
    if (!same(inputs, this.running?.inputs)) {
      const generation = ++this.generation;
      this.running = { inputs, steps: this.steps(inputs, this.last) };
      // The first slice runs now: small inputs are ready in this same update.
      if (this.slice()) return { value: this.last!.value, last: this.last };
      void this.continue(generation);
    }
    return { last: this.last };
  }

  /** Stops the run under way (the host was removed). */
  stop(): void {
    this.generation++;
    this.running = undefined;
  }

  /** Runs the current steps for one slice; true when they finished. */
  private slice(): boolean {
    const run = this.running!;
    const start = started ?? performance.now();
    for (;;) {
      const next = run.steps.next();
      if (next.done) {
        this.last = { inputs: run.inputs, value: next.value };
        this.running = undefined;
        return true;
      }
      if (performance.now() - start > sliceMs) return false;
    }
  }

  private async continue(generation: number): Promise<void> {
    for (;;) {
      await yieldToPage();
      if (generation !== this.generation) return;
      if (this.slice()) {
        // Rendering the result is a task of its own, not the end of this slice's.
        await yieldToPage();
        if (generation === this.generation) this.onReady();
        return;
      }
    }
  }
}
