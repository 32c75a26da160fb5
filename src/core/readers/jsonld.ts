/**
 * schema.org JSON-LD reader: a JSON-LD document (single node, array, `@graph`, nested
 * `@context`s with prefixes/aliases) or an HTML page with `<script type="application/ld+json">`
 * blocks (parsed with DOMParser, never executed) into events, services or stories.
 *
 * Only nodes of the wanted kind count: other types (WebPage, Organization, BreadcrumbList …) are
 * ignored, not skipped. A JSON-LD document without any node of the kind gives an empty result;
 * a document that is not JSON-LD throws `DandelionError('format')`.
 */
import { DandelionError } from '../errors.js';
import { asStringList } from '../field-lists.js';
import { asNumber, asString, isDateOnly, stableId, toIsoDate } from '../fields.js';
import type {
  CalendarEvent,
  Category,
  Location,
  ModelByKind,
  ModelKind,
  OpeningHours,
  Phone,
  ReadResult,
  Service,
  Story,
  StoryImage,
} from '../models.js';
import { safeImageUrl, textToHtml } from '../safe-url.js';
import { parseInert } from '../inert-html.js';
import { htmlToText } from '../sanitize.js';
import {
  MAX_DESCRIPTION,
  Tally,
  asEmail,
  capText,
  dayOfWeek,
  isObj,
  joinAddress,
  list,
  parseClockTime,
  readCoordinates,
  tidyHours,
  webUrl,
} from './directory-values.js';

type Obj = Record<string, unknown>;

export interface JsonLdOptions {
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
}

// prettier-ignore
const eventTypes = new Set([
  'Event', 'BusinessEvent', 'ChildrensEvent', 'ComedyEvent', 'CourseInstance', 'DanceEvent',
  'DeliveryEvent', 'EducationEvent', 'EventSeries', 'ExhibitionEvent', 'Festival', 'FoodEvent',
  'Hackathon', 'LiteraryEvent', 'MusicEvent', 'PublicationEvent', 'BroadcastEvent', 'OnDemandEvent',
  'SaleEvent', 'ScreeningEvent', 'SocialEvent', 'SportsEvent', 'TheaterEvent', 'VisualArtsEvent',
]);
// prettier-ignore
const serviceTypes = new Set([
  'Service', 'GovernmentService', 'FoodService', 'FinancialProduct', 'BroadcastService',
  'CableOrSatelliteService', 'TaxiService', 'WebAPI',
]);
// Not every CreativeWork: a page's WebPage/WebSite/ImageObject nodes are not stories.
// prettier-ignore
const storyTypes = new Set([
  'CreativeWork', 'Article', 'NewsArticle', 'AnalysisNewsArticle', 'AskPublicNewsArticle',
  'BackgroundNewsArticle', 'OpinionNewsArticle', 'ReportageNewsArticle', 'ReviewNewsArticle',
  'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting', 'Report',
  'ScholarlyArticle', 'MedicalScholarlyArticle', 'TechArticle', 'SatiricalArticle',
  'AdvertiserContentArticle',
]);
const wantedTypes: Record<ModelKind, Set<string>> = {
  event: eventTypes,
  service: serviceTypes,
  story: storyTypes,
};

/** Properties through which nodes of interest are reached besides the top level and `@graph`. */
// prettier-ignore
const containerKeys = [
  'itemListElement', 'item', 'blogPost', 'blogPosts', 'mainEntity', 'subEvent', 'subEvents',
  'event', 'events', 'hasOfferCatalog', 'itemOffered', 'makesOffer', 'hasPart',
];

const MAX_DEPTH = 100;

// ---------------------------------------------------------------------------------------------
// Input: JSON text, parsed JSON, or an HTML page

const ldTypePattern = /^application\/ld\+json\s*(;.*)?$/i;
const wrapperPattern =
  /^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/g;

function hasLdKeys(value: unknown): boolean {
  if (Array.isArray(value))
    return value.some((v) => isObj(v) && ('@context' in v || '@graph' in v || '@type' in v));
  return isObj(value) && ('@context' in value || '@graph' in value || '@type' in value);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DandelionError('parse', `${what} could not be parsed: ${String(error)}`, undefined, {
      cause: error,
    });
  }
}

