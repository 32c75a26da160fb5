import '../support/setup.js';
/**
 * The occurrences of the days shown, as a resource derived from items × range: the controller on
 * its own (fake occurrence sources, deterministic order), and the calendar reporting a series
 * code download that failed.
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { CalendarEvent } from '../../src/core/models.js';
import { Zone } from '../../src/core/time/zone.js';
import type { Occurrence } from '../../src/event-calendar/occurrences.js';
import {
  RangeController,
  type OccurrenceSource,
  type RangeRequest,
} from '../../src/event-calendar/range-controller.js';
import { dayNumber, november, quietly, showCalendar } from '../support/calendar.js';
import { byRole, text, until } from '../support/index.js';

class RangeHost extends LitElement {}
customElements.define('range-test-host', RangeHost);

/** An occurrence source whose answers the test hands out, one per request, in any order. */
function heldSource() {
  const calls: { resolve: (o: Occurrence[]) => void; reject: (e: unknown) => void }[] = [];
  const source: OccurrenceSource = {
    now: () => undefined,
    get: () => new Promise((resolve, reject) => calls.push({ resolve, reject })),
  };
  return { source, calls };
}

const event = (id: string, start: string): CalendarEvent =>
  ({ id, title: id, start, categories: [] }) as unknown as CalendarEvent;

const occurrence = (e: CalendarEvent): Occurrence => ({
  event: e,
  start: e.start,
  occurrenceId: e.id,
  recurring: false,
});

function request(items: CalendarEvent[], first: string, last: string): RangeRequest {
  return {
    items,
    zone: Zone.get('Asia/Shanghai')!,
    first: dayNumber(first),
    last: dayNumber(last),
    colourOf: () => -1,
  };
}

describe('range of occurrences (items × range)', () => {
  let host: RangeHost;
  beforeEach(() => {
    host = document.createElement('range-test-host') as RangeHost;
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('is content at once when the occurrences are ready, placed within the range', () => {
    const items = [
      event('a', '2026-11-18T10:00:00+08:00'),
      event('b', '2026-12-20T10:00:00+08:00'),
    ];
    const source: OccurrenceSource = {
      now: (events) => events.map(occurrence),
      get: () => Promise.reject(new Error('not asked')),
    };
    const range = new RangeController(
      host,
      () => source,
      () => {},
    );
    range.request(request(items, '2026-11-01', '2026-11-30'));
    expect(range.status).to.equal('content');
    expect(range.placed.map((p) => p.key)).to.deep.equal(['a']);
  });

  it('loads, then shows the latest range only, whatever order the answers come in', async () => {
    const { source, calls } = heldSource();
    const items = [
      event('a', '2026-11-18T10:00:00+08:00'),
      event('b', '2026-12-18T10:00:00+08:00'),
    ];
    const range = new RangeController(
      host,
      () => source,
      () => {},
    );
    range.request(request(items, '2026-11-01', '2026-11-30'));
    expect(range.status).to.equal('loading');
    range.request(request(items, '2026-12-01', '2026-12-31'));
    calls[1].resolve(items.map(occurrence));
    await range.pending;
    expect(range.status).to.equal('content');
    expect(range.placed.map((p) => p.key)).to.deep.equal(['b']);
    // November's late answer changes nothing.
    calls[0].resolve(items.map(occurrence));
    await Promise.resolve();
    expect(range.placed.map((p) => p.key)).to.deep.equal(['b']);
  });

  it('asks nothing again for the same items and range', () => {
    let asked = 0;
    const source: OccurrenceSource = {
      now: (events) => (asked++, events.map(occurrence)),
      get: () => Promise.reject(new Error('not asked')),
    };
    const items = [event('a', '2026-11-18T10:00:00+08:00')];
    const range = new RangeController(
      host,
      () => source,
      () => {},
    );
    range.request(request(items, '2026-11-01', '2026-11-30'));
    range.request(request(items, '2026-11-01', '2026-11-30'));
    expect(asked).to.equal(1);
    range.request(request([...items], '2026-11-01', '2026-11-30'));
    expect(asked, 'new items are expanded again').to.equal(2);
  });

  it('fails with a network error when the code cannot be loaded, and tries again on retry', async () => {
    const { source, calls } = heldSource();
    const errors: string[] = [];
    const range = new RangeController(
      host,
      () => source,
      (e) => errors.push(e.kind),
    );
    const items = [event('a', '2026-11-18T10:00:00+08:00')];
    range.request(request(items, '2026-11-01', '2026-11-30'));
    calls[0].reject(new TypeError('Failed to fetch dynamically imported module'));
    await quietly(() => range.pending?.catch(() => {}));
    await until(() => range.status === 'error', 'the range to fail');
    expect(range.error?.kind).to.equal('network');
    expect(errors).to.deep.equal(['network']);
    range.retry();
    range.request(request(items, '2026-11-01', '2026-11-30'));
    expect(range.status).to.equal('loading');
    calls[1].resolve(items.map(occurrence));
    await range.pending;
    expect(range.status).to.equal('content');
  });

  it('fails with a parse error, not an exception, when expanding throws', async () => {
    const source: OccurrenceSource = {
      now: () => {
        throw new RangeError('bad rule');
      },
      get: () => Promise.reject(new Error('not asked')),
    };
    const errors: string[] = [];
    const range = new RangeController(
      host,
      () => source,
      (e) => errors.push(e.kind),
    );
    await quietly(() =>
      range.request(request([event('a', '2026-11-18T10:00:00+08:00')], '2026-11-01', '2026-11-30')),
    );
    expect(range.status).to.equal('error');
    expect(errors).to.deep.equal(['parse']);
  });

  it('drops an answer that comes after its host was removed, and asks again on return', async () => {
    const { source, calls } = heldSource();
    const range = new RangeController(
      host,
      () => source,
      () => {},
    );
    const items = [event('a', '2026-11-18T10:00:00+08:00')];
    range.request(request(items, '2026-11-01', '2026-11-30'));
    host.remove();
    expect(range.pending, 'nothing for updateComplete to wait for').to.equal(undefined);
    calls[0].resolve(items.map(occurrence));
    await Promise.resolve();
    document.body.append(host);
    range.request(request(items, '2026-11-01', '2026-11-30'));
    expect(calls, 'asked again').to.have.length(2);
  });
});

describe('<event-calendar> when the code for series cannot be loaded', () => {
  it('fires a typed dandelion-error in its language and shows the same message', async () => {
    const calendar = await showCalendar({ ...november, lang: 'en', view: 'month' });
    const restore = calendar.seriesCodeUnreachable();
    await quietly(() => calendar.next());
    const detail = await calendar.events.failed();
    expect(detail.kind).to.equal('network');
    expect(detail.message).to.contain('Could not connect');
    const alert = calendar.status('body')!;
    expect(text(alert)).to.contain(detail.message);
    restore();
    byRole(alert, 'button').click();
    await calendar.update();
    expect(calendar.status('body')).to.equal(null);
    expect(calendar.events.of('dandelion-error')).to.have.length(1);
  });
});
