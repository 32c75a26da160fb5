// A web-test-runner reporter that prints one plain line `tests: N passed, M failed` at the end
// (CI parses it) — counted from the real results, including skipped as neither.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no test results but must still fail the run.
        if (
          !session.testResults?.tests?.length &&
          !session.testResults?.suites?.length &&
          !session.passed
        ) {
          totals.failed++;
        }
      }
      console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
    },
  };
}
