#!/usr/bin/env node
// Validates what editors and tools read from the package (run after `npm run build`):
// custom-elements.json points at files the build really writes and names each tag's class and
// defining module; dist/vscode.html-custom-data.json and dist/web-types.json have the shape
// their schemas require and describe exactly the manifest's elements and attributes; and every
// path package.json names (exports, types, web-types, customElements) exists. Exits 1 on a
// problem, listing them all.
import { existsSync, readFileSync } from 'node:fs';
import { readWidgets } from './manifest.mjs';

const problems = [];
const check = (ok, message) => ok || problems.push(message);
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = json('package.json');
const manifest = json(pkg.customElements);
const widgets = readWidgets(pkg.customElements);
const tags = widgets.map((w) => w.tag);

// The manifest: schema version, dist paths, and one correct definition per tag.
check(/^[12]\./.test(manifest.schemaVersion), `manifest schemaVersion ${manifest.schemaVersion}`);
const runtimeKinds = new Set(['class', 'function', 'variable', 'mixin']);
const definitions = [];
for (const module of manifest.modules) {
  check(
    module.path.startsWith('dist/') && module.path.endsWith('.js'),
    `manifest module ${module.path} is not in dist/`,
  );
  const runs = (module.declarations ?? []).some((d) => runtimeKinds.has(d.kind));
  const defines = (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
  if (runs || defines.length)
    check(existsSync(module.path), `manifest module ${module.path} is not built`);
  for (const d of defines) definitions.push({ ...d, in: module.path });
}
check(
  JSON.stringify(definitions.map((d) => d.name).sort()) === JSON.stringify([...tags].sort()),
  `manifest defines ${definitions.map((d) => d.name).join(', ')}; expected ${tags.join(', ')}`,
);
for (const d of definitions) {
  const widget = widgets.find((w) => w.tag === d.name);
  check(
    widget && d.declaration.name === widget.className,
    `<${d.name}> is defined as ${d.declaration.name}`,
  );
  check(
    widget && d.declaration.module === widget.module,
    `<${d.name}>'s class module ${d.declaration.module}`,
  );
  const code = existsSync(d.in) ? readFileSync(d.in, 'utf8') : '';
  check(
    new RegExp(`defineElement\\(["']${d.name}["'],\\s*${d.declaration.name}\\)`).test(code),
    `${d.in} does not register <${d.name}> with ${d.declaration.name}`,
  );
}

// VS Code custom data (customData.schema.json, version 1.1).
const vscode = json('dist/vscode.html-custom-data.json');
check(vscode.version === 1.1, 'vscode data: version must be 1.1');
check(Array.isArray(vscode.tags), 'vscode data: tags must be an array');
check(
  JSON.stringify((vscode.tags ?? []).map((t) => t.name)) === JSON.stringify(tags),
  'vscode data: tags differ from the manifest',
);
for (const tag of vscode.tags ?? []) {
  const widget = widgets.find((w) => w.tag === tag.name);
  check(
    typeof tag.description?.value === 'string' && tag.description.value,
    `vscode <${tag.name}>: no description`,
  );
  check(
    ['markdown', 'plaintext'].includes(tag.description?.kind),
    `vscode <${tag.name}>: description kind`,
  );
  const names = (tag.attributes ?? []).map((a) => a.name);
  check(
    JSON.stringify(names) === JSON.stringify(widget?.attributes.map((a) => a.name)),
    `vscode <${tag.name}>: attributes differ from the manifest`,
  );
  check(new Set(names).size === names.length, `vscode <${tag.name}>: duplicate attributes`);
  for (const a of tag.attributes ?? []) {
    check(
      typeof a.name === 'string' && typeof a.description === 'string',
      `vscode <${tag.name}> ${a.name}: shape`,
    );
    if (a.valueSet !== undefined)
      check(a.valueSet === 'v', `vscode <${tag.name}> ${a.name}: valueSet`);
    for (const v of a.values ?? [])
      check(typeof v.name === 'string', `vscode <${tag.name}> ${a.name}: value`);
  }
  for (const r of tag.references ?? [])
    check(/^https:\/\//.test(r.url), `vscode <${tag.name}>: reference url`);
}

// JetBrains web-types (web-types.json schema: name, version, contributions.html.elements).
const webTypes = json(pkg['web-types']);
check(webTypes.$schema?.includes('web-types'), 'web-types: $schema');
check(
  webTypes.name === pkg.name && webTypes.version === pkg.version,
  'web-types: name/version ≠ package.json',
);
check(
  ['markdown', 'html', 'plain'].includes(webTypes['description-markup']),
  'web-types: description-markup',
);
const elements = webTypes.contributions?.html?.elements ?? [];
check(
  JSON.stringify(elements.map((e) => e.name)) === JSON.stringify(tags),
  'web-types: elements differ from the manifest',
);
for (const e of elements) {
  const widget = widgets.find((w) => w.tag === e.name);
  check(
    JSON.stringify(e.attributes.map((a) => a.name)) ===
      JSON.stringify(widget?.attributes.map((a) => a.name)),
    `web-types <${e.name}>: attributes differ from the manifest`,
  );
  for (const a of e.attributes)
    check(typeof a.value?.type === 'string', `web-types <${e.name}> ${a.name}: value.type`);
  check(
    JSON.stringify(e.events.map((x) => x.name)) ===
      JSON.stringify(widget?.events.map((x) => x.name)),
    `web-types <${e.name}>: events differ from the manifest`,
  );
  check(e.source?.symbol === widget?.className, `web-types <${e.name}>: source symbol`);
}

// Every path package.json names exists.
const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types']];
const walk = (value) => {
  if (typeof value === 'string') targets.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(walk);
};
walk(pkg.exports);
for (const target of targets) {
  if (target.includes('*')) continue;
  check(existsSync(target), `package.json names ${target}, which the build did not write`);
}

if (problems.length) {
  console.error(`editor data / manifest problems:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `editor data ok: custom-elements.json (dist paths, ${definitions.length} definitions), ` +
    `dist/vscode.html-custom-data.json and dist/web-types.json (${tags.length} elements) match; every package.json path exists.`,
);
