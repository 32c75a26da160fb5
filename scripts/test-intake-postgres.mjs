#!/usr/bin/env node
// The intake tests against a real PostgreSQL server, not only the embedded PGlite.
//
// 1. The receiver refuses DATABASE_URL when the `pg` client is missing (a startup error naming
//    `npm install pg`), instead of quietly storing the answers in the embedded database.
// 2. A throwaway PostgreSQL cluster: Debian's `postgresql` is installed with apt-get when it is
//    missing (as root), `initdb` makes a cluster in a temporary folder (run as the `postgres`
//    user when we are root: the server refuses to run as root), it listens on 127.0.0.1 on a
//    free port with a random password, and gets one database.
// 3. tests/intake-form/ runs with the demo receiver pointed at it (DANDELION_TEST_DATABASE_URL,
//    read by tests/server/backend-middleware.mjs), then the rows it wrote are counted there, so
//    a run that silently used another database fails.
// 4. The cluster is stopped and its folder removed, whatever happened. System clusters are not
//    touched.
//
// Usage: node scripts/test-intake-postgres.mjs   (CI: .ci/run, after the main test step)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const log = (line) => console.log(`[postgres] ${line}`);

function fail(message) {
  console.error(`[postgres] ${message}`);
  process.exit(1);
}

// ——— 1. DATABASE_URL without `pg` is refused ———

/** A module resolve hook that makes `pg` look uninstalled (only in the child it is loaded in). */
const hidePg = `data:text/javascript,${encodeURIComponent(`
  import { register } from 'node:module';
  register('data:text/javascript,' + encodeURIComponent(
    "export async function resolve(specifier, context, next) {" +
    "  if (specifier === 'pg') {" +
    "    const error = new Error(\\"Cannot find package 'pg' imported from \\" + context.parentURL);" +
    "    error.code = 'ERR_MODULE_NOT_FOUND';" +
    "    throw error;" +
    "  }" +
    "  return next(specifier, context);" +
    "}"));
`)}`;

function checkRefusedWithoutPg() {
  const probe = `
    const { createBackend } = await import(${JSON.stringify(new URL('../demo/backend/index.mjs', import.meta.url).href)});
    try {
      const backend = await createBackend({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none' });
      await backend.close();
      console.log('STARTED');
    } catch (error) {
      console.log('REFUSED ' + error.message);
    }
    process.exit(0);`;
  const run = spawnSync(
    process.execPath,
    ['--import', hidePg, '--input-type=module', '-e', probe],
    { cwd: repo, encoding: 'utf8' },
  );
  const out = `${run.stdout}${run.stderr}`;
  if (!/REFUSED .*npm install pg/.test(out)) {
    fail(
      `DATABASE_URL without the "pg" package must refuse to start, naming \`npm install pg\`; got:\n${out}`,
    );
  }
  log('without the "pg" package, DATABASE_URL is refused with "npm install pg": ok');
}

// ——— 2. A throwaway cluster ———

/** The newest PostgreSQL's bin folder under /usr/lib/postgresql (Debian's layout). */
function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

function installPostgres() {
  if (!(isRoot && process.platform === 'linux' && existsSync('/usr/bin/apt-get'))) {
    fail(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). On Debian or Ubuntu, ' +
        'run this script as root to install it, or: sudo apt-get install postgresql',
    );
  }
  log('installing Debian\'s "postgresql" (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    stdio: 'inherit',
    env,
  });
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function asPostgres(program, args, options = {}) {
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  // From a folder the `postgres` user may enter (the repository may be closed to it).
  return execFileSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir(), ...options });
}

function ownerIds(user) {
  const id = (flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs `args` with the inherited terminal; resolves with the exit code. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  checkRefusedWithoutPg();
  // The browser the tests run in (installed on Debian as root when missing), as `npm test` does.
  execFileSync(process.execPath, [path.join(repo, 'scripts/ensure-chromium.mjs')], {
    stdio: 'inherit',
  });

  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    fail('the "pg" package is missing: run `npm ci` (it is a devDependency).');
  }

  let bin = findBinDir();
  if (!bin) {
    installPostgres();
    bin = findBinDir();
    if (!bin) fail('apt-get installed "postgresql" but no initdb is in /usr/lib/postgresql/*/bin.');
  }
  const version = asPostgres(path.join(bin, 'postgres'), ['--version']).trim();

  const dir = mkdtempSync(path.join(tmpdir(), 'dandelion-pg-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const user = 'dandelion';
  const database = 'dandelion_intake_test';
  let started = false;

  const cleanup = () => {
    if (started) {
      try {
        asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], {
          stdio: 'ignore',
        });
      } catch {
        // Already gone.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      cleanup();
      process.exit(1);
    });
  }

  let status = 1;
  try {
    if (isRoot) {
      const { uid, gid } = ownerIds('postgres');
      chownSync(dir, uid, gid);
    }
    const pwfile = path.join(dir, 'pw');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (isRoot) {
      const { uid, gid } = ownerIds('postgres');
      chownSync(pwfile, uid, gid);
    }
    asPostgres(
      path.join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        user,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '-E',
        'UTF8',
        '--no-sync',
      ],
      { stdio: 'ignore' },
    );
    rmSync(pwfile);
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
    ].join(' ');
    asPostgres(
      path.join(bin, 'pg_ctl'),
      ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start'],
      { stdio: 'ignore' },
    );
    started = true;
    log(`${version} in ${dir}, port ${port}`);

    const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;

    // ——— 3. The intake tests, with the receiver on it ———
    log('running tests/intake-form/ against it');
    const env = { ...process.env, DANDELION_TEST_DATABASE_URL: url };
    status = await run(
      process.execPath,
      [
        path.join(repo, 'node_modules/@web/test-runner/dist/bin.js'),
        'tests/intake-form/**/*.test.ts',
      ],
      env,
    );

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client
      .query('select count(*)::int as n from intake_submissions')
      .catch(() => ({ rows: [{ n: 0 }] }));
    await client.end();
    if (rows[0].n === 0) {
      log('no submission reached PostgreSQL: the tests did not use it');
      status ||= 1;
    } else {
      log(`${rows[0].n} submissions were stored in PostgreSQL`);
    }
  } finally {
    cleanup();
  }
  log(status === 0 ? 'intake tests passed on PostgreSQL' : 'intake tests FAILED on PostgreSQL');
  process.exit(status);
}

await main();
