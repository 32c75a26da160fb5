import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { refusedByCors } from '../../src/core/cors-refusal.js';

/** The test server under another origin: same port, other host name, no CORS headers. */
function otherOrigin(path: string): string {
  const here = new URL(location.href);
  const host = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${here.protocol}//${host}:${here.port}${path}`;
}

describe('refusedByCors', () => {
  const data = '/tests/fixtures/finder/hsds-services.json';

  it('a server on another origin that answers without allowing this page is a CORS refusal', async () => {
    const url = otherOrigin(data);
    // The premise: the browser refuses to let the page read it.
    const error = await fetch(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TypeError);
    expect(await refusedByCors(url)).to.equal(true);
  });

  it('nothing listening is a network failure, not a CORS refusal', async () => {
    // Port 9 (discard) is closed on the test machine: the connection is refused.
    expect(await refusedByCors('http://127.0.0.1:9/data.json')).to.equal(false);
  });

  it('same-origin and non-http URLs are never CORS refusals', async () => {
    expect(await refusedByCors(data)).to.equal(false);
    expect(await refusedByCors(new URL(data, location.href).href)).to.equal(false);
    expect(await refusedByCors('ftp://example.org/x')).to.equal(false);
    expect(await refusedByCors('http://[bad')).to.equal(false);
  });
});
