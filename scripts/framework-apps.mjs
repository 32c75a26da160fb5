#!/usr/bin/env node
// Consumes the packed tarball as React 19, Vue 3 and Svelte 5 apps do. For each framework a
// throwaway app (fresh `npm install` of the tarball, never a link) that:
// 1. type-checks strictly with the framework's own checker (tsc --noEmit / vue-tsc / svelte-check)
//    using the raw tags through `dandelion-widgets/jsx`, `/vue`, `/svelte` (and, in React, the
//    per-widget wrappers), including typed event detail (`detail.item.name` must be a string);
// 2. fails that check once a file with a wrong attribute type (`page-size` "five") is added, with
//    the checker naming that attribute;
// 3. builds with Vite and opens in Chromium: the widgets reach content, events reach the
//    framework's handlers, and in Vue and Svelte `sync-url` bound to false (which those write as
//    the attribute `sync-url="false"`) really leaves the page URL alone.
//
// Usage: node scripts/framework-apps.mjs [--keep] [--tarball path.tgz] [--only react,vue,svelte]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serveStatic } from './static-server.mjs';
import { appsScript, copyFixtures, watchPage } from './throwaway-apps.mjs';

const { problems, visitApps } = appsScript('framework');

const finderData = '/data/finder/hsds-services.json';
const strict = {
  strict: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  noEmit: true,
  isolatedModules: true,
  noUnusedLocals: true,
  types: [],
};
const html = (title, ...entries) => `<!doctype html>
<html lang="zh-Hans">
  <head><meta charset="utf-8"><title>${title}</title></head>
  <body><div id="app"></div>${entries.map((entry) => `<script type="module" src="${entry}"></script>`).join('')}</body>
</html>
`;

/**
 * A same-named attribute and property as plain text, where the framework sets the property to
 * the string. The generated types want a number and a boolean there, so this lives in a
 * component no checker reads (mounted from a JavaScript file), as in an app without TypeScript.
 */
const sameNamed =
  '<story-carousel src="/data/carousel/feed.xml" interval="3000" loop="false"></story-carousel>';
const untypedCarousel = (component, mount, source) => ({
  'src/plain.js': `import 'dandelion-widgets/story-carousel';\nconst host = document.body.appendChild(document.createElement('div'));\n${mount}`,
  [`src/${component}`]: source,
});

/** Each app: its dependencies, files, type check command, the wrong file, and page checks. */
const apps = {
  react: {
    deps: [
      'react@^19',
      'react-dom@^19',
      '@types/react@^19',
      '@types/react-dom@^19',
      'typescript@~5.9',
      'vite@^8',
    ],
    files: {
      'tsconfig.json': JSON.stringify(
        { compilerOptions: { ...strict, jsx: 'react-jsx', skipLibCheck: false }, include: ['src'] },
        null,
        2,
      ),
      'vite.config.mjs': `export default { oxc: { jsx: { runtime: 'automatic' } } };\n`,
      'index.html': html('react', '/src/main.tsx'),
      'src/main.tsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'dandelion-widgets/jsx';
import 'dandelion-widgets/service-finder';
import type { Service } from 'dandelion-widgets/service-finder/class';
import { StoryCarousel } from 'dandelion-widgets/react/story-carousel';

function App() {
  const [loaded, setLoaded] = useState(0);
  const [first, setFirst] = useState('');
  return (
    <>
      {/* The raw tag: attributes typed from the manifest, the element's own typed events. */}
      <service-finder
        src="${finderData}"
        format="hsds"
        page-size="5"
        sync-url={false}
        ondandelion-load={(e) => {
          const items: Service[] = e.detail.items;
          setLoaded(items.length);
        }}
        ondandelion-select={(e) => console.log(e.detail.item.name.trim())}
      />
      {/* A per-widget wrapper (imports only <story-carousel>), typed callbacks. */}
      <StoryCarousel
        src="/data/carousel/feed.xml"
        perView={1}
        onDandelionLoad={(e) => setFirst(e.detail.items[0]?.title ?? '')}
      />
      <p id="react-state">{loaded} services; first story: {first}</p>
    </>
  );
}
createRoot(document.getElementById('app')!).render(<StrictMode><App /></StrictMode>);
`,
    },
    check: ['npx', 'tsc', '-p', 'tsconfig.json'],
    wrong: [
      'src/wrong.tsx',
      `import type {} from 'dandelion-widgets/jsx';\nexport const wrong = <service-finder page-size="five" />;\n`,
    ],
    wrongMessage: /page-size/,
    async page(tab) {
      await tab.waitForFunction(
        () =>
          /^\d+ services; first story: \S/.test(
            document.querySelector('#react-state')?.textContent ?? '',
          ) && !document.querySelector('#react-state')?.textContent?.startsWith('0 '),
        null,
        { timeout: 30_000, polling: 100 },
      );
      return tab.evaluate(() => document.querySelector('#react-state')?.textContent);
    },
  },
  vue: {
    deps: ['vue@^3.5', 'vue-tsc@^3', 'typescript@~5.9', 'vite@^8', '@vitejs/plugin-vue@^6'],
    files: {
      'tsconfig.json': JSON.stringify(
        {
          compilerOptions: { ...strict, jsx: 'preserve', skipLibCheck: true },
          include: ['src/**/*.ts', 'src/**/*.vue'],
          // The untyped component (see untypedCarousel), as in an app without TypeScript.
          exclude: ['src/Plain.vue'],
        },
        null,
        2,
      ),
      'vite.config.mjs': `import vue from '@vitejs/plugin-vue';
export default {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } })],
};
`,
      'index.html': html('vue', '/src/main.ts', '/src/plain.js'),
      'src/env.d.ts': `import type {} from 'dandelion-widgets/vue';\ndeclare module '*.vue' {\n  import type { DefineComponent } from 'vue';\n  const component: DefineComponent;\n  export default component;\n}\n`,
      'src/main.ts': `import { createApp } from 'vue';\nimport 'dandelion-widgets/service-finder';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n`,
      ...untypedCarousel(
        'Plain.vue',
        `import { createApp } from 'vue';\nimport Plain from './Plain.vue';\ncreateApp(Plain).mount(host);\n`,
        `<template>\n  ${sameNamed}\n</template>\n`,
      ),
      'src/App.vue': `<script setup lang="ts">
