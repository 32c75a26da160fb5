#!/usr/bin/env node
// Server rendering from the packed tarball: in a throwaway app (tarball + @lit-labs/ssr), every
// widget is rendered in Node to declarative shadow DOM; the page is then served with a client
// bundle (esbuild) that loads Lit's hydration support before the widgets, and opened in Chromium:
// the shadow roots exist before any script runs, hydration raises no error, and every widget
// goes on to show its content.
//
// Usage: node scripts/ssr-apps.mjs [--keep] [--tarball path.tgz]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { serveStatic } from './static-server.mjs';

const repo = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const tarballAt = process.argv.indexOf('--tarball');
const tarballArg = tarballAt === -1 ? undefined : process.argv[tarballAt + 1];
const work = mkdtempSync(join(tmpdir(), 'dandelion-ssr-'));
const problems = [];

/** What the server renders: each widget with its data URL, and the part its content has. */
const widgets = {
  'service-finder': [
    '<service-finder lang="en" src="/data/finder/hsds-services.json" format="hsds"></service-finder>',
    'service',
  ],
  'event-calendar': [
    '<event-calendar lang="en" src="/data/calendar/activities.ics" date="2026-11-16" time-zone="Asia/Shanghai" view="list"></event-calendar>',
    'event',
  ],
  'intake-form': [
    '<intake-form lang="en" schema="/data/intake/forms/kitchen-sink.json" no-draft></intake-form>',
    'field',
  ],
  'story-carousel': [
    '<story-carousel lang="en" src="/data/carousel/feed.xml"></story-carousel>',
    'slide',
  ],
};

const renderScript = `import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { unsafeStatic, html } from 'lit/static-html.js';
import { writeFileSync } from 'node:fs';
import 'dandelion-widgets';
const widgets = ${JSON.stringify(Object.fromEntries(Object.entries(widgets).map(([t, [m]]) => [t, m])))};
const body = [];
for (const [tag, markup] of Object.entries(widgets)) {
  const out = await collectResult(render(html\`\${unsafeStatic(markup)}\`));
  if (!out.includes('<template shadowroot="open" shadowrootmode="open">')) {
    throw new Error(tag + ' rendered no declarative shadow root: ' + out.slice(0, 200));
  }
  console.log('  ssr: <' + tag + '> → ' + out.length + ' characters of declarative shadow DOM');
  body.push(out);
}
writeFileSync('dist/index.html', \`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ssr</title></head>
<body>
\${body.join('\\n')}
<script type="module" src="/client.js"></script>
</body></html>
\`);
`;

try {
  let tarball = tarballArg && !tarballArg.startsWith('--') ? resolve(tarballArg) : undefined;
  if (!tarball) {
    console.log('packing the package (npm pack runs the prepack build)…');
    execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', work], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    tarball = join(
      work,
      readdirSync(work).find((file) => file.endsWith('.tgz')),
    );
  }
  const app = join(work, 'app-ssr');
  mkdirSync(join(app, 'dist'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'ssr', private: true, type: 'module' }),
  );
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarball,
      '@lit-labs/ssr@^4',
      '@lit-labs/ssr-client@^1',
      'esbuild@^0.28',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeFileSync(join(app, 'render.mjs'), renderScript);
  execFileSync('node', ['render.mjs'], { cwd: app, stdio: ['ignore', 'inherit', 'inherit'] });
  // The hydration support must load before any element is defined.
  writeFileSync(
    join(app, 'client.js'),
    `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport('dandelion-widgets');\n`,
  );
  execFileSync(
    'npx',
    [
      'esbuild',
      'client.js',
      '--bundle',
      '--splitting',
      '--format=esm',
      '--outdir=dist',
      '--log-level=warning',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (const dir of ['finder', 'calendar', 'intake', 'carousel']) {
    cpSync(join(repo, 'tests/fixtures', dir), join(app, 'dist/data', dir), { recursive: true });
  }

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const server = await serveStatic(join(app, 'dist'));
  try {
    // Without scripts: the server's declarative shadow roots are the page.
    const still = await browser.newContext({ javaScriptEnabled: false });
    const plain = await still.newPage();
    await plain.goto(`${server.base}/index.html`);
    for (const tag of Object.keys(widgets)) {
      const rendered = await plain.evaluate(
        (t) =>
          document
            .querySelector(t)
            ?.shadowRoot?.querySelector('[part~="base"], [part~="status"]') != null,
        tag,
      );
      if (!rendered)
        problems.push(`<${tag}>: no server-rendered shadow root in the page before scripts`);
    }
    await still.close();

    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    tab.on('console', (m) => {
      // A failed request is reported (and filtered) by the response handler below.
      if (/^Failed to load resource/.test(m.text())) return;
      if (m.type() === 'error' || /hydrat/i.test(m.text()))
        errors.push(`console ${m.type()}: ${m.text()}`);
    });
    tab.on('response', (r) => {
      if (r.status() >= 400 && !/favicon\.ico$|missing-photo\.jpg$/.test(r.url()))
        errors.push(`${r.status()} ${r.url()}`);
    });
    await tab.goto(`${server.base}/index.html`);
    try {
      await tab.waitForFunction(
        (parts) =>
          Object.entries(parts).every(([tag, part]) =>
            document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`),
          ),
        Object.fromEntries(Object.entries(widgets).map(([t, [, part]]) => [t, part])),
        { timeout: 30_000, polling: 100 },
      );
      console.log('  Chromium: hydrated without errors; all four widgets show their content');
    } catch (error) {
      errors.push(String(error).split('\n')[0]);
    }
    for (const error of errors) problems.push(error);
  } finally {
    server.close();
    await browser.close();
  }
} catch (error) {
  problems.push(String(error?.stack ?? error));
} finally {
  if (keep) console.log(`app kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nserver rendering failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  '\nserver rendering: every widget renders to declarative shadow DOM with @lit-labs/ssr and hydrates in Chromium.',
);
