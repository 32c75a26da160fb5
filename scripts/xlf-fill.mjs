#!/usr/bin/env node
// Fills <target> elements in locales/*.xlf from a JSON file of translations:
//   { "error.network": { "zh-Hans": "…", "zh-Hant": "…" }, … }
// Placeholders are written as {0}, {1} and become <x id="0" equiv-text="…"/> from the source.
// Usage: `npm run localize` (extract → fill from locales/translations/*.json → build).
import { readFileSync, writeFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/xlf-fill.mjs <translations.json>…');
  process.exit(1);
}
const translations = Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const locale of ['zh-Hans', 'zh-Hant']) {
  const path = `locales/${locale}.xlf`;
  let xml = readFileSync(path, 'utf8');
  let filled = 0;
  xml = xml.replace(
    /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>[\s\S]*?<\/target>)?/g,
    (whole, id, source) => {
      const text = translations[id]?.[locale];
      if (text === undefined) return whole;
      const placeholders = [...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
      const target = escape(text).replace(
        /\{(\d+)\}/g,
        (_, n) => placeholders[Number(n)] ?? `{${n}}`,
      );
      filled++;
      return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>`;
    },
  );
  writeFileSync(path, xml);
  console.log(`${path}: ${filled} targets written`);
}
