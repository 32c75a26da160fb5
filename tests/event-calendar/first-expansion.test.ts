import '../support/setup.js';
/**
 * The first range with recurring series waits for their code (the series expander and ical.js,
 * lazy chunks). This file runs in a page of its own, so that code is not loaded yet here.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, eventsTitled, sampleRecords, settled, text, type EventCalendar } from './support.js';

describe('<event-calendar> while its series code loads', () => {
  it('shows a busy skeleton, never "no events", until the series are expanded', async () => {
    const el = await fixture<EventCalendar>(
      html`<event-calendar
        lang="zh-Hans"
        view="list"
        date="2026-11-01"
        time-zone="Asia/Shanghai"
      ></event-calendar>`,
    );
    // What every render commits from here on (a controller's hostUpdated runs after each one).
    const renders: { empty: boolean; busy: boolean; reading: number }[] = [];
    el.addController({
      hostUpdated: () =>
        renders.push({
          empty: !!el.shadowRoot!.querySelector('.list-empty'),
          busy: !!el.shadowRoot!.querySelector('.body [part="status"][aria-busy="true"]'),
          reading: eventsTitled(el, '亲子阅读会').length,
        }),
    });
    const loaded = oneEvent(el, 'dandelion-load');
    el.data = sampleRecords();
    await loaded;
    await el.updateComplete;
    expect(
      renders.some((r) => r.empty),
      'never "no events" while expanding',
    ).to.equal(false);
    expect(
      renders.some((r) => r.busy),
      'a skeleton while the series code loads',
    ).to.equal(true);
    expect(renders.at(-1)).to.deep.equal({ empty: false, busy: false, reading: 5 });
    await expect(el).to.be.accessible();
  });

  it('says so, with a retry button, when the series could not be expanded', async () => {
    const el = await fixture<EventCalendar>(
      html`<event-calendar
        lang="zh-Hans"
        view="month"
        date="2026-11-16"
        time-zone="Asia/Shanghai"
        .data=${sampleRecords()}
      ></event-calendar>`,
    );
    await settled(el);
    // Simulate the next range failing the way a lost connection makes the chunk download fail.
    const internals = el as unknown as { occurrences: unknown };
    const real = internals.occurrences;
    internals.occurrences = {
      now: () => undefined,
      get: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      el.next();
      await el.updateComplete;
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    const alert = $(el, '.body [role="alert"]')!;
    expect(text(alert)).to.contain('连不上服务器');
    expect($(el, '[part="toolbar"]'), 'the toolbar stays').to.not.equal(null);
    await expect(el).to.be.accessible();
    internals.occurrences = real;
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect($(el, '.body [role="alert"]')).to.equal(null);
    expect(eventsTitled(el, '亲子阅读会').length, 'December has the reading series').to.equal(2);
  });
});
