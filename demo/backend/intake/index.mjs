// The intake receiver of the demo backend (see docs/intake-form.md, "Backend contract"):
//
//   GET  /api/forms/index.json              the example forms: [{ name, title }]
//   GET  /api/forms/<name>.json             one form's JSON Schema (from demo/forms/)
//   POST /api/intake/<name>                 a submission (JSON, ≤ 256 KB, Idempotency-Key header)
//   GET  /api/intake/<name>/submissions     staff only: Authorization: Bearer <staff token>
//
// Submissions are validated with the same module the browser uses (src/intake-form/validate.ts),
// deduplicated by Idempotency-Key (a repeat gets the first answer again, 200, never a second
// row; "the same answers" compares canonical JSON, so spacing and key order do not matter) and
// stored in PGlite or PostgreSQL. Submitted data is never logged.
//
// With `faults: true` (tests only) an `X-Test-Fault` request header simulates failures:
//   500                server error, nothing stored
//   timeout            no answer at all (the client's timeout fires), nothing stored
//   drop-after-commit  stored, then the connection is cut before the answer (response lost)
//   offline-once       the connection is cut before anything happens, once per Idempotency-Key
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadValidator } from './load-validator.mjs';
import { loadPg, openStore } from './store.mjs';

export const maxBodyBytes = 256 * 1024;
const demoForms = fileURLToPath(new URL('../../forms/', import.meta.url));
const testForms = fileURLToPath(new URL('../../../tests/fixtures/intake/forms/', import.meta.url));
const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

