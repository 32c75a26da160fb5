import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath } from './scripts/chromium-launch.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { testApi } from './tests/server/test-api.mjs';
import { demoBackend } from './tests/server/backend-middleware.mjs';

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

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['tests/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: a second page would be a hidden tab, where autoplay pauses and
  // animation frames stop (the widgets do that on purpose).
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), papaparseEsm],
  middleware: [testApi, demoBackend],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  filterBrowserLogs: ({ type }) => type === 'error',
};
