import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { css, html as litHtml, LitElement } from 'lit';
import { LazyView, type LazyViewModule } from '../../src/core/lazy-view.js';
import { defineElement } from '../../src/core/define.js';
import { mount } from '../support/index.js';

interface PanelModule extends LazyViewModule {
  label: string;
}

/** A test-only host whose panel code comes from `importer` (swapped by the tests). */
class LazyProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  importer: () => Promise<PanelModule> = () => Promise.reject(new Error('unset'));
  imports = 0;
  readonly panel = new LazyView<PanelModule>(
    this,
    () => {
      this.imports++;
      return this.importer();
    },
    'the panel',
  );
  override render() {
    const state = this.panel.state;
    if (state === undefined) return litHtml`<p class="loading">loading</p>`;
    if (state === 'failed') return litHtml`<p class="failed">failed</p>`;
    return litHtml`<p class="panel">${state.label}</p>`;
  }
}
defineElement('lazy-probe', LazyProbe);

const panelModule: PanelModule = {
  label: 'panel code',
  styles: css`
    .panel {
      outline: 3px solid rgb(1, 2, 3);
    }
  `,
};

describe('core LazyView (views in their own chunk)', () => {
  it('loads once, adopts the view styles beside the host styles, and re-renders', async () => {
    const { el } = await mount<LazyProbe>(html`<lazy-probe></lazy-probe>`);
    el.importer = () => Promise.resolve(panelModule);
    await Promise.all([el.panel.load(), el.panel.load()]);
    await el.updateComplete;
    await el.panel.load();
    expect(el.imports).to.equal(1);
    const p = el.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    expect(p.textContent).to.equal('panel code');
    expect(getComputedStyle(p).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('shows the failure of a real failed download, then loads on retry', async () => {
    const { el } = await mount<LazyProbe>(html`<lazy-probe></lazy-probe>`);
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // A chunk that is not on the server: the browser's own import failure.
      const missing = `/no-such-chunk-${Date.now()}.js`;
      el.importer = () => import(/* @vite-ignore */ missing) as Promise<PanelModule>;
      await el.panel.load();
      await el.updateComplete;
      expect(el.panel.state).to.equal('failed');
      expect(el.shadowRoot!.querySelector('.failed')).to.not.equal(null);
      expect(String(warnings[0]?.[0])).to.contain('<lazy-probe> could not load the panel');
    } finally {
      console.warn = warn;
    }
    // The download answers when the test says so, so "loading" is seen for certain.
    let answer!: (module: PanelModule) => void;
    el.importer = () => new Promise((resolve) => (answer = resolve));
    const retried = el.panel.retry();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.loading'), 'loading while retrying').to.not.equal(null);
    answer(panelModule);
    await retried;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.panel')?.textContent).to.equal('panel code');
    expect(el.imports).to.equal(2);
  });
});
