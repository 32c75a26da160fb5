#!/usr/bin/env node
// Server rendering from the packed tarball, in two throwaway apps:
// - lit: every widget rendered in Node with `@lit-labs/ssr` to declarative shadow DOM, served with
//   a client bundle (esbuild) that loads Lit's hydration support before the widgets;
// - next: a Next.js 15 page (pages router, static export) with every widget, deep-rendered by
//   `@lit-labs/nextjs` (Lit SSR inside React's server render; Lit's hydration on the client).
// Each page is opened in Chromium: the HTML holds a declarative shadow root for every widget, the
// shadow roots exist with the server's markup before any script runs, hydration keeps that
// markup (no re-render from scratch, so no flash), no hydration warning or error is logged, and
// every widget goes on to show its content.
//
// Usage: node scripts/ssr-apps.mjs [--keep] [--tarball path.tgz] [--only lit,next]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';
import { appsScript, copyFixtures, run, watchPage, widgets } from './throwaway-apps.mjs';

const { problems, visitApps } = appsScript('ssr');

/** Every widget's markup, in English (the server's text is checked against the client's). */
const markup = Object.fromEntries(
  Object.entries(widgets).map(([tag, { markup: m }]) => [
    tag,
    m.replace(`<${tag} `, `<${tag} lang="en" `),
  ]),
);
const parts = Object.fromEntries(Object.entries(widgets).map(([tag, { part }]) => [tag, part]));

/** Renders every widget with @lit-labs/ssr into dist/index.html, with the client bundle. */
const litRender = `import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { unsafeStatic, html } from 'lit/static-html.js';
import { writeFileSync } from 'node:fs';
import 'dandelion-widgets';
const body = [];
for (const markup of ${JSON.stringify(Object.values(markup))}) {
  body.push(await collectResult(render(html\`\${unsafeStatic(markup)}\`)));
}
writeFileSync('dist/index.html', \`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ssr</title></head>
<body>
\${body.join('\\n')}
<script type="module" src="/client.js"></script>
</body></html>
\`);
`;

const apps = {
  lit: {
    deps: ['@lit-labs/ssr@^4', '@lit-labs/ssr-client@^1', 'esbuild@^0.28'],
    build(app) {
      mkdirSync(join(app, 'dist'));
      writeFileSync(join(app, 'render.mjs'), litRender);
      run(['node', 'render.mjs'], app);
      // The hydration support must load before any element is defined.
      writeFileSync(
        join(app, 'client.js'),
        `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport('dandelion-widgets');\n`,
      );
      run(
        [
          'npx',
          'esbuild',
          'client.js',
          '--bundle',
          '--splitting',
          '--format=esm',
          '--outdir=dist',
          '--log-level=warning',
        ],
        app,
      );
      copyFixtures(join(app, 'dist'));
      return join(app, 'dist');
    },
  },
  next: {
    deps: ['next@^15', 'react@^19', 'react-dom@^19', '@lit-labs/nextjs@^0.2'],
    build(app) {
      // Chromium has declarative shadow DOM: no polyfill script.
      writeFileSync(
        join(app, 'next.config.js'),
        `import litSsr from '@lit-labs/nextjs';
export default litSsr({ addDeclarativeShadowDomPolyfill: false })({ output: 'export' });
`,
      );
      mkdirSync(join(app, 'pages'));
      writeFileSync(
        join(app, 'pages/index.jsx'),
        `import 'dandelion-widgets';

export default function Home() {
  return (
    <main>
      ${Object.values(markup).join('\n      ')}
    </main>
  );
}
`,
      );
      copyFixtures(join(app, 'public'));
      run(['npx', 'next', 'build'], app, { NEXT_TELEMETRY_DISABLED: '1' });
      return join(app, 'out');
    },
  },
};

/**
 * Opens the page: the server's shadow roots are there when the parser is done (before the
 * deferred scripts), their outer nodes are the same ones once every widget shows content.
 */
async function checkPage(browser, name, root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  for (const tag of Object.keys(parts)) {
    const at = html.indexOf(`<${tag} `);
    if (at === -1 || !html.startsWith('<template shadowroot', html.indexOf('>', at) + 1)) {
      problems.push(`${name}: <${tag}> has no declarative shadow root in the HTML`);
    }
  }
  const server = await serveStatic(root);
  const tab = await browser.newPage();
  const errors = [];
  watchPage(tab, errors);
  tab.on('console', (m) => {
    // Failed requests are the response handler's (some 404 on purpose).
    if (/^Failed to load resource/.test(m.text())) return;
    if (m.type() === 'error' || /hydrat/i.test(m.text()))
      errors.push(`console ${m.type()}: ${m.text()}`);
  });
  await tab.addInitScript((tags) => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      // Parsed, no script run yet: the server's markup, outer node of each shadow root.
      window.serverMarkup = Object.fromEntries(
        tags.map((tag) => {
          const shadow = document.querySelector(tag)?.shadowRoot;
          return [tag, shadow && [...shadow.children].find((e) => e.localName !== 'style')];
        }),
      );
    });
  }, Object.keys(parts));
  try {
    await tab.goto(`${server.base}/index.html`);
    await tab.waitForFunction(
      (expected) =>
        Object.entries(expected).every(([tag, part]) =>
          document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`),
        ),
      parts,
      { timeout: 30_000, polling: 100 },
    );
    const kept = await tab.evaluate(() =>
      Object.entries(window.serverMarkup ?? {}).map(([tag, node]) => {
        if (!node) return `<${tag}>: no server-rendered shadow root before scripts ran`;
        const shadow = document.querySelector(tag).shadowRoot;
        // Without hydration Lit renders anew: into a cleared root, or after the server's nodes.
        const alike = [...shadow.children].filter(
          (e) => e.localName === node.localName && e.className === node.className,
        );
        return node.getRootNode() === shadow && alike.length === 1
          ? ''
          : `<${tag}>: the client rendered anew instead of hydrating the server's markup (a flash)`;
      }),
    );
    errors.push(...kept.filter(Boolean));
    if (errors.length === 0)
      console.log(`${name}: Chromium: hydrated the server's markup; all four show content`);
  } catch (error) {
    errors.push(String(error).split('\n')[0]);
  } finally {
    await tab.close();
    server.close();
  }
  for (const error of errors) problems.push(`${name}: ${error}`);
}

await visitApps(
  'server rendering',
  'every widget renders to declarative shadow DOM (@lit-labs/ssr, and Next.js with @lit-labs/nextjs) and hydrates in Chromium without a mismatch or a flash.',
  apps,
  async (browser, name, recipe, app) => {
    const started = Date.now();
    const root = recipe.build(app);
    console.log(`${name}: built in ${Math.round((Date.now() - started) / 1000)} s`);
    await checkPage(browser, name, root);
  },
);
