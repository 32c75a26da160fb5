// Mounts the real demo backend (/api/…) in the test runner's server, with fault injection on
// and an in-memory database, so end-to-end tests talk to the same code `npm start` runs.
// DANDELION_TEST_DATABASE_URL points it at a PostgreSQL server instead (scripts/
// test-intake-postgres.mjs starts a throwaway one). Not DATABASE_URL: a developer's own database
// for `npm start` must never receive test rows.
import { createBackend } from '../../demo/backend/index.mjs';

export const testStaffToken = 'test-staff-token';
let backendPromise;

export async function demoBackend(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  backendPromise ??= createBackend({
    faults: true,
    staffToken: testStaffToken,
    databaseUrl: process.env.DANDELION_TEST_DATABASE_URL || undefined,
  });
  const backend = await backendPromise;
  ctx.respond = false;
  await new Promise((resolve) => {
    ctx.res.once('close', resolve);
    ctx.res.once('finish', resolve);
    backend.handle(ctx.req, ctx.res, () => {
      ctx.respond = true;
      resolve(next());
    });
  });
}
