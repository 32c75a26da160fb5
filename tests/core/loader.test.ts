import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { fetchText } from '../../src/core/data/fetch-text.js';
import { fetchPages } from '../../src/core/data/fetch-pages.js';
import { cachedPages, clearRequestCache } from '../../src/core/data/request-cache.js';
import { DandelionError } from '../../src/core/errors.js';
import { DandelionDataElement } from '../../src/core/data-element.js';
import { defineElement } from '../../src/core/define.js';
import { baseStyles } from '../../src/core/styles.js';
import type { Story } from '../../src/core/models.js';
import {
  allByRole,
  byRole,
  fakeClock,
  find,
  mount,
  settle,
  text,
  until,
  type FakeClock,
} from '../support/index.js';
import {
  fakeRequestTimeouts,
  fireTimersUntil,
  heldAt,
  hits,
  rejection,
  release,
  uniqueKey,
  untilHeld,
  untilHits,
} from '../support/network.js';

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

const titles = (el: Element) => allByRole(el, 'listitem').map((li) => text(li));
const mountProbe = (template = html`<loader-probe lang="en"></loader-probe>`) =>
  mount<LoaderProbe>(template);

/** Runs `body` with a fake clock, removed afterwards even when the test fails. */
async function withClock<T>(body: (clock: FakeClock) => Promise<T>): Promise<T> {
  const clock = fakeClock();
  try {
    return await body(clock);
  } finally {
    clock.uninstall();
  }
}

