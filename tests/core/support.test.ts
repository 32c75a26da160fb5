import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import fc from 'fast-check';
import { LitElement } from 'lit';
import { fakeClock, mount, byRole, allByText, until, seed } from '../support/index.js';

class SupportProbe extends LitElement {
  override connectedCallback() {
    super.connectedCallback();
    // Fires during connection: a listener attached after mounting would miss it.
    this.dispatchEvent(
      new CustomEvent('dandelion-load', {
        detail: { items: [1], source: 'x' },
        bubbles: true,
        composed: true,
      }),
    );
  }
  override render() {
    return html`<button aria-label="下一页">›</button>
      <p>第 <b>3</b> 页</p>`;
  }
}
customElements.define('support-probe', SupportProbe);

describe('test support', () => {
  it('records an event fired while the element connects', async () => {
    const { events } = await mount(html`<support-probe></support-probe>`);
    expect((await events.loaded()).items).to.deep.equal([1]);
  });

  it('finds by role and name inside shadow roots, and by visible text', async () => {
    const { el } = await mount(html`<support-probe></support-probe>`);
    expect(byRole(el, 'button', '下一页').textContent).to.equal('›');
    expect(allByText(el, '第 3 页')).to.have.length(1);
    expect(() => byRole(el, 'button', '上一页')).to.throw(/no button named 上一页/);
  });

  it('moves a fake clock only when the test says so', async () => {
    const clock = fakeClock(0);
    try {
      let fired = 0;
      setTimeout(() => fired++, 1000);
      await clock.tickAsync(999);
      expect(fired).to.equal(0);
      await clock.tickAsync(1);
      expect(fired).to.equal(1);
      expect(await until(() => fired, 'the timer')).to.equal(1);
    } finally {
      clock.uninstall();
    }
  });

  it('runs property tests from one fixed seed', () => {
    expect(fc.readConfigureGlobal().seed).to.equal(seed);
    const first = fc.sample(fc.integer(), 5);
    expect(fc.sample(fc.integer(), 5)).to.deep.equal(first);
  });
});
