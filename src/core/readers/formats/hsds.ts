/** Open Referral HSDS 3.0: paginated `contents` lists and single services / organizations. */
import { certainty, defineReader, isRecord, recordsIn } from '../reader-definition.js';

export const hsdsFormat = defineReader({
  name: 'hsds',
  kinds: ['service'],
  sniffJson: (doc) =>
    isRecord(doc) && Array.isArray(doc.contents) && 'total_pages' in doc ? certainty.markup : 0,
  records: recordsIn('contents'),
  load: () => import('../hsds.js'),
  read: ({ readHsds }, source, { baseUrl }) => readHsds(source.json(), { baseUrl }),
});
