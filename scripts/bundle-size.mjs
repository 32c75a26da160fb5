// Size of a built entry as a page loads it first: the file plus its static imports, recursively
// (lazy `import()` chunks excluded), each file gzipped on its own at level 9, as it travels.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';

/** First-load budget of each widget's CDN entry, in KB gz (lit included). */
export const budgets = {
  'service-finder': 25,
  'event-calendar': 30,
  'intake-form': 30,
  'story-carousel': 16,
};

/** The entry file and every chunk it imports statically. */
export function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  )) {
    staticGraph(join(dirname(file), m[1]), seen);
  }
  return seen;
}

/** KB gzip of `file` with its static imports, each file compressed separately. */
export function firstLoadKb(file) {
  let bytes = 0;
  for (const f of staticGraph(file)) bytes += gzipSync(readFileSync(f), { level: 9 }).length;
  return bytes / 1024;
}
