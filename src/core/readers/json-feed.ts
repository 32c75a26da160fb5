/** JSON Feed 1.0 / 1.1 → {@link Story}. */
import { DandelionError } from '../errors.js';
import { asString, toIsoDate } from '../fields.js';
import type { ReadResult, Story } from '../models.js';
import { safeImageUrl, safeUrl, textToHtml } from '../safe-url.js';
import { parseJsonText } from './json-document.js';
import { plainText } from './plain-text.js';
import {
  absolutizeHtml,
  htmlImage,
  newResult,
  pushStory,
  skipRecord,
  storyImage,
  uniqueNames,
  validBase,
  type FeedReadOptions,
} from './story-parts.js';

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

/** Reads a JSON Feed (1.0 / 1.1), given as text or as the parsed document. */
export function readJsonFeed(textOrDoc: unknown, opts?: FeedReadOptions): ReadResult<Story> {
  const doc = parseJsonText(textOrDoc, 'JSON Feed');
  if (!isJsonFeed(doc))
    throw new DandelionError('format', 'JSON Feed: no "version": "https://jsonfeed.org/version/…"');
  return readJsonFeedDocument(doc, opts);
}
