/** Open Referral HSDS 3.0: paginated `contents` lists and single services / organizations. */
import { certainty, defineReader, isRecord } from '../reader-definition.js';

export const hsdsFormat = defineReader({
  name: 'hsds',
  kinds: ['service'],
  sniffJson: (doc) =>
    isRecord(doc) && Array.isArray(doc.contents) && 'total_pages' in doc ? certainty.markup : 0,
  records: {
    of: (doc) =>
      Array.isArray(doc) ? doc : isRecord(doc) ? (listOf(doc.contents) ?? [doc]) : undefined,
    wrap: (records, doc) =>
      isRecord(doc) && Array.isArray(doc.contents) ? { ...doc, contents: records } : records,
  },
  load: () => import('../hsds.js'),
  read: ({ readHsds }, source, { baseUrl }) => readHsds(source.json(), { baseUrl }),
});

function listOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
