import { defineConfig, type Plugin, type Rollup } from 'vite';
import { Features, transform as transformCss, transformStyleAttribute } from 'lightningcss';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { transform } from 'esbuild';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocales } from './scripts/ensure-locales.mjs';

/** Public entry points (see package.json#exports). Widgets are added as they land. */
const candidates: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  'service-finder': 'src/service-finder/index.ts',
  'event-calendar': 'src/event-calendar/index.ts',
  'intake-form': 'src/intake-form/index.ts',
  'story-carousel': 'src/story-carousel/index.ts',
  // Side-effect-free class entries (`dandelion-widgets/<widget>/class`): no tag registered.
  'service-finder/class': 'src/service-finder/class.ts',
  'event-calendar/class': 'src/event-calendar/class.ts',
  'intake-form/class': 'src/intake-form/class.ts',
  'story-carousel/class': 'src/story-carousel/class.ts',
  react: 'src/react/index.ts',
  // One React wrapper per widget (`dandelion-widgets/react/<widget>`): an app pays for what it uses.
  'react/service-finder': 'src/react/service-finder.ts',
  'react/event-calendar': 'src/react/event-calendar.ts',
  'react/intake-form': 'src/react/intake-form.ts',
  'react/story-carousel': 'src/react/story-carousel.ts',
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
  /^re2js$/,
  /^ical\.js$/,
  /^idb-keyval$/,
  /^react($|\/)/,
];

/**
 * Minifies the CSS inside Lit's css`…` literals of the style modules (`*.styles.ts`,
 * `core/styles.ts`) at build time: Lit ships them as written, comments and indentation included.
 * Only literals without `${}` or backslashes are touched (whole rules, or a list of declarations
 * that several rules share); anything lightningcss rejects fails the build rather than shipping
 * broken styles.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'dandelion-minify-lit-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*styles\.ts$/.test(id)) return null;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (_, text: string) => {
        const options = {
          filename: id,
          code: new TextEncoder().encode(text),
          minify: true,
          // Container queries are the floor (Chrome 105, Safari 16); keep syntax they all read.
          targets: { chrome: 105 << 16, safari: 16 << 16, firefox: 110 << 16 },
          // No style uses light-dark(); without this every color-scheme declaration gets two
          // unused --lightningcss-light/-dark helper properties for that polyfill.
          exclude: Features.LightDark,
        };
        // A literal without a rule is a list of declarations shared by several rules.
        const { code: min } = text.includes('{')
          ? transformCss(options)
          : transformStyleAttribute(options);
        return `css\`${new TextDecoder().decode(min)}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * Drops the source indentation inside Lit's html`…`/svg`…` templates at build time: a run of
 * whitespace that contains a line break becomes just the line break(s). The browser renders that
 * exactly as before (a collapsible space; line breaks stay where they were for `pre-line`), and
 * line numbers stay put for the sourcemaps. Only the literal parts change, never `${}` code.
 */
