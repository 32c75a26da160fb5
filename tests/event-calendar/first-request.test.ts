import '../support/setup.js';
/**
 * On a phone the first `Intl` object of a page costs tens of milliseconds (ICU data is loaded),
 * and the calendar needs several. The data request must not wait for them: it goes out when the
 * element connects, and the time-zone and date formats are built while the data travels. This
 * file runs in a page of its own, so no formatter of ours exists yet when it starts.
 */
import { expect } from '@open-wc/testing';
import '../../src/event-calendar/define.js';
import { until } from '../support/index.js';

describe('<event-calendar> on its first load', () => {
  const realFormat = Intl.DateTimeFormat;
  const realFetch = window.fetch;
  afterEach(() => {
    Intl.DateTimeFormat = realFormat;
    window.fetch = realFetch;
  });

  it('asks for its data before it builds any date format or time zone, and for the iCalendar reader beside the loader', async () => {
    const seen: string[] = [];
    Intl.DateTimeFormat = new Proxy(realFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        seen.push('Intl.DateTimeFormat');
        return new target(...args);
      },
      apply(target, _self, args: Parameters<typeof Intl.DateTimeFormat>) {
        seen.push('Intl.DateTimeFormat');
        return target(...args);
      },
    });
    window.fetch = (input, init) => {
      seen.push(`fetch ${String(input instanceof Request ? input.url : input)}`);
      return realFetch(input, init);
    };
    const el = document.createElement('event-calendar');
    el.setAttribute('src', '/tests/fixtures/calendar/activities.ics');
    el.setAttribute('time-zone', 'Asia/Shanghai');
    el.setAttribute('date', '2026-11-16');
    el.setAttribute('lang', 'zh-Hans');
    document.body.append(el);
    try {
      await until(() => el.shadowRoot?.querySelector('[part~="event"]'), 'the first event');
      const data = seen.findIndex((s) => s.includes('activities.ics'));
      expect(data, seen.join('\n')).to.be.greaterThan(-1);
      const firstFormat = seen.indexOf('Intl.DateTimeFormat');
      expect(firstFormat, 'the calendar builds date formats').to.be.greaterThan(-1);
      expect(data, seen.join('\n')).to.be.lessThan(firstFormat);

      // The iCalendar reader was asked for beside the data loader, not once that had run.
      const fetched = (path: string) => {
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => new URL(e.name).pathname === path);
        if (!entry) throw new Error(`${path} was not fetched`);
        return entry as PerformanceResourceTiming;
      };
      const loaderArrived = fetched('/src/core/resource/load-items.ts').responseEnd;
      expect(fetched('/src/core/readers/ics.ts').startTime).to.be.lessThan(loaderArrived);
    } finally {
      el.remove();
    }
  });
});
