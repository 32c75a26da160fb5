/** JSON Feed 1.0 / 1.1. */
import { certainty, defineReader, isRecord, withHtmlCode } from '../reader-definition.js';

export const jsonFeedFormat = defineReader({
  name: 'jsonfeed',
  kinds: ['story'],
  sniff: ({ type }) => (type === 'application/feed+json' ? certainty.contentType : 0),
  sniffJson: (doc) =>
    isRecord(doc) &&
    typeof doc.version === 'string' &&
    doc.version.startsWith('https://jsonfeed.org/version/')
      ? certainty.contentType
      : 0,
  records: {
    of: (doc) => (isRecord(doc) && Array.isArray(doc.items) ? doc.items : undefined),
    wrap: (records, doc) =>
      isRecord(doc) && typeof doc.version === 'string'
        ? { ...doc, items: records }
        : { version: 'https://jsonfeed.org/version/1.1', items: records },
  },
  load: () => withHtmlCode(import('../json-feed.js')),
  read: ({ readJsonFeed }, source, { baseUrl }) => readJsonFeed(source.json(), { baseUrl }),
});
