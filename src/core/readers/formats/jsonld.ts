/** schema.org JSON-LD: a JSON document, or the ld+json blocks of an HTML page. */
import {
  certainty,
  defineReader,
  isRecord,
  recordsIn,
  withHtmlCode,
} from '../reader-definition.js';

export const jsonLdFormat = defineReader({
  name: 'jsonld',
  kinds: ['service', 'event', 'story'],
  sniff: ({ type, head, text }) => {
    if (type === 'application/ld+json') return certainty.contentType;
    return head.startsWith('<') && /application\/ld\+json/i.test(text) ? certainty.markup : 0;
  },
  sniffJson: (doc) => {
    if (Array.isArray(doc)) {
      const first = doc.find(isRecord);
      return first && ('@context' in first || '@type' in first) ? certainty.jsonText : 0;
    }
    return isRecord(doc) && ('@context' in doc || '@graph' in doc) ? certainty.jsonText : 0;
  },
  records: recordsIn('@graph'),
  load: () => withHtmlCode(import('../jsonld.js')),
  // An HTML page with ld+json blocks is read as text; a JSON document as the document.
  read: ({ readJsonLd }, source, { kind, baseUrl }) => readJsonLd(source.raw, kind, { baseUrl }),
});
