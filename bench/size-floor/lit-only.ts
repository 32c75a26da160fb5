// Floor 1: one trivial Lit element (what the toolchain notes call "Lit, one trivial element").
import { html, LitElement } from 'lit';

class FloorLit extends LitElement {
  override render() {
    return html`<p>Stories</p>`;
  }
}
customElements.define('floor-lit', FloorLit);
