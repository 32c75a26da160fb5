// Floor 2: the base every widget shares: per-element language through @lit/localize, `theme`,
// typed events.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { DandelionElement } from '../../src/core/dandelion-element.js';

class FloorBase extends DandelionElement {
  override render() {
    return html`<p>${msg('Stories', { id: 'carousel.label' })}</p>`;
  }
}
customElements.define('floor-base', FloorBase);