/** Top-level JSON-LD values of the input; throws `format` / `parse` for unusable documents. */
function rootsOf(input: unknown, tally: Tally): unknown[] {
  if (typeof input !== 'string') {
    if (!hasLdKeys(input))
      throw new DandelionError('format', 'not JSON-LD (no @context, @graph or @type)');
    return [input];
  }
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    const doc = parseJson(text, 'JSON-LD');
    if (!hasLdKeys(doc))
      throw new DandelionError('format', 'not JSON-LD (no @context, @graph or @type)');
    return [doc];
  }
  if (!text.startsWith('<')) throw new DandelionError('format', 'neither JSON-LD nor an HTML page');
  // DOMParser never runs scripts: the blocks are only read as text.
  const page = parseInert(text, 'text/html');
  const blocks = [...page.querySelectorAll('script')].filter((s) =>
    ldTypePattern.test(s.type.trim()),
  );
  if (!blocks.length)
    throw new DandelionError('format', 'HTML page without <script type="application/ld+json">');
  const roots: unknown[] = [];
  let failure: DandelionError | undefined;
  for (const [i, block] of blocks.entries()) {
    const source = (block.textContent ?? '').replace(wrapperPattern, '').trim();
    if (!source) continue;
    try {
      const doc = parseJson(source, `JSON-LD block ${i + 1}`);
      if (hasLdKeys(doc)) roots.push(doc);
    } catch (error) {
      failure ??= error as DandelionError;
      tally.warn(`JSON-LD block ${i + 1} could not be parsed`);
    }
  }
  if (!roots.length && failure) throw failure;
  return roots;
}

// ---------------------------------------------------------------------------------------------
// Normalization: schema.org IRIs and prefixes to bare terms, value objects unwrapped

interface Context {
  /** Prefixes bound to schema.org (`schema:` always). */
  prefixes: Set<string>;
  /** Term aliases: `"titel": "schema:name"`, `"type": "@type"`. */
  aliases: Map<string, string>;
}

const schemaIriPattern = /^https?:\/\/schema\.org\/?$/i;
const schemaTermPattern = /^https?:\/\/schema\.org\/(.+)$/i;

function schemaTerm(key: string, ctx: Context): string | undefined {
  const m = schemaTermPattern.exec(key);
  if (m) return m[1];
  const colon = key.indexOf(':');
  if (colon > 0 && ctx.prefixes.has(key.slice(0, colon))) return key.slice(colon + 1);
  return undefined;
}

function extendContext(ctx: Context, context: unknown): Context {
  const next: Context = { prefixes: new Set(ctx.prefixes), aliases: new Map(ctx.aliases) };
  for (const c of list(context)) {
    if (!isObj(c)) continue;
    // Prefixes first, so `"name": "s:name"` resolves whatever the key order.
    for (const [key, value] of Object.entries(c)) {
      if (typeof value === 'string' && schemaIriPattern.test(value)) next.prefixes.add(key);
    }
    for (const [key, value] of Object.entries(c)) {
      if (key.startsWith('@')) continue;
      const target = typeof value === 'string' ? value : isObj(value) ? value['@id'] : undefined;
      if (typeof target !== 'string' || schemaIriPattern.test(target)) continue;
      const term = target.startsWith('@') ? target : schemaTerm(target, next);
      if (term && term !== key) next.aliases.set(key, term);
    }
  }
  return next;
}

class Normalizer {
  private readonly cache = new WeakMap<object, unknown>();

