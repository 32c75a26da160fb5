/** RSS 2.0, 0.9x and RSS 1.0 (RDF) → {@link Story}. */
import { DandelionError } from '../errors.js';
import { asString } from '../fields.js';
import type { ReadResult, Story } from '../models.js';
import { safeUrl } from '../safe-url.js';
import {
  NS,
  all,
  feedImage,
  isJsonText,
  first,
  kids,
  markupOf,
  notAFeed,
  parseFeedXml,
  parseRfc822,
  parseXml,
  prefixOf,
  textOf,
  xmlBase,
  xmlKind,
  type HtmlField,
  type Kids,
  type XmlFix,
} from './feed-xml.js';
import { plainText } from './plain-text.js';
import {
  absolutizeHtml,
  newResult,
  pushStory,
  uniqueNames,
  validBase,
  type FeedReadOptions,
} from './story-parts.js';

/** RSS `author` is "email (Name)": keep the name when there is one. */
function rssAuthorName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const named = /\(([^)]+)\)\s*$/.exec(value);
  return plainText(named ? named[1] : value) || undefined;
}

/** `toIsoDate` (`time/loose-date.ts`): the dates RFC 822 does not cover (ISO, `dc:date`…). */
export type LooseDates = (value: string | undefined) => string | undefined;

/**
 * Thrown by {@link readRssDocument} for a date only {@link LooseDates} reads, when not given.
 * (The normalizers' `CodeNeeded` in `normalize/lazy-part.ts` does the same per record; it travels
 * in a chunk with the field keys, which an RSS feed's first view does not otherwise download.)
 */
class LooseDatesNeeded extends Error {}

/** `pubDate` as RFC 822 (what RSS asks for), else any date shape `pubDate` or `dc:date` has. */
function itemDate(k: Kids, loose: LooseDates | undefined): string | undefined {
  const pubDate = textOf(first(k, 'pubDate'));
  const dcDate = textOf(first(k, 'dc:date'));
  const rfc822 = parseRfc822(pubDate);
  if (rfc822 || (!pubDate && !dcDate)) return rfc822;
  if (!loose) throw new LooseDatesNeeded();
  return loose(pubDate) ?? loose(dcDate);
}

/**
 * Reads a parsed RSS document. Without `loose` (the reader's async path, which has not loaded it
 * yet), a date other than RFC 822 throws {@link LooseDatesNeeded}.
 */
export function readRssDocument(
  doc: Document,
  opts: FeedReadOptions | undefined,
  loose?: LooseDates,
): ReadResult<Story> {
  const root = doc.documentElement;
  const rdf = root.localName === 'RDF';
  // RSS 1.0 puts channel and items in its own namespace; RSS 2.0 in none.
  const channel = [...root.children].find((el) => el.localName === 'channel');
  if (!channel && !rdf) throw new DandelionError('format', 'RSS: no <channel> element');
  const docBase = validBase(opts?.baseUrl);
  const channelKids = channel ? kids(channel, channel.namespaceURI) : new Map<string, Element[]>();
  // RSS has no base rule: relative links mean the site in the channel <link>; xml:base wins.
  const siteLink = safeUrl(textOf(first(channelKids, 'link')), xmlBase(channel ?? root, docBase));
  const start = siteLink ?? docBase;

  // RSS 1.0 items are siblings of the channel; a few 0.9x feeds do the same.
  const items = [...all(channelKids, 'item')];
  for (const el of root.children) {
    if (el.localName === 'item' && !prefixOf.has(el.namespaceURI ?? '')) items.push(el);
  }

  const result = newResult();
  items.forEach((item, index) => {
    const base = xmlBase(item, start);
    const k = kids(item, item.namespaceURI);
    const description = markupOf(first(k, 'description'));
    const encoded = markupOf(first(k, 'content:encoded'));
    const guidEl = first(k, 'guid');
    const guid = textOf(guidEl);
    let url = safeUrl(textOf(first(k, 'link')), base);
    if (
      !url &&
      guid &&
      guidEl?.getAttribute('isPermaLink') !== 'false' &&
      /^https?:\/\//i.test(guid)
    ) {
      url = safeUrl(guid);
    }
    const summary = description ?? encoded;
    const creators = all(k, 'dc:creator').map((el) => textOf(el));
    pushStory(
      result,
      {
        id: guid ?? asString(item.getAttributeNS(NS.rdf, 'about')),
        title: plainText(textOf(first(k, 'title'))),
        summary: summary && absolutizeHtml(summary, base),
        url,
        date: itemDate(k, loose),
        author:
          uniqueNames(creators).join(', ') ||
          rssAuthorName(textOf(first(k, 'author'))) ||
          plainText(textOf(first(k, 'itunes:author'))) ||
          undefined,
        tags: uniqueNames([...all(k, 'category'), ...all(k, 'dc:subject')].map((el) => textOf(el))),
        image: feedImage(k, base, {
          enclosures: all(k, 'enclosure'),
          enclosureUrl: 'url',
          // RSS has no per-field base: both resolve against the item's.
          html: [description, encoded].map((field): HtmlField => [field, base]),
        }),
      },
      `RSS item ${index + 1}`,
    );
  });
  return result;
}

/**
 * Code the RSS reader downloads only for the feeds that need it (one place, so tests can hold
 * back or fail a download and see the widget cope).
 */
export const lazyFeedParts = {
  /** The recovery of feeds that use HTML entities XML does not define. */
  entities: () => import('./xml-entities.js'),
  /** Dates that are not RFC 822 (ISO `pubDate`, RSS 1.0's `dc:date`, `2026年11月3日`…). */
  looseDates: () => import('../time/loose-date.js'),
};

/**
 * Reads `doc`; when one of its dates is not RFC 822, again with the loose date reader, loaded
 * then (a failed download rejects like the browser's, a network error the widget can retry).
 */
async function readRssLoading(
  doc: Document,
  opts: FeedReadOptions | undefined,
): Promise<ReadResult<Story>> {
  try {
    return readRssDocument(doc, opts);
  } catch (error) {
    if (!(error instanceof LooseDatesNeeded)) throw error;
    return readRssDocument(doc, opts, (await lazyFeedParts.looseDates()).toIsoDate);
  }
}

/** `parse()`, and for a feed that is not well-formed, `parse(fix)` once the fix is loaded. */
async function parseRecovering(parse: (fix?: XmlFix) => Document): Promise<Document> {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DandelionError) || error.kind !== 'parse') throw error;
    return parse((await lazyFeedParts.entities()).fixHtmlEntities);
  }
}

/**
 * Reads an RSS feed; unless `strict` (the page set `format="rss"`), a feed that is really Atom
 * or JSON Feed (servers mix up the labels) is read by that reader, loaded only then.
 */
export async function readRssSource(
  text: string,
  strict: boolean,
  opts?: FeedReadOptions,
): Promise<ReadResult<Story>> {
  if (strict)
    return readRssLoading(await parseRecovering((fix) => parseFeedXml(text, 'rss', fix)), opts);
  if (isJsonText(text)) return (await import('./json-feed.js')).readJsonFeed(text, opts);
  const doc = await parseRecovering((fix) => parseXml(text, 'feed', fix));
  switch (xmlKind(doc)) {
    case 'rss':
      return readRssLoading(doc, opts);
    case 'atom':
      return (await import('./atom.js')).readAtomDocument(doc, opts);
    default:
      throw notAFeed(doc);
  }
}
