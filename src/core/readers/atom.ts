/** Atom 1.0 (RFC 4287) → {@link Story}. */
import { asString, toIsoDate } from '../fields.js';
import type { ReadResult, Story } from '../models.js';
import { safeUrl, textToHtml } from '../safe-url.js';
import {
  NS,
  all,
  feedImage,
  first,
  kids,
  parseFeedXml,
  serializeChildren,
  textOf,
  xmlBase,
  type Kids,
} from './feed-xml.js';
import { plainText } from './plain-text.js';
import { fixHtmlEntities } from './xml-entities.js';
import {
  type FeedReadOptions,
  validBase,
  absolutizeHtml,
  newResult,
  pushStory,
  uniqueNames,
} from './story-parts.js';

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

export function readAtomDocument(
  doc: Document,
  opts: FeedReadOptions | undefined,
): ReadResult<Story> {
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

/** Reads an Atom 1.0 feed (RFC 4287). */
export function readAtom(text: string, opts?: FeedReadOptions): ReadResult<Story> {
  return readAtomDocument(parseFeedXml(text, 'atom', fixHtmlEntities), opts);
}
