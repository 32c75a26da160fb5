// Loads src/intake-form/validate.ts — the very module the browser runs — into Node. That file
// has no imports, so compiling it alone is enough: esbuild's `transform` (already installed with
// the dev tools) strips the types, and the result is imported from a data: URL. Node versions that
// can strip types themselves (module.stripTypeScriptTypes, Node ≥ 22.13) are used when esbuild is
// not there.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as nodeModule from 'node:module';

const source = fileURLToPath(new URL('../../../src/intake-form/validate.ts', import.meta.url));

async function stripTypes(code) {
  try {
    const { transform } = await import('esbuild');
    return (await transform(code, { loader: 'ts', format: 'esm', target: 'node20' })).code;
  } catch (error) {
    if (typeof nodeModule.stripTypeScriptTypes === 'function') {
      return nodeModule.stripTypeScriptTypes(code, { mode: 'strip' });
    }
    throw new Error(
      `Cannot load the intake validator: install esbuild or use Node ≥ 22.13 (${error.message})`,
    );
  }
}

/** @returns {Promise<typeof import('../../../src/intake-form/validate.ts')>} */
export async function loadValidator() {
  const code = await stripTypes(await readFile(source, 'utf8'));
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
