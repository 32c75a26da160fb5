// Read-only demo data, one module per widget (`*-data.mjs` next to this file: services as an
// HSDS 3.0 API, events as iCalendar, stories as a feed). All of it is fictional.
import { readdirSync } from 'node:fs';

export async function createDataApi() {
  const dir = new URL('.', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('-data.mjs'))
    .sort();
  const handlers = await Promise.all(
    files.map(
      async (f) =>
        (await import(new URL(f, dir).href)).default ?? (await import(new URL(f, dir).href)),
    ),
  );
  return {
    handle(req, res, next) {
      let i = 0;
      const step = () => {
        const handler = handlers[i++];
        if (!handler) return next();
        handler.handle(req, res, step);
      };
      step();
    },
  };
}
