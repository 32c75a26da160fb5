/**
 * Makes the download of some lazy chunks fail for this page (the test server answers 503 for a
 * module whose path contains one of `parts`, see tests/server/failing-modules.mjs). Call it
 * before anything imports them; `restore()` in an `after` hook, so later test files (same
 * browser) download them again.
 */
export function failModules(...parts: string[]): { restore: () => void } {
  document.cookie = `dandelion-fail-modules=${encodeURIComponent(parts.join(','))}; path=/`;
  return {
    restore: () => {
      document.cookie = 'dandelion-fail-modules=; path=/; max-age=0';
    },
  };
}
