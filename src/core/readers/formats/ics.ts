/** iCalendar (RFC 5545): `.ics` feeds of Google/Outlook/Apple calendars; ical.js loads lazily. */
import { certainty, defineReader } from '../reader-definition.js';

export const icsFormat = defineReader({
  name: 'ics',
  kinds: ['event'],
  sniff: ({ type, path, head }) =>
    type === 'text/calendar' || /\.ics$/i.test(path) || head.startsWith('BEGIN:VCALENDAR')
      ? certainty.signature
      : 0,
  load: () => import('../ics.js'),
  read: ({ readIcs }, source, { baseUrl }) => readIcs(source.text(), { baseUrl }),
});
