import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/story-carousel/define.js';
import { refusedByCors } from '../../src/core/cors-refusal.js';
import { fetchText, lazyFetching } from '../../src/core/data/fetch-text.js';
import { DandelionError } from '../../src/core/errors.js';
import { mount, until } from '../support/index.js';
import { text } from '../support/dom.js';

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

describe('a widget whose data server refuses this page (CORS)', () => {
  it('says so kindly without blaming the connection, does not retry, and tells the site owner how to fix it', async () => {
    const key = `cors-${Math.random().toString(36).slice(2)}`;
    const src = otherOrigin(`/test-api/fixture?name=finder/hsds-services.json&key=${key}`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const { el, events } = await mount(
        html`<story-carousel lang="zh-Hans" src=${src} format="hsds"></story-carousel>`,
      );
      const error = await events.failed();
      expect(error.kind).to.equal('network');
      expect(error.message).to.equal('这里的内容暂时显示不出来，请稍后再来看看。');
      await until(() => text(el.shadowRoot!).includes('请联系主办机构'), 'the CORS message');
      expect(text(el.shadowRoot!)).not.to.contain('网络');
    } finally {
      console.warn = warn;
    }
    // One request and one no-cors probe: no retries.
    const { hits } = (await (await fetch(`/test-api/count?key=${key}`)).json()) as { hits: number };
    expect(hits).to.equal(2);
    expect(warnings.join('\n')).to.contain('Access-Control-Allow-Origin');
  });
});

/**
 * `fetchText` loads the CORS check (with the rest of what it does after a failure) only when a
 * request fails: a late or failed download.
 */
describe('the code for failures arrives late or not at all', () => {
  const load = lazyFetching.failure;
  afterEach(() => (lazyFetching.failure = load));
  const refused = () =>
    fetchText(otherOrigin('/tests/fixtures/finder/hsds-services.json'), { attempts: 1 }).then(
      () => undefined,
      (e: unknown) => e as DandelionError,
    );

  it('still tells a CORS refusal apart once the code has arrived', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    lazyFetching.failure = () => ((asked = true), released.then(load));
    const failure = refused();
    await until(() => asked, 'the code asked for');
    release();
    const error = await failure;
    expect(error).to.be.instanceOf(DandelionError);
    expect(error!.kind).to.equal('network');
    expect(error!.corsRefused).to.equal(true);
  });

  it('counts the failure as the network’s (retry button) when the code cannot load', async () => {
    lazyFetching.failure = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'));
    const error = await refused();
    expect(error).to.be.instanceOf(DandelionError);
    expect(error!.kind).to.equal('network');
    expect(error!.corsRefused).to.equal(false);
  });
});
