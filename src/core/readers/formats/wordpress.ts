/** The WordPress REST API's posts (`/wp-json/wp/v2/posts?_embed`). */
import { certainty, defineReader, isRecord, withHtmlCode } from '../reader-definition.js';

export const wordPressFormat = defineReader({
  name: 'wordpress',
  kinds: ['story'],
  sniffJson: (doc) => {
    const first = Array.isArray(doc) ? doc.find(isRecord) : undefined;
    return first && isRendered(first.title) && ('excerpt' in first || 'content' in first)
      ? certainty.contentType
      : 0;
  },
  records: {
    of: (doc) => (Array.isArray(doc) ? doc : undefined),
    wrap: (records) => records,
  },
  load: () => withHtmlCode(import('../wordpress.js')),
  read: ({ readWordPress }, source, { baseUrl }) => readWordPress(source.json(), { baseUrl }),
});

function isRendered(value: unknown): boolean {
  return isRecord(value) && 'rendered' in value;
}