import { ref } from 'vue';
const loaded = ref(0);
const opened = ref('');
</script>

<template>
  <service-finder
    src="${finderData}"
    format="hsds"
    :page-size="5"
    :sync-url="false"
    @dandelion-load="loaded = $event.detail.items.length"
    @dandelion-select="opened = $event.detail.item.name"
  ></service-finder>
  <p id="vue-state">{{ loaded }} services {{ opened }}</p>
</template>
`,
    },
    check: ['npx', 'vue-tsc', '--noEmit', '-p', 'tsconfig.json'],
    wrong: [
      'src/Wrong.vue',
      `<template>\n  <service-finder :page-size="'five'"></service-finder>\n</template>\n`,
    ],
    wrongMessage: /five|pageSize|page-size/,
    page: (tab) => syncUrlOff(tab, '#vue-state'),
  },
  svelte: {
    deps: [
      'svelte@^5',
      'svelte-check@^4',
      'typescript@~5.9',
      'vite@^8',
      '@sveltejs/vite-plugin-svelte@^7',
    ],
    files: {
      'tsconfig.json': JSON.stringify(
        {
          compilerOptions: { ...strict, verbatimModuleSyntax: true, skipLibCheck: true },
          include: ['src/**/*.ts', 'src/**/*.svelte'],
        },
        null,
        2,
      ),
      'vite.config.mjs': `import { svelte } from '@sveltejs/vite-plugin-svelte';\nexport default { plugins: [svelte()] };\n`,
      'index.html': html('svelte', '/src/main.ts', '/src/plain.js'),
      'src/env.d.ts': `import type {} from 'dandelion-widgets/svelte';\n`,
      'src/main.ts': `import { mount } from 'svelte';\nimport 'dandelion-widgets/service-finder';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app')! });\n`,
      ...untypedCarousel(
        'Plain.svelte',
        `import { mount } from 'svelte';\nimport Plain from './Plain.svelte';\nmount(Plain, { target: host });\n`,
        `${sameNamed}\n`,
      ),
      'src/App.svelte': `<script lang="ts">
  let loaded: number = $state(0);
  let opened: string = $state('');
</script>

<service-finder
  src="${finderData}"
  format="hsds"
  page-size={5}
  sync-url={false}
  ondandelion-load={(e) => (loaded = e.detail.items.length)}
  ondandelion-select={(e) => (opened = e.detail.item.name)}
></service-finder>
<p id="svelte-state">{loaded} services {opened}</p>
`,
    },
    check: ['npx', 'svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
    // svelte-check types markup only in a component with a TypeScript script.
    wrong: [
      'src/Wrong.svelte',
      `<script lang="ts">\n  let label: string = 'x';\n</script>\n\n<service-finder page-size="five" title={label}></service-finder>\n`,
    ],
    wrongMessage: /page-size/,
    page: (tab) => syncUrlOff(tab, '#svelte-state'),
  },
};