function minifyLitHtml(): Plugin {
  return {
    name: 'dandelion-minify-lit-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(?:html|svg)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          (node.tag.text === 'html' || node.tag.text === 'svg')
        ) {
          const t = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(t)
            ? [t]
            : [t.head, ...t.templateSpans.map((span) => span.literal)];
          for (const part of parts) {
            // Between the opening ` or } and the closing ` or ${.
            const start = part.getStart(file) + 1;
            const end =
              part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
            const raw = code.slice(start, end);
            const text = raw.replace(/[ \t]*\n\s*/g, (ws) => ws.replace(/[^\n]/g, ''));
            if (text !== raw) edits.push({ start, end, text });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (edits.length === 0) return null;
      let out = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, start) + text + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * CDN build: every `msg()` call names its id (checked here: the build fails on one that does
 * not), so @lit/localize's id hashing (FNV-1a over each template, for messages without an id)
 * is never used and is left out of the files: a stub that names no message stands in for it.
 */
function explicitMessageIds(): Plugin {
  const stub = '\0dandelion-no-message-hashing';
  return {
    name: 'dandelion-explicit-message-ids',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === './id-generation.js' &&
        importer &&
        /[\\/]@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/.test(importer)
      )
        return stub;
      return null;
    },
    load(id) {
      return id === stub ? "export const generateMsgId = () => '';" : null;
    },
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\bmsg\(/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'msg'
        ) {
          const options = node.arguments[1];
          const named =
            options &&
            ts.isObjectLiteralExpression(options) &&
            options.properties.some(
              (p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'id',
            );
          if (!named) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            this.error(`${id}:${line + 1}: msg() without { id: '…' } (every message names its id)`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      return null;
    },
  };
}

/**
 * CDN entries (plain pages: no React wrappers; the `<widget>/class` entries register nothing, for
 * a page that picks its own tag names). `scripts/build-cdn.mjs` builds each one on its own (`DANDELION_CDN_ENTRY=<name>`),
 * so a widget's file holds everything it needs at first (lit included) instead of importing a
 * dozen shared chunks one after another: one request and one level before the element runs.
 * Lazy parts stay chunks of their own.
 */
const cdnEntries = Object.fromEntries(
  Object.entries(entries).filter(
    ([name]) =>
      !/^react($|\/)/.test(name) &&
      (!process.env.DANDELION_CDN_ENTRY || name === process.env.DANDELION_CDN_ENTRY),
  ),
);

/**
 * The records each widget reads: its own CDN file carries the loader of that kind only
 * (`__DANDELION_KIND__`, see `core/normalize/kinds.ts`); `null` in every other build.
 */
const widgetKinds: Record<string, string> = {
  'service-finder': 'service',
  'event-calendar': 'event',
  'story-carousel': 'story',
};

/** Message id prefix of each widget's own messages (`msg(…, { id: 'finder.…' })`). */
const messagePrefixes: Record<string, string> = {
  'service-finder': 'finder.',
  'event-calendar': 'calendar.',
  'intake-form': 'intake.',
  'story-carousel': 'carousel.',
};

/**
 * In a one-widget CDN build, the translation modules keep only that widget's messages and the
 * shared ones: a zh-Hans visitor of the carousel does not download the intake form's 60 strings.
 * The build fails if a module in the bundle asks for a message id the kept set does not cover.
 */
function perWidgetMessages(entry: string | undefined): Plugin | false {
  const widget = entry?.replace(/\/class$/, '');
  const own = widget && messagePrefixes[widget];
  if (!own) return false;
  const others = Object.values(messagePrefixes).filter((prefix) => prefix !== own);
  const kept = (id: string) => !others.some((prefix) => id.startsWith(prefix));
  const used = new Set<string>();
  /** The message ids each source module asks for. */
  const usedBy = new Map<string, string[]>();
  return {
    name: 'dandelion-per-widget-messages',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (/[\\/]src[\\/]generated[\\/]locales[\\/]/.test(id)) {
        // One `'id': str`…`,` or `'id': `…`,` entry per line (lit-localize's output).
        const out = code
          .split('\n')
          .filter((line) => {
            // (The first entry shares its line's indentation with `export const templates = {`.)
            const key = /^\s*'([\w.-]+)':/.exec(line)?.[1];
            return !key || kept(key);
          })
          .join('\n');
        return { code: out, map: null };
      }
      if (/[\\/]src[\\/].*\.ts$/.test(id)) {
        const ids = [...code.matchAll(/\bid: '([\w.-]+)'/g)].map((m) => m[1]!);
        for (const messageId of ids) used.add(messageId);
        if (ids.length) usedBy.set(id, ids);
      }
      return null;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [f] : []));
      const isLocale = (c: (typeof chunks)[number]) =>
        c.moduleIds.some((m) => /[\\/]src[\\/]generated[\\/]locales[\\/]/.test(m));
      // The entry and the loader chunk (what every widget with data runs before content).
      const firstView = new Set(
        chunks
          .filter((c) => c.isEntry || /(^|\/)loader-[^/]*\.js$/.test(c.fileName))
          .flatMap((c) => c.moduleIds.flatMap((m) => usedBy.get(m) ?? [])),
      );
      for (const chunk of chunks.filter(isLocale)) {
        let code = chunk.code;
        if (usedMessagesOnly.has(widget)) code = splitLocaleChunk(code, used, chunk.fileName).kept;
        if (splitMessages.has(widget)) {
          const split = splitLocaleChunk(code, firstView, chunk.fileName);
          const hash = createHash('sha256').update(split.rest).digest('base64url').slice(0, 8);
          const fileName = `${posix.dirname(chunk.fileName)}/${chunk.name}-more-${hash}.js`;
          code = split.code.replace('__MORE__', `./${posix.basename(fileName)}`);
          this.emitFile({ type: 'asset', fileName, source: split.rest });
        }
        if (code === chunk.code) continue;
        chunk.code = code;
        // Named anew for what it now holds (its name was hashed before the split or the trim): a
        // cached copy of an older build's can never stand in for this one.
        const kept = createHash('sha256').update(code).digest('base64url').slice(0, 8);
        const renamed = `${posix.dirname(chunk.fileName)}/${chunk.name}-${kept}.js`;
        const [from, to] = [posix.basename(chunk.fileName), posix.basename(renamed)];
        for (const other of chunks) {
          if (other !== chunk && other.code.includes(from))
            other.code = other.code.split(from).join(to);
        }
        delete bundle[chunk.fileName];
        this.emitFile({ type: 'asset', fileName: renamed, source: code });
      }
    },
    buildEnd() {
      const missing = [...used].filter((id) => !kept(id));
      if (missing.length) {
        this.error(
          `${widget}: messages of another widget used but not kept: ${missing.join(', ')}`,
        );
      }
    },
  };
}

