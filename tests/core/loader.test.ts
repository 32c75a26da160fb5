import '../support/setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { fetchText } from '../../src/core/data/fetch-text.js';
import { fetchPages } from '../../src/core/data/fetch-pages.js';
import { cachedPages, clearRequestCache } from '../../src/core/data/request-cache.js';
import { DandelionError } from '../../src/core/errors.js';
import { DandelionDataElement } from '../../src/core/data-element.js';
import { defineElement } from '../../src/core/define.js';
import { baseStyles } from '../../src/core/styles.js';
import type { Story } from '../../src/core/models.js';

let uid = 0;
const key = () => `k${Date.now()}-${uid++}`;
const hits = async (k: string) =>
  ((await (await fetch(`/test-api/count?key=${encodeURIComponent(k)}`)).json()) as { hits: number })
    .hits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejection(promise: Promise<unknown>): Promise<DandelionError> {
  try {
    await promise;
  } catch (error) {
    return error as DandelionError;
  }
  throw new Error('expected a rejection');
}

/** A test-only data widget: lists story titles. */
class LoaderProbe extends DandelionDataElement<'story'> {
  static override styles = baseStyles;
  constructor() {
    super('story');
  }
  override render() {
    return this.loader.render({
      content: (items: Story[]) =>
        html`<ul>
          ${items.map((s) => html`<li>${s.title}</li>`)}
        </ul>`,
      empty: () => html`<p>empty</p>`,
    });
  }
}
defineElement('loader-probe', LoaderProbe);

