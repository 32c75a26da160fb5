/** Atom 1.0 feeds (RFC 4287). */
import { certainty, defineReader, withHtmlCode } from '../reader-definition.js';

export const atomFormat = defineReader({
  name: 'atom',
  kinds: ['story'],
  sniff: ({ type, head }) => {
    if (type === 'application/atom+xml') return certainty.contentType;
    return head.startsWith('<') && /<feed[\s>]/.test(head) ? certainty.markup : 0;
  },
  load: () => withHtmlCode(import('../feed.js')),
  // Servers often label Atom as RSS and vice versa: unless the page insists, trust the content.
  read: ({ readAtom, readFeed }, source, { requested, baseUrl }) =>
    (requested === 'atom' ? readAtom : readFeed)(source.text(), { baseUrl }),
});