/**
 * CDN widget builds: the loader chunk (and the finder's formats chunk, fetched beside it when a
 * page sniffs) carries its own copy of the few Rolldown runtime helpers it uses (namespace
 * objects of the modules it holds) instead of importing Rolldown's runtime file, which every data
 * widget fetched before content (one more request for 0.4 KB gz). The
 * copy keeps only those helpers and runs in a function of its own (its names cannot meet the
 * loader's); the lazy chunks that need more of the runtime (CommonJS interop) still import it.
 */
function runtimeInLoader(): Plugin {
  return {
    name: 'dandelion-runtime-in-loader',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const runtime = chunks.find((c) => /(^|\/)rolldown-runtime-[^/]*\.js$/.test(c.fileName));
      if (!runtime) return;
      // The loader, and the finder's formats chunk (asked for beside it when a page sniffs).
      for (const chunk of chunks.filter((c) =>
        /(^|\/)(loader|formats)-[^/]*\.js$/.test(c.fileName),
      ))
        if (chunk.imports.includes(runtime.fileName)) await inlineRuntime(runtime, chunk);
    },
  };
}

/** Gives `chunk` its own copy of the Rolldown runtime helpers it imports from `runtime`. */
async function inlineRuntime(
  runtime: Rollup.OutputChunk,
  chunk: Rollup.OutputChunk,
): Promise<void> {
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(runtime.code);
  const imported = new RegExp(
    String.raw`import\s*\{([^}]*)\}\s*from\s*["'\`]\./` +
      posix.basename(runtime.fileName).replace(/[.$-]/g, '\\$&') +
      String.raw`["'\`];?`,
  ).exec(chunk.code);
  // Not the shape this step knows: the build stays as Rolldown made it.
  if (!exported || !imported) return;
  const pairs = (list: string) =>
    list.split(',').map((pair) => {
      const [name, as = name] = pair.trim().split(/\s+as\s+/);
      return [name, as] as const;
    });
  const localOf = new Map(pairs(exported[1]).map(([local, as]) => [as, local]));
  const used = pairs(imported[1]);
  if (used.some(([name]) => !localOf.has(name))) return;
  // The runtime's code with only what the chunk uses (esbuild drops the rest).
  const { code } = await transform(
    `${runtime.code.slice(0, exported.index)}\nexport{${used
      .map(([name]) => `${localOf.get(name)} as ${name}`)
      .join(',')}};`,
    { format: 'esm', minify: true, treeShaking: true },
  );
  const shaken = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!shaken) return;
  const copy = `const{${used.map(([name, local]) => `${name}:${local}`).join(',')}}=(()=>{${code.slice(
    0,
    shaken.index,
  )}return{${pairs(shaken[1])
    .map(([local, as]) => `${as}:${local}`)
    .join(',')}}})();`;
  chunk.code = chunk.code.replace(imported[0], copy);
  chunk.imports = chunk.imports.filter((file) => file !== runtime.fileName);
}

