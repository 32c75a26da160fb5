// The demo's own backend: plain Node (req, res, next) handlers mounted under /api by the demo
// server (and by the test runner for end-to-end tests). Each area has its own module.
import { createDataApi } from './data-api.mjs';

/**
 * @param {{ dataDir?: string, databaseUrl?: string, staffToken?: string, faults?: boolean }} options
 * @returns {Promise<{ handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void, close: () => Promise<void> }>}
 */
export async function createBackend(options = {}) {
  const handlers = [await createDataApi()];
  let intake;
  try {
    intake = await import('./intake/index.mjs');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  // Outside the try: a receiver that cannot start (e.g. DATABASE_URL without `pg`) stops the
  // server with its reason, instead of the demo running without it.
  if (intake) handlers.push(await intake.createIntakeApi(options));
  return {
    handle(req, res, next) {
      let i = 0;
      const step = () => {
        const handler = handlers[i++];
        if (!handler) return next();
        Promise.resolve(handler.handle(req, res, step)).catch((error) => {
          console.error('[demo backend]', error);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'application/problem+json');
            res.end(JSON.stringify({ title: 'Internal error', status: 500 }));
          }
        });
      };
      step();
    },
    async close() {
      await Promise.all(handlers.map((h) => h.close?.()));
    },
  };
}
