import '../support/setup.js';
// A host app that configured @lit/localize itself (same module instance) before Dandelion loads:
// Dandelion must not throw, and its widgets still render (in the host's configuration).
import { expect, html } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { mount, text } from '../support/index.js';

const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: async () => ({ templates: {} }),
});

describe('host app that configured @lit/localize first', () => {
  it('keeps the host configuration and still renders Dandelion states', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const { DandelionElement } = await import('../../src/core/dandelion-element.js');
      const { renderLoading } = await import('../../src/core/status-view.js');
      const { defineElement } = await import('../../src/core/define.js');
      class HostProbe extends DandelionElement {
        override render() {
          return renderLoading();
        }
      }
      defineElement('host-probe', HostProbe);
      const { el } = await mount(html`<host-probe lang="en"></host-probe>`);
      expect(text(el.shadowRoot)).to.contain('Loading');
      expect(host.getLocale()).to.equal('en');
      expect(String(warnings[0])).to.contain('already configured');
    } finally {
      console.warn = original;
    }
  });
});
