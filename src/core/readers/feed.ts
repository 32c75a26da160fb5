/**
 * Syndication feeds → {@link Story}: RSS 2.0 (also 0.9x and RSS 1.0 / RDF), Atom 1.0 (RFC 4287)
 * and JSON Feed 1.1.
 *
 * XML is parsed with `DOMParser` ('application/xml') into a document that has no browsing context,
 * and item HTML is only ever parsed into `<template>` contents of another such document: feed
 * markup never reaches the live page, nothing in it loads or runs. HTML fields (`summary`) come
 * back raw; src/core/read.ts sanitizes them with DOMPurify afterwards.
 */
import { DandelionError } from '../errors.js';
import { asNumber, asString, stableId, toIsoDate } from '../fields.js';
import type { ReadResult, Story, StoryImage } from '../models.js';
import { safeImageUrl, safeUrl, textToHtml } from '../safe-url.js';
import { inertTemplate, parseInert } from '../inert-html.js';
import { parseJsonText } from './json-document.js';
import { plainText } from './plain-text.js';
import { fromSource } from './source-records.js';

export interface FeedReadOptions {
  /** URL of the feed document, to resolve relative links. */
  baseUrl?: string;
}

const NS = {
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
const prefixOf = new Map<string, string>([
  [NS.content, 'content'],
  [NS.dc, 'dc'],
  [NS.media, 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  [NS.itunes, 'itunes'],
  [NS.atom, 'atom'],
  [NS.rdf, 'rdf'],
]);

const MAX_WARNINGS = 5;

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by the WordPress reader)

/** @internal A fresh, empty result. */
export function newResult(): ReadResult<Story> {
  return { items: [], skipped: 0, warnings: [] };
}

/** @internal Counts a skipped record and keeps the first few reasons. */
export function skipRecord(result: ReadResult<unknown>, reason: string): void {
  result.skipped++;
  if (result.warnings.length < MAX_WARNINGS) result.warnings.push(reason);
}

/** @internal A positive integer pixel size, or `undefined`. */
export function dimension(value: unknown): number | undefined {
  const n = asNumber(value);
  return n !== undefined && n > 0 && n < 100_000 ? Math.round(n) : undefined;
}

interface Candidate {
  src: string;
  width?: number;
  height?: number;
  alt?: string;
}

/** @internal A `srcset` (`url 300w, url 600w`, ascending) from at least two distinct widths. */
export function srcsetOf(candidates: { src: string; width?: number }[]): string | undefined {
  const byWidth = new Map<number, string>();
  const seen = new Set<string>();
  for (const { src, width } of candidates) {
    // A URL ending in a comma would be cut by the srcset parser.
    if (!width || seen.has(src) || byWidth.has(width) || src.endsWith(',')) continue;
    seen.add(src);
    byWidth.set(width, src);
  }
  if (byWidth.size < 2) return undefined;
  return [...byWidth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([width, src]) => `${src} ${width}w`)
    .join(', ');
}

/** @internal Builds a {@link StoryImage} without `undefined` keys. */
export function storyImage(c: Candidate, srcset?: string): StoryImage {
  const image: StoryImage = { src: c.src, alt: c.alt ?? '' };
  if (srcset) image.srcset = srcset;
  if (c.width) image.width = c.width;
  if (c.height) image.height = c.height;
  return image;
}

/** @internal An absolute base URL, or `undefined` when the value is not one. */
export function validBase(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}

/** A story as a reader found it: the id is made from its link and title when the feed has none. */
type StoryParts = Omit<Story, 'id'> & { id?: string };

/**
 * @internal Adds a story (or skips it when it has neither title nor summary). `source`: the JSON
 * record it was read from, for `map`.
 */
export function pushStory(
  result: ReadResult<Story>,
  parts: StoryParts,
  where: string,
  source?: object,
): void {
  if (!parts.title && !parts.summary) {
    skipRecord(result, `${where}: no title or summary`);
    return;
  }
  const story: Story = {
    id:
      parts.id ??
      stableId(
        `${parts.url ?? ''}\n${parts.title}\n${parts.url || parts.title ? '' : (parts.summary ?? '')}`,
      ),
    title: parts.title,
    tags: parts.tags,
  };
  if (parts.summary) story.summary = parts.summary;
  if (parts.image) story.image = parts.image;
  if (parts.url) story.url = parts.url;
  if (parts.date) story.date = parts.date;
  if (parts.author) story.author = parts.author;
  if (source) fromSource(story, source);
  result.items.push(story);
}

/** @internal Trimmed, de-duplicated, non-empty plain-text names. */
export function uniqueNames(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const name = plainText(value);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inert HTML (item descriptions): first image, relative links

/** Parses an HTML fragment into a template of a document without a browsing context. */
function inertFragment(html: string): HTMLTemplateElement | undefined {
  try {
    return inertTemplate(html);
  } catch {
    return undefined;
  }
}

const hasImg = /<img[\s>/]/i;
const urlAttr = /\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const absoluteRef = /^\s*(?:[a-z][a-z0-9+.-]*:|#)/i;

function isRelative(value: string): boolean {
  return value.trim() !== '' && !absoluteRef.test(value);
}

/** Resolves each candidate of a `srcset`, dropping unsafe ones. */
function resolveSrcset(value: string, base: string | undefined): string | undefined {
  const out: string[] = [];
  for (const part of value.split(/\s*,\s+|,(?=\S+\s+\d)/)) {
    const [url, ...descriptor] = part.trim().split(/\s+/);
    const src = safeImageUrl(url, base);
    const d = descriptor.join(' ');
    if (!src || src.endsWith(',') || (d && !/^\d+(?:\.\d+)?[wx]$/.test(d))) continue;
    out.push(d ? `${src} ${d}` : src);
  }
  return out.length ? out.join(', ') : undefined;
}

/**
 * Makes relative `href`/`src`/`srcset` values inside an HTML summary absolute, so links keep
 * pointing at the feed's site once the summary is shown on another page. Strings without a
 * relative reference (the usual case) are returned untouched, without parsing.
 */
function absolutizeHtml(html: string, base: string | undefined): string {
  if (!base) return html;
  let needed = false;
  for (const m of html.matchAll(urlAttr)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    needed =
      m[1].toLowerCase() === 'srcset'
        ? value.split(',').some((part) => isRelative(part.trim().split(/\s+/)[0] ?? ''))
        : isRelative(value);
    if (needed) break;
  }
  if (!needed) return html;
  const template = inertFragment(html);
  if (!template) return html;
  for (const el of template.content.querySelectorAll('[href],[src],[srcset]')) {
    for (const name of ['href', 'src']) {
      const value = el.getAttribute(name);
      if (value !== null && isRelative(value)) {
        try {
          el.setAttribute(name, new URL(value.trim(), base).href);
        } catch {
          el.removeAttribute(name);
        }
      }
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) {
      const resolved = resolveSrcset(srcset, base);
      if (resolved) el.setAttribute('srcset', resolved);
      else el.removeAttribute('srcset');
    }
  }
  return template.innerHTML;
}

/** The first real `<img>` of an HTML fragment (tracking pixels skipped). */
function htmlImage(html: string | undefined, base: string | undefined): StoryImage | undefined {
  if (!html || !hasImg.test(html)) return undefined;
  const template = inertFragment(html);
  if (!template) return undefined;
  for (const img of template.content.querySelectorAll('img[src]')) {
    const width = dimension(img.getAttribute('width'));
    const height = dimension(img.getAttribute('height'));
    if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) continue;
    const src = safeImageUrl(img.getAttribute('src'), base);
    if (!src) continue;
    const srcsetAttr = img.getAttribute('srcset');
    const srcset = srcsetAttr ? resolveSrcset(srcsetAttr, base) : undefined;
    return storyImage({ src, width, height, alt: (img.getAttribute('alt') ?? '').trim() }, srcset);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// XML

/** Child elements by key: own-namespace children by local name, extensions as `prefix:name`. */
type Kids = Map<string, Element[]>;

function kids(el: Element, home: string | null): Kids {
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

const first = (k: Kids, key: string): Element | undefined => k.get(key)?.[0];
const all = (k: Kids, key: string): Element[] => k.get(key) ?? [];
const textOf = (el: Element | undefined): string | undefined =>
  el ? asString(el.textContent) : undefined;

let serializer: XMLSerializer | undefined;

function serializeChildren(el: Element): string {
  serializer ??= new XMLSerializer();
  let out = '';
  for (const node of el.childNodes) out += serializer.serializeToString(node);
  return out;
}

/** Markup of an HTML-carrying element: its text (CDATA / escaped HTML), or inline elements. */
function markupOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  return asString(el.firstElementChild ? serializeChildren(el) : el.textContent);
}

/** Applies the `xml:base` attributes from the root down to `el` on top of `start`. */
function xmlBase(el: Element | null, start: string | undefined): string | undefined {
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

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Many real feeds use HTML entities (`&nbsp;`) that XML does not define. Replaces the ones HTML
 * knows with numeric references (decoded once, in one inert HTML parse).
 */
function fixHtmlEntities(src: string): string {
  const names = new Set<string>();
  for (const m of src.matchAll(/&([a-zA-Z][a-zA-Z0-9]{0,31});/g)) {
    if (!xmlEntities.has(m[1])) names.add(m[1]);
  }
  if (!names.size) return src;
  const list = [...names];
  const template = inertFragment(list.map((n) => `<p>&${n};</p>`).join(''));
  if (!template) return src;
  const decoded = new Map<string, string>();
  template.content.querySelectorAll('p').forEach((p, i) => {
    const text = p.textContent ?? '';
    if (text && text !== `&${list[i]};`) {
      decoded.set(list[i], [...text].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join(''));
    }
  });
  return src.replace(
    /&([a-zA-Z][a-zA-Z0-9]{0,31});/g,
    (ref, name: string) => decoded.get(name) ?? ref,
  );
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

/** Parses feed XML into an inert document; `parse` error when not well-formed. */
function parseXml(text: unknown, what: string): Document {
  if (typeof text !== 'string') throw new DandelionError('format', `${what}: expected XML text`);
  const src = text.replace(/^\uFEFF/, '').trimStart();
  if (!src.startsWith('<')) throw new DandelionError('format', `${what}: not XML`);
  if (/^(?:<!doctype\s+html[\s>]|<html[\s>])/i.test(src)) {
    throw new DandelionError('format', `${what}: this is an HTML page, not a feed`);
  }
  let parsed = tryParseXml(src);
  if (typeof parsed === 'string') {
    const fixed = fixHtmlEntities(src);
    if (fixed !== src) {
      const retry = tryParseXml(fixed);
      if (typeof retry !== 'string') parsed = retry;
    }
  }
  if (typeof parsed === 'string')
    throw new DandelionError('parse', `${what}: XML is not well-formed: ${parsed}`);
  return parsed;
}

type XmlKind = 'rss' | 'atom' | undefined;

function xmlKind(doc: Document): XmlKind {
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

function rootName(doc: Document): string {
  return doc.documentElement.nodeName;
}

// ---------------------------------------------------------------------------------------------
// Dates

const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// RFC 822 zone names (CST is US Central, as the RFC says, even in feeds from China).
const zones: Record<string, string> = {
  ut: 'Z',
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};
const rfc822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 822 / 2822 dates (RSS `pubDate`) to ISO 8601, keeping the given offset. */
export function parseRfc822(value: string | undefined): string | undefined {
  const m = value ? rfc822.exec(value.trim()) : null;
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, zone] = m;
  const month = months[mon.slice(0, 3).toLowerCase()];
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
    const named = zones[zone.toLowerCase()];
    if (named) offset = named;
    else if (/^[+-]/.test(zone)) {
      const [, sign, oh, om] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
      if (Number(oh) > 23 || Number(om) > 59) return undefined;
      offset = oh === '00' && om === '00' ? 'Z' : `${sign}${oh}:${om}`;
    }
  }
  return `${date}T${two(Number(h))}:${mi}:${two(Math.min(Number(s ?? 0), 59))}${offset}`;
}

const feedDate = (value: string | undefined): string | undefined =>
  parseRfc822(value) ?? toIsoDate(value);

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

type HtmlField = [html: string | undefined, base: string | undefined];

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
function feedImage(
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

// ---------------------------------------------------------------------------------------------
// RSS

/** RSS `author` is "email (Name)": keep the name when there is one. */
function rssAuthorName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const named = /\(([^)]+)\)\s*$/.exec(value);
  return plainText(named ? named[1] : value) || undefined;
}

function readRssDocument(doc: Document, opts: FeedReadOptions | undefined): ReadResult<Story> {
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
        date: feedDate(textOf(first(k, 'pubDate'))) ?? toIsoDate(textOf(first(k, 'dc:date'))),
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

// ---------------------------------------------------------------------------------------------
// Atom

function atomType(el: Element): 'text' | 'html' | 'xhtml' | undefined {
  if (el.hasAttribute('src') || el.getAttribute('mode') === 'base64') return undefined;
  const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type === 'text' || type.startsWith('text/')) return 'text';
  return undefined;
}

/** The xhtml:div an xhtml text construct wraps its content in (or the element itself). */
function xhtmlDiv(el: Element): Element {
  const div = el.firstElementChild;
  return div && div.localName === 'div' && div.namespaceURI === NS.xhtml ? div : el;
}

/** An Atom text construct as plain text (titles). */
function atomText(el: Element | undefined): string {
  if (!el) return '';
  switch (atomType(el)) {
    case 'html':
      return plainText(el.textContent ?? '');
    case 'xhtml':
      return (xhtmlDiv(el).textContent ?? '').replace(/\s+/g, ' ').trim();
    case 'text':
      return (el.textContent ?? '').trim();
    default:
      return '';
  }
}

/** An Atom text construct as HTML (summary, content). */
function atomHtml(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  switch (atomType(el)) {
    case 'html':
      return asString(el.textContent);
    case 'xhtml':
      return asString(serializeChildren(xhtmlDiv(el)));
    case 'text': {
      const text = asString(el.textContent);
      return text && textToHtml(text);
    }
    default:
      return undefined;
  }
}

const relOf = (el: Element) => (el.getAttribute('rel') ?? 'alternate').trim().toLowerCase();

function atomLink(links: Element[], base: string | undefined): string | undefined {
  const alternates = links.filter((l) => {
    const rel = relOf(l);
    return rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate';
  });
  const preferred =
    alternates.find(
      (l) =>
        /html/i.test(l.getAttribute('type') ?? 'text/html') &&
        safeUrl(l.getAttribute('href'), base),
    ) ?? alternates.find((l) => safeUrl(l.getAttribute('href'), base));
  return preferred ? safeUrl(preferred.getAttribute('href'), base) : undefined;
}

function atomAuthors(k: Kids, home: string | null): string | undefined {
  const names = all(k, 'author').map((a) => textOf(first(kids(a, home), 'name')));
  return uniqueNames(names).join(', ') || undefined;
}

function readAtomDocument(doc: Document, opts: FeedReadOptions | undefined): ReadResult<Story> {
  const root = doc.documentElement;
  const home = root.namespaceURI;
  const feedKids = kids(root, home);
  const docBase = validBase(opts?.baseUrl);
  const siteLink = atomLink(all(feedKids, 'link'), xmlBase(root, docBase));
  // RFC 4287 §2: xml:base, else the document URI; without either, the feed's own site link.
  const start = docBase ?? siteLink;
  const feedAuthor = atomAuthors(feedKids, home);

  const result = newResult();
  all(feedKids, 'entry').forEach((entry, index) => {
    const base = xmlBase(entry, start);
    const k = kids(entry, home);
    const summaryEl = first(k, 'summary');
    const contentEl = first(k, 'content');
    const summary = atomHtml(summaryEl);
    const content = atomHtml(contentEl);
    const links = all(k, 'link');
    // The text construct may carry its own xml:base (RFC 4287's example does).
    const summaryBase = xmlBase(summaryEl ?? null, start);
    const contentBase = xmlBase(contentEl ?? null, start);
    const html = summary ?? content;
    const source = first(k, 'source');
    pushStory(
      result,
      {
        id: textOf(first(k, 'id')),
        title: atomText(first(k, 'title')),
        summary: html && absolutizeHtml(html, summary ? summaryBase : contentBase),
        url: atomLink(links, base),
        date: ['published', 'updated', 'issued', 'modified']
          .map((name) => toIsoDate(textOf(first(k, name))))
          .find(Boolean),
        author:
          atomAuthors(k, home) ?? (source && atomAuthors(kids(source, home), home)) ?? feedAuthor,
        tags: uniqueNames(
          all(k, 'category').map(
            (c) => c.getAttribute('label') ?? c.getAttribute('term') ?? undefined,
          ),
        ),
        image: feedImage(k, base, {
          enclosures: links.filter((l) => relOf(l) === 'enclosure'),
          enclosureUrl: 'href',
          html: [
            [summary, summaryBase],
            [content, contentBase],
          ],
        }),
      },
      `Atom entry ${index + 1}`,
    );
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function jsonAuthors(holder: JsonObject): string | undefined {
  const list = Array.isArray(holder.authors)
    ? holder.authors
    : holder.author
      ? [holder.author]
      : [];
  return (
    uniqueNames(list.map((a) => (isObject(a) ? asString(a.name) : undefined))).join(', ') ||
    undefined
  );
}

function isJsonFeed(doc: unknown): doc is JsonObject {
  return (
    isObject(doc) &&
    typeof doc.version === 'string' &&
    /^https?:\/\/jsonfeed\.org\/version\//.test(doc.version)
  );
}

function readJsonFeedDocument(
  doc: JsonObject,
  opts: FeedReadOptions | undefined,
): ReadResult<Story> {
  if (!Array.isArray(doc.items)) throw new DandelionError('format', 'JSON Feed: no "items" array');
  const base =
    validBase(opts?.baseUrl) ??
    validBase(asString(doc.feed_url)) ??
    validBase(asString(doc.home_page_url));
  const feedAuthor = jsonAuthors(doc);
  const result = newResult();
  doc.items.forEach((item: unknown, index) => {
    const where = `JSON Feed item ${index + 1}`;
    if (!isObject(item)) {
      skipRecord(result, `${where}: not an object`);
      return;
    }
    const contentHtml = asString(item.content_html);
    const text = asString(item.summary) ?? (contentHtml ? undefined : asString(item.content_text));
    const summary = text ? textToHtml(text) : contentHtml && absolutizeHtml(contentHtml, base);
    const imageSrc = safeImageUrl(item.image, base) ?? safeImageUrl(item.banner_image, base);
    pushStory(
      result,
      {
        id: asString(item.id),
        title: plainText(asString(item.title)),
        summary,
        url: safeUrl(item.url, base) ?? safeUrl(item.external_url, base),
        date: toIsoDate(item.date_published) ?? toIsoDate(item.date_modified),
        author: jsonAuthors(item) ?? feedAuthor,
        tags: Array.isArray(item.tags) ? uniqueNames(item.tags.map((t) => asString(t))) : [],
        image: imageSrc ? storyImage({ src: imageSrc, alt: '' }) : htmlImage(contentHtml, base),
      },
      where,
      item,
    );
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Public readers

/** Reads an RSS 2.0 / 0.9x / RSS 1.0 (RDF) feed. */
export function readRss(text: string, opts?: FeedReadOptions): ReadResult<Story> {
  const doc = parseXml(text, 'RSS');
  if (xmlKind(doc) !== 'rss')
    throw new DandelionError('format', `RSS: root element is <${rootName(doc)}>, not <rss>`);
  return readRssDocument(doc, opts);
}

/** Reads an Atom 1.0 feed (RFC 4287). */
export function readAtom(text: string, opts?: FeedReadOptions): ReadResult<Story> {
  const doc = parseXml(text, 'Atom');
  if (xmlKind(doc) !== 'atom')
    throw new DandelionError('format', `Atom: root element is <${rootName(doc)}>, not <feed>`);
  return readAtomDocument(doc, opts);
}

/** Reads a JSON Feed (1.0 / 1.1), given as text or as the parsed document. */
export function readJsonFeed(textOrDoc: unknown, opts?: FeedReadOptions): ReadResult<Story> {
  const doc = parseJsonText(textOrDoc, 'JSON Feed');
  if (!isJsonFeed(doc))
    throw new DandelionError('format', 'JSON Feed: no "version": "https://jsonfeed.org/version/…"');
  return readJsonFeedDocument(doc, opts);
}

/** Reads any of the above, choosing by content (root element, or JSON Feed `version`). */
export function readFeed(text: unknown, opts?: FeedReadOptions): ReadResult<Story> {
  if (typeof text !== 'string' || /^\uFEFF?\s*[{[]/.test(text)) return readJsonFeed(text, opts);
  const doc = parseXml(text, 'feed');
  switch (xmlKind(doc)) {
    case 'rss':
      return readRssDocument(doc, opts);
    case 'atom':
      return readAtomDocument(doc, opts);
    default:
      throw new DandelionError(
        'format',
        `feed: root element <${rootName(doc)}> is neither RSS nor Atom`,
      );
  }
}
