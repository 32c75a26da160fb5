// Floor 3: a data widget that shows nothing of its own: the shared data attributes (`src`,
// `format`, `map`, …), the loading / empty / error states and the shared theme styles.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { DandelionDataElement } from '../../src/core/data-element.js';
import { renderEmpty } from '../../src/core/status-view.js';
import { baseStyles } from '../../src/core/styles.js';

class FloorData extends DandelionDataElement<'story'> {
  static override styles = [baseStyles];

  constructor() {
    super('story');
  }

  override render() {
    return this.loader.render({
      content: (items) => html`<p>${items.length}</p>`,
      empty: () => renderEmpty(msg('No stories to show yet.', { id: 'carousel.empty' })),
    });
  }
}
customElements.define('floor-data', FloorData);
