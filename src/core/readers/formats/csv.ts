/** CSV / TSV exports of spreadsheets: header aliases, `map` and `transform` per row. */
import { certainty, defineReader } from '../reader-definition.js';
import { loadConverter } from '../../normalize/kinds.js';

export const csvFormat = defineReader({
  name: 'csv',
  kinds: ['service', 'event', 'story'],
  handles: ['map', 'transform'],
  sniff: ({ type, path }) => (type === 'text/csv' || /\.csv$/i.test(path) ? certainty.fileType : 0),
  // The rows' reader, the normalizer and the wanted kind's code only, all at once (as JSON's).
  load: ({ kind }) =>
    Promise.all([
      import('../csv-rows.js'),
      import('../../normalize/records.js'),
      loadConverter(kind),
    ]),
  read: async (
    [{ csvRows, rowName, withRowProblems }, { normalizeSliced }, convert],
    source,
    { map, transform, baseUrl },
  ) => {
    const rows = csvRows(source.text());
    const opts = { map, transform, baseUrl, recordName: rowName };
    return withRowProblems(rows, await normalizeSliced(rows.rows, convert, opts));
  },
});
