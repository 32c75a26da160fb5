/**
 * Most calendars read an iCalendar feed. Its reader is a chunk the data loader would ask for only
 * once the loader itself has arrived and run; asked for here, when the data request starts, it
 * downloads beside the loader (on a slow phone, one round trip sooner to the first event). A
 * wrong guess costs one download: the loader still picks the reader by the answer.
 */
import type { Format } from '../core/formats.js';

export function preloadIcsReader(src: string, format: Format | undefined): void {
  const named = format && format !== 'auto' ? format === 'ics' : /\.ics(?:[?#]|$)/i.test(src);
  if (named) void import('../core/readers/ics.js').catch(() => undefined);
}
