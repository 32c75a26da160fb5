// Loads src/intake-form/validate.ts — the very module the browser runs — into Node, with the
// linear-time engine for schema patterns (src/intake-form/pattern-syntax.ts on re2js, as in the
// browser): a pattern such as `^(a+)+$` never runs on V8's backtracking engine, so no submission
// can hold the event loop. Both files have no imports, so compiling each alone is enough:
// esbuild's `transform` (already installed with the dev tools) strips the types, and the result
// is imported from a data: URL. Node versions that can strip types themselves
// (module.stripTypeScriptTypes, Node ≥ 22.13) are used when esbuild is not there.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as nodeModule from 'node:module';
import { RE2JS } from 're2js';

const sourceOf = (name) =>
  fileURLToPath(new URL(`../../../src/intake-form/${name}.ts`, import.meta.url));

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

async function loadModule(name) {
  const code = await stripTypes(await readFile(sourceOf(name), 'utf8'));
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** @returns {Promise<typeof import('../../../src/intake-form/validate.ts')>} */
export async function loadValidator() {
  const [validator, patterns] = await Promise.all([
    loadModule('validate'),
    loadModule('pattern-syntax'),
  ]);
  validator.usePatternEngine(patterns.createPatternEngine(RE2JS));
  return validator;
}
