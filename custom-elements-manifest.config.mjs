/**
 * Custom Elements Manifest (`npm run analyze` → custom-elements.json), read by editors, Storybook,
 * the README reference and the generated framework types / editor data (scripts/*-data.mjs).
 * The manifest describes the published package: module paths point at the JavaScript in `dist/`
 * (the npm build keeps one file per source module), and each tag name is defined where the
 * package really defines it: in the widget's `define.js`, by the widget's class.
 */
import { posix } from 'node:path';

const entryFiles = {
  'src/index.ts': 'dist/index.js',
  'src/core/index.ts': 'dist/core.js',
  'src/react/index.ts': 'dist/react.js',
};

/** `src/a/b.ts` → the file the npm build writes for it. */
export function distPath(path) {
  if (entryFiles[path]) return entryFiles[path];
  const widgetEntry = /^src\/([\w-]+)\/index\.ts$/.exec(path);
  if (widgetEntry) return `dist/${widgetEntry[1]}.js`;
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

function dandelionManifest() {
  return {
    name: 'dandelion-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = new Map(); // tag → [class name, module path]
      for (const module of manifest.modules) {
        for (const d of module.declarations ?? []) {
          if (d.customElement && d.tagName) elements.set(d.tagName, [d.name, module.path]);
        }
      }
      for (const module of manifest.modules) {
        // `defineElement(name, ctor)` in core is a helper, not a definition of its own.
        module.exports = (module.exports ?? []).filter(
          (e) => e.kind !== 'custom-element-definition',
        );
        const define = /^src\/([\w-]+)\/define\.ts$/.exec(module.path);
        if (define && elements.has(define[1])) {
          const [name, path] = elements.get(define[1]);
          module.exports.push({
            kind: 'custom-element-definition',
            name: define[1],
            declaration: { name, module: path },
          });
        }
      }
      // Only what describes elements: the widgets, their base classes and the define modules.
      // The readers, models and helpers are documented by their TypeScript types (dist/types);
      // listed here they would make the manifest five times larger for no editor's benefit.
      const bases = new Set();
      for (const module of manifest.modules) {
        for (const d of module.declarations ?? []) {
          for (let s = d.customElement ? d.superclass : undefined; s;) {
            bases.add(s.name);
            const found = manifest.modules
              .flatMap((m) => m.declarations ?? [])
              .find((x) => x.kind === 'class' && x.name === s.name);
            s = found?.superclass;
          }
        }
      }
      manifest.modules = manifest.modules.filter(
        (module) =>
          module.exports.some((e) => e.kind === 'custom-element-definition') ||
          (module.declarations ?? []).some(
            (d) => d.customElement || (d.kind === 'class' && bases.has(d.name)),
          ),
      );
      for (const module of manifest.modules) {
        module.declarations = (module.declarations ?? []).filter(
          (d) => d.customElement || (d.kind === 'class' && bases.has(d.name)),
        );
        module.exports = (module.exports ?? []).filter(
          (e) =>
            e.kind === 'custom-element-definition' ||
            module.declarations.some((d) => d.name === e.declaration?.name),
        );
      }
      // Module paths: source → published JavaScript (after the definitions above are linked).
      // Superclasses come as `/src/core/data-element.js`, re-exports as `./service-finder.js`.
      const rewrite = (ref, from) => {
        if (!ref || typeof ref.module !== 'string') return;
        let source = ref.module.replace(/^\//, '');
        if (source.startsWith('.')) source = posix.join(posix.dirname(from), source);
        source = source.replace(/\.js$/, '.ts');
        if (source.startsWith('src/')) ref.module = distPath(source);
      };
      const walk = (value, from) => {
        if (Array.isArray(value)) value.forEach((v) => walk(v, from));
        else if (value && typeof value === 'object') {
          rewrite(value, from);
          Object.values(value).forEach((v) => walk(v, from));
        }
      };
      for (const module of manifest.modules) {
        walk(module.declarations, module.path);
        walk(module.exports, module.path);
        module.path = distPath(module.path);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/generated/**'],
  litelement: true,
  plugins: [dandelionManifest()],
};
