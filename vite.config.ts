import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Public entry points (see package.json#exports). Widgets are added as they land. */
const candidates: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  'service-finder': 'src/service-finder/index.ts',
  'event-calendar': 'src/event-calendar/index.ts',
  'intake-form': 'src/intake-form/index.ts',
  'story-carousel': 'src/story-carousel/index.ts',
  react: 'src/react/index.ts',
};
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const entries = Object.fromEntries(
  Object.entries(candidates)
    .filter(([, path]) => existsSync(here(path)))
    .map(([name, path]) => [name, here(path)]),
);

const runtimeDependencies = [
  /^lit($|\/)/,
  /^@lit\//,
  /^dompurify$/,
  /^papaparse$/,
  /^ical\.js$/,
  /^idb-keyval$/,
  /^react($|\/)/,
];

/** The CDN build is for plain pages: no React wrappers there. */
const cdnEntries = Object.fromEntries(Object.entries(entries).filter(([name]) => name !== 'react'));

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: !cdn,
      sourcemap: true,
      minify: cdn,
      lib: { entry: cdn ? cdnEntries : entries, formats: ['es'] },
      rollupOptions: {
        // npm build: dependencies stay imports (the app's bundler dedupes lit);
        // CDN build: everything bundled, lazy parts (ical.js, DOMPurify, locales) as chunks.
        external: cdn ? [] : runtimeDependencies,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: cdn ? 'chunks/[name]-[hash].js' : 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