  run(value: unknown, ctx: Context, depth = 0): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return undefined;
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      this.cache.set(value, out);
      for (const v of value) out.push(this.run(v, ctx, depth + 1));
      return out;
    }
    const o = value as Obj;
    if ('@value' in o) return o['@value'];
    if ('@list' in o) return this.run(o['@list'], ctx, depth + 1);
    if ('@set' in o) return this.run(o['@set'], ctx, depth + 1);
    const here = '@context' in o ? extendContext(ctx, o['@context']) : ctx;
    const out: Obj = {};
    this.cache.set(value, out);
    for (const [rawKey, v] of Object.entries(o)) {
      if (rawKey === '@context') continue;
      const key = here.aliases.get(rawKey) ?? schemaTerm(rawKey, here) ?? rawKey;
      if (key in out) continue;
      out[key] =
        key === '@type'
          ? list(v).map((t) => (typeof t === 'string' ? (schemaTerm(t, here) ?? t) : t))
          : this.run(v, here, depth + 1);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Graph: node ids and the nodes of the wanted kind

function typesOf(node: Obj): string[] {
  return list(node['@type']).filter((t): t is string => typeof t === 'string');
}

/** `@id` including blank nodes (`_:b0`), for resolving references inside the document. */
function refId(node: Obj): string | undefined {
  return asString(node['@id']);
}

/** `@id` fit to be a model id (blank node ids are only meaningful inside one document). */
function nodeId(node: Obj): string | undefined {
  const id = asString(node['@id']);
  return id && !id.startsWith('_:') ? id : undefined;
}

/**
 * One step of a walk over a JSON value: the object `value` is, the first time the walk (its
 * `seen` set) reaches it within MAX_DEPTH; otherwise undefined. An array is not a node: the walk
 * goes on into its entries, one level deeper, through `walk`.
 */
function enter(
  value: unknown,
  depth: number,
  seen: WeakSet<object>,
  walk: (value: unknown, depth: number) => void,
): Obj | undefined {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value))
    return undefined;
  seen.add(value);
  if (!Array.isArray(value)) return value as Obj;
  for (const v of value) walk(v, depth + 1);
  return undefined;
}

class Graph {
  readonly byId = new Map<string, Obj>();
  readonly candidates: Obj[] = [];
  private readonly seen = new WeakSet<object>();
  private readonly visited = new WeakSet<object>();
  private readonly candidateIds = new Set<string>();

  constructor(
    roots: unknown[],
    private readonly wanted: Set<string>,
  ) {
    for (const root of roots) this.register(root, 0);
    for (const root of roots) this.collect(root, 0);
  }

  /** Remembers every described node by `@id`, merging repeated descriptions of one node. */
  private register(value: unknown, depth: number): void {
    const node = enter(value, depth, this.seen, (v, d) => this.register(v, d));
    if (!node) return;
    const id = refId(node);
    if (id && Object.keys(node).length > 1) {
      const known = this.byId.get(id);
      if (!known) this.byId.set(id, node);
      else for (const [k, v] of Object.entries(node)) if (!(k in known)) known[k] = v;
    }
    for (const v of Object.values(node)) this.register(v, depth + 1);
  }

  private collect(value: unknown, depth: number): void {
    const found = enter(value, depth, this.visited, (v, d) => this.collect(v, d));
    if (!found) return;
    const node = this.deref(found);
    if (typesOf(node).some((t) => this.wanted.has(t))) {
      const id = refId(node);
      if (!id || !this.candidateIds.has(id)) {
        if (id) this.candidateIds.add(id);
        this.candidates.push(node);
      }
    }
    if ('@graph' in node) this.collect(node['@graph'], depth + 1);
    for (const key of containerKeys) if (key in node) this.collect(node[key], depth + 1);
  }

  /** The full node for a reference (`{"@id": …}`), else the value itself. */
  deref(value: unknown): Obj {
    if (!isObj(value)) return {};
    const id = refId(value);
    return (id && this.byId.get(id)) || value;
  }

