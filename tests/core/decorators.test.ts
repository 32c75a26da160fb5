import '../support/setup.js';
// The widgets' own `@property` / `@state` (src/core/element/decorators.ts): attributes and
// their converters, reflection, inheritance and internal state behave as with Lit's decorators.
import { expect, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { property, state } from '../../src/core/element/decorators.js';
import { booleanAttribute } from '../../src/core/boolean-attribute.js';
import { mount } from '../support/index.js';

class DecoratedBase extends LitElement {
  @property({ reflect: true }) theme?: string;
}

class DecoratedProbe extends DecoratedBase {
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  @property({ type: Boolean, converter: booleanAttribute }) loop = true;
  @property({ attribute: false }) items: string[] = [];
  @state() private count = 0;
  renders = 0;

  bump(): void {
    this.count++;
  }

  override render() {
    this.renders++;
    return litHtml`<p>${this.pageSize} ${this.loop} ${this.items.length} ${this.count}</p>`;
  }
}
customElements.define('decorated-probe', DecoratedProbe);

const shown = (el: DecoratedProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('property and state decorators', () => {
  it('reads attributes with their converters, and defaults from the field', async () => {
    const { el } = await mount<DecoratedProbe>(
      html`<decorated-probe page-size="5" loop="false"></decorated-probe>`,
    );
    expect(el.pageSize).to.equal(5);
    expect(el.loop).to.equal(false);
    expect(shown(el)).to.equal('5 false 0 0');
    el.setAttribute('page-size', '7');
    await el.updateComplete;
    expect(shown(el)).to.equal('7 false 0 0');
  });

  it('reflects an inherited property and observes only the declared attributes', async () => {
    const { el } = await mount<DecoratedProbe>(html`<decorated-probe></decorated-probe>`);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(DecoratedProbe.observedAttributes).to.have.members(['theme', 'page-size', 'loop']);
  });

  it('renders again for a property without attribute and for internal state', async () => {
    const { el } = await mount<DecoratedProbe>(html`<decorated-probe></decorated-probe>`);
    const before = el.renders;
    el.items = ['a', 'b'];
    await el.updateComplete;
    el.bump();
    await el.updateComplete;
    expect(shown(el)).to.equal('20 true 2 1');
    expect(el.renders).to.equal(before + 2);
    expect(el.hasAttribute('count')).to.equal(false);
  });
});
