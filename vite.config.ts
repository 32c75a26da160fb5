import { defineConfig, type Plugin } from 'vite';
import { Features, transform as transformCss } from 'lightningcss';
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

/**
 * Minifies the CSS inside Lit's css`…` literals of the style modules (`*.styles.ts`,
 * `core/styles.ts`) at build time: Lit ships them as written, comments and indentation included.
 * Only literals without `${}` or backslashes are touched; anything lightningcss rejects fails
 * the build rather than shipping broken styles.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'dandelion-minify-lit-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*styles\.ts$/.test(id)) return null;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (_, text: string) => {
        const { code: min } = transformCss({
          filename: id,
          code: new TextEncoder().encode(text),
          minify: true,
          // Container queries are the floor (Chrome 105, Safari 16); keep syntax they all read.
          targets: { chrome: 105 << 16, safari: 16 << 16, firefox: 110 << 16 },
          // No style uses light-dark(); without this every color-scheme declaration gets two
          // unused --lightningcss-light/-dark helper properties for that polyfill.
          exclude: Features.LightDark,
        });
        return `css\`${new TextDecoder().decode(min)}\``;
      });
      return { code: out, map: null };
    },
  };
}

/** The CDN build is for plain pages: no React wrappers there. */
const cdnEntries = Object.fromEntries(Object.entries(entries).filter(([name]) => name !== 'react'));

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    plugins: [minifyLitCss()],
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
          // Vite keeps whitespace (and pure annotations) in lib-mode ES output for bundlers to
          // tree-shake; the CDN files are end products, so they are minified completely.
          ...(cdn ? { minify: true, comments: { annotation: false } } : {}),
          entryFileNames: '[name].js',
          chunkFileNames: cdn ? 'chunks/[name]-[hash].js' : 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