  /** The nodes (dereferenced) and strings a property holds. */
  values(value: unknown): (Obj | string)[] {
    const out: (Obj | string)[] = [];
    for (const v of list(value)) {
      if (typeof v === 'string' || typeof v === 'number') {
        const s = asString(v);
        if (s) out.push(s);
      } else if (isObj(v)) out.push(this.deref(v));
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Field readers

const entityPattern = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** First text of a property; HTML entities (common in CMS output) decoded. */
function text(value: unknown): string | undefined {
  for (const v of list(value)) {
    const s = asString(v);
    if (s) return entityPattern.test(s) ? htmlToText(s) || undefined : s;
  }
  return undefined;
}

function names(graph: Graph, value: unknown): string | undefined {
  const out: string[] = [];
  for (const v of graph.values(value)) {
    const name = typeof v === 'string' ? v : text(v.name);
    if (name && !out.includes(name)) out.push(name);
  }
  return out.length ? out.join(', ') : undefined;
}

/** Text of an enumeration value (`"EventCancelled"`, a schema.org IRI, or `{"@id": …}`). */
function enumText(value: unknown): string {
  const v = list(value)[0];
  return (isObj(v) ? asString(v['@id']) : asString(v)) ?? '';
}

function html(value: string | undefined, tally: Tally, label: string): string | undefined {
  if (!value) return undefined;
  if (value.length > MAX_DESCRIPTION)
    tally.warn(`${label}: description cut to ${MAX_DESCRIPTION} characters`);
  return textToHtml(capText(value, MAX_DESCRIPTION));
}

function urlOf(graph: Graph, value: unknown, base?: string): string | undefined {
  for (const v of graph.values(value)) {
    const url = webUrl(typeof v === 'string' ? v : (v.url ?? v['@id']), base);
    if (url) return url;
  }
  return undefined;
}

function readPlace(
  graph: Graph,
  value: unknown,
  tally: Tally,
  label: string,
): Location | undefined {
  for (const v of graph.values(value)) {
    if (typeof v === 'string') {
      // A bare URL is an online location, not a place.
      if (!/^https?:\/\//i.test(v)) return { name: v };
      continue;
    }
    if (typesOf(v).includes('VirtualLocation')) continue;
    const location: Location = {};
    const name = text(v.name);
    if (name) location.name = name;
    for (const a of graph.values(v.address)) {
      const address =
        typeof a === 'string'
          ? a
          : joinAddress({
              street: text(a.streetAddress),
              city: text(a.addressLocality),
              province: text(a.addressRegion),
              postalCode: text(a.postalCode),
              country:
                typeof a.addressCountry === 'string'
                  ? text(a.addressCountry)
                  : names(graph, a.addressCountry),
            });
      if (address) {
        location.address = address;
        break;
      }
    }
    const geo = graph.deref(v.geo);
    const placed = readCoordinates(
      geo.latitude ?? v.latitude,
      geo.longitude ?? v.longitude,
      location,
      tally,
      label,
    );
    if (location.name || location.address || placed) return location;
  }
  return undefined;
}

interface Offers {
  cost?: string;
  url?: string;
  free: boolean;
}

function readOffers(graph: Graph, value: unknown, base?: string): Offers {
  const parts: string[] = [];
  const result: Offers = { free: false };
  for (const o of graph.values(value)) {
    if (typeof o === 'string') {
      if (!parts.includes(o)) parts.push(o);
      continue;
    }
    const spec = graph.deref(list(o.priceSpecification)[0]);
    const currency = text(o.priceCurrency) ?? text(spec.priceCurrency);
    const low = asString(o.lowPrice);
    const high = asString(o.highPrice);
    const price = asString(o.price) ?? asString(spec.price);
    let amount: string | undefined;
    if (price !== undefined) {
      amount = price;
      if (asNumber(price) === 0) result.free = true;
    } else if (low !== undefined) {
      amount = high !== undefined && high !== low ? `${low}–${high}` : low;
      if (asNumber(low) === 0 && (high === undefined || asNumber(high) === 0)) result.free = true;
    }
    if (amount !== undefined) {
      const line = currency ? `${amount} ${currency}` : amount;
      if (!parts.includes(line)) parts.push(line);
    }
    result.url ??= webUrl(o.url, base);
  }
  if (parts.length) result.cost = parts.join(' / ');
  return result;
}

const hoursTextPattern =
  /^([a-z]{2}(?:\s*[-,]\s*[a-z]{2})*)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i;

/** schema.org `openingHours` text (`Mo-Fr 09:00-17:00`), or `undefined` if not in that form. */
function parseHoursText(value: string): OpeningHours[] | undefined {
  const out: OpeningHours[] = [];
  for (const rule of value.split(/\s*[;\n]\s*/).filter(Boolean)) {
    const m = hoursTextPattern.exec(rule.trim());
    const opens = m ? parseClockTime(m[2]) : undefined;
    const closes = m ? parseClockTime(m[3]) : undefined;
    if (!m || !opens || !closes) return undefined;
    for (const part of m[1].split(',')) {
      const [from, to] = part.split('-').map((d) => dayOfWeek(d.trim()));
      if (!from || (part.includes('-') && !to)) return undefined;
      let day = from;
      for (let n = 0; n < 7; n++) {
        out.push({ day, opens, closes });
        if (!to || day === to) break;
        day = ((day % 7) + 1) as OpeningHours['day'];
      }
    }
  }
  return out.length ? out : undefined;
}

interface Hours {
  hours: OpeningHours[];
  texts: string[];
}

function readHours(graph: Graph, specs: unknown, texts: unknown, into: Hours): void {
  for (const s of graph.values(specs)) {
    if (typeof s === 'string') continue;
    const opens = parseClockTime(s.opens);
    const closes = parseClockTime(s.closes);
    // 00:00–00:00 means closed that day.
    if (!opens || !closes || (opens === '00:00' && closes === '00:00')) continue;
    for (const d of list(s.dayOfWeek)) {
      const day = dayOfWeek(isObj(d) ? d['@id'] : d);
      if (day) into.hours.push({ day, opens, closes });
    }
  }
  for (const t of list(texts)) {
    const s = asString(t);
    if (!s) continue;
    const parsed = parseHoursText(s);
    if (parsed) into.hours.push(...parsed);
    else if (!into.texts.includes(s)) into.texts.push(s);
  }
}

function readContact(
  graph: Graph,
  value: unknown,
  label: string | undefined,
  phones: Phone[],
): string | undefined {
  let email: string | undefined;
  for (const c of graph.values(value)) {
    const number = typeof c === 'string' ? c : asString(c.telephone);
    if (number && !phones.some((p) => p.number === number)) {
      const phone: Phone = { number };
      const name = typeof c === 'string' ? label : (text(c.contactType) ?? text(c.name) ?? label);
      if (name) phone.label = name;
      phones.push(phone);
    }
    if (typeof c !== 'string') email ??= asEmail(c.email);
  }
  return email;
}

function readCategories(graph: Graph, ...values: unknown[]): Category[] {
  const out: Category[] = [];
  for (const value of values) {
    for (const v of graph.values(value)) {
      const name =
        typeof v === 'string' ? v : (text(v.name) ?? text(v.codeValue) ?? text(v.termCode));
      if (!name) continue;
      const id =
        typeof v === 'string'
          ? v
          : (asString(v['@id']) ?? text(v.codeValue) ?? text(v.termCode) ?? name);
      if (!out.some((c) => c.id === id)) out.push({ id, name });
    }
  }
  return out;
}

function languagesOf(graph: Graph, value: unknown, into: string[]): void {
  for (const v of graph.values(value)) {
    const name = typeof v === 'string' ? v : (text(v.name) ?? text(v.alternateName));
    if (name && !into.includes(name)) into.push(name);
  }
}

function isTrue(value: unknown): boolean {
  const v = list(value)[0];
  return (
    v === true || (typeof v === 'string' && /^(true|https?:\/\/schema\.org\/True)$/i.test(v.trim()))
  );
}

/** Whether `end` is after `start` (as instants when both parse, else as ISO text). */
function endsAfter(start: string, end: string): boolean {
  const a = Date.parse(start);
  const b = Date.parse(end);
  return Number.isNaN(a) || Number.isNaN(b) ? end > start : b > a;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Models

interface Build {
  graph: Graph;
  tally: Tally;
  base?: string;
  /** The node in skip messages (`node "id"`, or its position). */
  label: string;
}

function labelOf(node: Obj, index: number): string {
  const id = nodeId(node);
  return id ? `node "${id}"` : `node ${index + 1}`;
}

function buildEvent(node: Obj, { graph, tally, base, label }: Build): CalendarEvent | undefined {
  const title = text(node.name);
  if (!title) {
    tally.skip(`${label}: event without name`);
    return undefined;
  }
  const start = toIsoDate(list(node.startDate)[0]);
  if (!start) {
    tally.skip(`${label}: event without a readable startDate`);
    return undefined;
  }
  if (/EventCancelled$/.test(enumText(node.eventStatus))) {
    tally.skip(`${label}: event cancelled`);
    return undefined;
  }
  const allDay = isDateOnly(start);
  const url = webUrl(text(node.url), base);
  const event: CalendarEvent = {
    id: nodeId(node) ?? url ?? stableId(`${title}|${start}`),
    title,
    start,
    allDay,
    categories: asStringList(node.keywords),
  };
  let end = toIsoDate(list(node.endDate)[0]);
  // schema.org's endDate is the last day of an all-day event; the model's end is exclusive.
  if (end && allDay && isDateOnly(end)) end = addDays(end, 1);
  if (end && endsAfter(start, end)) event.end = end;
  const location = readPlace(graph, node.location, tally, label);
  if (location) event.location = location;
  const description = html(text(node.description), tally, label);
  if (description) event.description = description;
  if (url) event.url = url;
  const offers = readOffers(graph, node.offers, base);
  if (offers.url) event.registrationUrl = offers.url;
  if (offers.cost) event.cost = offers.cost;
  else if (isTrue(node.isAccessibleForFree)) event.cost = '0';
  const organizer = names(graph, node.organizer);
  if (organizer) event.organizer = organizer;
  return event;
}

function buildService(node: Obj, { graph, tally, base, label }: Build): Service | undefined {
  const name = text(node.name);
  if (!name) {
    tally.skip(`${label}: service without name`);
    return undefined;
  }
  const provider = graph.deref(list(node.provider)[0]);
  const organization = names(graph, node.provider);
  const url = webUrl(text(node.url), base);
  const service: Service = {
    id: nodeId(node) ?? url ?? stableId(`${name}|${organization ?? ''}`),
    name,
    categories: readCategories(graph, node.serviceType, node.category),
    languages: [],
    phones: [],
    locations: [],
    schedules: [],
    areas: [],
  };
  const description = html(text(node.description), tally, label);
  if (description) service.description = description;
  if (organization) service.organization = organization;

  for (const area of graph.values(node.areaServed ?? node.serviceArea)) {
    const areaName = typeof area === 'string' ? area : (text(area.name) ?? text(area.address));
    if (areaName && !service.areas.includes(areaName)) service.areas.push(areaName);
  }

  const hours: Hours = { hours: [], texts: [] };
  readHours(graph, node.hoursAvailable, node.openingHours, hours);
  let email: string | undefined;
  let channelUrl: string | undefined;
  languagesOf(graph, node.availableLanguage, service.languages);
  for (const channel of graph.values(node.availableChannel)) {
    if (typeof channel === 'string') continue;
    email ??= readContact(graph, channel.servicePhone, undefined, service.phones);
    readContact(graph, channel.serviceSmsNumber, 'SMS', service.phones);
    channelUrl ??= webUrl(text(channel.serviceUrl), base);
    const location = readPlace(graph, channel.serviceLocation, tally, label);
    if (location) service.locations.push(location);
    languagesOf(graph, channel.availableLanguage, service.languages);
    for (const phone of graph.values(channel.servicePhone)) {
      if (typeof phone !== 'string') readHours(graph, phone.hoursAvailable, undefined, hours);
    }
  }
  // The provider's contact details when the service has none of its own.
  if (!service.phones.length)
    email ??= readContact(graph, provider.telephone, undefined, service.phones);
  if (!service.phones.length)
    email ??= readContact(graph, provider.contactPoint, undefined, service.phones);
  email ??= asEmail(node.email) ?? asEmail(provider.email);
  if (email) service.email = email;
  const link = url ?? channelUrl;
  if (link) service.url = link;
  service.schedules = tidyHours(hours.hours);
  if (hours.texts.length) service.scheduleText = hours.texts.join('\n');

  for (const audience of graph.values(node.audience)) {
    if (typeof audience === 'string') {
      service.eligibility ??= audience;
      continue;
    }
    service.eligibility ??= text(audience.audienceType) ?? text(audience.description);
    const min = asNumber(audience.requiredMinAge ?? audience.suggestedMinAge);
    const max = asNumber(audience.requiredMaxAge ?? audience.suggestedMaxAge);
    if (min !== undefined && min >= 0 && min <= 150) service.ageMin ??= min;
    if (max !== undefined && max >= 0 && max <= 150) service.ageMax ??= max;
  }
  if (service.eligibility === undefined) delete service.eligibility;

  const offers = readOffers(graph, node.offers, base);
  if (offers.cost) service.fees = offers.cost;
  if (offers.free || isTrue(node.isAccessibleForFree)) {
    service.free = true;
  }
  const updated = toIsoDate(list(node.dateModified)[0]);
  if (updated) service.updated = updated;
  return service;
}

function readImage(graph: Graph, value: unknown, base?: string): StoryImage | undefined {
  for (const v of graph.values(value)) {
    if (typeof v === 'string') {
      const src = safeImageUrl(v, base);
      if (src) return { src, alt: '' };
      continue;
    }
    const src = safeImageUrl(text(v.url) ?? text(v.contentUrl), base);
    if (!src) continue;
    const image: StoryImage = { src, alt: text(v.caption) ?? text(v.name) ?? '' };
    const width = asNumber(isObj(v.width) ? v.width.value : v.width);
    const height = asNumber(isObj(v.height) ? v.height.value : v.height);
    if (width !== undefined && width > 0) image.width = width;
    if (height !== undefined && height > 0) image.height = height;
    return image;
  }
  return undefined;
}

function buildStory(node: Obj, { graph, tally, base, label }: Build): Story | undefined {
  const headline = text(node.headline) ?? text(node.name);
  const summaryText = text(node.description) ?? text(node.abstract);
  if (!headline && !summaryText) {
    tally.skip(`${label}: story without headline or description`);
    return undefined;
  }
  const title = headline ?? capText(summaryText ?? '', 80);
  const date = toIsoDate(list(node.datePublished ?? node.dateCreated ?? node.dateModified)[0]);
  const url = webUrl(text(node.url), base) ?? urlOf(graph, node.mainEntityOfPage, base);
  const story: Story = {
    id: nodeId(node) ?? url ?? stableId(`${title}|${date ?? ''}`),
    title,
    tags: [],
  };
  const summary = html(summaryText, tally, label);
  if (summary) story.summary = summary;
  const image = readImage(graph, node.image ?? node.thumbnailUrl, base);
  if (image) story.image = image;
  if (url) story.url = url;
  if (date) story.date = date;
  const author = names(graph, node.author ?? node.creator);
  if (author) story.author = author;
  for (const tag of asStringList(node.keywords))
    if (!story.tags.includes(tag)) story.tags.push(tag);
  return story;
}

const builders: {
  [K in ModelKind]: (node: Obj, build: Build) => ModelByKind[K] | undefined;
} = {
  event: buildEvent,
  service: buildService,
  story: buildStory,
};

/**
 * Reads schema.org JSON-LD (JSON text, parsed JSON, or an HTML page with ld+json blocks) into
 * the models of `kind`: `event` from Event and its subtypes, `service` from Service /
 * GovernmentService …, `story` from Article / NewsArticle / BlogPosting / CreativeWork.
 */
export function readJsonLd<K extends ModelKind>(
  input: unknown,
  kind: K,
  opts: JsonLdOptions = {},
): ReadResult<ModelByKind[K]> {
  const tally = new Tally();
  const roots = rootsOf(input, tally);
  const normalizer = new Normalizer();
  const base: Context = { prefixes: new Set(['schema']), aliases: new Map() };
  const graph = new Graph(
    roots.map((r) => normalizer.run(r, base)),
    wantedTypes[kind],
  );
  const build = builders[kind] as (node: Obj, build: Build) => ModelByKind[K] | undefined;
  const items: ModelByKind[K][] = [];
  const ids = new Set<string>();
  graph.candidates.forEach((node, index) => {
    const label = labelOf(node, index);
    const item = build(node, { graph, tally, base: opts.baseUrl, label });
    if (!item) return;
    if (ids.has(item.id)) {
      tally.skip(`${label}: duplicate id "${item.id}" (kept the first)`);
      return;
    }
    ids.add(item.id);
    items.push(item);
  });
  return { items, skipped: tally.skipped, warnings: tally.warnings };
}
