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
  // Tests run two pages at once: the one not in front must keep full-speed timers and rendering,
  // or time-based tests (autoplay, retries, debounce) stall for minutes.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-features=IntensiveWakeUpThrottling,CalculateNativeWinOcclusion',
];

export function chromiumPath() {
  return process.env.CHROME_PATH && findChromium() === process.env.CHROME_PATH
    ? process.env.CHROME_PATH
    : (findChromium() ?? '/usr/bin/chromium');
}
