/** RSS 2.0 / 0.9x / 1.0 (RDF) feeds. */
import { certainty, defineReader, withHtmlCode } from '../reader-definition.js';

export const rssFormat = defineReader({
  name: 'rss',
  kinds: ['story'],
  sniff: ({ type, head }) => {
    if (type === 'application/rss+xml') return certainty.contentType;
    return head.startsWith('<') && /<rss[\s>]|<rdf:RDF[\s>]/.test(head) ? certainty.markup : 0;
  },
  load: () => withHtmlCode(import('../feed.js')),
  // Servers often label Atom as RSS and vice versa: unless the page insists, trust the content.
  read: ({ readRss, readFeed }, source, { requested, baseUrl }) =>
    (requested === 'rss' ? readRss : readFeed)(source.text(), { baseUrl }),
});
