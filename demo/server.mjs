#!/usr/bin/env node
// `npm start`: the demo page (Vite, with HMR) and the demo backend (/api/…) in one process, on
// one URL. Options by environment: PORT (default 5173), HOST (default localhost),
// DATABASE_URL (intake storage in PostgreSQL instead of the embedded database),
// DANDELION_DATA_DIR (folder of the embedded database; default in data-dir.mjs, never in the repo),
// DANDELION_STAFF_TOKEN (token for the staff page; a random one is printed when unset).
import http from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, normalizePath } from 'vite';
import { createBackend } from './backend/index.mjs';
import { isInside, realPath, repoRoot, resolveDataDir } from './data-dir.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? 'localhost';
const staffToken = process.env.DANDELION_STAFF_TOKEN ?? randomBytes(12).toString('base64url');

// The submitted answers stay out of the repository: everything in it may be served or committed.
const dataDir = resolveDataDir();
// (A data folder that holds the repository is refused too: the guard below would hide everything.)
const overlaps = (repo, data) => isInside(repo, data) || isInside(data, repo);
const refuse = (where) => {
  console.error(
    `Refusing to start: the demo's data folder ${where} overlaps the repository (${repoRoot}), ` +
      'which the dev server serves. Set DANDELION_DATA_DIR to a folder outside it, or unset it.',
  );
  process.exit(1);
};
const realDataDir = realPath(dataDir); // a symbolic link must not lead back into the repo either
if (overlaps(repoRoot, dataDir)) refuse(dataDir);
if (overlaps(realPath(repoRoot), realDataDir)) refuse(`${dataDir} (${realDataDir})`);
mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // personal data: owner only
const dataDirs = [...new Set([dataDir, realDataDir])];

// Case-insensitive file systems (Windows, macOS) open DATA and data alike.
const fold = ['win32', 'darwin'].includes(process.platform) ? (s) => s.toLowerCase() : (s) => s;

/**
 * True when a request URL could reach the data, whatever Vite makes of it: Vite's deny list has
 * had bypasses (`?raw??`, `?import&raw`, encoded slashes, `..`), so this looks at the decoded
 * path itself. A `.data` segment is refused too: old versions kept the data in demo/.data.
 */
function reachesData(url) {
  let text = url;
  // Percent-encoding undone as often as it is stacked (%252F → %2F → /); malformed: refused.
  for (let i = 0; i < 5 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return true;
    }
  }
  // Backslashes as slashes (Windows); an absolute-form target (`GET http://host/…`) as its path.
  text = text.replace(/\\/g, '/').replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  if (/(^|\/)\.data(\/|[?#]|$)/i.test(text)) return true;
  // The path as a file below the demo root, or as an absolute one (`/@fs/…`, `/@id/…`, and Vite
  // also tries a plain `/abs/path` as a file path).
  const pathname = text
    .replace(/[?#].*$/s, '')
    .replace(/^(\/@(fs|id))+(?=\/)/, '')
    .replace(/^\/(?=[a-z]:)/i, '');
  const files = [path.resolve(root, `.${pathname}`), path.resolve(pathname)].map(fold);
  return dataDirs.some((dir) => files.some((file) => isInside(fold(dir), file)));
}

let backend;
try {
  backend = await createBackend({ dataDir, databaseUrl: process.env.DATABASE_URL, staffToken });
} catch (error) {
  // A configuration error (e.g. DATABASE_URL without the `pg` package): say what to do, plainly.
  console.error(`Refusing to start: ${error?.message ?? error}`);
  process.exit(1);
}
// Vite (below) needs the server for its HMR websocket; the server only listens once Vite is ready.
let vite;
const server = http.createServer((req, res) => {
  if (reachesData(req.url ?? '/')) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  } else if (req.url?.startsWith('/api/')) {
    backend.handle(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ title: 'Not found', status: 404 }));
    });
  } else {
    vite.middlewares(req, res);
  }
});

vite = await createViteServer({
  root,
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  // HMR on the same HTTP server and port (no second port to collide with another demo).
  server: {
    middlewareMode: true,
    hmr: { server },
    fs: {
      // Only what the demo page loads: its own files, the widgets' sources and the packages.
      allow: ['demo', 'src', 'node_modules'].map((dir) => path.join(repoRoot, dir)),
      // Vite's default list (replaced, not extended, by this option), then the data by rule.
      deny: [
        '.env',
        '.env.*',
        '*.{crt,pem,key,p12,pfx,cer,der}',
        '.npmrc',
        '.yarnrc.yml',
        '**/.git/**',
        '**/.data',
        '**/.data/**',
        ...dataDirs.flatMap((dir) => {
          const glob = normalizePath(dir).replace(/[*?[\]{}()!+@|]/g, '\\$&');
          return [glob, `${glob}/**`];
        }),
      ],
    },
  },
  appType: 'mpa',
});

server.listen(port, host, () => {
  console.log(`\n  Dandelion demo:  http://${host}:${port}/`);
  console.log(`  Staff page:      http://${host}:${port}/staff.html  (token: ${staffToken})`);
  const postgres = process.env.DATABASE_URL ? '  (intake answers: PostgreSQL, DATABASE_URL)' : '';
  console.log(`  Data:            ${dataDir}${postgres}\n`);
  if (existsSync(path.join(root, '.data'))) {
    console.warn(
      `  Note: demo/.data is left from an older version. It is no longer used (nor served):\n` +
        `  to keep its answers, stop the server and put demo/.data/intake in place of\n` +
        `  ${path.join(dataDir, 'intake')}; otherwise delete demo/.data.\n`,
    );
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    server.close();
    await Promise.allSettled([vite.close(), backend.close()]);
    process.exit(0);
  });
}
