#!/usr/bin/env node
// Proves that `npm start` never serves the intake database over HTTP. Starts demo/server.mjs on
// a free port with a fresh HOME (XDG_DATA_HOME, DANDELION_DATA_DIR and DATABASE_URL unset, so the
// default data location is used), submits an answer with a unique marker, reads it back through
// the staff API, then asks for every file of the data folder through many URL forms (below the
// demo root, /.data/, /@fs/, /@id/, `..` traversal, ?raw / ?import / ?url / ?inline and the
// known Vite deny-list bypasses, percent-encoded variants). No answer may contain the marker or
// a database file's bytes. A decoy in demo/.data (the old data folder) must stay hidden too.
// Exit code 0 when nothing leaks, 1 otherwise.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync, rmdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.mjs';

const started = Date.now();
const repo = path.resolve(import.meta.dirname, '..');
const demoRoot = path.join(repo, 'demo');
const problems = [];
const marker = `exposure-${randomUUID()}`; // 45 characters: the form allows 50
const token = randomBytes(18).toString('base64url');

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One request with the target sent exactly as given (no normalisation of `..` or `%2F`). */
function request(target, { method = 'GET', headers = {}, body, timeout = 30_000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: target, method, headers, agent, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', (error) => resolve({ status: 0, error, body: Buffer.alloc(0) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, error, body: Buffer.alloc(0) }));
    req.end(body);
  });
}

/**
 * What a response could carry of a file: the body itself, the string of a JS module
 * (`export default "…"`, as ?raw / ?url / ?inline answer) and what a data: URL in it holds.
 */
function payloads(body) {
  const out = [body];
  const text = body.toString('latin1'); // one character per byte, so offsets match the bytes
  const open = text.indexOf('export default "');
  if (open < 0) return out;
  // The end of the string literal, by a plain scan: a regular expression overflows the stack on
  // a 16 MB answer.
  const first = open + 'export default '.length;
  let last = first + 1;
  while (last < text.length && text[last] !== '"') last += text[last] === '\\' ? 2 : 1;
  let string;
  try {
    string = JSON.parse(body.subarray(first, last + 1).toString('utf8'));
  } catch {
    return out;
  }
  out.push(Buffer.from(string));
  const dataUrl = /^data:[^,]*?(;base64)?,/.exec(string);
  if (dataUrl) {
    const rest = string.slice(dataUrl[0].length);
    try {
      out.push(dataUrl[1] ? Buffer.from(rest, 'base64') : Buffer.from(decodeURIComponent(rest)));
    } catch {
      // not a data: URL after all
    }
  }
  return out;
}

const markerBytes = Buffer.from(marker);
/** A file's bytes, and as ?raw sees them (read as UTF-8, invalid bytes replaced). */
const contents = (bytes) => ({ bytes, utf8: Buffer.from(bytes.toString('utf8')) });

/** Why this body gives away the file (or the marker), or undefined. */
function leak(body, { bytes, utf8 }) {
  for (const payload of payloads(body)) {
    if (payload.includes(markerBytes)) return 'contains the submitted marker';
    if (bytes.length === 0) continue;
    if (payload.equals(bytes) || payload.equals(utf8)) return 'is the file';
    // Short files (PG_VERSION is "17\n") only count when the whole answer is them.
    if (bytes.length >= 8 && (payload.includes(bytes) || payload.includes(utf8))) {
      return "contains the file's bytes";
    }
  }
  return undefined;
}

/** Runs `jobs` (functions returning promises) a few at a time, until `enough()` says stop. */
async function pool(jobs, enough, size = 8) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < jobs.length && !enough()) await jobs[next++]();
    }),
  );
}

