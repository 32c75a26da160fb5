/**
 * What RSS and Atom share: XML parsed with `DOMParser` ('application/xml') into a document that
 * has no browsing context, children by namespace, `xml:base`, HTML entities XML does not know,
 * RFC 822 dates, and the item's image from enclosures, Media RSS and iTunes elements.
 */
import { DandelionError } from '../errors.js';
import { asString } from '../fields.js';
import type { StoryImage } from '../models.js';
import { safeImageUrl } from '../safe-url.js';
import { parseInert } from '../inert-html.js';
import { plainText } from './plain-text.js';
import { dimension, htmlImage, srcsetOf, storyImage, type Candidate } from './story-parts.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Extension namespaces we read, by the prefix our lookups use (whatever the feed calls them). */
export const prefixOf = new Map<string, string>([
  [NS.content, 'content'],
  [NS.dc, 'dc'],
  [NS.media, 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  [NS.itunes, 'itunes'],
  [NS.atom, 'atom'],
  [NS.rdf, 'rdf'],
]);

// ---------------------------------------------------------------------------------------------
// XML

/** Child elements by key: own-namespace children by local name, extensions as `prefix:name`. */
export type Kids = Map<string, Element[]>;

export function kids(el: Element, home: string | null): Kids {
  const map: Kids = new Map();
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const ns = child.namespaceURI;
    const key =
      !ns || ns === home ? child.localName : `${prefixOf.get(ns) ?? ns}:${child.localName}`;
    const list = map.get(key);
    if (list) list.push(child);
    else map.set(key, [child]);
  }
  return map;
}

export const first = (k: Kids, key: string): Element | undefined => k.get(key)?.[0];
export const all = (k: Kids, key: string): Element[] => k.get(key) ?? [];
export const textOf = (el: Element | undefined): string | undefined =>
  el ? asString(el.textContent) : undefined;

let serializer: XMLSerializer | undefined;

export function serializeChildren(el: Element): string {
  serializer ??= new XMLSerializer();
  let out = '';
  for (const node of el.childNodes) out += serializer.serializeToString(node);
  return out;
}

/** Markup of an HTML-carrying element: its text (CDATA / escaped HTML), or inline elements. */
export function markupOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  return asString(el.firstElementChild ? serializeChildren(el) : el.textContent);
}

/** Applies the `xml:base` attributes from the root down to `el` on top of `start`. */
export function xmlBase(el: Element | null, start: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let e = el; e; e = e.parentElement) {
    const value = e.getAttributeNS(NS.xml, 'base');
    if (value !== null) chain.push(value);
  }
  let base = start;
  for (let i = chain.length - 1; i >= 0; i--) {
    try {
      base = new URL(chain[i].trim(), base ?? globalThis.location?.href).href;
    } catch {
      // Keep the outer base.
    }
  }
  return base;
}

function parserError(doc: Document): string | undefined {
  for (const el of doc.getElementsByTagNameNS('*', 'parsererror')) {
    if (el.namespaceURI === NS.xhtml || el.namespaceURI?.includes('mozilla')) {
      return (el.textContent ?? 'not well-formed').replace(/\s+/g, ' ').trim().slice(0, 200);
    }
  }
  return undefined;
}

function tryParseXml(src: string): Document | string {
  let doc: Document;
  try {
    doc = parseInert(src, 'application/xml');
  } catch (error) {
    throw new DandelionError(
      'parse',
      `feed: the XML parser refused the text (${String(error)})`,
      undefined,
      {
        cause: error,
      },
    );
  }
  return parserError(doc) ?? doc;
}

/** Rewrites a feed that is not well-formed into one that may be (see `xml-entities.ts`). */
export type XmlFix = (src: string) => string;

/**
 * Parses feed XML into an inert document; `parse` error when not well-formed (after trying `fix`,
 * when given, on the text).
 */
