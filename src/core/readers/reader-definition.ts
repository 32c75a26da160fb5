/**
 * The shape of a format: what `format="auto"` looks for, which models it gives, and how its
 * (lazily loaded) reader turns a body into them. In the spirit of FullCalendar's
 * `EventSourceDef`: every format is one {@link defineReader} call in `readers/formats/`, listed
 * once in `readers/registry.ts`; the `format` attribute's values, the sniffing and `read()` are
 * derived from that list.
 */
import type { FieldMap } from '../field-map.js';
import type { ModelKind, ReadResult } from '../models.js';

/** What `format="auto"` knows about a text body. */
export interface SniffHints {
  /** Content-Type without parameters, lower case (`''` when unknown). */
  type: string;
  /** Path of the document's URL (`''` when unknown). */
  path: string;
  /** Start of the text: byte order mark and leading space removed, at most 2,048 characters. */
  head: string;
  /** The whole text, for markers that may sit anywhere (an ld+json block in an HTML page). */
  text: string;
}

/**
 * How sure a sniffer is that a body is its format. The surest format wins; between equally sure
 * ones, the one listed first in the registry. `0`: not this format.
 */
export const certainty = {
  /** The format's own signature in the text, e.g. `BEGIN:VCALENDAR`. */
  signature: 100,
  /** The format's own Content-Type, e.g. `application/rss+xml`. */
  contentType: 90,
  /** A file type or extension of its own, e.g. `text/csv`, `.csv`. */
  fileType: 80,
  /** Markup that shows the format, e.g. a `<feed>` root. */
  markup: 70,
  /** Text that starts like JSON. */
  jsonText: 60,
  /** A generic hint (`application/json`, `.json`). */
  hint: 50,
  /** Only the URL's path suggests it. */
  urlPath: 40,
} as const;

/** The body being read, each view computed once when a reader asks for it. */
export interface ReadSource {
  /** As given: response text, or data given directly (a parsed document or array of records). */
  readonly raw: unknown;
  /** As text (data given directly is stringified: only text formats ask for this). */
  text(): string;
  /** As a parsed JSON document (text is parsed; `parse` / `format` errors for broken JSON). */
  json(): unknown;
}

/** What a reader gets besides the body. */
export interface ReadContext {
  /** The model the widget shows. */
  kind: ModelKind;
  /** The `format` as the page asked for it (`auto` when it was sniffed). */
  requested: string;
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
  /** The `map`, `transform` and `items-path` inputs, for readers that apply them themselves. */
  map?: FieldMap;
  transform?: (record: unknown) => unknown;
  itemsPath?: string;
}

/** Where a JSON format keeps its list of records, so `items-path` and `transform` reach them. */
export interface RecordList {
  /** The records of a parsed document, or `undefined` when it holds no list this reader knows. */
  of(doc: unknown): unknown[] | undefined;
  /** A document of this format holding `records` (and `doc`'s other fields). */
  wrap(records: unknown[], doc: unknown): unknown;
}

/** The inputs that some readers apply themselves (generic JSON and CSV map every field). */
export type SharedInput = 'map' | 'transform' | 'itemsPath';

/** A format as a module declares it. `M` is what `load()` resolves to (the reader's code). */
export interface ReaderDefinition<N extends string, M> {
  /** The value of the `format` attribute. */
  name: N;
  /** The models this format can give. */
  kinds: readonly ModelKind[];
  /** How sure this format is about a text body ({@link certainty}); absent: never sniffed. */
  sniff?(hints: SniffHints): number;
  /** How sure this format is about an already-parsed JSON document (data given directly). */
  sniffJson?(doc: unknown): number;
  /** For JSON formats: where the records are. */
  records?: RecordList;
  /** Shared inputs this reader applies itself; `read()` applies the others around it. */
  handles?: readonly SharedInput[];
  /**
   * Loads the reader's code (a dynamic import, so a page downloads only what its data needs);
   * may load less for some kinds. Called again for the read once a preload started it.
   */
  load(context: Pick<ReadContext, 'kind'>): Promise<M>;
  /** Reads the body with the loaded code. */
  read(
    code: M,
    source: ReadSource,
    context: ReadContext,
  ): ReadResult<unknown> | Promise<ReadResult<unknown>>;
}

/** A registered format: its declaration with `read()` loading the code first. */
export interface Reader<N extends string = string> {
  readonly name: N;
  readonly kinds: readonly ModelKind[];
  readonly records?: RecordList;
  readonly handles: readonly SharedInput[];
  sniff(hints: SniffHints): number;
  sniffJson(doc: unknown): number;
  read(source: ReadSource, context: ReadContext): Promise<ReadResult<unknown>>;
  /** Starts loading the code for `kind` (while the data is still on its way); never rejects. */
  preload(kind: ModelKind): void;
}

/** Declares a format (one per file in `readers/formats/`). */
export function defineReader<N extends string, M>(definition: ReaderDefinition<N, M>): Reader<N> {
  const { name, kinds, records, handles = [], sniff, sniffJson, load, read } = definition;
  return {
    name,
    kinds,
    records,
    handles,
    sniff: (hints) => sniff?.(hints) ?? 0,
    sniffJson: (doc) => sniffJson?.(doc) ?? 0,
    read: async (source, context) => read(await load(context), source, context),
    preload: (kind) => void load({ kind }).catch(() => undefined),
  };
}

/**
 * A reader's code together with the code for the HTML that formats such as RSS, Atom or
 * WordPress carry by nature (plain text of titles, the sanitizer, the inert parser), all asked
 * for at once: side by side, not one round trip under the reader, and in chunks of their own
 * rather than in the loader every JSON list would download.
 */
export function withHtmlCode<M>(code: Promise<M>): Promise<M> {
  return Promise.all([
    code,
    import('./plain-text.js'),
    import('../sanitize.js'),
    import('../inert-html.js'),
  ]).then(([loaded]) => loaded);
}

/**
 * Records kept as a document's `key` list (HSDS `contents`, Tribe `events`, JSON-LD `@graph`):
 * a bare array is the records, an object without that list one record.
 */
export function recordsIn(key: string): RecordList {
  return {
    of: (doc) =>
      Array.isArray(doc) ? doc : isRecord(doc) ? (listAt(doc, key) ?? [doc]) : undefined,
    wrap: (records, doc) =>
      isRecord(doc) && listAt(doc, key) ? { ...doc, [key]: records } : records,
  };
}

function listAt(doc: Record<string, unknown>, key: string): unknown[] | undefined {
  const list = doc[key];
  return Array.isArray(list) ? list : undefined;
}

/** A plain object (not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
