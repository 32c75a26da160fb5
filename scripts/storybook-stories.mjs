// The stories of the built Storybook (storybook-static/, `npm run build-storybook`), for the
// scripts that open each one in Chromium (axe, controls): the index's story entries, narrowed to
// those whose id contains one of the command-line arguments, and a static server for the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';

const root = 'storybook-static';

/** The built Storybook's stories (exits when it is not built) and a server for it. */
export async function builtStories(only = process.argv.slice(2)) {
  if (!existsSync(join(root, 'index.json'))) {
    console.error(`No ${root}/index.json: run \`npm run build-storybook\` first.`);
    process.exit(1);
  }
  const stories = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries)
    .filter((entry) => entry.type === 'story')
    .filter((entry) => only.length === 0 || only.some((text) => entry.id.includes(text)));
  return { stories, server: await serveStatic(root) };
}
