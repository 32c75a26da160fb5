// Child processes of the engine smoke test (Xvfb, WebKitWebDriver): started, waited for until
// they answer, and stopped by their own process id, never by name.
import { spawn } from 'node:child_process';

/**
 * Starts `command` and resolves with its child process once `ready()` says so (polled every
 * 100 ms, up to `timeout` ms); rejects with its output when it exits or never gets ready.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, ready: () => Promise<boolean>, timeout?: number }} options
 */
export async function startProcess(command, args, { env, ready, timeout = 20_000 }) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', (error) => {
    exited = true;
    keep(String(error));
  });
  const until = Date.now() + timeout;
  while (!exited && Date.now() < until) {
    if (await ready()) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopProcess(child);
  throw new Error(`${command} did not start${exited ? ' (it exited)' : ''}: ${output.trim()}`);
}

/** Stops a child process this script started (SIGTERM to its pid). */
export function stopProcess(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
