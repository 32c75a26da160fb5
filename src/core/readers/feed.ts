/**
 * Syndication feeds → {@link Story}: RSS 2.0 (also 0.9x and RSS 1.0 / RDF), Atom 1.0 (RFC 4287)
 * and JSON Feed 1.1.
 *
 * XML is parsed with `DOMParser` ('application/xml') into a document that has no browsing context,
 * and item HTML is only ever parsed into `<template>` contents of another such document: feed
 * markup never reaches the live page, nothing in it loads or runs. HTML fields (`summary`) come
 * back raw; src/core/read.ts sanitizes them with DOMPurify afterwards.
 *
 * The readers themselves live in `rss.ts`, `atom.ts` and `json-feed.ts` (with what they share
 * in `feed-xml.ts` and `story-parts.ts`), so a page whose feed is RSS downloads no Atom or JSON
 * Feed code; this module is the one entry point that reads any of them.
 */
import type { ReadResult, Story } from '../models.js';
import { toIsoDate } from '../time/loose-date.js';
import { readAtomDocument } from './atom.js';
import { isJsonText, notAFeed, parseFeedXml, parseXml, xmlKind } from './feed-xml.js';
import { readJsonFeed } from './json-feed.js';
import { readRssDocument } from './rss.js';
import type { FeedReadOptions } from './story-parts.js';
import { fixHtmlEntities } from './xml-entities.js';

export { readAtom } from './atom.js';
export { parseRfc822 } from './feed-xml.js';
export { readJsonFeed } from './json-feed.js';
export type { FeedReadOptions } from './story-parts.js';

/** Reads an RSS 2.0 / 0.9x / RSS 1.0 (RDF) feed. */
export function readRss(text: string, opts?: FeedReadOptions): ReadResult<Story> {
  return readRssDocument(parseFeedXml(text, 'rss', fixHtmlEntities), opts, toIsoDate);
}

/** Reads any of the above, choosing by content (root element, or JSON Feed `version`). */
export function readFeed(text: unknown, opts?: FeedReadOptions): ReadResult<Story> {
  if (typeof text !== 'string' || isJsonText(text)) return readJsonFeed(text, opts);
  const doc = parseXml(text, 'feed', fixHtmlEntities);
  switch (xmlKind(doc)) {
    case 'rss':
      return readRssDocument(doc, opts, toIsoDate);
    case 'atom':
      return readAtomDocument(doc, opts);
    default:
      throw notAFeed(doc);
  }
}
