#!/usr/bin/env node
// Fails when a message in the source has no translation: re-extracts, then checks every
// <trans-unit> in locales/zh-Hans.xlf and zh-Hant.xlf has a non-empty <target>.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

execFileSync('npx', ['--no-install', 'lit-localize', 'extract'], { stdio: 'ignore' });
let missing = 0;
for (const locale of ['zh-Hans', 'zh-Hant']) {
  const xml = readFileSync(`locales/${locale}.xlf`, 'utf8');
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const untranslated = units.filter(
    ([, , body]) => !/<target>[\s\S]*\S[\s\S]*<\/target>/.test(body),
  );
  for (const [, id] of untranslated) console.error(`${locale}: missing translation for ${id}`);
  missing += untranslated.length;
  console.log(
    `${locale}: ${units.length - untranslated.length}/${units.length} messages translated`,
  );
}
process.exit(missing ? 1 : 0);
