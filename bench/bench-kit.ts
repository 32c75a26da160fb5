// What every bench page shares: the result shape `bench/run.mjs` prints, frame helpers and
// statistics, and the hand-over of the results to the runner.

/** One printed number; `budget` makes the runner say ok / OVER (value <= budget is ok). */
export interface Result {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

declare global {
  interface Window {
    benchResults?: Result[];
    benchDone?: boolean;
    /** Real touch input from `bench/run.mjs`: a finger swipe by (dx, dy) from (x, y). */
    benchTouch?: (swipe: {
      x: number;
      y: number;
      dx?: number;
      dy?: number;
      speed?: number;
    }) => Promise<void>;
  }
  interface Performance {
    /** Chromium only. */
    memory?: { usedJSHeapSize: number };
  }
}

/** The next animation frame. */
export const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** The next frame has been produced (rAF, then a task after it: layout and paint have run). */
export async function painted(): Promise<void> {
  await frame();
  await new Promise((r) => setTimeout(r, 0));
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
/** The interquartile range (p75 − p25): how widely the middle half of the samples spread. */
export const spread = (xs: number[]) =>
  sorted(xs)[Math.floor(xs.length * 0.75)] - sorted(xs)[Math.floor(xs.length * 0.25)];
export const p95 = (xs: number[]) =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/**
 * Runs the page's measurements and hands the results to the runner, also when they throw (the
 * failure is then one result over its budget, so the run fails visibly).
 */
export async function runBench(measure: (results: Result[]) => Promise<void>): Promise<void> {
  const results: Result[] = [];
  try {
    await measure(results);
  } catch (error) {
    console.error(error);
    results.push({ name: `bench failed: ${String(error)}`, value: 1, unit: '', budget: 0 });
  }
  window.benchResults = results;
  window.benchDone = true;
}