function send(res, status, body, type = 'application/json') {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** RFC 9457 problem details. */
function problem(res, status, title, extra = {}) {
  send(res, status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json');
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
      done = true;
    });
    req.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

const englishDetail = {
  required: 'An answer is required.',
  type: 'The answer has the wrong type.',
  minLength: 'The answer is too short.',
  maxLength: 'The answer is too long.',
  pattern: 'The answer does not look right.',
  format: 'The answer does not look right.',
  minimum: 'The number is too small.',
  maximum: 'The number is too large.',
  enum: 'The answer is not one of the choices.',
  const: 'The answer is not the expected value.',
  minItems: 'Too few choices.',
  maxItems: 'Too many choices.',
  uniqueItems: 'A choice is repeated.',
};

function newReference() {
  let code = '';
  for (let i = 0; i < 4; i++) code += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return `DX-${code}`;
}

function sha256(text) {
  return createHash('sha256').update(text).digest();
}

/**
 * The answers as canonical JSON: keys sorted (by UTF-16 code units, as RFC 8785), no whitespace,
 * numbers and strings as JSON.stringify writes them. A genuine retry may be re-serialized by a
 * proxy or another client library (spacing, key order): it is still the same answers.
 */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * @param {{ dataDir?: string, databaseUrl?: string, staffToken?: string, faults?: boolean }} options
 */
export async function createIntakeApi({ dataDir, databaseUrl, staffToken, faults = false } = {}) {
  const formDirs = faults ? [demoForms, testForms] : [demoForms];
  const validator = await loadValidator();
  // DATABASE_URL without the PostgreSQL client is a startup error (it names the fix), not a
  // silent switch to the embedded database.
  const pg = databaseUrl ? await loadPg() : undefined;
  // The database starts in the background (PGlite needs a few seconds): forms are served at once.
  const storePromise = openStore({ dataDir, databaseUrl, pg });
  storePromise.catch((error) => console.error('[intake] database failed to start:', error.message));
  const droppedOnce = new Set();
  const held = new Set();
  const tokenHash = staffToken ? sha256(staffToken) : undefined;

  async function loadForm(name) {
    for (const dir of formDirs) {
      try {
        const text = await readFile(`${dir}${name}.json`, 'utf8');
        return { text, schema: JSON.parse(text) };
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
    }
    return undefined;
  }

  async function listForms() {
    const forms = [];
    for (const dir of formDirs) {
      let files = [];
      try {
        files = await readdir(dir);
      } catch {
        continue;
      }
      for (const file of files.filter((f) => f.endsWith('.json')).sort()) {
        const name = file.slice(0, -5);
        const form = await loadForm(name).catch(() => undefined);
        if (form) forms.push({ name, title: form.schema.title ?? name });
      }
    }
    return forms;
  }

  function isStaff(req) {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    return Boolean(tokenHash && match && timingSafeEqual(sha256(match[1].trim()), tokenHash));
  }

  async function receive(req, res, name) {
    const fault = faults ? String(req.headers['x-test-fault'] ?? '').trim() : '';
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key))) {
      return problem(res, 400, 'Idempotency-Key must be 1–200 visible ASCII characters');
    }
    if (fault === 'offline-once' && key && !droppedOnce.has(key)) {
      droppedOnce.add(key);
      req.socket.destroy();
      return;
    }
    const form = await loadForm(name);
    if (!form)
      return problem(res, 404, 'No such form', { detail: `Form "${name}" does not exist.` });
    const contentType = String(req.headers['content-type'] ?? '');
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
      return problem(res, 415, 'Send the answers as application/json');
    }
    const raw = await readBody(req, maxBodyBytes);
    if (raw === undefined) {
      res.setHeader('Connection', 'close');
      return problem(res, 413, 'The answers are too large', {
        detail: `At most ${maxBodyBytes} bytes.`,
      });
    }
    if (fault === '500') return problem(res, 500, 'Injected server error');
    if (fault === 'timeout') {
      held.add(res);
      const timer = setTimeout(() => res.socket?.destroy(), 60_000);
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
      return;
    }
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      return problem(res, 400, 'The body is not valid JSON');
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return problem(res, 422, 'The answers must be a JSON object', { errors: [] });
    }
    const issues = validator.validate(form.schema, data);
    if (issues.length > 0) {
      return problem(res, 422, 'Some answers need correcting', {
        errors: issues.map((issue) => ({
          pointer: issue.pointer,
          code: issue.code,
          ...(issue.params ? { params: issue.params } : {}),
          detail: englishDetail[issue.code] ?? 'The answer is not valid.',
        })),
      });
    }

    const store = await storePromise;
    let canonical;
    try {
      canonical = canonicalJson(data);
    } catch (error) {
      // Nested deeper than the stack: never storable, so not a server error to retry.
      if (!(error instanceof RangeError)) throw error;
      return problem(res, 422, 'The answers are nested too deeply', { errors: [] });
    }
    const hash = sha256(canonical).toString('hex');
    const submission = { id: randomUUID(), form: name, key: key ?? randomUUID(), hash, data };
    let outcome;
    for (let attempt = 0; ; attempt++) {
      try {
        outcome = await store.insertOnce({ ...submission, reference: newReference() });
        break;
      } catch (error) {
        // A reference collision (unique violation) gets a new reference; anything else is real.
        if (error?.code !== '23505' || attempt >= 5) throw error;
      }
    }
    const { row, created } = outcome;
    // Rows stored before canonical hashing hold the hash of the raw body.
    if (!created && row.body_hash !== hash && row.body_hash !== sha256(raw).toString('hex')) {
      return problem(res, 422, 'This Idempotency-Key was already used for different answers');
    }
    if (fault === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    send(res, created ? 201 : 200, { id: row.id, reference: row.reference });
  }

  async function handle(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    let m;
    if (path === '/api/forms/index.json') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'Use GET');
      return send(res, 200, await listForms());
    }
    if ((m = /^\/api\/forms\/([\w-]+)\.json$/.exec(path))) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'Use GET');
      const form = await loadForm(m[1]);
      if (!form) return problem(res, 404, 'No such form');
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/schema+json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      return res.end(form.text);
    }
    if ((m = /^\/api\/intake\/([\w-]+)\/submissions$/.exec(path))) {
      if (req.method !== 'GET') return problem(res, 405, 'Use GET');
      if (!isStaff(req)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="intake"');
        return problem(res, 401, 'Staff token required', {
          detail: tokenHash
            ? 'Send Authorization: Bearer <staff token>.'
            : 'No staff token is configured on this server.',
        });
      }
      if (!(await loadForm(m[1]))) return problem(res, 404, 'No such form');
      const store = await storePromise;
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 500, 1), 5000);
      return send(res, 200, { form: m[1], items: await store.list(m[1], limit) });
    }
    if ((m = /^\/api\/intake\/([\w-]+)$/.exec(path))) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return problem(res, 405, 'Use POST');
      }
      return receive(req, res, m[1]);
    }
    return next();
  }

  return {
    handle(req, res, next) {
      return handle(req, res, next).catch((error) => {
        // The message only: never the request body.
        console.error('[intake]', error?.message ?? error);
        if (!res.headersSent && !res.destroyed) problem(res, 500, 'Internal error');
      });
    },
    async close() {
      for (const res of held) res.socket?.destroy();
      const store = await storePromise.catch(() => undefined);
      await store?.close();
    },
  };
}
