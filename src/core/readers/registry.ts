/**
 * Every format `read()` knows, one line each. The order breaks ties when two formats are equally
 * sure of a body (see `certainty`), and is the order of the `format` attribute's values.
 * To add a format: one file in `formats/` with its {@link defineReader} call, and one line here.
 */
import { atomFormat } from './formats/atom.js';
import { csvFormat } from './formats/csv.js';
import { hsdsFormat } from './formats/hsds.js';
import { icsFormat } from './formats/ics.js';
import { jsonFormat } from './formats/json.js';
import { jsonFeedFormat } from './formats/jsonfeed.js';
import { jsonLdFormat } from './formats/jsonld.js';
import { rssFormat } from './formats/rss.js';
import { tribeFormat } from './formats/tribe.js';
import { wordPressFormat } from './formats/wordpress.js';
import type { Reader } from './reader-definition.js';

export const readers = [
  jsonFormat,
  csvFormat,
  hsdsFormat,
  icsFormat,
  rssFormat,
  atomFormat,
  jsonFeedFormat,
  wordPressFormat,
  tribeFormat,
  jsonLdFormat,
] as const;

/** A format with a reader: the `format` attribute's values except `auto`. */
export type ConcreteFormat = (typeof readers)[number]['name'];

/** The registered reader of a format (`undefined` for a name no reader has). */
export function readerOf(format: string): Reader<ConcreteFormat> | undefined {
  return readers.find((reader) => reader.name === format);
}
