/** RSS 2.0 / 0.9x / 1.0 (RDF) feeds. */
import { certainty, defineReader, withHtmlCode } from '../reader-definition.js';

export const rssFormat = defineReader({
  name: 'rss',
  kinds: ['story'],
  sniff: ({ type, head }) => {
    if (type === 'application/rss+xml') return certainty.contentType;
    return head.startsWith('<') && /<rss[\s>]|<rdf:RDF[\s>]/.test(head) ? certainty.markup : 0;
  },
  // The RSS reader only: a page with an RSS feed (most feeds) downloads no Atom or JSON Feed code.
  load: () => withHtmlCode(import('../rss.js')),
  // Servers often label Atom as RSS and vice versa: unless the page insists, trust the content
  // (the reader of what it really is loads then).
  read: ({ readRssSource }, source, { requested, baseUrl }) =>
    readRssSource(source.text(), requested === 'rss', { baseUrl }),
});
