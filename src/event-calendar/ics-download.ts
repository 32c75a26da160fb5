/**
 * "Add to my calendar": one occurrence as a .ics file (built by the core's `occurrenceToIcs`),
 * handed to the browser as a download through a Blob URL — nothing leaves the page.
 */
import { occurrenceToIcs } from '../core/ics-export.js';
import type { Occurrence } from '../core/recurrence.js';

/** A file name from an event title: no path or reserved characters, at most 60 characters. */
export function icsFileName(title: string): string {
  const base = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${[...base].slice(0, 60).join('').trim() || 'event'}.ics`;
}

/** Starts the download of `occurrence` as an iCalendar file. Throws when it cannot be built. */
export function downloadIcs(occurrence: Occurrence): void {
  const text = occurrenceToIcs(occurrence);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(occurrence.event.title);
  link.rel = 'noopener';
  link.click();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