/**
 * One-widget CDN builds whose translations are split in two: the strings the widget's entry file
 * and loader chunk ask for (its first view) stay in the locale chunk, the rest travel in one more
 * file that `core/i18n/localization.ts` `loadLaterMessages()` loads with the first lazy part that
 * may show them (a `LazyModule` with `laterMessages`, every `LazyView` but first-view ones, the
 * error view). `npm run smoke:messages` checks each of these widgets on the built files.
 */
const splitMessages = new Set<string | undefined>([
  'intake-form',
  'service-finder',
  'story-carousel',
]);

/**
 * One-widget CDN builds whose translation modules keep only the messages some module of the
 * build asks for: the shared ones no part of the carousel shows (map links, event titles) are not
 * downloaded by its visitors.
 */
const usedMessagesOnly = new Set<string | undefined>(['story-carousel']);

/**
 * Splits a built locale chunk (`import{…}from"…";var t={"id":`…`,…};export{t as templates};`)
 * into the entries in `keep` and a module of the rest; the kept one exports `more`, importing
 * `__MORE__` (`kept`: the entries in `keep` alone, shaped as before). Fails the build on any
 * other shape rather than ship a broken locale.
 */
function splitLocaleChunk(
  code: string,
  keep: ReadonlySet<string>,
  name: string,
): { code: string; rest: string; kept: string } {
  const shape =
    /^(import\{[^}]*\}from"[^"]+";)?var (\w+)=\{([^]*)\};export\{\2 as templates\};?\s*$/.exec(
      code,
    );
  const entries = shape ? [...shape[3]!.matchAll(/"([\w.-]+)":\w*`[^`]*`/g)] : [];
  if (!shape || entries.map((e) => e[0]).join(',') !== shape[3]) {
    throw new Error(`${name}: not the locale chunk shape the message split reads`);
  }
  const [, imports = '', name_] = shape;
  const part = (first: boolean) =>
    entries
      .filter((e) => keep.has(e[1]!) === first)
      .map((e) => e[0])
      .join(',');
  return {
    // `more()`: the rest, once, into the same templates (English for them if it fails).
    code: `${imports}var ${name_}={${part(true)}},r;const more=()=>r??=import("__MORE__").then(m=>void Object.assign(${name_},m.templates),e=>{r=void 0;console.warn("[dandelion] could not load the rest of the messages",e)});export{${name_} as templates,more};`,
    rest: `${imports}var ${name_}={${part(false)}};export{${name_} as templates};`,
    kept: `${imports}var ${name_}={${part(true)}};export{${name_} as templates};`,
  };
}

/**
 * CDN builds: a lazy chunk's own static imports start downloading together with it. Without this
 * the browser finds them only once the chunk has arrived and been parsed, one round trip later
 * (the loader imports Rolldown's small runtime chunk: on a phone, ~200 ms before the reader of the
 * data's format could even be asked for). Vite's own preload helper does this for apps, not in
 * library mode. Each `import("./x.js")` whose chunk imports files the importing chunk does not
 * already load becomes `(import("./dep.js").catch(() => {}), import("./x.js"))`: the extra
 * import only fetches and runs a module the lazy chunk runs anyway; a failed one is ignored here
 * (the chunk's own import reports it).
 */
function preloadLazyDependencies(): Plugin {
  return {
    name: 'dandelion-preload-lazy-dependencies',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [[file.fileName, file]] : [],
        ),
      );
      const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const dep of chunks.get(fileName)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      for (const chunk of chunks.values()) {
        const loaded = closure(chunk.fileName);
        const dir = posix.dirname(chunk.fileName);
        const relative = (to: string) => {
          const path = posix.relative(dir, to);
          return path.startsWith('.') ? path : `./${path}`;
        };
        chunk.code = chunk.code.replace(
          /\bimport\((["'`])(\.{1,2}\/[^"'`]+)\1\)/g,
          (call: string, _quote: string, specifier: string) => {
            const target = posix.normalize(posix.join(dir, specifier));
            if (!chunks.has(target)) return call;
            const extra = [...closure(target)].filter((f) => f !== target && !loaded.has(f));
            if (extra.length === 0) return call;
            const early = extra.map((f) => `import(${JSON.stringify(relative(f))}).catch(()=>{})`);
            return `(${early.join(',')},${call})`;
          },
        );
      }
    },
  };
}

