// A throwaway WordPress for the plugin test: Debian's packages (installed when missing), a
// MariaDB server and PHP's built-in server on free ports in a scratch folder, a zh_CN site
// installed without a browser. Everything started here is stopped by `stop()`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.mjs';

const packages = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'wordpress-l10n',
  'mariadb-server',
  'php-cli',
  'php-mysql',
  'php-codesniffer',
];
const helper = fileURLToPath(new URL('./site-helper.php', import.meta.url));

/** Installs the Debian packages that are missing (as root, with apt-get). */
export function ensurePackages(log) {
  const missing = packages.filter(
    (name) =>
      spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout !==
      'install ok installed',
  );
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Install these Debian packages first: ${missing.join(' ')}`);
  }
  log(`installing ${missing.join(' ')} (apt-get)`);
  const apt = (args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what, probe, timeoutMs = 60_000) {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** @returns {Promise<Site>} */
export async function startSite(log) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'dandelion-wp-'));
  const children = [];
  const site = {
    scratch,
    children,
    async stop() {
      for (const child of children.reverse()) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Each child leads its own process group: PHP's server workers go with it.
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      // The workers outlive the PHP master by a moment; wait until the group is gone.
      for (const child of children) {
        for (let i = 0; i < 50 && groupAlive(child.pid); i++)
          await new Promise((r) => setTimeout(r, 100));
        if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  try {
    // ——— MariaDB: its own data folder, socket and port; run as root (explicitly allowed). ———
    const data = path.join(scratch, 'db');
    const socket = path.join(scratch, 'mysqld.sock');
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${data}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'ignore' },
    );
    const dbPort = await freePort();
    const mariadb = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        `--pid-file=${path.join(scratch, 'mysqld.pid')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    children.push(mariadb);
    let dbLog = '';
    mariadb.stderr.on('data', (chunk) => (dbLog += chunk));
    const sql = (query) =>
      execFileSync(
        'mariadb',
        ['--no-defaults', '-S', socket, '-u', 'root', '-N', '-B', '-e', query],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ).trim();
    await until('MariaDB', () => {
      if (mariadb.exitCode !== null) throw new Error(`mariadbd exited:\n${dbLog.slice(-2000)}`);
      try {
        return sql('select 1') === '1';
      } catch {
        return false;
      }
    });
    sql('create database wp character set utf8mb4 collate utf8mb4_unicode_ci');
    site.sql = (query) =>
      execFileSync(
        'mariadb',
        ['--no-defaults', '-S', socket, '-u', 'root', '-N', '-B', 'wp', '-e', query],
        { encoding: 'utf8' },
      ).trim();

    // ——— WordPress: a copy of Debian's, a plain wp-config.php, the theme and zh_CN only. ———
    const root = path.join(scratch, 'wp');
    cpSync('/usr/share/wordpress', root, {
      recursive: true,
      dereference: true,
      filter: (from) => !from.startsWith('/usr/share/wordpress/wp-content/languages/'),
    });
    mkdirSync(path.join(root, 'wp-content', 'languages'), { recursive: true });
    const languages = '/usr/share/wordpress/wp-content/languages';
    for (const name of readdirSync(languages).filter((n) => /zh_CN/.test(n))) {
      cpSync(path.join(languages, name), path.join(root, 'wp-content', 'languages', name));
    }
    mkdirSync(path.join(root, 'wp-content', 'uploads'), { recursive: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const salt = () => randomBytes(24).toString('hex');
    writeFileSync(
      path.join(root, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${[
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
]
  .map((k) => `define('${k}', '${salt()}');`)
  .join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${base}');
define('WP_SITEURL', '${base}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '${base}/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${path.join(scratch, 'debug.log')}');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      // Several workers: the block editor asks for many files at once.
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    children.push(php);
    let phpLog = '';
    php.stderr.on('data', (chunk) => (phpLog = (phpLog + chunk).slice(-20_000)));
    site.phpLog = () => phpLog;
    await until('PHP server', async () => {
      if (php.exitCode !== null) throw new Error(`php -S exited:\n${phpLog}`);
      return fetch(`${base}/wp-login.php`).then(
        () => true,
        () => false,
      );
    });

    // ——— Install without a browser, then language, theme and users from PHP. ———
    const password = randomBytes(9).toString('base64url');
    const install = await fetch(`${base}/wp-admin/install.php?step=2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        weblog_title: '示例社工站',
        user_name: 'admin',
        admin_password: password,
        admin_password2: password,
        pw_weak: '1',
        admin_email: 'admin@example.org',
        blog_public: '0',
        language: '',
      }),
    });
    if (!install.ok || sql('select count(*) from wp.wp_users') !== '1') {
      throw new Error(`WordPress did not install (HTTP ${install.status})`);
    }
    const helperRun = (command, argument = '') =>
      JSON.parse(
        execFileSync('php', [helper, root, `127.0.0.1:${port}`, command, argument], {
          cwd: root,
          encoding: 'utf8',
        }),
      );
    const secret = randomBytes(6).toString('hex');
    const configured = helperRun('configure', secret);
    for (const [role, id] of Object.entries(configured.users)) {
      if (typeof id !== 'number') throw new Error(`could not create the ${role}: ${id}`);
    }
    Object.assign(site, {
      base,
      root,
      helper: helperRun,
      users: {
        admin: { login: 'admin', password },
        author: { login: 'test-author', password: `pass-author-${secret}` },
        editor: { login: 'test-editor', password: `pass-editor-${secret}` },
        subscriber: { login: 'test-subscriber', password: `pass-subscriber-${secret}` },
      },
    });
    log(`WordPress ${base} (zh_CN, twentytwentythree), MariaDB on port ${dbPort}`);
    return site;
  } catch (error) {
    await site.stop();
    throw error;
  }
}
