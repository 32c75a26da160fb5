#!/usr/bin/env node
// The translated message modules (src/generated/locales/*.ts) are built from locales/*.xlf by
// `lit-localize build` and not kept in git. Everything that compiles or imports src (Vite: the
// demo, builds, Storybook, bench; the test runner; tsc; eslint) calls ensureLocales() first: it
// builds them when one is missing or older than its .xlf, and otherwise does nothing.
// `npm run localize` (extract → fill → build) stays the way to change translations.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds src/generated/locales/ with lit-localize when it is missing or stale. */
export function ensureLocales() {
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  const stale = config.targetLocales.some((locale) => {
    const out = join(root, config.output.outputDir, `${locale}.ts`);
    const xlf = join(root, config.interchange.xliffDir, `${locale}.xlf`);
    return !existsSync(out) || statSync(out).mtimeMs < statSync(xlf).mtimeMs;
  });
  if (!stale) return;
  const cli = join(root, 'node_modules', '@lit', 'localize-tools', 'bin', 'lit-localize.js');
  execFileSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureLocales();
