/** CSV / TSV exports of spreadsheets: header aliases, `map` and `transform` per row. */
import { certainty, defineReader } from '../reader-definition.js';

export const csvFormat = defineReader({
  name: 'csv',
  kinds: ['service', 'event', 'story'],
  handles: ['map', 'transform'],
  sniff: ({ type, path }) => (type === 'text/csv' || /\.csv$/i.test(path) ? certainty.fileType : 0),
  load: () => import('../csv.js'),
  read: ({ readCsv }, source, { kind, map, transform, baseUrl }) =>
    readCsv(source.text(), kind, { map, transform, baseUrl }),
});
