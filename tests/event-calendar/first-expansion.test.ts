import '../support/setup.js';
/**
 * The first range with recurring series waits for their code (the series expander and ical.js,
 * lazy chunks): the loaded events are shown once that code is there, so the calendar is drawn
 * once with its series, not first with a skeleton in its body and again after. This file runs in
 * a page of its own, so that code is not loaded yet here.
 */
import { expect } from '@open-wc/testing';
import { mountCalendar, november, quietly, showCalendar } from '../support/calendar.js';
import { byRole, text } from '../support/index.js';

describe('<event-calendar> while its series code loads', () => {
  it('shows a busy skeleton, never "no events", until the series are expanded, then draws once', async () => {
    const calendar = await mountCalendar({
      ...november,
      view: 'list',
      date: '2026-11-01',
      noData: true,
    });
    // What every render paints from here on.
    const renders = calendar.everyRender(() => ({
      empty: calendar.listEmpty() !== '',
      busy: calendar.status()?.getAttribute('aria-busy') === 'true',
      bodyBusy: calendar.status('body')?.getAttribute('aria-busy') === 'true',
      reading: calendar.eventsTitled('亲子阅读会').length,
    }));
    calendar.giveData();
    await calendar.events.loaded();
    await calendar.update();
    expect(
      renders.some((r) => r.empty),
      'never "no events" while expanding',
    ).to.equal(false);
    expect(
      renders.some((r) => r.busy),
      'a skeleton while the series code loads',
    ).to.equal(true);
    expect(
      renders.some((r) => r.bodyBusy),
      'no second skeleton under the toolbar: the view is drawn once, with its series',
    ).to.equal(false);
    expect(renders.at(-1)).to.deep.equal({
      empty: false,
      busy: false,
      bodyBusy: false,
      reading: 5,
    });
    await expect(calendar.el).to.be.accessible();
  });

  it('says so, with a retry button, when the series could not be expanded', async () => {
    const calendar = await showCalendar({ ...november, view: 'month' });
    // The next range fails the way a lost connection makes the chunk download fail.
    const restore = calendar.seriesCodeUnreachable();
    await quietly(() => calendar.next());
    const alert = calendar.status('body')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('暂时连不上');
    expect(calendar.toolbar(), 'the toolbar stays').to.not.equal(null);
    await expect(calendar.el).to.be.accessible();
    restore();
    byRole(alert, 'button').click();
    await calendar.update();
    expect(calendar.status('body')).to.equal(null);
    expect(calendar.eventsTitled('亲子阅读会').length, 'December has the reading series').to.equal(
      2,
    );
  });
});