/** V8's explicit compile hint (Chromium 136+; other engines read a comment). */
const compileHint = '//# allFunctionsCalledOnLoad\n';

/**
 * CDN builds: every file of our code starts with V8's explicit compile hint, so Chromium compiles
 * all its functions while the file streams in, on a background thread, instead of each one on
 * the main thread the first time it runs. A widget's files run almost whole when they load (the
 * entry, the loader, the format's reader, the view, the messages); compiling them on arrival took
 * 5–7% (~100 ms) off the calendar's cold load to its first event on the emulated phone
 * (interleaved pairs, CHANGELOG; measured before the bench timed the painted frame). Chunks
 * of third-party code alone (ical.js, Lit's directives), of which a page may run a part, compile
 * lazily as before. Last of the plugins: it marks the files as they are written.
 */
function compileHints(): Plugin {
  return {
    name: 'dandelion-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        if (file.type === 'chunk') {
          if (file.moduleIds.every((id) => /[\\/]node_modules[\\/]/.test(id))) continue;
          file.code = compileHint + file.code;
        } else if (typeof file.source === 'string') {
          // Message files that another plugin emitted anew (their split or trimmed form).
          file.source = compileHint + file.source;
        }
      }
    },
  };
}

/**
 * CDN builds: which source modules each file holds, in `build/cdn-chunks/<entry>.json` (not in
 * the package), for `npm run size:first-view` to tell what a page downloaded (a carousel reading
 * JSON must get no service code). Files with the same content have the same name in every entry.
 */
function chunkSources(entry: string | undefined): Plugin {
  return {
    name: 'dandelion-chunk-sources',
    apply: 'build',
    writeBundle(_options, bundle) {
      const sources: Record<string, string[]> = {};
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        // Emitted as assets: message files another plugin wrote anew (no modules of ours).
        const ids = file.type === 'chunk' ? file.moduleIds : [];
        sources[file.fileName] = ids.map((id) =>
          posix.relative(here('.'), id.replaceAll('\\', '/')),
        );
      }
      mkdirSync(here('build/cdn-chunks'), { recursive: true });
      const name = (entry ?? 'all').replaceAll('/', '-');
      writeFileSync(here(`build/cdn-chunks/${name}.json`), JSON.stringify(sources, null, 1));
    },
  };
}

/** The translated message modules are built, not tracked: build them before anything imports them. */
function localeModules(): Plugin {
  return {
    name: 'dandelion-locale-modules',
    config() {
      ensureLocales();
    },
  };
}

/**
 * CDN widget builds: the chunk a data widget loads first, together with its data (the data
 * request starts at once, see `core/data/early-request.ts`): the loader with every module it
 * imports statically, plus the small helpers the readers share and the calendar's series
 * expansion (it loads ical.js). One file instead of a tree of small chunks the browser would
 * only find one level at a time (normalize → loose-date → …); the reader of the data's format
 * stays a chunk of its own, found by the loader while the data travels.
 */
