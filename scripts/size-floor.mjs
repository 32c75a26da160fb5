#!/usr/bin/env node
// `npm run size:floor`: what a widget's first load costs before it does anything of its own.
// Builds three floor elements (bench/size-floor/) with the CDN build settings next to the real
// widgets and prints each first load (entry + static imports, gzip -9), as `npm run size` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { budgets, firstLoadKb } from './bundle-size.mjs';

const floors = {
  'lit-only': 'one trivial Lit element',
  'dandelion-base': '+ per-element language (@lit/localize), theme, events',
  'data-widget': '+ data attributes, loading / empty / error states, theme styles',
};
const widgets = Object.keys(budgets);
const outDir = mkdtempSync(join(tmpdir(), 'dandelion-floor-'));
try {
  await build({
    mode: 'cdn',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      lib: {
        formats: ['es'],
        entry: {
          ...Object.fromEntries(Object.keys(floors).map((f) => [f, `bench/size-floor/${f}.ts`])),
          ...Object.fromEntries(widgets.map((w) => [w, `src/${w}/index.ts`])),
        },
      },
    },
  });
  for (const [name, what] of Object.entries(floors)) {
    console.log(
      `${name.padEnd(16)} ${firstLoadKb(join(outDir, `${name}.js`)).toFixed(2)} KB gz  ${what}`,
    );
  }
  for (const name of widgets) {
    const kb = firstLoadKb(join(outDir, `${name}.js`));
    console.log(`${name.padEnd(16)} ${kb.toFixed(2)} KB gz  (budget ${budgets[name]} KB)`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
