/**
 * Open Referral HSDS 3.0 reader: the API's paginated lists (`/services`, `/service_at_locations`,
 * `/organizations`) and single objects (`/services/{id}`, `/organizations/{id}`) into
 * {@link Service} models. Pure, synchronous and total: a document that is not HSDS throws
 * `DandelionError('format')`, a bad record is skipped and counted.
 *
 * The values it shares with the JSON-LD reader (addresses, coordinates, clock times, weekdays,
 * opening hours) are read in `directory-values.ts`.
 */
import { DandelionError } from '../errors.js';
import { asNumber, asString, stableId, toIsoDate } from '../fields.js';
import type { Category, Location, OpeningHours, Phone, ReadResult, Service } from '../models.js';
import { textToHtml } from '../safe-url.js';
import { fromSource } from './source-records.js';
import {
  asEmail,
  capText,
  dayOfWeek,
  isObj,
  joinAddress,
  list,
  MAX_DESCRIPTION,
  parseClockTime,
  readCoordinates,
  Tally,
  tidyHours,
  webUrl,
  type Day,
} from './directory-values.js';

type Obj = Record<string, unknown>;

export interface HsdsOptions {
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// Shape detection

/** Keys only a service carries (an organization or a location has none of them). */
const serviceKeys = [
  'status',
  'organization',
  'organization_id',
  'service_at_locations',
  'eligibility_description',
  'fees_description',
  'service_areas',
  'cost_options',
  'program',
  'program_id',
  'minimum_age',
  'maximum_age',
  'application_process',
  'interpretation_services',
  'schedules',
  'languages',
  'attributes',
];
const organizationKeys = [
  'services',
  'website',
  'legal_status',
  'year_incorporated',
  'tax_status',
  'tax_id',
  'organization_identifiers',
  'parent_organization_id',
  'programs',
  'logo',
];

type RecordKind = 'service' | 'organization' | 'service_at_location';

function hasAny(o: Obj, keys: string[]): boolean {
  for (const key of keys) if (key in o) return true;
  return false;
}

function recordKind(o: Obj): RecordKind {
  if (isObj(o.service)) return 'service_at_location';
  if (Array.isArray(o.services)) return 'organization';
  if (hasAny(o, serviceKeys)) return 'service';
  return hasAny(o, organizationKeys) ? 'organization' : 'service';
}

/** Whether a record shows HSDS markers at all (used for bare arrays and single objects). */
function looksHsds(o: Obj): boolean {
  if (isObj(o.service) || Array.isArray(o.services)) return true;
  return ('name' in o || 'id' in o) && (hasAny(o, serviceKeys) || hasAny(o, organizationKeys));
}

function parseDocument(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('{') && !text.startsWith('[')) {
    throw new DandelionError('format', 'HSDS expects a JSON document; this text is not JSON');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DandelionError(
      'parse',
      `HSDS JSON could not be parsed: ${String(error)}`,
      undefined,
      {
        cause: error,
      },
    );
  }
}

/** The records of a document, or a `format` error when it is not HSDS. */
function recordsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) {
    if (doc.length === 0 || doc.some((r) => isObj(r) && looksHsds(r))) return doc;
    throw new DandelionError(
      'format',
      'array without HSDS services, organizations or service_at_locations',
    );
  }
  if (!isObj(doc))
    throw new DandelionError('format', `HSDS expects an object or array, got ${typeof doc}`);
  if (Array.isArray(doc.contents)) return doc.contents;
  if (looksHsds(doc)) return [doc];
  throw new DandelionError(
    'format',
    'not an HSDS document (no contents list, no service or organization)',
  );
}

/**
 * The page position of a paginated HSDS list (`page_number` is 1-based), so the loader can fetch
 * `?page=2…totalPages`. `undefined` for single objects and documents without paging fields.
 */