describe('loader: one request', () => {
  it('times out a server that never answers, closing the connection', async () => {
    const k = key();
    const started = performance.now();
    const error = await rejection(
      fetchText(`/test-api/never?key=${k}`, { timeout: 300, attempts: 1 }),
    );
    expect(error).to.be.instanceOf(DandelionError);
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
    await sleep(100);
    expect(await hits(`${k}:closed`)).to.equal(1);
  });

  it('aborts when the caller aborts', async () => {
    const k = key();
    const controller = new AbortController();
    const pending = fetchText(`/test-api/never?key=${k}`, { signal: controller.signal });
    await sleep(100);
    controller.abort();
    const error = await rejection(pending);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
    await sleep(100);
    expect(await hits(`${k}:closed`)).to.equal(1);
  });

  it('retries 5xx with backoff and succeeds on the third try', async () => {
    const k = key();
    const result = await fetchText(`/test-api/flaky?key=${k}&fail=2`, { backoff: 10 });
    expect(JSON.parse(result.text)[0].name).to.equal('recovered');
    expect(await hits(k)).to.equal(3);
  });

  it('gives up after three tries', async () => {
    const k = key();
    const error = await rejection(fetchText(`/test-api/flaky?key=${k}&fail=5`, { backoff: 10 }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(await hits(k)).to.equal(3);
  });

  it('does not retry a 404', async () => {
    const k = key();
    const error = await rejection(fetchText(`/test-api/status/404?key=${k}`, { backoff: 10 }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(await hits(k)).to.equal(1);
  });

  it('refuses a response over 10 MB by its Content-Length', async () => {
    const error = await rejection(fetchText(`/test-api/large?mb=50&key=${key()}`));
    expect(error.kind).to.equal('too-large');
  });

  it('refuses a streamed response once it passes the cap', async () => {
    const error = await rejection(fetchText(`/test-api/large?mb=12&length=no&key=${key()}`));
    expect(error.kind).to.equal('too-large');
  });

  it('reports a CORS failure as a network error', async () => {
    const other = `${location.protocol}//127.0.0.1:${location.port}/test-api/json`;
    const error = await rejection(fetchText(other, { attempts: 1 }));
    expect(error.kind).to.equal('network');
  });

  it('decodes GBK exports from Chinese Excel and strips a UTF-8 BOM', async () => {
    const gbk = await fetchText('/tests/fixtures/services-gbk.csv');
    expect(gbk.text).to.contain('儿童心理咨询');
    const bom = await fetchText('/tests/fixtures/services-bom.csv');
    expect(bom.text.startsWith('名称')).to.equal(true);
  });
});

describe('loader: pagination', () => {
  it('follows HSDS total_pages', async () => {
    const pages = await fetchPages(`/test-api/hsds/services?total=45&per_page=20&key=${key()}`);
    expect(pages.length).to.equal(3);
    expect((pages[2].json as { contents: unknown[] }).contents.length).to.equal(5);
  });

  it('follows WordPress X-WP-TotalPages', async () => {
    const k = key();
    const pages = await fetchPages(`/test-api/wp/posts?pages=3&key=${k}`);
    expect(pages.length).to.equal(3);
    expect(await hits(k)).to.equal(3);
  });

  it('follows The Events Calendar next_rest_url', async () => {
    const pages = await fetchPages(`/test-api/tribe/events?pages=3&key=${key()}`);
    expect(pages.length).to.equal(3);
  });

  it('follows Link rel=next', async () => {
    const pages = await fetchPages(`/test-api/link?pages=4&key=${key()}`);
    expect(pages.map((p) => (p.json as { id: string }[])[0].id)).to.deep.equal([
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
  });

  it('stops at the page cap on a source that always says "next"', async () => {
    const k = key();
    const pages = await fetchPages(`/test-api/endless?key=${k}`, { maxPages: 5 });
    expect(pages.length).to.equal(5);
    expect(await hits(k)).to.equal(5);
  });
});

describe('loader: shared cache', () => {
  beforeEach(() => clearRequestCache());

  it('makes one request for two widgets with the same src', async () => {
    const k = key();
    const url = `${location.origin}/test-api/json?key=${k}&delay=100`;
    await Promise.all([cachedPages(url), cachedPages(url)]);
    await cachedPages(url);
    expect(await hits(k)).to.equal(1);
    await cachedPages(url, { force: true });
    expect(await hits(k)).to.equal(2);
  });

  it('keeps a shared request alive while another caller still waits', async () => {
    const k = key();
    const url = `${location.origin}/test-api/json?key=${k}&delay=200`;
    const a = new AbortController();
    const first = cachedPages(url, { signal: a.signal });
    const second = cachedPages(url);
    a.abort();
    expect((await rejection(first)) as unknown as DOMException).to.have.property(
      'name',
      'AbortError',
    );
    const pages = await second;
    expect(pages.length).to.equal(1);
    expect(await hits(k)).to.equal(1);
  });

  it('starts no request and leaves no unhandled rejection for a caller already gone', async () => {
    const k = key();
    const url = `${location.origin}/test-api/json?key=${k}&delay=50`;
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const gone = AbortSignal.abort();
      const error = (await rejection(cachedPages(url, { signal: gone }))) as unknown;
      expect(error).to.have.property('name', 'AbortError');
      // The last waiter leaving aborts the shared request; that rejection is nobody's to handle.
      const a = new AbortController();
      const waiting = cachedPages(url, { signal: a.signal });
      a.abort();
      await rejection(waiting);
      await sleep(150);
      expect(unhandled.map(String)).to.deep.equal([]);
      expect(await hits(k)).to.be.at.most(1);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});

describe('loader: in a widget', () => {
  beforeEach(() => clearRequestCache());

  it('loads, fires dandelion-load with normalized items and shows them', async () => {
    const el = await fixture<LoaderProbe>(html`<loader-probe lang="en"></loader-probe>`);
    const loaded = oneEvent(el, 'dandelion-load');
    el.src = `/test-api/json?key=${key()}&title=Hello`;
    const { detail } = await loaded;
    expect(detail.items).to.have.length(1);
    expect(detail.source).to.contain('/test-api/json');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('Hello');
    await expect(el).to.be.accessible();
  });

  it('shows the skeleton with aria-busy while loading', async () => {
    const el = await fixture<LoaderProbe>(
      html`<loader-probe lang="en" src="/test-api/slow?ms=500&key=${key()}"></loader-probe>`,
    );
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    await expect(el).to.be.accessible();
    await oneEvent(el, 'dandelion-load');
  });

  it('lets only the latest src update the view', async () => {
    const el = await fixture<LoaderProbe>(html`<loader-probe lang="en"></loader-probe>`);
    const events: string[] = [];
    el.addEventListener('dandelion-load', (e) => events.push((e.detail.items[0] as Story).title));
    el.src = `/test-api/slow?ms=600&name=old&key=${key()}`;
    await el.updateComplete;
    await sleep(50);
    el.src = `/test-api/slow?ms=10&name=new&key=${key()}`;
    await sleep(900);
    await el.updateComplete;
    expect(events).to.deep.equal(['new']);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('new');
  });

  it('aborts its request when removed from the page', async () => {
    const k = key();
    const el = await fixture<LoaderProbe>(
      html`<loader-probe src="/test-api/never?key=${k}"></loader-probe>`,
    );
    await sleep(150);
    el.remove();
    await sleep(150);
    expect(await hits(`${k}:closed`)).to.equal(1);
  });

  it('shows a localized error with retry, fires a typed dandelion-error, then recovers', async () => {
    const k = key();
    const el = await fixture<LoaderProbe>(html`<loader-probe lang="zh-Hans"></loader-probe>`);
    const failed = oneEvent(el, 'dandelion-error');
    el.src = `/test-api/flaky?key=${k}&fail=3&status=500`;
    el.timeout = 5;
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      kind: 'http',
      status: 500,
      message: '服务器出了点问题（错误 500），请过一会儿再试。',
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
      '服务器出了点问题',
    );
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'dandelion-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('recovered');
  });

  for (const [name, src, kind] of [
    ['an HTML error page served as JSON', '/test-api/html-as-json', 'format'],
    ['truncated JSON', '/test-api/truncated', 'parse'],
    ['a 404', '/test-api/status/404', 'http'],
    ['a 50 MB response', '/test-api/large?mb=50', 'too-large'],
  ] as const) {
    it(`reports ${name} as "${kind}" without throwing`, async () => {
      const el = await fixture<LoaderProbe>(html`<loader-probe lang="en"></loader-probe>`);
      const failed = oneEvent(el, 'dandelion-error');
      el.src = `${src}${src.includes('?') ? '&' : '?'}key=${key()}`;
      const { detail } = await failed;
      expect(detail.kind).to.equal(kind);
      expect(detail.message).to.be.a('string').and.not.be.empty;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    });
  }

  it('reads records given through .data without a request', async () => {
    const el = await fixture<LoaderProbe>(html`<loader-probe lang="en"></loader-probe>`);
    const loaded = oneEvent(el, 'dandelion-load');
    el.data = [{ title: 'Direct' }];
    const { detail } = await loaded;
    expect(detail.source).to.equal('data');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('Direct');
  });

  it('reloads in the background every `refresh` seconds, keeping content on screen', async () => {
    const k = key();
    const el = await fixture<LoaderProbe>(
      html`<loader-probe lang="en" refresh="0.3" src="/test-api/json?key=${k}"></loader-probe>`,
    );
    await oneEvent(el, 'dandelion-load');
    await oneEvent(el, 'dandelion-load');
    expect(await hits(k)).to.be.at.least(2);
    expect(el.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    el.remove();
  });
});
