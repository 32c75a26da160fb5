/** Generic JSON: any API's list of records, found by field aliases, `map` and `transform`. */
import { certainty, defineReader } from '../reader-definition.js';
import { loadConverter } from '../../normalize/kinds.js';

export const jsonFormat = defineReader({
  name: 'json',
  kinds: ['service', 'event', 'story'],
  handles: ['map', 'transform', 'itemsPath'],
  sniff: ({ type, path, head }) => {
    if (head.startsWith('{') || head.startsWith('[')) return certainty.jsonText;
    return type === 'application/json' || /\.json$/i.test(path) ? certainty.hint : 0;
  },
  // The normalizer, the wanted kind's code and the document reader only, all at once.
  load: ({ kind }) =>
    Promise.all([
      import('../../normalize/records.js'),
      loadConverter(kind),
      import('../find-records.js'),
    ]),
  read: (
    [{ normalizeSliced }, convert, { findRecords }],
    source,
    { map, transform, itemsPath, baseUrl },
  ) => normalizeSliced(findRecords(source.json(), itemsPath), convert, { map, transform, baseUrl }),
});
