// What the scripts that consume the packed tarball share (consumer-apps, framework-apps,
// ssr-apps): a scratch folder, the tarball (packed once, or handed over with `--tarball` so
// `.ci/run` packs it once for all of them), fresh app installs, the fixture data, the page
// checks every app gets, and the closing report.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';

export const repo = resolve(import.meta.dirname, '..');

/** Each widget on a page: its markup (fixture data under /data/) and the part its content has. */
export const widgets = {
  'service-finder': {
    markup: '<service-finder src="/data/finder/hsds-services.json" format="hsds"></service-finder>',
    part: 'service',
  },
  'event-calendar': {
    // A weekly series: the recurrence chunk (ical.js) must load from the app's bundle too.
    markup:
      '<event-calendar src="/data/calendar/activities.ics" date="2026-11-16" time-zone="Asia/Shanghai" view="list"></event-calendar>',
    part: 'event',
  },
  'intake-form': {
    markup: '<intake-form schema="/data/intake/forms/kitchen-sink.json" no-draft></intake-form>',
    part: 'field',
  },
  'story-carousel': {
    // RSS with HTML descriptions: the feed reader and the sanitizer are lazy chunks.
    markup: '<story-carousel src="/data/carousel/feed.xml"></story-carousel>',
    part: 'slide',
  },
};

/** The value after `name` on the command line. */
export function argument(name) {
  const i = process.argv.indexOf(name);
  const value = i === -1 ? undefined : process.argv[i + 1];
  return value && !value.startsWith('--') ? value : undefined;
}

/**
 * One script's apps: `problems` collects what went wrong; `visitApps(what, success, apps, visit)`
 * installs each app in a scratch folder, visits it ({@link forEachApp}), then reports.
 */
export function appsScript(prefix) {
  const session = {
    work: mkdtempSync(join(tmpdir(), `dandelion-${prefix}-`)),
    keep: process.argv.includes('--keep'),
    problems: [],
  };
  return {
    problems: session.problems,
    visitApps: (what, success, apps, visit) =>
      report(session, what, success, () => forEachApp(session, prefix, apps, visit)),
  };
}

/** `--tarball path.tgz`, or the package packed into `work` (`npm pack` runs the prepack build). */
export function packedTarball(work) {
  const given = argument('--tarball');
  if (given) return resolve(given);
  console.log('packing the package (npm pack runs the prepack build)…');
  execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', work], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(
    work,
    readdirSync(work).find((file) => file.endsWith('.tgz')),
  );
}

/** Runs a command in `cwd`, its output hidden unless it fails (stderr shows). */
export function run(command, cwd, env = {}) {
  const [bin, ...args] = command;
  execFileSync(bin, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CI: 'true', ...env },
  });
}

/** A fresh app in `dir`: a module package.json, the tarball and `deps` installed from npm. */
export function installApp(dir, name, tarball, deps) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module' }, null, 2),
  );
  run(['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...deps], dir);
}

/** The test fixtures every widget reads, under `target/data/`. */
export function copyFixtures(target) {
  for (const dir of ['finder', 'calendar', 'intake', 'carousel']) {
    cpSync(join(repo, 'tests/fixtures', dir), join(target, 'data', dir), { recursive: true });
  }
}

/**
 * Collects a page's errors and failed requests into `errors` (no favicon in these apps; the
 * feed names a photo that 404s on purpose, for the placeholder).
 */
export function watchPage(tab, errors) {
  tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  tab.on('response', (response) => {
    if (response.status() >= 400 && !/favicon\.ico$|missing-photo\.jpg$/.test(response.url())) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
}

/**
 * For each app in `apps` (all, or the ones `--only a,b` names): a fresh install of the tarball
 * and `recipe.deps` in `work/app-<name>`, then `visit(browser, name, recipe, app)`, with one
 * Chromium for all of them.
 */
async function forEachApp({ work }, prefix, apps, visit) {
  const only = argument('--only')?.split(',');
  const tarball = packedTarball(work);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    for (const [name, recipe] of Object.entries(apps)) {
      if (only && !only.includes(name)) continue;
      const app = join(work, `app-${name}`);
      installApp(app, `${prefix}-${name}`, tarball, recipe.deps);
      await visit(browser, name, recipe, app);
    }
  } finally {
    await browser.close();
  }
}

/**
 * Runs `body`, removes the scratch folder (unless `--keep`), then reports: the problems and
 * exit 1, or `success`.
 */
async function report({ work, keep, problems }, what, success, body) {
  try {
    await body();
  } catch (error) {
    problems.push(String(error?.stack ?? error));
  } finally {
    if (keep) console.log(`apps kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`\n${what} failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`\n${what}: ${success}`);
}
