import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath } from './scripts/chromium-launch.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { ensureLocales } from './scripts/ensure-locales.mjs';
import { testApi } from './tests/server/test-api.mjs';
import { demoBackend } from './tests/server/backend-middleware.mjs';
import { strictCspPage } from './tests/server/strict-csp-page.mjs';

/**
 * papaparse ships only as UMD/CommonJS. Vite (demo, build, Storybook) converts it itself; the test
 * server needs this small wrapper to serve it as an ES module with a default export.
 */
const papaparseEsm = {
  name: 'papaparse-esm',
  transform(context) {
    if (/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
      return {
        body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;`,
      };
    }
  },
};

/**
 * React is CommonJS only: the React wrapper test imports `/__react-app.js`, React, react-dom and
 * `src/react/` bundled into one ES module by esbuild (with the tsconfig's decorator settings).
 */
const reactBundle = {
  name: 'react-bundle',
  async serve(context) {
    if (context.path !== '/__react-app.js') return undefined;
    const result = await build({
      entryPoints: ['tests/react/react-app.ts'],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      conditions: ['browser', 'development'],
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/**
 * @sinonjs/fake-timers (the fake clock of tests/support/clock.ts) is CommonJS only: served as one
 * ES module (named exports as its types declare them), bundled by esbuild.
 */
const fakeTimersEsm = {
  name: 'fake-timers-esm',
  async transform(context) {
    if (!/\/node_modules\/@sinonjs\/fake-timers\/src\/fake-timers-src\.js$/.test(context.path)) {
      return undefined;
    }
    const result = await build({
      stdin: {
        contents: `import timers from './fake-timers-src.js';
          export const { install, withGlobal, createClock, timers: timerIds } = timers;
          export default timers;`,
        resolveDir: 'node_modules/@sinonjs/fake-timers/src',
      },
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      platform: 'browser',
      // Only reached under Node (`_global.process && require('util')`): never in the browser.
      external: ['util'],
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/** Property tests replay a failure's seed with `FC_SEED=<seed> npm test`. */
const fcSeed = Number.parseInt(process.env.FC_SEED ?? '', 10);

/** @type {import('@web/test-runner').TestRunnerConfig} */
// The translated message modules are built, not tracked (scripts/ensure-locales.mjs).
ensureLocales();

export default {
  rootDir: '.',
  files: ['tests/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: a second page would be a hidden tab, where autoplay pauses and
  // animation frames stop (the widgets do that on purpose).
  concurrency: 1,
  concurrentBrowsers: 1,
  // Hang detectors, not speed budgets: no test waits on time (tests/support/wait.ts, clock.ts),
  // so these only end a run that is stuck, and stay generous for a busy machine.
  testsFinishTimeout: 900_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 60_000 } },
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head>${
      Number.isFinite(fcSeed) ? `<script>window.__FC_SEED__ = ${fcSeed};</script>` : ''
    }</head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    papaparseEsm,
    fakeTimersEsm,
    reactBundle,
  ],
  middleware: [testApi, demoBackend, strictCspPage],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      // Loading a test page on a busy machine can take longer than puppeteer's 30 s default;
      // that limit is a speed budget, not a test, so it gets the same room as a test.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        page.setDefaultNavigationTimeout(180_000);
        page.setDefaultTimeout(180_000);
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  filterBrowserLogs: ({ type }) => type === 'error',
};
