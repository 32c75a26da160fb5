#!/usr/bin/env node
// `npm run check:syntax`: every built script (`dist/`, `dist/cdn/`; run `npm run build` first)
// parses in the oldest browsers the README names (Chrome 105, Safari 16.0, Firefox 110). Safari
// before 16.4 refuses a whole module for one construct it cannot parse, and every widget of the
// page then fails to load; the ones we have met:
// - class static blocks (`static { … }`, Safari 16.4): the build lowers them (`build.target`);
// - regular-expression lookbehind (`(?<=…)`, `(?<!…)`, Safari 16.4) in a regex literal;
// - the `v` flag of a regex literal (Safari 17).
// Reads each file with acorn (ES2022) and walks the syntax tree; a finding names the file and
// the code around it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

const roots = ['dist'];
const files = [];
const collect = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path);
    else if (/\.m?js$/.test(entry.name)) files.push(path);
  }
};
for (const root of roots) collect(root);
if (files.length === 0) {
  console.error('syntax floor: no built scripts in dist/ (run `npm run build` first)');
  process.exit(1);
}

/** What Safari 16.0 cannot parse in a node, or undefined. */
function unsupported(node) {
  if (node.type === 'StaticBlock') return 'a class static block (Safari 16.4)';
  if (node.type === 'Literal' && node.regex) {
    if (/\(\?<[=!]/.test(node.regex.pattern)) return 'a regex lookbehind (Safari 16.4)';
    if (node.regex.flags.includes('v')) return "a regex with the 'v' flag (Safari 17)";
  }
  return undefined;
}

const findings = [];
for (const file of files) {
  const code = readFileSync(file, 'utf8');
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 2022, sourceType: 'module' });
  } catch (error) {
    findings.push(`${file}: not ES2022 (${error.message})`);
    continue;
  }
  const walk = (node) => {
    const what = unsupported(node);
    if (what) findings.push(`${file}: ${what}: …${code.slice(node.start, node.start + 60)}…`);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') walk(child);
      } else if (value && typeof value.type === 'string') walk(value);
    }
  };
  walk(ast);
}
for (const finding of findings) console.error(`FAIL ${finding}`);
console.log(
  `syntax floor: ${files.length} built scripts, ${findings.length ? `${findings.length} finding(s)` : 'all parse in Chrome 105, Safari 16.0, Firefox 110'}`,
);
if (findings.length) process.exit(1);
