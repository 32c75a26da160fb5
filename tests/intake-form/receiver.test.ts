import '../support/setup.js';
// The demo receiver (mounted at /api/ by the test runner) seen from a client other than the
// widget: a retry that another library re-serialized is still the same answers.
import { expect } from '@open-wc/testing';
import { storedRows, uniqueKey, warmUp } from '../support/intake.js';

/** POSTs `body` exactly as given to the test sign-up form under `key`. */
function post(key: string, body: string): Promise<Response> {
  return fetch('/api/intake/test-signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body,
  });
}

/** JSON with every non-ASCII character written as a \u escape (as some libraries do). */
const escaped = (value: unknown) =>
  JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

describe('demo receiver: the same answers, written differently', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('answers a retry that differs only in spacing, key order and escapes with the first answer, and stores one row', async () => {
    const key = uniqueKey('canonical');
    const name = `规范-${key}`;
    const answers = { name, phone: '020-0000 1234', note: '第一行\n第二行 🌼' };
    const first = await post(key, JSON.stringify(answers));
    expect(first.status).to.equal(201);
    const stored = await first.json();

    const respaced = `{\n  "note" : ${escaped(answers.note)},\r\n\t"phone":"020-0000 1234" ,  "name": ${escaped(name)}\n}\n`;
    const retry = await post(key, respaced);
    expect(retry.status, 'a genuine retry').to.equal(200);
    expect(await retry.json()).to.deep.equal(stored);

    const changed = await post(key, JSON.stringify({ ...answers, note: '第一行\n第二行 🌻' }));
    expect(changed.status, 'other answers under the same key').to.equal(422);
    expect(changed.headers.get('Content-Type')).to.contain('application/problem+json');

    const rows = await storedRows('test-signup', key);
    expect(rows).to.have.length(1);
    expect(rows[0].reference).to.equal(stored.reference);
    expect(rows[0].data).to.deep.equal(answers);
  });
});
