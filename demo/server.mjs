#!/usr/bin/env node
// `npm start`: the demo page (Vite, with HMR) and the demo backend (/api/…) in one process, on
// one URL. Options by environment: PORT (default 5173), HOST (default localhost),
// DATABASE_URL (intake storage in PostgreSQL instead of the embedded database),
// DANDELION_STAFF_TOKEN (token for the staff page; a random one is printed when unset).
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { createBackend } from './backend/index.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? 'localhost';
const staffToken = process.env.DANDELION_STAFF_TOKEN ?? randomBytes(12).toString('base64url');

const backend = await createBackend({
  dataDir: fileURLToPath(new URL('./.data/', import.meta.url)),
  databaseUrl: process.env.DATABASE_URL,
  staffToken,
});
// Vite (below) needs the server for its HMR websocket; the server only listens once Vite is ready.
let vite;
const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/api/')) {
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
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  appType: 'mpa',
});

server.listen(port, host, () => {
  console.log(`\n  Dandelion demo:  http://${host}:${port}/`);
  console.log(`  Staff page:      http://${host}:${port}/staff.html  (token: ${staffToken})\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    server.close();
    await Promise.allSettled([vite.close(), backend.close()]);
    process.exit(0);
  });
}
