#!/usr/bin/env node
// Makes sure a Chromium/Chrome binary exists before browser tests or benchmarks run.
// Order: $CHROME_PATH, known install paths, then (Debian/Ubuntu as root) `apt-get install chromium`.
// Prints the path it found; exits 1 with a one-line instruction when it cannot help.
// Also makes sure fontconfig knows a font with Chinese glyphs (Debian: WenQuanYi Micro Hei, 1.6 MB):
// without one, Chromium draws zh-Hans text as empty boxes narrower than real glyphs, so layout
// tests at phone width and the bench's phone would measure text no visitor sees.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

export function findChromium() {
  return candidates.find((path) => existsSync(path));
}

function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get');
}

/**
 * Whether fontconfig lists a font for Simplified Chinese; `undefined` on macOS and Windows (they
 * ship Chinese fonts). A Linux machine without `fc-list` counts as having none: Debian's
 * chromium needs only the library, and the font package brings the tool along.
 */
export function hasChineseFont() {
  if (process.platform !== 'linux') return undefined;
  try {
    return execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** Installs what is missing in one `apt-get` run; a failure shows in what is still missing. */
function aptInstall(packages) {
  console.log(`[dandelion] Installing Debian package(s) ${packages.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch {
    // Reported below: no Chromium stops the run, no Chinese font only warns.
  }
}

function main() {
  const missing = [
    ...(findChromium() ? [] : ['chromium']),
    ...(hasChineseFont() === false ? ['fonts-wqy-microhei'] : []),
  ];
  if (missing.length && canApt()) aptInstall(missing);
  const found = findChromium();
  if (!found) {
    console.error(
      '[dandelion] Chromium not found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  if (hasChineseFont() === false) {
    // The tests still run (their Chinese text is narrower than a visitor's).
    console.warn(
      '[dandelion] No font with Chinese glyphs: Chromium draws zh-Hans text as empty boxes, so layout tests and the bench measure text no visitor sees. Install one (Debian/Ubuntu: `sudo apt-get install -y fonts-wqy-microhei`).',
    );
  }
  if (process.env.CHROME_PATH && process.env.CHROME_PATH !== found) {
    console.warn(
      `[dandelion] CHROME_PATH=${process.env.CHROME_PATH} does not exist; using ${found}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