export function parseXml(text: unknown, what: string, fix?: XmlFix): Document {
  if (typeof text !== 'string') throw new DandelionError('format', `${what}: expected XML text`);
  const src = text.replace(/^\uFEFF/, '').trimStart();
  if (!src.startsWith('<')) throw new DandelionError('format', `${what}: not XML`);
  if (/^(?:<!doctype\s+html[\s>]|<html[\s>])/i.test(src)) {
    throw new DandelionError('format', `${what}: this is an HTML page, not a feed`);
  }
  let parsed = tryParseXml(src);
  const fixed = typeof parsed === 'string' && fix ? fix(src) : src;
  if (fixed !== src) {
    const retry = tryParseXml(fixed);
    if (typeof retry !== 'string') parsed = retry;
  }
  if (typeof parsed === 'string')
    throw new DandelionError('parse', `${what}: XML is not well-formed: ${parsed}`);
  return parsed;
}

type XmlKind = 'rss' | 'atom' | undefined;

export function xmlKind(doc: Document): XmlKind {
  const root = doc.documentElement;
  // Some RSS 2.0 generators put the whole feed in a namespace (backend.userland.com/rss2).
  if (root.localName === 'rss') return 'rss';
  if (root.localName === 'RDF' && root.namespaceURI === NS.rdf) return 'rss';
  if (
    root.localName === 'feed' &&
    (root.namespaceURI === NS.atom || root.namespaceURI === NS.atom03 || !root.namespaceURI)
  ) {
    return 'atom';
  }
  return undefined;
}

export function rootName(doc: Document): string {
  return doc.documentElement.nodeName;
}

/** @internal The error for XML that is neither RSS nor Atom. */
export function notAFeed(doc: Document): DandelionError {
  return new DandelionError(
    'format',
    `feed: root element <${rootName(doc)}> is neither RSS nor Atom`,
  );
}

