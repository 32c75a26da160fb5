// `npm run build:wordpress`: the WordPress plugin as a zip that "Plugins → Add New → Upload
// Plugin" accepts, at build/wordpress/dandelion-widgets.zip (and the unpacked folder next to it).
//
// Inside: the PHP plugin (wordpress/), the widgets' CDN build (one ES module per widget plus its
// lazy chunks, built fresh here), the example intake forms (demo/forms/), and the
// translations compiled from wordpress/languages/*.po to .mo (PHP) and Jed JSON (block editor).
// The build fails when a string the plugin shows has no zh_CN or zh_TW translation.
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  blockJsonStrings,
  extractStrings,
  keyOf,
  parsePo,
  writeJed,
  writeMo,
} from './wordpress/gettext.mjs';
import { zip } from './wordpress/zip.mjs';
import { buildCdn, widgets } from './build-cdn.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'wordpress');
const out = join(root, 'build', 'wordpress');
const slug = 'dandelion-widgets';
const plugin = join(out, slug);
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const locales = { zh_CN: 'nplurals=1; plural=0;', zh_TW: 'nplurals=1; plural=0;' };

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(plugin, { recursive: true });

// 1. The PHP plugin, with the package version.
cpSync(source, plugin, {
  recursive: true,
  filter: (path) => !/\.po$|\.pot$/.test(path),
});
for (const file of [
  join(plugin, `${slug}.php`),
  ...widgets.map((w) => join(plugin, 'blocks', w, 'block.json')),
]) {
  const text = readFileSync(file, 'utf8')
    .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
    .replace(/^const VERSION = '.*';$/m, `const VERSION = '${version}';`)
    .replace(/"version": ".*"/, `"version": "${version}"`);
  writeFileSync(file, text);
}
writeFileSync(
  join(plugin, 'readme.txt'),
  readFileSync(join(source, 'readme.txt'), 'utf8').replace(
    /^Stable tag: .*$/m,
    `Stable tag: ${version}`,
  ),
);

// 2. The widgets: a fresh CDN build of each widget's entry straight into the plugin, the same
// files as `dist/cdn/<widget>.js` and their chunks (each one holds what its widget needs first).
const assets = join(plugin, 'assets');
await buildCdn(assets, widgets);
for (const widget of widgets) statSync(join(assets, `${widget}.js`));

// 3. The example forms.
cpSync(join(root, 'demo', 'forms'), join(plugin, 'forms'), { recursive: true });

// 4. Translations: every string the plugin shows, in every language.
const wanted = new Map();
const editorWanted = new Set();
for (const file of walk(source)) {
  if (file.endsWith('.php') || file.endsWith('.js')) {
    for (const s of extractStrings(readFileSync(file, 'utf8'))) {
      wanted.set(keyOf(s), s);
      if (file.endsWith('.js')) editorWanted.add(keyOf(s));
    }
  } else if (file.endsWith('block.json')) {
    for (const s of blockJsonStrings(JSON.parse(readFileSync(file, 'utf8'))))
      wanted.set(keyOf(s), s);
  }
}
const missing = [];
for (const [locale, pluralForms] of Object.entries(locales)) {
  const entries = parsePo(readFileSync(join(source, 'languages', `${slug}-${locale}.po`), 'utf8'));
  const have = new Map(entries.map((e) => [keyOf(e), e]));
  for (const [key, s] of wanted) {
    if (!have.get(key)?.strings.some(Boolean))
      missing.push(`${locale}: ${s.context ? `[${s.context}] ` : ''}${s.id}`);
  }
  writeFileSync(join(plugin, 'languages', `${slug}-${locale}.mo`), writeMo(entries));
  writeFileSync(
    join(plugin, 'languages', `${slug}-${locale}-dandelion-widgets-editor.json`),
    writeJed(entries, locale, pluralForms, editorWanted),
  );
}
const pot = [...wanted.values()]
  .map((s) =>
    [
      s.context !== undefined ? `msgctxt ${JSON.stringify(s.context)}` : '',
      `msgid ${JSON.stringify(s.id)}`,
      s.plural !== undefined
        ? `msgid_plural ${JSON.stringify(s.plural)}\nmsgstr[0] ""`
        : 'msgstr ""',
    ]
      .filter(Boolean)
      .join('\n'),
  )
  .join('\n\n');
writeFileSync(
  join(plugin, 'languages', `${slug}.pot`),
  `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Project-Id-Version: Dandelion Widgets ${version}\\n"\n\n${pot}\n`,
);
if (missing.length) {
  console.error(
    `build:wordpress: ${missing.length} strings have no translation:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}

// 5. The zip: one top-level folder, as WordPress expects.
const files = walk(plugin)
  .sort()
  .map((file) => ({
    name: `${slug}/${relative(plugin, file).split('\\').join('/')}`,
    data: readFileSync(file),
  }));
const archive = join(out, `${slug}.zip`);
mkdirSync(dirname(archive), { recursive: true });
writeFileSync(archive, zip(files));
const kb = (statSync(archive).size / 1024).toFixed(0);
console.log(
  `build:wordpress: ${relative(root, archive)} (${files.length} files, ${kb} KB, version ${version})`,
);
