import '../support/setup.js';
// Where the CDN build splits a widget's translations (vite.config.ts `splitMessages`), the locale
// chunk carries the first view's words and the rest is one more file. These tests hold that
// download back (or fail it) through `messageParts`, so "the view came before its words" happens
// in that order on any machine; `scripts/messages-split-smoke.mjs` checks the same on the built
// files. This file: a widget whose part with words is there, switched to another language.
import { expect, html } from '@open-wc/testing';
import { mount, until } from '../support/index.js';
import { asked, frames, holdLater, restoreLater, type PartsProbe } from '../support/later-words.js';

describe('core: a widget switched to another language', () => {
  afterEach(restoreLater);

  it('renders in it once the words of its parts beyond the first view are there too', async () => {
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hans"></parts-probe>`);
    await el.panel.load();
    const release = holdLater();
    el.setAttribute('lang', 'zh-Hant');
    await frames();
    expect(asked).to.include('zh-Hant');
    expect(el.renders, 'not in zh-Hant before its words').not.to.include('zh-Hant');
    release();
    await until(() => el.renders.includes('zh-Hant'), 'a render in zh-Hant');
    expect(el.shadowRoot!.textContent).to.contain('panel');
  });

  it('a widget whose parts with words are not loaded switches at once', async () => {
    const { el } = await mount<PartsProbe>(html`<parts-probe lang="zh-Hant"></parts-probe>`);
    holdLater();
    el.setAttribute('lang', 'zh-Hans');
    await until(() => el.renders.includes('zh-Hans'), 'a render in zh-Hans');
    expect(asked).to.deep.equal([]);
  });
});
