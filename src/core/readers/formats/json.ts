/** Generic JSON: any API's list of records, found by field aliases, `map` and `transform`. */
import { certainty, defineReader } from '../reader-definition.js';
import { findRecords } from '../json-document.js';

export const jsonFormat = defineReader({
  name: 'json',
  kinds: ['service', 'event', 'story'],
  handles: ['map', 'transform', 'itemsPath'],
  sniff: ({ type, path, head }) => {
    if (head.startsWith('{') || head.startsWith('[')) return certainty.jsonText;
    return type === 'application/json' || /\.json$/i.test(path) ? certainty.hint : 0;
  },
  load: () => import('../../normalize/index.js'),
  read: ({ normalizeRecordsSliced }, source, { kind, map, transform, itemsPath, baseUrl }) =>
    normalizeRecordsSliced(findRecords(source.json(), itemsPath), kind, {
      map,
      transform,
      baseUrl,
    }),
});
