import '../support/setup.js';
// Where the CDN build splits a widget's translations (vite.config.ts `splitMessages`), the locale
// chunk carries the first view's words and the rest is one more file. These tests hold that
// download back (or fail it) through `messageParts`, so "the view came before its words" happens
// in that order on any machine; `scripts/messages-split-smoke.mjs` checks the same on the built
// files. Its own file: once a widget goes beyond its first view, the page remembers it.
import { expect, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { DandelionElement } from '../../src/core/dandelion-element.js';
import { LazyModule } from '../../src/core/element/lazy-module.js';
import { defineElement } from '../../src/core/define.js';
import { DandelionError } from '../../src/core/errors.js';
import type { DandelionErrorDetail } from '../../src/core/events.js';
import { isLocaleLoaded, loadLocale, messageParts } from '../../src/core/i18n/localization.js';
import type { SupportedLocale } from '../../src/core/i18n/locale.js';
import { ResourceController } from '../../src/core/resource/resource-controller.js';
import { mount, until } from '../support/index.js';
import { quietly } from '../support/calendar.js';

const later = messageParts.later;
/** Downloads of later messages asked for, by locale. */
let asked: SupportedLocale[] = [];
/** Holds every later-messages download until `release()`; with `fail`, they then fail. */
function holdLater(fail = false): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  messageParts.later = (locale) => {
    asked.push(locale);
    return released.then(() =>
      fail ? Promise.reject(new Error('download failed (test)')) : later(locale),
    );
  };
  return release;
}
const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

const panel = { words: () => 'panel' };

/** A widget with a panel that shows words of its own and a helper that shows none. */
class PartsProbe extends DandelionElement {
  readonly panel = new LazyModule(this, {
    load: () => Promise.resolve(panel),
    what: 'the panel',
    laterMessages: true,
  });
  readonly helper = new LazyModule(this, {
    load: () => Promise.resolve(panel),
    what: 'the helper',
  });
  override render() {
    return litHtml`<p>${this.panel.module?.words() ?? ''}</p>`;
  }
}
defineElement('parts-probe', PartsProbe);

describe('core: the words beyond a widget’s first view', () => {
  afterEach(() => {
    messageParts.later = later;
    asked = [];
  });

  it('a part without words of its own does not wait for them', async () => {
    holdLater();
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    await el.helper.load();
    expect(el.helper.module).to.equal(panel);
    expect(asked).to.deep.equal([]);
  });

  it('a part with words of its own arrives together with them, in the widget’s language', async () => {
    const release = holdLater();
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    const loading = el.panel.load();
    await frames();
    expect(asked).to.deep.equal(['zh-Hans']);
    expect(el.panel.module, 'not before its words').to.equal(undefined);
    expect(el.shadowRoot!.textContent).not.to.contain('panel');
    release();
    await loading;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('panel');
  });

  it('a language loaded afterwards (a widget switched to it) waits for all of its words', async () => {
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    await el.panel.load();
    const release = holdLater();
    expect(isLocaleLoaded('zh-Hant')).to.equal(false);
    let done = false;
    void loadLocale('zh-Hant').then(() => (done = true));
    await frames();
    expect(asked).to.deep.equal(['zh-Hant']);
    expect(done, 'not before the rest of zh-Hant').to.equal(false);
    expect(isLocaleLoaded('zh-Hant')).to.equal(false);
    release();
    await loadLocale('zh-Hant');
    expect(isLocaleLoaded('zh-Hant')).to.equal(true);
  });

  it('still shows the part when its words cannot be downloaded (they stay in English)', async () => {
    // zh-Hant with all its words already (the test above): only the part's own download is held.
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hant"></parts-probe>`);
    const release = holdLater(true);
    const loading = el.panel.load();
    release();
    await loading;
    await el.updateComplete;
    expect(el.panel.state).to.equal(panel);
    expect(el.shadowRoot!.textContent).to.contain('panel');
  });

  it('a failure waits for the words of problems before it is shown and reported', async () => {
    const release = holdLater();
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    const resource = new ResourceController(el, {
      args: () => 1,
      key: () => [1],
      source: () => 'https://data.example.org/x.json',
      task: () => Promise.reject(new DandelionError('http', 'answered 404', 404)),
    });
    let detail: DandelionErrorDetail | undefined;
    el.addEventListener('dandelion-error', (e) => (detail = e.detail), { once: true });
    await quietly(async () => {
      el.requestUpdate();
      await el.updateComplete;
      await frames();
      expect(asked).to.include('zh-Hans');
      expect(detail, 'no error reported before its words').to.equal(undefined);
      expect(resource.status).to.equal('loading');
      release();
      await until(() => detail !== undefined, 'the dandelion-error event');
    });
    expect(resource.status).to.equal('error');
    expect(detail?.message).to.match(/[\u4e00-\u9fff]/);
  });
});
