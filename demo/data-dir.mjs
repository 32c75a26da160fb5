// Where the demo keeps what people submit (intake answers: names, phone numbers of families).
// It must live outside the repository: the dev server serves the repo's folders, and a data
// folder inside them once leaked its database files over HTTP. Order:
//   1. $DANDELION_DATA_DIR
//   2. $XDG_DATA_HOME/dandelion-demo (XDG Base Directory spec: only an absolute path counts)
//   3. %LOCALAPPDATA%\dandelion-demo on Windows, ~/.local/share/dandelion-demo elsewhere
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');

/** The data folder for this environment (absolute; not created here). */
export function resolveDataDir(env = process.env, platform = process.platform) {
  if (env.DANDELION_DATA_DIR) return path.resolve(env.DANDELION_DATA_DIR);
  if (env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)) {
    return path.join(env.XDG_DATA_HOME, 'dandelion-demo');
  }
  if (platform === 'win32' && env.LOCALAPPDATA) {
    return path.join(env.LOCALAPPDATA, 'dandelion-demo');
  }
  return path.join(homedir(), '.local', 'share', 'dandelion-demo');
}

/** True when `file` is `dir` itself or anything below it. */
export function isInside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** `dir` with symbolic links resolved as far as it exists (the rest may not be created yet). */
export function realPath(dir) {
  const existing = existsSync(dir) || path.dirname(dir) === dir ? dir : path.dirname(dir);
  return existing === dir ? realpathSync(dir) : path.join(realPath(existing), path.basename(dir));
}