const loaderModules = (id: string): boolean =>
  /[\\/]src[\\/]core[\\/](resource[\\/]load-items|safe-url|stable-id|readers[\\/]source-records)\.ts$/.test(
    id,
  ) ||
  // The calendar expands recurring events (and loads ical.js) from here.
  (process.env.DANDELION_CDN_ENTRY === 'event-calendar' &&
    /[\\/]src[\\/]core[\\/]series\.ts$/.test(id)) ||
  // The records of a JSON document (items-path, envelopes): the JSON reader loads this for JSON
  // sources. Lists and calendars are mostly JSON; stories mostly feeds, so the carousel loads it
  // only when needed. JSON text the pager could not parse (`json-document.ts`) is rare: a chunk.
  (process.env.DANDELION_CDN_ENTRY !== 'story-carousel' &&
    /[\\/]src[\\/]core[\\/]readers[\\/]find-records\.ts$/.test(id)) ||
  // A finder's data is services: the JSON reader's service normalizer (records, service, where
  // and what they share) travels in the loader, not as six small chunks gzipped one by one.
  (process.env.DANDELION_CDN_ENTRY === 'service-finder' &&
    /[\\/]src[\\/]core[\\/]normalize[\\/](records|service|where|keys|values)\.ts$/.test(id)) ||
  // Stories are HTML by nature (feeds, WordPress): the carousel's loader carries the sanitizer;
  // the other widgets load it only for records with markup. Most story sources are RSS, and every
  // loaded source shows the carousel view: the RSS reader and the view travel in the loader too
  // (one file, one gzip dictionary, instead of three files found one level apart).
  (process.env.DANDELION_CDN_ENTRY === 'story-carousel' && carouselFirstView.test(id)) ||
  // Format definitions: a finder's loader carries those it gives (JSON, CSV, HSDS: see
  // `data-formats.ts`); the registry, `format="auto"`'s sniffing and the other definitions
  // travel in one chunk (`formatGroups`), asked for beside the loader. Calendars and carousels
  // mostly sniff: their loaders carry them all.
  (process.env.DANDELION_CDN_ENTRY === 'service-finder'
    ? /[\\/]src[\\/]core[\\/]readers[\\/]formats[\\/](?:json|csv|hsds)\.ts$/.test(id)
    : formatModules.test(id));

/** `formats.ts`, the registry, auto's sniffing and every format's definition (`readers/formats/`). */
const formatModules =
  /[\\/]src[\\/]core[\\/](?:formats|readers[\\/](?:registry|sniffing|formats[\\/]\w+))\.ts$/;
/** The finder's registry, sniffing and the definitions it does not give: one chunk, not eight. */
const formatGroups =
  process.env.DANDELION_CDN_ENTRY === 'service-finder'
    ? [{ name: 'formats', test: formatModules }]
    : [];

/**
 * Loose dates (`toIsoDate`) come with `fields.ts` into the loader (a group takes its modules'
 * dependencies along), but a service list needs them only with the service details
 * (`normalize/service-details.ts`) or a reader's code, and an RSS feed only for dates that are not
 * RFC 822 (`readers/rss.ts` loads them then): for the finder and the carousel, a chunk of their
 * own, which those import.
 */
const looseDateGroups =
  process.env.DANDELION_CDN_ENTRY === 'service-finder' ||
  process.env.DANDELION_CDN_ENTRY === 'story-carousel'
    ? [{ name: 'loose-date', test: /[\\/]src[\\/]core[\\/]time[\\/]loose-date\.ts$/ }]
    : [];

/**
 * Normalizer chunks: alias lookup and the lazy-part helper, which every kind's code imports, as
 * one. Outside the finder, a service's details travel with the service code. Each group takes the modules it imports along (Rolldown's groups do), so
 * the helpers every kind shares come first, in chunks of their own: a calendar or a carousel
 * reading JSON or CSV downloads its own kind's code and these, never the service code.
 */
const normalizeGroups = [
  { name: 'keys', test: /[\\/]src[\\/]core[\\/]normalize[\\/](?:keys|lazy-part)\.ts$/ },
  ...(process.env.DANDELION_CDN_ENTRY === 'service-finder'
    ? []
    : [
        // The value and date helpers of readers and normalizers (a loader that reads no feed or
        // JSON itself, the calendar's, carries none of them): one small chunk, not part of the
        // service code, so reading Tribe events or JSON-LD stories downloads no service code.
        {
          name: 'fields',
          test: /[\\/]src[\\/]core[\\/](?:fields|field-lists|time[\\/]loose-date)\.ts$/,
        },
        // What every kind's record → model code reads values and dates with.
        { name: 'values', test: /[\\/]src[\\/]core[\\/]normalize[\\/](?:values|dates)\.ts$/ },
        // The place reader (`places.ts`) stays a chunk of its own: it loads with the first record
        // that has structured places (`lazy-part.ts`).
        { name: 'where', test: /[\\/]src[\\/]core[\\/]normalize[\\/]where\.ts$/ },
        { name: 'service', test: /[\\/]src[\\/]core[\\/]normalize[\\/]service(?:-details)?\.ts$/ },
      ]),
];