/**
 * The page was opened with `?sf-q=心理`: with sync-url off the finder neither reads that query
 * nor writes one, although the framework set the attribute `sync-url="false"`.
 */
async function syncUrlOff(tab, state) {
  await tab.waitForFunction(
    (selector) => /^[1-9]\d* services/.test(document.querySelector(selector)?.textContent ?? ''),
    state,
    { timeout: 30_000, polling: 100 },
  );
  const seen = await tab.evaluate(() => {
    const finder = document.querySelector('service-finder');
    const carousel = document.querySelector('story-carousel');
    const box = finder.shadowRoot.querySelector('input[type="search"], input');
    return {
      attribute: finder.getAttribute('sync-url'),
      property: finder.syncUrl,
      query: box?.value,
      services: finder.shadowRoot.querySelectorAll('[part~="service"]').length,
      url: location.search,
      carousel: [carousel.interval, carousel.loop],
    };
  });
  const ok =
    seen.attribute === 'false' &&
    seen.property === false &&
    seen.query === '' &&
    seen.services > 0 &&
    new URLSearchParams(seen.url).get('sf-q') === '心理';
  if (!ok) throw new Error(`sync-url="false" did not turn URL sync off: ${JSON.stringify(seen)}`);
  // The framework set the properties to the strings "3000" and "false".
  if (seen.carousel[0] !== 3000 || seen.carousel[1] !== false)
    throw new Error(`interval="3000" loop="false" read as ${JSON.stringify(seen.carousel)}`);
  return `sync-url="false" → off (attribute "false", property false, URL query ignored), ${seen.services} services shown; interval="3000" loop="false" → 3000, false`;
}

function run(command, cwd) {
  const [bin, ...args] = command;
  return spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

function write(app, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, path)), { recursive: true });
    writeFileSync(join(app, path), text);
  }
}

await visitApps(
  'framework apps',
  'React 19, Vue 3 and Svelte 5 type-check strictly (and reject a wrong attribute type), build with Vite and show the widgets in Chromium.',
  apps,
  async (browser, name, recipe, app) => {
    write(app, recipe.files);

    const good = run(recipe.check, app);
    if (good.status !== 0) {
      problems.push(
        `${name}: ${recipe.check.slice(1).join(' ')} failed on the correct app:\n${good.stdout}${good.stderr}`,
      );
      return;
    }
    console.log(`${name}: ${recipe.check[1]} strict passes (raw tags, typed events)`);

    const [wrongPath, wrongText] = recipe.wrong;
    write(app, { [wrongPath]: wrongText });
    const bad = run(recipe.check, app);
    rmSync(join(app, wrongPath));
    const said = `${bad.stdout}${bad.stderr}`;
    if (bad.status === 0)
      problems.push(`${name}: ${recipe.check[1]} accepted ${wrongPath} (page-size "five")`);
    else if (!recipe.wrongMessage.test(said))
      problems.push(
        `${name}: ${recipe.check[1]} failed on ${wrongPath}, but not for page-size:\n${said}`,
      );
    else console.log(`${name}: ${recipe.check[1]} rejects page-size "five" in ${wrongPath}`);

    const build = run(['npx', 'vite', 'build'], app);
    if (build.status !== 0) {
      problems.push(`${name}: vite build failed:\n${build.stdout}${build.stderr}`);
      return;
    }
    copyFixtures(join(app, 'dist'));
    const server = await serveStatic(join(app, 'dist'));
    const tab = await browser.newPage();
    const errors = [];
    watchPage(tab, errors);
    try {
      await tab.goto(`${server.base}/index.html?sf-q=${encodeURIComponent('心理')}`);
      console.log(`${name}: Chromium: ${await recipe.page(tab)}`);
    } catch (error) {
      errors.push(String(error).split('\n')[0]);
    } finally {
      await tab.close();
      server.close();
    }
    for (const error of errors) problems.push(`${name} page: ${error}`);
  },
);
