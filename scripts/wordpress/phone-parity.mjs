// The phone rule, browser and WordPress side by side: every answer in
// tests/fixtures/intake/phone-numbers.json goes through checkFormat('tel', …) of validate.ts (the
// module the form and the demo receiver run) and of the plugin's Validator.php, and both must
// say what the fixture says. Needs `php` (no WordPress site; Debian's `php-cli` is installed with
// the WordPress tests' packages when missing): node scripts/wordpress/phone-parity.mjs
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadValidator } from '../../demo/backend/intake/load-validator.mjs';
import { ensurePackages } from './site.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { valid, invalid } = JSON.parse(
  readFileSync(`${repo}tests/fixtures/intake/phone-numbers.json`, 'utf8'),
);
const cases = [...valid.map((text) => [text, true]), ...invalid.map((text) => [text, false])];

const { checkFormat } = await loadValidator();
// `php` from Debian's packages, as for the WordPress tests (installed when missing: a fresh
// machine has none, and this runs before those tests).
ensurePackages((line) => console.log(line));
const php = spawnSync(
  'php',
  [
    '-r',
    `require $argv[1];
     $texts = json_decode(stream_get_contents(STDIN));
     echo json_encode(array_map(fn ($t) => Dandelion\\Widgets\\Validator::checkFormat('tel', $t), $texts));`,
    `${repo}wordpress/includes/Validator.php`,
  ],
  { input: JSON.stringify(cases.map(([text]) => text)), encoding: 'utf8' },
);
if (php.status !== 0) {
  console.error(php.error ? `php could not run: ${php.error.message}` : php.stderr || php.stdout);
  process.exit(1);
}
const server = JSON.parse(php.stdout);
const wrong = cases.flatMap(([text, want], i) => {
  const browser = checkFormat('tel', text);
  return browser === want && server[i] === want
    ? []
    : [`${JSON.stringify(text)}: want ${want}, validate.ts ${browser}, Validator.php ${server[i]}`];
});
console.log(
  wrong.length === 0
    ? `phone parity: validate.ts and Validator.php agree on ${cases.length} answers`
    : `phone parity: ${wrong.length} of ${cases.length} wrong\n${wrong.join('\n')}`,
);
process.exit(wrong.length === 0 ? 0 : 1);