describe('loader: one request', () => {
  it('times out a server that never answers, closing the connection', async () => {
    const restore = fakeRequestTimeouts();
    try {
      await withClock(async (clock) => {
        const k = uniqueKey();
        let settled = false;
        const failed = rejection<DandelionError>(
          fetchText(`/test-api/never?key=${k}`, { timeout: 300, attempts: 1 }),
        ).finally(() => (settled = true));
        await untilHits(k);
        await clock.tickAsync(299);
        expect(settled, 'gave up before its timeout').to.equal(false);
        await clock.tickAsync(1);
        const error = await failed;
        expect(error).to.be.instanceOf(DandelionError);
        expect(error.kind).to.equal('timeout');
        await untilHits(`${k}:closed`);
      });
    } finally {
      restore();
    }
  });

  it('aborts when the caller aborts', async () => {
    const k = uniqueKey();
    const controller = new AbortController();
    const aborted = rejection<DOMException>(
      fetchText(`/test-api/never?key=${k}`, { signal: controller.signal }),
    );
    await untilHits(k);
    controller.abort();
    expect((await aborted).name).to.equal('AbortError');
    await untilHits(`${k}:closed`);
  });

  it('retries 5xx after a backoff that doubles (400 ms ± 25 %) and succeeds on the third try', () =>
    withClock(async (clock) => {
      const k = uniqueKey();
      const result = fetchText(`/test-api/flaky?key=${k}&fail=2`);
      for (const [earliest, latest] of [
        [300, 500],
        [600, 1000],
      ]) {
        await until(() => clock.countTimers() === 1, 'the backoff before the next try');
        await clock.tickAsync(earliest - 1);
        expect(clock.countTimers(), `no retry before ${earliest} ms`).to.equal(1);
        await clock.tickAsync(latest - earliest + 1);
        expect(clock.countTimers(), `a retry by ${latest} ms`).to.equal(0);
      }
      expect(JSON.parse((await result).text)[0].name).to.equal('recovered');
      expect(await hits(k)).to.equal(3);
    }));

  it('gives up after three tries', () =>
    withClock(async (clock) => {
      const k = uniqueKey();
      let error: DandelionError | undefined;
      void rejection<DandelionError>(fetchText(`/test-api/flaky?key=${k}&fail=5`)).then(
        (e) => (error = e),
      );
      await fireTimersUntil(clock, () => error !== undefined, 'the last try');
      expect(error!.kind).to.equal('http');
      expect(error!.status).to.equal(503);
      expect(await hits(k)).to.equal(3);
    }));

  it('does not retry a 404', async () => {
    const k = uniqueKey();
    const error = await rejection<DandelionError>(
      fetchText(`/test-api/status/404?key=${k}`, { backoff: 10 }),
    );
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(await hits(k)).to.equal(1);
  });

  it('refuses a response over 10 MB by its Content-Length', async () => {
    const error = await rejection<DandelionError>(
      fetchText(`/test-api/large?mb=50&key=${uniqueKey()}`),
    );
    expect(error.kind).to.equal('too-large');
  });

  it('refuses a streamed response once it passes the cap', async () => {
    const error = await rejection<DandelionError>(
      fetchText(`/test-api/large?mb=12&length=no&key=${uniqueKey()}`),
    );
    expect(error.kind).to.equal('too-large');
  });

  it('reports a CORS failure as a network error', async () => {
    const other = `${location.protocol}//127.0.0.1:${location.port}/test-api/json`;
    const error = await rejection<DandelionError>(fetchText(other, { attempts: 1 }));
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
    const pages = await fetchPages(
      `/test-api/hsds/services?total=45&per_page=20&key=${uniqueKey()}`,
    );
    expect(pages.length).to.equal(3);
    expect((pages[2].json as { contents: unknown[] }).contents.length).to.equal(5);
  });

  it('follows WordPress X-WP-TotalPages', async () => {
    const k = uniqueKey();
    const pages = await fetchPages(`/test-api/wp/posts?pages=3&key=${k}`);
    expect(pages.length).to.equal(3);
    expect(await hits(k)).to.equal(3);
  });

  it('follows The Events Calendar next_rest_url', async () => {
    const pages = await fetchPages(`/test-api/tribe/events?pages=3&key=${uniqueKey()}`);
    expect(pages.length).to.equal(3);
  });

  it('follows Link rel=next', async () => {
    const pages = await fetchPages(`/test-api/link?pages=4&key=${uniqueKey()}`);
    expect(pages.map((p) => (p.json as { id: string }[])[0].id)).to.deep.equal([
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
  });

  it('stops at the page cap on a source that always says "next"', async () => {
    const k = uniqueKey();
    const pages = await fetchPages(`/test-api/endless?key=${k}`, { maxPages: 5 });
    expect(pages.length).to.equal(5);
    expect(await hits(k)).to.equal(5);
  });
});

describe('loader: shared cache', () => {
  beforeEach(() => clearRequestCache());

  /** A JSON source held at the server until the test releases it. */
  const heldSource = (k: string) => `${location.origin}/test-api/json?key=${k}&hold=${k}`;

  it('makes one request for two widgets with the same src', async () => {
    const k = uniqueKey();
    const url = heldSource(k);
    const both = Promise.all([cachedPages(url), cachedPages(url)]);
    await untilHeld(k);
    await release(k);
    await both;
    await cachedPages(url);
    expect(await hits(k)).to.equal(1);
    expect((await heldAt(k)).arrived).to.equal(1);
    await cachedPages(url, { force: true });
    expect(await hits(k)).to.equal(2);
  });

  it('keeps a shared request alive while another caller still waits', async () => {
    const k = uniqueKey();
    const url = heldSource(k);
    const a = new AbortController();
    const first = rejection<DOMException>(cachedPages(url, { signal: a.signal }));
    const second = cachedPages(url);
    await untilHeld(k);
    a.abort();
    expect(await first).to.have.property('name', 'AbortError');
    await release(k);
    expect((await second).length).to.equal(1);
    expect(await hits(k)).to.equal(1);
    expect(await hits(`${k}:closed`)).to.equal(0);
  });

  it('starts no request and leaves no unhandled rejection for a caller already gone', async () => {
    const k = uniqueKey();
    const url = heldSource(k);
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const gone = AbortSignal.abort();
      const error = await rejection(cachedPages(url, { signal: gone }));
      expect(error).to.have.property('name', 'AbortError');
      // A request started for the gone caller would have been sent before this control request.
      const control = fetch(`/test-api/json?key=${uniqueKey()}&hold=${k}`);
      await untilHeld(k);
      expect((await heldAt(k)).arrived, 'requests started for a caller already gone').to.equal(1);
      await release(k);
      await control;
      clearRequestCache();

      // The last waiter leaving aborts the shared request; that rejection is nobody's to handle.
      const k2 = uniqueKey();
      const a = new AbortController();
      const waiting = cachedPages(heldSource(k2), { signal: a.signal });
      await untilHeld(k2);
      a.abort();
      await rejection(waiting);
      await untilHits(`${k2}:closed`);
      // An aborted fetch rejects at once, and a rejection nobody handles is reported in the
      // next task: the requests and frames of the waits above are many tasks later.
      await settle();
      expect(unhandled.map(String)).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});

describe('loader: in a widget', () => {
  beforeEach(() => clearRequestCache());

  it('loads, fires dandelion-load with normalized items and shows them', async () => {
    const { el, events } = await mountProbe();
    el.src = `/test-api/json?key=${uniqueKey()}&title=Hello`;
    const detail = await events.loaded();
    expect(detail.items).to.have.length(1);
    expect(detail.source).to.contain('/test-api/json');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Hello']);
    await expect(el).to.be.accessible();
  });

  it('shows the skeleton with aria-busy while loading', async () => {
    const k = uniqueKey();
    const { el, events } = await mountProbe(
      html`<loader-probe lang="en" src="/test-api/slow?key=${k}&hold=${k}"></loader-probe>`,
    );
    await untilHeld(k);
    expect(find(el, '[role="status"][aria-busy="true"]')).to.exist;
    await expect(el).to.be.accessible();
    await release(k);
    await events.loaded();
    await el.updateComplete;
    expect(find(el, '[aria-busy]')).to.equal(null);
  });

  it('lets only the latest src update the view', async () => {
    const { el, events } = await mountProbe();
    const old = uniqueKey();
    el.src = `/test-api/slow?name=old&key=${old}&hold=${old}`;
    await untilHeld(old);
    el.src = `/test-api/slow?name=new&key=${uniqueKey()}`;
    await events.loaded();
    // The old request is abandoned at the server; letting it answer now changes nothing.
    await untilHits(`${old}:closed`);
    await release(old);
    await el.updateComplete;
    expect(
      events.of<{ items: Story[] }>('dandelion-load').map((e) => e.detail.items[0].title),
    ).to.deep.equal(['new']);
    expect(titles(el)).to.deep.equal(['new']);
  });

  it('aborts its request when removed from the page', async () => {
    const k = uniqueKey();
    const { el } = await mountProbe(
      html`<loader-probe src="/test-api/never?key=${k}"></loader-probe>`,
    );
    await untilHits(k);
    el.remove();
    await untilHits(`${k}:closed`);
  });

  it('shows a localized error with retry, fires a typed dandelion-error, then recovers', async () => {
    const k = uniqueKey();
    const { el, events } = await mountProbe(html`<loader-probe lang="zh-Hans"></loader-probe>`);
    await withClock(async (clock) => {
      el.src = `/test-api/flaky?key=${k}&fail=3&status=500`;
      await fireTimersUntil(clock, () => events.of('dandelion-error').length > 0, 'the error');
    });
    expect(await events.failed()).to.deep.equal({
      kind: 'http',
      status: 500,
      message: '我们这边出了点问题，请过一会儿再试。',
    });
    expect(await hits(k)).to.equal(3);
    await el.updateComplete;
    expect(text(byRole(el, 'alert'))).to.contain('我们这边出了点问题');
    await expect(el).to.be.accessible();
    byRole(el, 'button').click();
    await events.loaded();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['recovered']);
  });

  for (const [name, src, kind] of [
    ['an HTML error page served as JSON', '/test-api/html-as-json', 'format'],
    ['truncated JSON', '/test-api/truncated', 'parse'],
    ['a 404', '/test-api/status/404', 'http'],
    ['a 50 MB response', '/test-api/large?mb=50', 'too-large'],
  ] as const) {
    it(`reports ${name} as "${kind}" without throwing`, async () => {
      const { el, events } = await mountProbe();
      el.src = `${src}${src.includes('?') ? '&' : '?'}key=${uniqueKey()}`;
      const detail = await events.failed();
      expect(detail.kind).to.equal(kind);
      expect(detail.message).to.be.a('string').and.not.be.empty;
      await el.updateComplete;
      expect(byRole(el, 'alert')).to.exist;
    });
  }

  it('reads records given through .data without a request', async () => {
    const { el, events } = await mountProbe();
    el.data = [{ title: 'Direct' }];
    const detail = await events.loaded();
    expect(detail.source).to.equal('data');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Direct']);
  });

  it('reloads in the background every `refresh` seconds, keeping content on screen', () =>
    withClock(async (clock) => {
      const k = uniqueKey();
      const { el, events } = await mountProbe(
        html`<loader-probe lang="en" refresh="30" src="/test-api/json?key=${k}"></loader-probe>`,
      );
      await events.loaded();
      // The reloads' code is a chunk loaded after the first load that asks for them.
      await until(() => clock.countTimers() === 1, 'the next reload scheduled');
      await clock.tickAsync(29_999);
      expect(clock.countTimers(), 'no reload before 30 s').to.equal(1);
      await clock.tickAsync(1);
      expect(clock.countTimers(), 'the reload started at 30 s').to.equal(0);
      await el.updateComplete;
      expect(find(el, '[aria-busy]'), 'busy while reloading').to.equal(null);
      expect(el.hasAttribute('aria-busy'), 'host busy while reloading').to.equal(false);
      expect(titles(el)).to.have.length(1);
      await events.loaded();
      expect(await hits(k)).to.equal(2);
      await el.updateComplete;
      expect(find(el, '[aria-busy]')).to.equal(null);
      expect(titles(el)).to.have.length(1);
    }));
});
