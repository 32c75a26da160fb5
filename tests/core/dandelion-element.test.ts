import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { DandelionElement } from '../../src/core/dandelion-element.js';
import { defineElement } from '../../src/core/define.js';
import { baseStyles } from '../../src/core/styles.js';
import { themeTokens } from '../../src/core/theme-tokens.js';
import { renderEmpty, renderError, renderLoading } from '../../src/core/status-view.js';
import { errorMessage } from '../../src/core/error-messages.js';
import { byRole, find, mount, text, until } from '../support/index.js';

/** A test-only widget that shows one of the shared states. */
class StateProbe extends DandelionElement {
  static override styles = baseStyles;
  @state() view: 'loading' | 'empty' | 'error' = 'loading';
  retried = 0;
  override render() {
    switch (this.view) {
      case 'loading':
        return renderLoading();
      case 'empty':
        return renderEmpty(msg('Nothing here yet.', { id: 'test.empty' }));
      case 'error':
        return renderError(errorMessage('network'), () => this.retried++);
    }
  }
}
defineElement('state-probe', StateProbe);

const html5 = document.documentElement;

async function probe(lang?: string) {
  const { el } = await mount<StateProbe>(
    lang ? html`<state-probe lang=${lang}></state-probe>` : html`<state-probe></state-probe>`,
  );
  return el;
}

/** What the widget shows. */
const shown = (el: Element) => text(el.shadowRoot);

/** Waits until the widget shows `wanted` (a language change re-renders on its own). */
const untilShows = (el: Element, wanted: string) =>
  until(() => shown(el).includes(wanted), `"${wanted}" in <${el.localName}>`);

describe('shared widget base', () => {
  let previousLang: string | null;
  beforeEach(() => {
    previousLang = html5.getAttribute('lang');
  });
  afterEach(() => {
    if (previousLang === null) html5.removeAttribute('lang');
    else html5.setAttribute('lang', previousLang);
  });

  it('shows the loading state busy and labelled, in zh-Hans by default', async () => {
    html5.removeAttribute('lang');
    const el = await probe();
    expect(byRole(el, 'status').getAttribute('aria-busy')).to.equal('true');
    expect(shown(el)).to.contain('正在加载');
    await expect(el).to.be.accessible();
  });

  it('shows the error state with a localized message and a working retry button', async () => {
    const el = await probe('en');
    el.view = 'error';
    await el.updateComplete;
    expect(shown(el)).to.contain('Could not connect');
    const button = byRole(el, 'button', 'Try again');
    expect(button.getAttribute('part')).to.equal('button');
    button.click();
    expect(el.retried).to.equal(1);
    expect(byRole(el, 'alert')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the empty state with slot for page content', async () => {
    const el = await probe('en');
    el.view = 'empty';
    await el.updateComplete;
    expect(find(el, 'slot[name="empty"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('switches every widget when <html lang> changes at run time', async () => {
    html5.setAttribute('lang', 'zh-Hans');
    const a = await probe();
    const b = await probe();
    a.view = 'error';
    b.view = 'error';
    await a.updateComplete;
    expect(shown(a)).to.contain('暂时连不上');
    html5.setAttribute('lang', 'zh-Hant');
    await untilShows(a, '暫時連不上');
    await untilShows(b, '暫時連不上');
    html5.setAttribute('lang', 'en');
    await untilShows(a, 'Could not connect');
    await untilShows(b, 'Could not connect');
  });

  it('lets two widgets on one page speak different languages', async () => {
    html5.setAttribute('lang', 'en');
    const zh = await probe('zh-Hant');
    const en = await probe();
    zh.view = 'error';
    en.view = 'error';
    await zh.updateComplete;
    await en.updateComplete;
    expect(shown(zh)).to.contain('重試');
    expect(shown(en)).to.contain('Try again');
    expect(zh.locale.intl).to.equal('zh-Hant');
  });

  it('follows a lang set on an ancestor', async () => {
    const { el: wrapper } = await mount(html`<div lang="en"><state-probe></state-probe></div>`);
    const el = wrapper.querySelector<StateProbe>('state-probe')!;
    await el.updateComplete;
    expect(el.locale.messages).to.equal('en');
    wrapper.setAttribute('lang', 'zh-TW');
    await untilShows(el, '正在載入');
    expect(el.locale).to.deep.equal({ messages: 'zh-Hant', intl: 'zh-TW' });
  });
});

describe('theming', () => {
  it('uses the light palette by default and the dark one with theme="dark"', async () => {
    const el = await probe('en');
    const bg = () => getComputedStyle(el).backgroundColor;
    el.theme = 'light';
    await el.updateComplete;
    expect(bg()).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(bg()).to.equal('rgb(13, 17, 23)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('lets pages override tokens with --dandelion-* custom properties', async () => {
    const el = await probe('en');
    el.style.setProperty('--dandelion-color-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('declares every --dandelion-* token the shared styles use', () => {
    const used = new Set(baseStyles.cssText.match(/--dandelion-[\w-]+/g));
    for (const token of used) expect(themeTokens, token).to.have.property(token);
  });
});

describe('define guard', () => {
  it('does not throw when a tag is defined twice', () => {
    class Other extends DandelionElement {}
    expect(() => defineElement('state-probe', StateProbe)).not.to.throw();
    expect(() => defineElement('state-probe', Other)).not.to.throw();
    expect(customElements.get('state-probe')).to.equal(StateProbe);
  });
});

// Keeps the template import used by tooling that scans for `html` in test files.
void litHtml;