export function hsdsPagination(doc: unknown): { page: number; totalPages: number } | undefined {
  if (!isObj(doc) || !Array.isArray(doc.contents)) return undefined;
  const totalPages = asNumber(doc.total_pages);
  if (totalPages === undefined || !Number.isInteger(totalPages) || totalPages < 0) return undefined;
  const page = asNumber(doc.page_number) ?? 1;
  if (!Number.isInteger(page) || page < 0) return undefined;
  return { page, totalPages };
}

// ---------------------------------------------------------------------------------------------
// Field readers

function nameOf(value: unknown): string | undefined {
  return isObj(value) ? asString(value.name) : undefined;
}

/** Phone numbers sometimes arrive wrapped in quotes (the published example does this). */
const quotePattern = /^["'\u201c\u201d]+|["'\u201c\u201d]+$/g;
const quoteStart = /^["'\u201c\u201d]/;

function hasNumber(phones: Phone[], number: string): boolean {
  for (const p of phones) if (p.number === number) return true;
  return false;
}

function readPhones(values: unknown, into: Phone[]): void {
  for (const p of list(values)) {
    if (!isObj(p)) continue;
    let number = asString(p.number);
    if (number && quoteStart.test(number)) number = number.replace(quotePattern, '').trim();
    if (!number || hasNumber(into, number)) continue;
    const phone: Phone = { number };
    let label = asString(p.description) ?? asString(p.type);
    const extension = asString(p.extension);
    if (extension) label = label ? `${label} (ext. ${extension})` : `ext. ${extension}`;
    if (label) phone.label = label;
    into.push(phone);
  }
}

const bydayPattern = /^([+-]?\d+)?([a-z]{2})$/i;

interface ScheduleOutcome {
  hours: OpeningHours[];
  texts: string[];
}

/** BYDAY lists seen (few distinct ones in a directory), up to a bound. */
const bydayMemo = new Map<string, Day[] | null>();
const bydayMemoLimit = 2000;

/** Days of an RRULE BYDAY list without ordinals (`MO,TU`); `undefined` for `2MO` or junk. */
function bydayDays(byday: string): Day[] | undefined {
  let days = bydayMemo.get(byday);
  if (days === undefined) {
    days = [];
    for (const token of byday.split(',')) {
      const m = bydayPattern.exec(token.trim());
      const day = m && !m[1] ? dayOfWeek(m[2]) : undefined;
      if (!day) {
        days = null;
        break;
      }
      days.push(day);
    }
    if (bydayMemo.size >= bydayMemoLimit) bydayMemo.clear();
    bydayMemo.set(byday, days);
  }
  return days ?? undefined;
}

/** Days of a weekly HSDS schedule, or `undefined` when it is not a plain weekly pattern. */
function scheduleDays(s: Obj): Day[] | undefined {
  const freq = asString(s.freq)?.toUpperCase();
  const interval = asNumber(s.interval);
  if (interval !== undefined && interval !== 1) return undefined;
  if (freq && freq !== 'WEEKLY' && freq !== 'DAILY') return undefined;
  const byday = asString(s.byday);
  if (byday) return bydayDays(byday);
  const weekday = s.weekday ?? s.day_of_week;
  if (weekday !== undefined && weekday !== null && weekday !== '') {
    const day = dayOfWeek(weekday);
    return day ? [day] : undefined;
  }
  if (freq === 'DAILY') return [1, 2, 3, 4, 5, 6, 7];
  // Some producers put the weekday in `wkst` (week start) when a schedule covers one day.
  const wkst = dayOfWeek(s.wkst);
  return wkst ? [wkst] : undefined;
}

/** A short text for a schedule that has no description and no weekly structure. */
function scheduleSummary(s: Obj): string | undefined {
  const opens = parseClockTime(s.opens_at);
  const closes = parseClockTime(s.closes_at);
  const interval = asNumber(s.interval);
  const parts = [
    asString(s.freq)?.toUpperCase(),
    interval !== undefined && interval !== 1 ? `INTERVAL=${interval}` : undefined,
    asString(s.byday),
    asString(s.bymonthday),
    opens && closes ? `${opens}–${closes}` : opens,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function readSchedules(values: unknown, out: ScheduleOutcome): void {
  for (const s of list(values)) {
    if (!isObj(s)) continue;
    const opens = parseClockTime(s.opens_at);
    const closes = parseClockTime(s.closes_at);
    const days = opens && closes ? scheduleDays(s) : undefined;
    if (days && opens && closes) {
      for (const day of days) out.hours.push({ day, opens, closes });
      continue;
    }
    const text = asString(s.description) ?? asString(s.notes) ?? scheduleSummary(s);
    if (text && !out.texts.includes(text)) out.texts.push(text);
  }
}

/** The physical address, else any non-virtual one, else the first. */
function pickAddress(location: Obj): Obj | undefined {
  let fallback: Obj | undefined;
  let first: Obj | undefined;
  for (const a of list(location.addresses ?? location.physical_address ?? location.address)) {
    if (!isObj(a)) continue;
    const type = asString(a.address_type)?.toLowerCase();
    if (type === 'physical') return a;
    first ??= a;
    if (type !== 'virtual') fallback ??= a;
  }
  return fallback ?? first;
}

function readLocation(value: unknown, tally: Tally, label: string): Location | undefined {
  if (!isObj(value)) return undefined;
  if (asString(value.location_type)?.toLowerCase() === 'virtual') return undefined;
  const location: Location = {};
  const name = asString(value.name) ?? asString(value.alternate_name);
  if (name) location.name = name;
  const a = pickAddress(value);
  if (a) {
    const address = joinAddress({
      street: asString(a.address_1),
      street2: asString(a.address_2),
      city: asString(a.city),
      region: asString(a.region),
      province: asString(a.state_province),
      postalCode: asString(a.postal_code),
      country: asString(a.country),
    });
    if (address) location.address = address;
  }
  const placed = readCoordinates(value.latitude, value.longitude, location, tally, label);
  return location.name || location.address || placed ? location : undefined;
}

function readCategories(values: unknown): Category[] {
  const out: Category[] = [];
  for (const attribute of list(values)) {
    if (!isObj(attribute)) continue;
    const term = isObj(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
    if (!term) continue;
    const name = asString(term.name) ?? asString(term.code);
    if (!name) continue;
    const id = asString(term.id) ?? asString(term.code) ?? stableId(name);
    if (out.some((c) => c.id === id)) continue;
    const category: Category = { id, name };
    const parent = asString(term.parent_id);
    if (parent) category.parent = parent;
    out.push(category);
  }
  return out;
}

const languageKeys = ['name', 'code'];
const areaKeys = ['name', 'description'];

function readTexts(values: unknown, keys: string[]): string[] {
  const out: string[] = [];
  for (const v of list(values)) {
    let text: string | undefined;
    if (isObj(v)) {
      for (const key of keys) {
        text = asString(v[key]);
        if (text) break;
      }
    } else {
      text = asString(v);
    }
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

// "0 元" not preceded by a digit or point ("10 元", "1.0 元" are not free). No lookbehind: Safari
// before 16.4 cannot even parse the module that holds one.
const freePattern =
  /\bfree\b|免费|免費|不收费|不收費|无需付费|無需付費|(?:^|[^\d.])0(?:\.0+)?\s*元/i;
const notFreePattern = /not free|non-free|非免费|非免費|不免费|不免費/i;

function saysFree(text: string | undefined): boolean {
  return !!text && freePattern.test(text) && !notFreePattern.test(text);
}

/**
 * `fees_description` as written; without it, the cost options as lines ("其他长者: 20 CNY 每日");
 * else the deprecated `fees`. Free when a cost option is 0 or the text says so.
 */
function readFees(raw: Obj, service: Service): void {
  const described = asString(raw.fees_description);
  let free = saysFree(described);
  let lines: string | undefined;
  for (const c of list(raw.cost_options)) {
    if (!isObj(c)) continue;
    const amount = asNumber(c.amount);
    const option = asString(c.option);
    if (amount === 0 || saysFree(option)) free = true;
    if (described) continue;
    let line = amount === undefined ? '' : String(amount);
    const currency = asString(c.currency);
    if (line && currency) line += ` ${currency.toUpperCase()}`;
    const note = asString(c.amount_description);
    if (note) line = line ? `${line} ${note}` : note;
    if (option) line = line ? `${option}: ${line}` : option;
    if (line) lines = lines ? `${lines}; ${line}` : line;
  }
  const fees = described ?? lines ?? asString(raw.fees);
  if (fees) service.fees = fees;
  if (!described && !lines && saysFree(fees)) free = true;
  if (free) service.free = true;
}

const isoPattern =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * {@link toIsoDate} with a fast path for the canonical form HSDS servers send
 * (`2026-03-15T10:30:45.123Z`): the same result (fraction dropped) without its general parsing,
 * which shows on 10,000 records.
 */
function isoDate(value: unknown): string | undefined {
  if (typeof value === 'string' && isoPattern.test(value)) {
    if (value.charCodeAt(19) !== 46 /* . */) return value;
    let zone = 20;
    while (zone < value.length && value.charCodeAt(zone) >= 48 && value.charCodeAt(zone) <= 57)
      zone++;
    return value.slice(0, 19) + value.slice(zone);
  }
  return toIsoDate(value);
}

// ---------------------------------------------------------------------------------------------
// Records

interface Parent {
  /** Organization the record was nested in (for `/organizations`). */
  organization?: Obj;
  /** A service_at_location wrapper whose location and schedules belong to the service. */
  site?: Obj;
}

const noParent: Parent = {};

function statusSkip(status: string | undefined): boolean {
  return status === 'inactive' || status === 'defunct';
}

function buildService(
  raw: Obj,
  parent: Parent,
  opts: HsdsOptions,
  tally: Tally,
  index: number,
): Service | undefined {
  const name = asString(raw.name);
  const givenId = asString(raw.id);
  const label = givenId ? `service "${givenId}"` : `record ${index + 1}`;
  if (!name) {
    tally.skip(`${label}: no name`);
    return undefined;
  }
  const status = asString(raw.status)?.toLowerCase();
  if (statusSkip(status)) {
    tally.skip(`${label}: status "${status}"`);
    return undefined;
  }
  const organization = isObj(raw.organization) ? raw.organization : parent.organization;
  const orgName = nameOf(organization);

  const sites: Obj[] = [];
  if (parent.site) sites.push(parent.site);
  for (const s of list(raw.service_at_locations)) if (isObj(s)) sites.push(s);

  const locations: Location[] = [];
  const locationIds: string[] = [];
  for (const site of sites) {
    const source = site.location;
    const key = isObj(source) ? asString(source.id) : undefined;
    if (key && locationIds.includes(key)) continue;
    const location = readLocation(source, tally, label);
    if (!location) continue;
    if (key) locationIds.push(key);
    locations.push(location);
  }

  const id =
    givenId ??
    stableId(`${name}|${orgName ?? ''}|${locations[0]?.address ?? locations[0]?.name ?? ''}`);

  const service: Service = {
    id,
    name,
    categories: readCategories(raw.attributes),
    languages: readTexts(raw.languages, languageKeys),
    phones: [],
    locations,
    schedules: [],
    areas: readTexts(raw.service_areas, areaKeys),
  };

  const description = asString(raw.description);
  if (description) {
    if (description.length > MAX_DESCRIPTION)
      tally.warn(`${label}: description cut to ${MAX_DESCRIPTION} characters`);
    service.description = textToHtml(capText(description, MAX_DESCRIPTION));
  }
  if (orgName) service.organization = orgName;

  const eligibility = asString(raw.eligibility_description);
  if (eligibility) service.eligibility = eligibility;
  const ageMin = asNumber(raw.minimum_age);
  const ageMax = asNumber(raw.maximum_age);
  if (ageMin !== undefined && ageMin >= 0 && ageMin <= 150) service.ageMin = ageMin;
  if (ageMax !== undefined && ageMax >= 0 && ageMax <= 150) service.ageMax = ageMax;

  readFees(raw, service);

  // Contact channels: the service's own first, then the site's, then the organization's.
  readPhones(raw.phones, service.phones);
  if (!service.phones.length) {
    for (const site of sites) {
      readPhones(site.phones, service.phones);
      if (isObj(site.location)) readPhones(site.location.phones, service.phones);
    }
  }
  if (!service.phones.length && organization) readPhones(organization.phones, service.phones);
  const email = asEmail(raw.email) ?? (organization ? asEmail(organization.email) : undefined);
  if (email) service.email = email;
  const url = webUrl(raw.url, opts.baseUrl);
  if (url) service.url = url;

  // Hours: the service's own schedules; else those of its sites and their locations.
  const outcome: ScheduleOutcome = { hours: [], texts: [] };
  readSchedules(raw.schedules, outcome);
  if (!outcome.hours.length && !outcome.texts.length) {
    for (const site of sites) {
      readSchedules(site.schedules, outcome);
      if (isObj(site.location)) readSchedules(site.location.schedules, outcome);
    }
  }
  service.schedules = tidyHours(outcome.hours);
  if (outcome.texts.length) service.scheduleText = outcome.texts.join('\n');

  const updated = isoDate(raw.last_modified) ?? isoDate(raw.assured_date);
  if (updated) service.updated = updated;

  // Lists built by push() keep spare capacity; exact-size copies keep 10,000 services' worth of
  // unused slots out of what the garbage collector has to move.
  service.categories = exact(service.categories);
  service.languages = exact(service.languages);
  service.phones = exact(service.phones);
  service.locations = exact(service.locations);
  service.schedules = exact(service.schedules);
  service.areas = exact(service.areas);
  return service;
}

function exact<T>(items: T[]): T[] {
  return items.length ? items.slice() : [];
}

/**
 * Reads an HSDS 3.0 API response (a paginated list of services, service_at_locations or
 * organizations, or a single service / organization / service_at_location) into services.
 * Services with status `inactive` or `defunct`, without a name, or repeating an earlier id are
 * skipped and counted; a service listed at several locations (`/service_at_locations`) becomes
 * one service with all its locations.
 */
export function readHsds(doc: unknown, opts: HsdsOptions = {}): ReadResult<Service> {
  const records = recordsOf(parseDocument(doc));
  const tally = new Tally();
  const items: Service[] = [];
  const byId = new Map<string, Service>();
  let index = 0;

  const add = (raw: unknown, parent: Parent) => {
    const position = index++;
    if (!isObj(raw)) {
      tally.skip(`record ${position + 1}: not an object`);
      return;
    }
    const givenId = asString(raw.id);
    if (givenId && !parent.site && byId.has(givenId) && asString(raw.name)) {
      tally.skip(`service "${givenId}": duplicate id (kept the first)`);
      return;
    }
    const service = buildService(raw, parent, opts, tally, position);
    if (!service) return;
    const earlier = byId.get(service.id);
    if (!earlier) {
      byId.set(service.id, service);
      items.push(fromSource(service, raw));
      return;
    }
    if (parent.site) {
      // The same service at another location: one service, several locations.
      for (const location of service.locations) {
        const known = earlier.locations.some(
          (l) =>
            l.name === location.name && l.address === location.address && l.lat === location.lat,
        );
        if (!known) earlier.locations.push(location);
      }
      return;
    }
    tally.skip(`service "${service.id}": duplicate id (kept the first)`);
  };

  for (const record of records) {
    if (!isObj(record)) {
      add(record, noParent);
      continue;
    }
    switch (recordKind(record)) {
      case 'service_at_location':
        add(record.service, { site: record });
        break;
      case 'organization':
        for (const service of list(record.services)) add(service, { organization: record });
        break;
      case 'service':
        add(record, noParent);
        break;
    }
  }
  return { items, skipped: tally.skipped, warnings: tally.warnings };
}
