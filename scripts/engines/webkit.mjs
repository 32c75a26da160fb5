// WebKit for the engine smoke test: Debian's WebKitGTK MiniBrowser, driven by WebKitWebDriver
// over WebDriver classic (plain HTTP, no client library), on a private Xvfb display (MiniBrowser
// has no headless mode). Gives the small page driver that `engine-checks.mjs` uses.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { freePort } from '../free-port.mjs';
import { startProcess, stopProcess } from './processes.mjs';

/** WebDriver's code points for the keys the checks press (WebDriver § 17.4.2). */
const keyCodes = {
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
};

/** MiniBrowser's path (its folder carries the architecture triplet). */
export function miniBrowserPath() {
  return readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));
}

/** Starts Xvfb on a display it picks itself (`-displayfd`); resolves with its process and name. */
async function startXvfb() {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
  });
  return { child, display };
}

/** Opens MiniBrowser under WebDriver; returns a page driver (see engine-checks.mjs). */
export async function launchWebKit() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = await startProcess('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    ready: async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
      } catch {
        return false;
      }
    },
  }).catch((error) => {
    stopProcess(xvfb.child);
    throw error;
  });
  const base = `http://127.0.0.1:${port}`;
  const stopAll = () => {
    stopProcess(driver);
    stopProcess(xvfb.child);
  };

  async function call(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json();
    if (!response.ok) {
      const { error, message } = answer.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${error ?? response.status} ${message ?? ''}`);
    }
    return answer.value;
  }

  let session;
  let browserVersion = '?';
  try {
    const created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
        },
      },
    });
    session = `/session/${created.sessionId}`;
    browserVersion = created.capabilities?.browserVersion ?? '?';
    await call('POST', `${session}/window/rect`, { width: 1280, height: 900 }).catch(() => {});
    await call('POST', `${session}/timeouts`, { script: 30_000, pageLoad: 30_000 });
  } catch (error) {
    stopAll();
    throw error;
  }

  const actions = (list) => call('POST', `${session}/actions`, { actions: list });
  const keys = (value) =>
    actions([
      {
        type: 'key',
        id: 'keyboard',
        actions: [...value].flatMap((key) => [
          { type: 'keyDown', value: key },
          { type: 'keyUp', value: key },
        ]),
      },
    ]);

  return {
    name: 'WebKit',
    version: async () => `WebKitGTK ${browserVersion}`,
    goto: (url) => call('POST', `${session}/url`, { url }),
    /** Runs `fn(...args)` in the page (awaiting a promise) and returns its JSON result. */
    async evaluate(fn, ...args) {
      const result = await call('POST', `${session}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          Promise.resolve()
            .then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
            .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
        args,
      });
      if (result && 'error' in result) throw new Error(result.error);
      return result?.value;
    },
    press: (key) => keys(keyCodes[key] ?? key),
    type: (text) => keys(text),
    click: (x, y) =>
      actions([
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ]),
    async close() {
      await call('DELETE', session).catch(() => {});
      stopAll();
    },
  };
}
