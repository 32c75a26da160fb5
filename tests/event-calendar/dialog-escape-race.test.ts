import '../support/setup.js';
// Found by the Firefox smoke run on a busy machine: Escape closes the native <dialog> at once,
// but its `close` event comes a task later. A render in between (the detail's code arriving, a
// background refresh) must not open the dialog again.
import { expect } from '@open-wc/testing';
import { november, showCalendar } from '../support/calendar.js';
import { settle } from '../support/index.js';

describe('<event-calendar> dialog closed by the browser (Escape)', () => {
  it('stays closed when the calendar renders before the close event, and focus returns', async () => {
    const calendar = await showCalendar(november);
    const opener = calendar.eventButtons('亲子阅读会')[0];
    const dialog = await calendar.openEvent('亲子阅读会');
    const closed = new Promise((resolve) => dialog.el.addEventListener('close', resolve));
    // What Escape does natively: the dialog closes now, its `close` event comes a task later.
    dialog.el.close();
    calendar.el.requestUpdate();
    await calendar.el.updateComplete;
    await closed;
    await settle(calendar.el);
    expect(dialog.open).to.equal(false);
    expect(calendar.el.shadowRoot!.activeElement).to.equal(opener);
  });
});
