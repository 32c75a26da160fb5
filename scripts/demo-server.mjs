// Starts the real `npm start` demo server (demo/server.mjs with its embedded backend) on a free
// local port for the scripts that look at the demo in Chromium; resolves once it listens.
import { spawn } from 'node:child_process';
import { freePort } from './free-port.mjs';

/** @returns {Promise<{ url: string, stop: () => void }>} */
export async function startDemo(env = {}) {
  const port = await freePort();
  const server = spawn(process.execPath, ['demo/server.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), 60_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Dandelion demo:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.stderr.on('data', (chunk) => (output += chunk));
    server.once('exit', (code) => reject(new Error(`demo server exited (${code}):\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.kill('SIGTERM') };
}
