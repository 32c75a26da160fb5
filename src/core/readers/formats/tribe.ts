/** The Events Calendar (Tribe) REST API: `/wp-json/tribe/events/v1/events`. */
import {
  certainty,
  defineReader,
  isRecord,
  recordsIn,
  withHtmlCode,
} from '../reader-definition.js';

export const tribeFormat = defineReader({
  name: 'tribe',
  kinds: ['event'],
  sniff: ({ path }) => (/\/wp-json\/tribe\/events\//.test(path) ? certainty.urlPath : 0),
  sniffJson: (doc) =>
    isRecord(doc) &&
    Array.isArray(doc.events) &&
    ('rest_url' in doc || 'next_rest_url' in doc || 'total_pages' in doc) &&
    looksTribe(doc.events)
      ? certainty.fileType
      : 0,
  records: recordsIn('events'),
  load: () => withHtmlCode(import('../tribe.js')),
  read: ({ readTribe }, source, { baseUrl }) => readTribe(source.json(), { baseUrl }),
});

function looksTribe(events: unknown[]): boolean {
  const first = events[0];
  return !isRecord(first) || 'start_date' in first || 'utc_start_date' in first;
}