async function filesIn(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

// URL forms. `rel` is the file's path inside its folder, `abs` its absolute path, both with `/`.
const ups = (from) => '../'.repeat(from.split('/').filter(Boolean).length);
const demoPosix = demoRoot.split(path.sep).join('/');
const targets = (rel, abs) => [
  `/${rel}`, // as if the folder were the demo root
  `/.data/${rel}`, // the old place, demo/.data
  `/@fs${demoPosix}/.data/${rel}`,
  `/@fs${demoPosix}/../demo/.data/${rel}`,
  `/@fs${abs}`,
  `/@fs/${abs}`,
  `/@id${abs}`,
  abs, // Vite also resolves a plain absolute path
  `/@fs${demoPosix}/${ups(demoPosix)}${abs.slice(1)}`, // `..` out of the demo
  `/${ups(demoPosix)}${abs.slice(1)}`,
];
const queries = [
  '',
  '?raw',
  '?import',
  '?url',
  '?inline',
  '?raw??',
  '?import&raw',
  '?import&url',
  '?url&inline',
  '?raw&t=1',
];
const encodings = {
  plain: (t) => t,
  'slashes %2F': (t) => t[0] + t.slice(1).replaceAll('/', '%2F'),
  'slashes %252F': (t) => t[0] + t.slice(1).replaceAll('/', '%252F'),
  'dots %2E': (t) => t.replaceAll('.', '%2E'),
  'all %XX': (t) =>
    t[0] + [...Buffer.from(t.slice(1))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
  backslashes: (t) => t[0] + t.slice(1).replaceAll('/', '\\'),
};

const stats = { requests: 0, files: 0, holders: 0, dataDir: '?', statuses: {}, ok: [] };
const leaks = [];
const errors = [];
async function probe(target, file, label) {
  const res = await request(target);
  stats.requests++;
  stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
  if (res.error) errors.push(`${target}: ${res.error.message}`);
  const why = leak(res.body, file);
  if (why) leaks.push(`${res.status} ${target} ${why} (${label})`);
  else if (res.status === 200) stats.ok.push(`${target} (${res.headers['content-type']})`);
}

/**
 * Every URL form with a plain path and ?raw with every encoding, for one file; `full` files
 * (those holding the marker, the decoy) get every query with every encoding.
 */
function probesFor(rel, abs, file, label, full) {
  const jobs = [];
  for (const target of targets(rel, abs)) {
    for (const [name, encode] of Object.entries(encodings)) {
      for (const query of queries) {
        if (!full && name !== 'plain' && query !== '?raw') continue;
        jobs.push(() => probe(encode(target) + query, file, `${label}, ${name}`));
      }
    }
  }
  // The absolute-form request target (`GET http://host/…`) is read by some routers as the path.
  jobs.push(() => probe(`${origin}/@fs${abs}?raw`, file, `${label}, absolute-form`));
  return jobs;
}

const home = await mkdtemp(path.join(os.tmpdir(), 'dandelion-exposure-'));
const expectedDir = path.join(home, '.local', 'share', 'dandelion-demo');
// A decoy in demo/.data, where old versions kept the database: it must never be served either.
const oldDir = path.join(demoRoot, '.data');
const oldDirExisted = existsSync(oldDir);
const decoyDir = path.join(
  oldDir,
  `exposure-test-${process.pid}-${randomBytes(4).toString('hex')}`,
);
const decoys = { 'decoy.txt': `${marker}\n`, 'decoy.js': `export const name = '${marker}';\n` };

const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOME: home };
env.DANDELION_STAFF_TOKEN = token;
delete env.XDG_DATA_HOME;
delete env.DANDELION_DATA_DIR;
delete env.DATABASE_URL;
let server;
let output = '';
/** Stops the server (its whole process group) and removes what the test made; runs once. */
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  try {
    if (server) process.kill(-server.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(decoyDir, { recursive: true, force: true });
  try {
    if (!oldDirExisted) rmdirSync(oldDir); // only if the test made it (and it is empty)
  } catch {
    // not empty or not there: leave it
  }
  rmSync(home, { recursive: true, force: true });
}
// Also when the test is interrupted or crashes: the decoy must not stay in demo/.data.
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** Starts the demo with `DANDELION_DATA_DIR` inside the repository: it must refuse. */
async function refusesDataInRepo() {
  const inside = path.join(demoRoot, `data-refusal-check-${process.pid}`);
  const child = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: repo,
    env: { ...env, PORT: String(await freePort()), DANDELION_DATA_DIR: inside },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const code = await new Promise((resolve) => {
    const stop = () => process.kill(-child.pid, 'SIGKILL');
    const timer = setTimeout(stop, 60_000);
    const read = (chunk) => {
      text += chunk;
      if (text.includes('Dandelion demo:')) stop(); // it started: wrong, and enough to know
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 1 || !text.includes('Refusing to start')) {
    const what = text.includes('Dandelion demo:') ? 'started' : `exited with ${code}`;
    problems.push(`with DANDELION_DATA_DIR in the repository the server ${what}, want a refusal`);
  }
  if (existsSync(inside)) {
    problems.push(`with its data in the repository the server created ${inside}`);
    rmSync(inside, { recursive: true, force: true });
  }
}

try {
  await mkdir(decoyDir, { recursive: true });
  for (const [name, text] of Object.entries(decoys))
    await writeFile(path.join(decoyDir, name), text);

  server = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: repo,
    env,
    detached: true, // own process group, killed as a whole at the end
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo did not start in 90 s')), 90_000);
    const onData = (chunk) => {
      output += chunk;
      // Started: the lines from "Staff page:" on, up to an empty line, are all there.
      if (/Staff page:[^\n]*\n(?:[^\n]+\n)*\n/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk) => (output += chunk));
    exited.then((code) => reject(new Error(`the demo server exited (${code})`)));
  });

  // 1. Where the data lives.
  const shown = /^\s*Data:\s+(.+?)(\s\s\(.*)?$/m.exec(output)?.[1];
  if (!shown) problems.push('the server did not print the data location ("Data: …")');
  else if (shown !== expectedDir) problems.push(`data in ${shown}, expected ${expectedDir}`);
  const dataDir = shown ?? expectedDir;
  const fromRepo = path.relative(repo, dataDir);
  if (!fromRepo.startsWith(`..${path.sep}`) && !path.isAbsolute(fromRepo)) {
    problems.push(`the data folder ${dataDir} is inside the repository`);
  }

  // 2. An answer goes in and can be read back by staff only.
  const forms = JSON.parse((await request('/api/forms/index.json')).body);
  if (!forms.some((f) => f.name === 'activity-signup')) {
    throw new Error('the demo has no activity-signup form any more: update this test');
  }
  const answer = {
    parentName: marker,
    phone: '020-0000 1234',
    session: 'sat-am',
    childAges: marker,
    consent: true,
  };
  const posted = await request('/api/intake/activity-signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(answer),
    timeout: 180_000, // the first answer waits for the embedded database to start (slow on CI)
  });
  if (posted.status !== 201) {
    const why = posted.error?.message ?? posted.body.toString().slice(0, 300);
    throw new Error(`submitting failed: ${posted.status} ${why}`);
  }
  const submissions = '/api/intake/activity-signup/submissions';
  const staff = await request(submissions, { headers: { Authorization: `Bearer ${token}` } });
  const items = staff.status === 200 ? JSON.parse(staff.body).items : [];
  if (!items.some((item) => item.data?.parentName === marker)) {
    problems.push(`the staff API (${staff.status}) does not list the submitted answer`);
  }
  for (const [name, headers] of [
    ['no token', {}],
    ['a wrong token', { Authorization: `Bearer ${token}x` }],
    ['an empty token', { Authorization: 'Bearer ' }],
  ]) {
    const res = await request(submissions, { headers });
    if (![401, 403].includes(res.status) || res.body.includes(markerBytes)) {
      problems.push(`the staff API answered ${res.status} to ${name} (want 401 or 403, no data)`);
    }
  }

  // 3. The answer is on disk (else the marker check below would prove nothing).
  let files = [];
  let holders = [];
  for (let i = 0; i < 20 && holders.length === 0; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 500));
    files = (await filesIn(dataDir)).filter((file) => !file.startsWith(decoyDir + path.sep));
    holders = [];
    for (const file of files) if ((await readFile(file)).includes(markerBytes)) holders.push(file);
  }
  if (files.length === 0) problems.push(`no files in ${dataDir}`);
  if (holders.length === 0) problems.push(`the marker is in no file of ${dataDir}`);
  Object.assign(stats, { dataDir, holders: holders.length });

  // 4. Detector check: a file the demo does serve is found by the same URL forms and checks.
  const favicon = contents(await readFile(path.join(demoRoot, 'favicon.svg')));
  for (const target of ['/favicon.svg', '/favicon.svg?raw', `/@fs${demoPosix}/favicon.svg?raw`]) {
    const res = await request(target);
    if (!leak(res.body, favicon)) problems.push(`self-check: ${target} not recognised as served`);
  }

  // 5. Every file of the data folder, and the decoy, through every URL form.
  const jobs = [];
  const toPosix = (p) => p.split(path.sep).join('/');
  // The files holding the marker first: they matter most.
  files.sort((a, b) => holders.includes(b) - holders.includes(a));
  for (const file of files) {
    const rel = toPosix(path.relative(dataDir, file));
    const bytes = contents(await readFile(file));
    stats.files++;
    jobs.push(...probesFor(rel, toPosix(file), bytes, rel, holders.includes(file)));
  }
  for (const name of Object.keys(decoys)) {
    const file = path.join(decoyDir, name);
    const rel = toPosix(path.relative(oldDir, file));
    stats.files++;
    jobs.push(
      ...probesFor(rel, toPosix(file), contents(await readFile(file)), `decoy ${rel}`, true),
    );
  }
  // A broken server leaks on nearly every request: 10 examples are proof enough.
  await pool(jobs, () => leaks.length >= 10);
  if (leaks.length >= 10) problems.push(`stopped after ${stats.requests} of ${jobs.length} probes`);

  // 6. The server is still up and still serves the demo (else "nothing leaked" means nothing).
  for (const target of ['/', '/main.ts']) {
    const res = await request(target);
    if (res.status !== 200) problems.push(`after the probes ${target} answered ${res.status}`);
  }
  // 7. Last (an old server would start and write there): data in the repository is refused.
  await refusesDataInRepo();

  if (errors.length > 0) {
    problems.push(`${errors.length} requests failed, e.g. ${errors.slice(0, 3).join('; ')}`);
  }
  if (leaks.length > 0) {
    problems.push(
      `${leaks.length} responses gave data away:\n    ${leaks.slice(0, 25).join('\n    ')}`,
    );
  }
} catch (error) {
  problems.push(String(error?.message ?? error));
  if (output) problems.push(`server output (end):\n${output.split('\n').slice(-40).join('\n')}`);
} finally {
  agent.destroy();
  cleanUp();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const statuses = Object.entries(stats.statuses)
  .map(([status, n]) => `${status}×${n}`)
  .join(', ');
console.log(
  `Demo data exposure: ${stats.requests} requests for ${stats.files} files (${statuses}) in ` +
    `${seconds} s; data in ${stats.dataDir}, the marker in ${stats.holders} of its files`,
);
// A 200 is fine when it holds nothing of the file (an HTML fallback, a module exporting a URL).
if (stats.ok.length > 0) {
  console.log(`200 answers (checked, nothing leaked): ${stats.ok.slice(0, 10).join(', ')}`);
}
if (problems.length > 0) {
  console.error(`FAIL\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  'PASS: the data is outside the repository, staff-only, and no URL form returns it or the marker.',
);
