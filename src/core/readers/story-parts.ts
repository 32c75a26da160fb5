/**
 * The parts of a story that every feed-like reader builds the same way (RSS, Atom, JSON Feed,
 * WordPress): results, skipped records, images and their `srcset`, ids, names, and the inert
 * reading of item HTML (first image, relative links made absolute). Item HTML is only ever parsed
 * into `<template>` contents of a document without a browsing context: nothing in it loads or
 * runs; it comes back raw and src/core/read.ts sanitizes it afterwards.
 */
import { asNumber, stableId } from '../fields.js';
import type { ReadResult, Story, StoryImage } from '../models.js';
import { safeImageUrl } from '../safe-url.js';
import { inertTemplate } from '../inert-html.js';
import { plainText } from './plain-text.js';
import { fromSource } from './source-records.js';

export interface FeedReadOptions {
  /** URL of the feed document, to resolve relative links. */
  baseUrl?: string;
}

const MAX_WARNINGS = 5;

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

export interface Candidate {
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
export function inertFragment(html: string): HTMLTemplateElement | undefined {
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
export function absolutizeHtml(html: string, base: string | undefined): string {
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
export function htmlImage(
  html: string | undefined,
  base: string | undefined,
): StoryImage | undefined {
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
