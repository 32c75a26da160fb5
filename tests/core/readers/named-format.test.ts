/**
 * A page that names its `format` reads with that format's definition alone when the widget gives
 * it (the finder gives those of JSON, CSV and HSDS): no registry, no other format's
 * sniffer or loader. `format="auto"` reads with the registry (`readers/sniffing.ts`, see
 * `sniffing-early.test.ts`): held back, the widget stays busy; failed to download, the widget
 * says so and its retry reads the services. Runs in a page of its own, so the first test runs
 * before anything but the widget has loaded.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { lazyReading } from '../../../src/core/read.js';
import { mountFinder, mountFinderLoading } from '../../support/finder.js';
import { requested } from '../../support/fetch-log.js';
import { until } from '../../support/wait.js';

const registry = ['/core/readers/sniffing.', '/core/readers/registry.'];
const otherFormats = ['rss', 'atom', 'jsonfeed', 'wordpress', 'ics', 'tribe'].map(
  (name) => `/core/readers/formats/${name}.`,
);
const hsds = '/tests/fixtures/finder/hsds-services.json';

type Loaders = Record<string, () => Promise<unknown>>;
const restores: (() => void)[] = [];
afterEach(() => restores.splice(0).forEach((restore) => restore()));

/**
 * Holds `lazyReading.sniffing` until `release()`; with `fail`, its downloads then fail (as the
 * browser's do) until `mend()`.
 */
function holdRegistry(fail = false) {
  const all = lazyReading as unknown as Loaders;
  const load = all.sniffing;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let failing = fail;
  all.sniffing = () =>
    released.then(() => {
      if (failing) throw new TypeError('Failed to fetch dynamically imported module (test)');
      return load();
    });
  restores.push(() => (all.sniffing = load));
  return { release, mend: () => (failing = false) };
}

describe('a named format reads with its own definition only', () => {
  it('format="hsds": the services, without the registry or any feed or calendar format', async () => {
    const finder = await mountFinder({ lang: 'en', src: hsds, format: 'hsds' });
    expect(finder.names()).to.include('亲子阅读课堂（梅花点）');
    expect(requested('/core/readers/formats/hsds.'), 'the HSDS definition').to.equal(true);
    for (const part of [...registry, ...otherFormats])
      expect(requested(part), `${part} is not downloaded`).to.equal(false);
    finder.el.remove();
  });

  it('a format the widget gives no definition of is read through the registry', async () => {
    const finder = await mountFinderLoading({ lang: 'en', src: hsds, format: 'rss' });
    const failure = await finder.events.failed();
    // The registry knows RSS: it gives stories, not services (a set-up error, not "unknown").
    expect(failure.kind).to.equal('format');
    await finder.settled();
    await expect(finder.el).to.be.accessible();
    finder.el.remove();
  });

  it('a name no format has (not even one every object has) is a set-up error', async () => {
    const finder = await mountFinderLoading({ lang: 'en', src: hsds, format: 'constructor' });
    const failure = await finder.events.failed();
    expect(failure.kind).to.equal('format');
    await finder.settled();
    await expect(finder.el).to.be.accessible();
    finder.el.remove();
  });
});

describe('the registry arrives late, or not at all', () => {
  it('stays busy until it is there, then shows the services', async () => {
    const { release } = holdRegistry();
    const finder = await mountFinderLoading({ lang: 'en', src: hsds });
    await until(() => finder.el.getAttribute('aria-busy') === 'true', 'busy while reading');
    expect(finder.names()).to.deep.equal([]);
    const loaded = finder.events.loaded();
    release();
    await loaded;
    await finder.settled();
    expect(finder.names()).to.include('亲子阅读课堂（梅花点）');
    finder.el.remove();
  });

  it('says the services could not be loaded when it fails, and retry shows them', async () => {
    const { release, mend } = holdRegistry(true);
    const finder = await mountFinderLoading({ lang: 'en', src: hsds });
    release();
    expect((await finder.events.failed()).kind).to.equal('network');
    await finder.settled();
    await expect(finder.el).to.be.accessible();
    const retry = [...finder.el.shadowRoot!.querySelectorAll('button')].find((b) =>
      /try again/i.test(b.textContent ?? ''),
    );
    expect(retry, 'a retry button').to.not.equal(undefined);
    mend();
    const loaded = finder.events.loaded();
    retry!.click();
    await loaded;
    await finder.settled();
    expect(finder.names()).to.include('亲子阅读课堂（梅花点）');
    finder.el.remove();
  });
});