/** @internal Whether feed text is JSON (a JSON Feed), not XML. */
export const isJsonText = (text: string): boolean => /^\uFEFF?\s*[{[]/.test(text);

/** @internal Parses an RSS or Atom feed; a `format` error names the root element it has instead. */
export function parseFeedXml(text: string, kind: 'rss' | 'atom', fix?: XmlFix): Document {
  const [what, root] = kind === 'rss' ? ['RSS', 'rss'] : ['Atom', 'feed'];
  const doc = parseXml(text, what, fix);
  if (xmlKind(doc) !== kind)
    throw new DandelionError(
      'format',
      `${what}: root element is <${rootName(doc)}>, not <${root}>`,
    );
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Dates

const monthNames = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** RFC 822 zone names: UT, GMT, Z and the US zones (CST is US Central, as the RFC says, even in feeds from China). */
function namedZone(zone: string): string | undefined {
  if (/^(?:ut|utc|gmt|z)$/.test(zone)) return 'Z';
  const us = /^([ecmp])([sd])t$/.exec(zone);
  return us ? `-0${5 + 'ecmp'.indexOf(us[1]) - (us[2] === 'd' ? 1 : 0)}:00` : undefined;
}
const rfc822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 822 / 2822 dates (RSS `pubDate`) to ISO 8601, keeping the given offset. */
export function parseRfc822(value: string | undefined): string | undefined {
  const m = value ? rfc822.exec(value.trim()) : null;
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, zone] = m;
  const at = monthNames.indexOf(mon.slice(0, 3).toLowerCase());
  const month = at % 3 ? 0 : at / 3 + 1;
  let year = Number(y);
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(d);
  if (!month) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  const date = `${year}-${two(month)}-${two(day)}`;
  if (h === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return undefined;
  let offset = '';
  if (zone) {
    const named = namedZone(zone.toLowerCase());
    if (named) offset = named;
    else if (/^[+-]/.test(zone)) {
      const [, sign, oh, om] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
      if (Number(oh) > 23 || Number(om) > 59) return undefined;
      offset = oh === '00' && om === '00' ? 'Z' : `${sign}${oh}:${om}`;
    }
  }
  return `${date}T${two(Number(h))}:${mi}:${two(Math.min(Number(s ?? 0), 59))}${offset}`;
}

// ---------------------------------------------------------------------------------------------
// Images from feed elements

function mediaAlt(k: Kids): string | undefined {
  return (
    plainText(textOf(first(k, 'media:description')) ?? textOf(first(k, 'media:title'))) || undefined
  );
}

const imageExtension = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

function isImageMedia(el: Element, urlAttr: string): boolean {
  const medium = el.getAttribute('medium');
  const type = el.getAttribute('type');
  if (medium) return medium.trim().toLowerCase() === 'image';
  if (type) return type.trim().toLowerCase().startsWith('image/');
  return imageExtension.test(el.getAttribute(urlAttr) ?? '');
}

function candidate(
  el: Element,
  urlAttr: string,
  base: string | undefined,
  alt?: string,
): Candidate | undefined {
  const src = safeImageUrl(el.getAttribute(urlAttr), base);
  if (!src) return undefined;
  return {
    src,
    width: dimension(el.getAttribute('width')),
    height: dimension(el.getAttribute('height')),
    alt,
  };
}

function largest(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || (c.width ?? 0) > (best.width ?? 0)) best = c;
  return best;
}

export type HtmlField = [html: string | undefined, base: string | undefined];

interface ImageSources {
  /** Elements that may be image enclosures (RSS `enclosure`, Atom `link rel=enclosure`). */
  enclosures: Element[];
  enclosureUrl: 'url' | 'href';
  /** HTML fields to look for an `<img>` in, in order, each with the base its URLs resolve against. */
  html: HtmlField[];
}

/**
 * The item's image, in this order: image enclosure, the largest `media:content` image (with a
 * `srcset` of all media widths), the largest `media:thumbnail`, `itunes:image`, the first `<img>`
 * of the HTML fields.
 */
export function feedImage(
  k: Kids,
  base: string | undefined,
  sources: ImageSources,
): StoryImage | undefined {
  const itemAlt = mediaAlt(k);
  for (const el of sources.enclosures) {
    if (!isImageMedia(el, sources.enclosureUrl)) continue;
    const c = candidate(el, sources.enclosureUrl, base, itemAlt);
    if (c) return storyImage(c);
  }

  const contents: Candidate[] = [];
  const thumbs: Candidate[] = [];
  const visit = (holder: Kids, alt: string | undefined) => {
    for (const el of all(holder, 'media:content')) {
      const own = kids(el, null);
      const ownAlt = mediaAlt(own) ?? alt;
      const c = isImageMedia(el, 'url') ? candidate(el, 'url', base, ownAlt) : undefined;
      if (c) contents.push(c);
      for (const t of all(own, 'media:thumbnail')) {
        const tc = candidate(t, 'url', base, ownAlt);
        if (tc) thumbs.push(tc);
      }
    }
    for (const t of all(holder, 'media:thumbnail')) {
      const tc = candidate(t, 'url', base, alt);
      if (tc) thumbs.push(tc);
    }
  };
  visit(k, itemAlt);
  for (const group of all(k, 'media:group')) {
    const gk = kids(group, null);
    visit(gk, mediaAlt(gk) ?? itemAlt);
  }
  const content = largest(contents);
  if (content) return storyImage(content, srcsetOf([...contents, ...thumbs]));
  const thumb = largest(thumbs);
  if (thumb) return storyImage(thumb, srcsetOf(thumbs));

  const itunes = first(k, 'itunes:image');
  const itunesSrc = itunes && safeImageUrl(itunes.getAttribute('href') ?? itunes.textContent, base);
  if (itunesSrc) return storyImage({ src: itunesSrc, alt: itemAlt });

  for (const [html, htmlBase] of sources.html) {
    const image = htmlImage(html, htmlBase);
    if (image) return image;
  }
  return undefined;
}
