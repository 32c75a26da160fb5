#!/usr/bin/env node
// Consumes the package as a user's app does: packs it (`npm pack`), installs the tarball into
// fresh throwaway apps, builds each one for production with Vite (vanilla TS), webpack 5 and
// esbuild, and opens every built page in Chromium. Each page imports one widget by its documented
// one-line import (`import 'dandelion-widgets/service-finder'`), one page imports the root entry;
// every element on it must be defined and reach its content state. A production bundler drops
// modules that package.json#sideEffects calls pure, so this is where a lost `customElements.define`
// shows. Also imports every entry point in plain Node (server rendering must not crash).
//
// Usage: node scripts/consumer-apps.mjs [--keep] [--tarball path.tgz]
//   (--keep leaves the apps in the temp folder)
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';
import { appsScript, copyFixtures, run, watchPage, widgets } from './throwaway-apps.mjs';

const { problems, visitApps } = appsScript('consumer');

/** page name → [import specifier, widgets on the page] */
const pages = {
  ...Object.fromEntries(Object.keys(widgets).map((w) => [w, [`dandelion-widgets/${w}`, [w]]])),
  all: ['dandelion-widgets', Object.keys(widgets)],
};

const bundlers = {
  vite: {
    deps: ['vite@^8'],
    files(app) {
      for (const [name, [specifier]] of Object.entries(pages)) {
        writeFileSync(join(app, `${name}.ts`), `import '${specifier}';\n`);
        writeFileSync(
          join(app, `${name}.html`),
          html(name, `<script type="module" src="./${name}.ts"></script>`),
        );
      }
      const input = Object.keys(pages).map((name) => `'${name}.html'`);
      writeFileSync(
        join(app, 'vite.config.mjs'),
        `export default { build: { rollupOptions: { input: [${input.join(', ')}] } } };\n`,
      );
    },
    build: ['npx', 'vite', 'build'],
  },
  webpack: {
    deps: ['webpack@^5', 'webpack-cli@^7'],
    files(app) {
      const entry = {};
      for (const [name, [specifier]] of Object.entries(pages)) {
        writeFileSync(join(app, `${name}.js`), `import '${specifier}';\n`);
        entry[name] = `./${name}.js`;
      }
      writeFileSync(
        join(app, 'webpack.config.cjs'),
        `module.exports = ${JSON.stringify({ mode: 'production', entry, output: { path: join(app, 'dist'), publicPath: '/' } }, null, 2)};\n`,
      );
    },
    build: ['npx', 'webpack', '--config', 'webpack.config.cjs'],
    after(app) {
      for (const name of Object.keys(pages)) {
        writeFileSync(
          join(app, 'dist', `${name}.html`),
          html(name, `<script defer src="/${name}.js"></script>`),
        );
      }
    },
  },
  esbuild: {
    // React too: the `/react` entry must import in Node where an app has React installed.
    deps: ['esbuild@^0.28', 'react@^19', 'react-dom@^19'],
    files(app) {
      for (const [name, [specifier]] of Object.entries(pages)) {
        writeFileSync(join(app, `${name}.js`), `import '${specifier}';\n`);
      }
    },
    build: [
      'npx',
      'esbuild',
      ...Object.keys(pages).map((name) => `${name}.js`),
      '--bundle',
      '--splitting',
      '--format=esm',
      '--minify',
      '--outdir=dist',
    ],
    after(app) {
      for (const name of Object.keys(pages)) {
        writeFileSync(
          join(app, 'dist', `${name}.html`),
          html(name, `<script type="module" src="/${name}.js"></script>`),
        );
      }
    },
  },
};

function html(name, script) {
  const body = pages[name][1].map((w) => widgets[w].markup).join('\n    ');
  return `<!doctype html>
<html lang="zh-Hans">
  <head><meta charset="utf-8"><title>${name}</title></head>
  <body>
    ${body}
    ${script}
  </body>
</html>
`;
}

function sizeOf(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = join(dir, entry);
    if (/\.(m?js)$/.test(entry) && statSync(file).isFile()) bytes += statSync(file).size;
  }
  return bytes;
}

/** Every entry point imports in plain Node without throwing (browser globals guarded at use). */
function importInNode(app) {
  const entries = [
    'dandelion-widgets',
    ...Object.keys(widgets).map((w) => `dandelion-widgets/${w}`),
  ];
  entries.push('dandelion-widgets/core', 'dandelion-widgets/react');
  for (const specifier of entries) {
    try {
      execFileSync('node', ['--input-type=module', '-e', `await import('${specifier}');`], {
        cwd: app,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      console.log(`  node: import '${specifier}' ok`);
    } catch (error) {
      problems.push(
        `node: import '${specifier}' threw: ${String(error.stderr ?? error)
          .trim()
          .split('\n')
          .slice(0, 6)
          .join(' | ')}`,
      );
    }
  }
}

async function checkPages(browser, bundler, root) {
  const server = await serveStatic(root);
  try {
    for (const [name, [specifier, onPage]] of Object.entries(pages)) {
      const tab = await browser.newPage();
      const errors = [];
      watchPage(tab, errors);
      try {
        await tab.goto(`${server.base}/${name}.html`);
        const expected = Object.fromEntries(onPage.map((w) => [w, widgets[w].part]));
        await tab.waitForFunction(
          (parts) =>
            Object.entries(parts).every(
              ([tag, part]) =>
                customElements.get(tag) &&
                document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`),
            ),
          expected,
          { timeout: 30_000, polling: 100 },
        );
        console.log(`  ${bundler}: import '${specifier}' → ${onPage.join(', ')} show content`);
      } catch (error) {
        const state = await tab
          .evaluate(
            (tags) =>
              tags.map(
                (tag) =>
                  `<${tag}> ${customElements.get(tag) ? 'defined' : 'UNDEFINED'}, shadow: ${(document.querySelector(tag)?.shadowRoot?.textContent ?? '(none)').replace(/\s+/g, ' ').trim().slice(0, 80)}`,
              ),
            onPage,
          )
          .catch(() => []);
        errors.push(`${String(error).split('\n')[0]}; ${state.join('; ')}`);
      }
      for (const error of errors) problems.push(`${bundler} ${name}.html: ${error}`);
      await tab.close();
    }
  } finally {
    server.close();
  }
}

await visitApps(
  'consumer apps',
  'every widget is defined and shows content in Vite, webpack and esbuild production builds; every entry imports in Node.',
  bundlers,
  async (browser, bundler, recipe, app) => {
    recipe.files(app);
    if (bundler === 'vite') copyFixtures(join(app, 'public'));
    run(recipe.build, app);
    recipe.after?.(app);
    if (bundler !== 'vite') copyFixtures(join(app, 'dist'));
    console.log(`${bundler}: built ${(sizeOf(join(app, 'dist')) / 1024).toFixed(1)} KB of JS`);
    if (bundler === 'esbuild') importInNode(app);
    await checkPages(browser, bundler, join(app, 'dist'));
  },
);
