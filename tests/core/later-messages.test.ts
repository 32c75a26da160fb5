import '../support/setup.js';
// Where the CDN build splits a widget's translations (vite.config.ts `splitMessages`), the locale
// chunk carries the first view's words and the rest is one more file. These tests hold that
// download back (or fail it) through `messageParts`, so "the view came before its words" happens
// in that order on any machine; `scripts/messages-split-smoke.mjs` checks the same on the built
// files. A language's rest, once loaded, stays: the language switch has a file of its own.
import { expect, html } from '@open-wc/testing';
import { DandelionError } from '../../src/core/errors.js';
import type { DandelionErrorDetail } from '../../src/core/events.js';
import { ResourceController } from '../../src/core/resource/resource-controller.js';
import { mount, until } from '../support/index.js';
import { quietly } from '../support/calendar.js';
import {
  asked,
  frames,
  holdLater,
  panel,
  restoreLater,
  type PartsProbe,
} from '../support/later-words.js';

describe('core: the words beyond a widget’s first view', () => {
  afterEach(restoreLater);

  it('a part without words of its own does not wait for them', async () => {
    holdLater();
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    await el.helper.load();
    expect(el.helper.module).to.equal(panel);
    expect(asked).to.deep.equal([]);
  });

  it('a part with words of its own arrives together with them; other updates do not wait', async () => {
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    const { el: other } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    const release = holdLater();
    const loading = el.panel.load();
    await frames();
    expect(asked).to.deep.equal(['zh-Hans']);
    expect(el.panel.module, 'not before its words').to.equal(undefined);
    expect(el.shadowRoot!.textContent).not.to.contain('panel');
    const before = other.renders.length;
    other.requestUpdate();
    await other.updateComplete;
    expect(other.renders.length, 'another widget updates while the words travel').to.equal(
      before + 1,
    );
    el.requestUpdate();
    await el.updateComplete;
    release();
    await loading;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('panel');
  });

  it('still shows the part when its words cannot be downloaded (they stay in English)', async () => {
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
