// Shared launch options for every place that starts Chromium (tests, benchmarks).
import { findChromium } from './ensure-chromium.mjs';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath() {
  return process.env.CHROME_PATH && findChromium() === process.env.CHROME_PATH
    ? process.env.CHROME_PATH
    : (findChromium() ?? '/usr/bin/chromium');
}
