/**
 * WordPress REST API posts (`/wp-json/wp/v2/posts?_embed`) → {@link Story}.
 *
 * Shape per the REST API Handbook (Posts reference; Linking and Embedding): each post has
 * `id`, `date` (site time, no zone), `date_gmt` (UTC, no zone), `link`, `title.rendered`,
 * `excerpt.rendered` (HTML); with `_embed`, `_embedded.author[]`, `_embedded['wp:featuredmedia'][]`
 * (attachment: `source_url`, `alt_text`, `media_details.{width,height,sizes}`) and
 * `_embedded['wp:term']` (one array per taxonomy: categories, tags, …). An embedded resource the
 * visitor may not see comes back as an error object (`{ code, message, data: { status } }`).
 */
import { DandelionError } from '../errors.js';
import { asString, stableId, toIsoDate } from '../fields.js';
import type { ReadResult, Story, StoryImage } from '../models.js';
import { safeImageUrl, safeUrl } from '../safe-url.js';
import {
  dimension,
  newResult,
  pushStory,
  skipRecord,
  srcsetOf,
  storyImage,
  uniqueNames,
  validBase,
  type FeedReadOptions,
} from './story-parts.js';
import { parseJsonText } from './json-document.js';
import { plainText } from './plain-text.js';

export type WordPressReadOptions = FeedReadOptions;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** A WordPress error object (`WP_Error` as JSON), also used for embedded resources one may not see. */
const isWpError = (value: unknown): boolean =>
  isObject(value) && typeof value.code === 'string' && 'message' in value;

/** `rendered` of a `{ rendered, raw?, protected? }` field. */
function rendered(value: unknown): string | undefined {
  if (typeof value === 'string') return asString(value);
  return isObject(value) ? asString(value.rendered) : undefined;
}

function looksLikePost(value: unknown): boolean {
  return (
    isObject(value) && (isObject(value.title) || isObject(value.excerpt) || isObject(value.content))
  );
}

/** First usable (non-error) object of an embedded relation (an array, or one object in old docs). */
function embeddedFirst(value: unknown): JsonObject | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.find((v): v is JsonObject => isObject(v) && !isWpError(v));
}

// The core excerpt ends in " [&hellip;]"; themes add a "Continue reading" link instead.
const moreBracket = /\s*\[(?:&hellip;|&#8230;|\u2026|\.\.\.)\](?=\s*(?:<\/p>\s*)?$)/;
const moreParagraph =
  /<p\b[^>]*class\s*=\s*["'][^"']*\blink-more\b[^"']*["'][^>]*>[\s\S]*?<\/p>\s*/gi;
const moreLink = /\s*<a\b[^>]*class\s*=\s*["'][^"']*\bmore-link\b[^"']*["'][^>]*>[\s\S]*?<\/a>/gi;

/** Drops the "[…]" / "Continue reading" tail WordPress adds to generated excerpts. */
function trimExcerpt(html: string): string {
  return html
    .replace(moreParagraph, '')
    .replace(moreLink, '')
    .replace(moreBracket, '&hellip;')
    .trim();
}

function featuredImage(embedded: JsonObject, base: string | undefined): StoryImage | undefined {
  const media = embeddedFirst(embedded['wp:featuredmedia']);
  if (!media) return undefined;
  const mime = asString(media.mime_type);
  const mediaType = asString(media.media_type);
  if ((mediaType && mediaType !== 'image') || (mime && !mime.startsWith('image/')))
    return undefined;
  const src = safeImageUrl(media.source_url, base);
  if (!src) return undefined;
  const details = isObject(media.media_details) ? media.media_details : {};
  const width = dimension(details.width);
  const height = dimension(details.height);
  const candidates: { src: string; width?: number }[] = [{ src, width }];
  if (isObject(details.sizes)) {
    for (const size of Object.values(details.sizes)) {
      if (!isObject(size)) continue;
      const sizeSrc = safeImageUrl(size.source_url, base);
      if (sizeSrc) candidates.push({ src: sizeSrc, width: dimension(size.width) });
    }
  }
  return storyImage(
    { src, width, height, alt: typeof media.alt_text === 'string' ? media.alt_text.trim() : '' },
    srcsetOf(candidates),
  );
}

function termNames(embedded: JsonObject): string[] {
  const groups = Array.isArray(embedded['wp:term']) ? embedded['wp:term'] : [];
  const names: (string | undefined)[] = [];
  for (const group of groups) {
    for (const term of Array.isArray(group) ? group : [group]) {
      if (!isObject(term) || isWpError(term)) continue;
      // The default category says nothing about the story.
      if (term.taxonomy === 'category' && term.slug === 'uncategorized') continue;
      names.push(asString(term.name));
    }
  }
  return uniqueNames(names);
}

function postDate(post: JsonObject): string | undefined {
  const gmt = asString(post.date_gmt);
  if (gmt) {
    const iso = toIsoDate(/(?:z|[+-]\d{2}:?\d{2})$/i.test(gmt) ? gmt : `${gmt}Z`);
    if (iso) return iso;
  }
  return toIsoDate(post.date);
}

/**
 * Reads a WordPress posts array (parsed JSON, or its text). A WordPress error object
 * (`{ code: 'rest_no_route', message, data: { status: 404 } }`) or anything that is not a posts
 * array throws `DandelionError('format')`.
 */
export function readWordPress(doc: unknown, opts?: WordPressReadOptions): ReadResult<Story> {
  let value = parseJsonText(doc, 'WordPress');
  // `?_envelope` wraps the body with its status and headers.
  if (isObject(value) && 'body' in value && 'headers' in value) value = value.body;
  if (isObject(value) && isWpError(value)) {
    throw new DandelionError(
      'format',
      typeof value.message === 'string' ? value.message : String(value.code),
    );
  }
  if (!Array.isArray(value))
    throw new DandelionError('format', 'WordPress: expected an array of posts');
  if (value.length && !value.some(looksLikePost)) {
    throw new DandelionError(
      'format',
      'WordPress: the array holds no posts (no title/excerpt/content)',
    );
  }

  const base = validBase(opts?.baseUrl);
  const result = newResult();
  value.forEach((post: unknown, index) => {
    const where = `WordPress post ${index + 1}`;
    if (!isObject(post)) {
      skipRecord(result, `${where}: not an object`);
      return;
    }
    const embedded = isObject(post._embedded) ? post._embedded : {};
    const excerpt = rendered(post.excerpt) ?? rendered(post.content);
    const title = plainText(rendered(post.title));
    const url = safeUrl(post.link, base);
    const author = embeddedFirst(embedded.author);
    pushStory(
      result,
      {
        id: asString(post.id) ?? (title || url ? stableId(`${url ?? ''}\n${title}`) : undefined),
        title,
        summary: excerpt ? trimExcerpt(excerpt) || undefined : undefined,
        url,
        date: postDate(post),
        author: plainText(asString(author?.name)) || undefined,
        tags: termNames(embedded),
        image: featuredImage(embedded, base),
      },
      where,
      post,
    );
  });
  return result;
}

/** Total pages of a paginated WordPress collection (`X-WP-TotalPages`), if the header is valid. */
export function wordPressTotalPages(headers: Headers): number | undefined {
  const value = headers.get('X-WP-TotalPages')?.trim();
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
