/**
 * What a calendar adds to its data loading (see `DataHooks`).
 *
 * When its data request starts: most calendars read an iCalendar feed. Its reader is a chunk the data loader would ask for only
 * once the loader itself has arrived and run; asked for here, when the data request starts, it
 * downloads beside the loader (on a slow phone, one round trip sooner to the first event). A
 * wrong guess costs one download: the loader still picks the reader by the answer.
 *
 * Before the events are shown, the series expander is loaded when some of them recur (it travels
 * in the CDN file's loader chunk, so this costs no download there): the month is then drawn once,
 * with its series, instead of a skeleton first and a second render and layout after.
 */
import type { DataHooks } from '../core/resource/data-controller.js';
import type { Format } from '../core/formats.js';
import { prepareSeries } from '../core/recurrence.js';

export const calendarHooks: DataHooks<'event'> = { early: startEarly, ready: prepareSeries };

function startEarly(src: string, format: Format | undefined): void {
  const named = format && format !== 'auto' ? format === 'ics' : /\.ics(?:[?#]|$)/i.test(src);
  if (named) void import('../core/readers/ics.js').catch(() => undefined);
}