/** The carousel's first view besides the loader: RSS reading and the content view. */
const carouselFirstView =
  /[\\/](?:src[\\/]core[\\/]readers[\\/](?:plain-text|story-parts|feed-xml|rss)\.ts|src[\\/]story-carousel[\\/](?:carousel-view|slide-views|carousel-view\.styles)\.ts|lit-html[\\/]directives[\\/]unsafe-html\.js)$/;

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  const widget = process.env.DANDELION_CDN_ENTRY?.replace(/\/class$/, '');
  const kind = cdn && widget ? widgetKinds[widget] : undefined;
  return {
    define: { __DANDELION_KIND__: JSON.stringify(kind ?? null) },
    plugins: [
      localeModules(),
      minifyLitCss(),
      minifyLitHtml(),
      cdn && perWidgetMessages(process.env.DANDELION_CDN_ENTRY),
      cdn && explicitMessageIds(),
      cdn && runtimeInLoader(),
      cdn && preloadLazyDependencies(),
      cdn && compileHints(),
      cdn && chunkSources(process.env.DANDELION_CDN_ENTRY),
    ],
    build: {
      // The README's browsers: ES2022 as they all read it. Safari before 16.4 refuses a whole
      // module for a class static block (Lit's `static styles` compile to one): lowered here, and
      // `npm run check:syntax` reads every built file for what they cannot parse.
      target: ['es2022', 'chrome105', 'safari16', 'firefox110'],
      outDir: cdn ? 'dist/cdn' : 'dist',
      // The CDN entries are built one after another into one folder (scripts/build-cdn.mjs).
      emptyOutDir: !cdn,
      // No source maps in the package: the npm build is readable ES modules, one file per source
      // module; maps would be two thirds of the tarball and point at sources it does not ship.
      sourcemap: false,
      // CDN files: terser first (two compress passes find what one pass of Rolldown's minifier
      // leaves: 0.2–0.3 KB gz per widget's first view), then Rolldown's own minify (below).
      minify: cdn ? 'terser' : false,
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      lib: { entry: cdn ? cdnEntries : entries, formats: ['es'] },
      rollupOptions: {
        // npm build: dependencies stay imports (the app's bundler dedupes lit);
        // CDN build: everything bundled, lazy parts (ical.js, DOMPurify, locales) as chunks.
        external: cdn ? [] : runtimeDependencies,
        // CDN build: the first-load group's chunk is the entry file itself (with 'strict', Rolldown
        // kept the entry as a one-line facade re-exporting that chunk: one more request and level).
        ...(cdn ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        output: {
          // Vite keeps whitespace (and pure annotations) in lib-mode ES output for bundlers to
          // tree-shake; the CDN files are end products, so they are minified completely.
          ...(cdn ? { minify: true, comments: { annotation: false } } : {}),
          // CDN build: what the entry needs before it renders (`$initial`: its static imports)
          // travels as one file, not as a dozen small chunks Rolldown would split off because a
          // lazy chunk shares them; each small file costs a request and its own gzip overhead.
          // Widget entries only: `core` (readers for scripts, no element) keeps Rolldown's
          // chunks, so papaparse's UMD wrapper stays in a chunk of its own.
          ...(cdn && process.env.DANDELION_CDN_ENTRY && process.env.DANDELION_CDN_ENTRY !== 'core'
            ? {
                codeSplitting: {
                  groups: [
                    { name: 'first-load', tags: ['$initial'] },
                    ...looseDateGroups,
                    { name: 'loader', test: loaderModules },
                    ...formatGroups,
                    ...normalizeGroups,
                  ],
                },
              }
            : {}),
          // npm build: one file per source module (dist/service-finder/define.js …), so the
          // `customElements.define` calls stay in the files package.json#sideEffects names and a
          // production bundler keeps them. Merged chunks would hide them in files it may drop.
          ...(cdn ? {} : { preserveModules: true, preserveModulesRoot: here('src') }),
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
