/** A {@link Service} from a loose record (a JSON API record, a spreadsheet row). */
import type { Category, Location, Phone, Service } from '../models.js';
import { asBoolean } from '../field-lists.js';
import { stableId } from '../fields.js';
import { alias, isObject, fieldsOf, keysLater, pick, pickEntry, type Fields } from './keys.js';
import { htmlField, linkOf, listOf, plainText, stringOf } from './values.js';
import { locationOf, makeLocation, placesCode, placesOf } from './where.js';
import type { RecordOptions } from './options.js';
import { lazyPart } from './lazy-part.js';

/**
 * Ages as text, opening hours as days and times, update dates: see `service-details.ts`. Records
 * that have them nearly always have coordinates too: the place reader comes along (one wait
 * while reading instead of two; if it fails, the first record that needs it asks again).
 */
export const serviceDetailsCode = lazyPart(
  'the service details reader',
  () =>
    Promise.all([import('./service-details.js'), placesCode.load().catch(() => undefined)]).then(
      ([code]) => code,
    ),
  true,
);

/**
 * The keys a service's fields go by (model field name first), in English; their Chinese names
 * (Simplified and Traditional spreadsheet headers) come with `service-keys.ts`, loaded with the
 * first record that has a key outside ASCII (`keys.ts`). `service-keys.ts` repeats these English
 * keys in the same order (its lists are complete); `tests/core/service-keys-match.test.ts` holds
 * the two together. Exported for that test.
 */
export const serviceAliases = {
  id: alias('id _id uuid identifier serviceId'),
  name: alias('name title serviceName'),
  organization: alias('organization organisation org organizationName provider agency'),
  description: alias('description desc details summary about'),
  categories: alias('categories category serviceType taxonomy tags'),
  languages: alias('languages language lang'),
  ageMin: alias('ageMin minAge'),
  ageMax: alias('ageMax maxAge'),
  age: alias('age ages ageRange ageGroup'),
  eligibility: alias('eligibility eligible audience targetGroup'),
  fees: alias('fees fee cost price charges'),
  free: alias('free isFree'),
  phones: alias('phones phone telephone tel mobile phoneNumber hotline'),
  email: alias('email mail emailAddress'),
  url: alias('url website web homepage link'),
  locations: alias('locations sites branches'),
  location: alias('location place venue'),
  address: alias('address addr fullAddress'),
  locationName: alias('locationName siteName'),
  areas: alias('areas area serviceArea serviceAreas region coverage'),
  updated: alias('updated updatedAt lastUpdated modified lastModified dateModified'),
  hours: alias('hours schedules openingHours schedule openHours businessHours'),
};

/** Every alias above with its full list of keys, Chinese names included, in rank order. */
export const serviceKeysCode = lazyPart('the Chinese field names', () =>
  import('./service-keys.js').then(useServiceKeys),
);
keysLater(serviceKeysCode);

/** Gives the aliases their full lists of keys (`service-keys.ts`); returns the module. */
export function useServiceKeys<T extends { serviceKeys: Record<ServiceField, string> }>(
  code: T,
): T {
  for (const name of Object.keys(serviceAliases) as ServiceField[])
    alias(code.serviceKeys[name], serviceAliases[name]);
  return code;
}

/** The fields a service's aliases name. */
export type ServiceField = keyof typeof serviceAliases;

const LIST_SPLIT = /\s*[;,、，；|/\n]\s*/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAILTO = /^mailto:/i;
const FREE_WORDS = new Set(['免费', '免費', 'free', '0', '0元', '无', '無', '不收费', '不收費']);

function phonesOf(value: unknown): Phone[] {
  const phones: Phone[] = [];
  const add = (number: string | undefined, label?: string) => {
    if (!number || phones.some((p) => p.number === number)) return;
    phones.push(label ? { number, label } : { number });
  };
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (isObject(item)) {
      const number = stringOf(item.number ?? item.phone ?? item.tel ?? item.value);
      add(number, stringOf(item.label ?? item.type ?? item.description ?? item.name));
    } else {
      const text = stringOf(item);
      if (text) for (const part of text.split(LIST_SPLIT)) add(part.trim() || undefined);
    }
  }
  return phones;
}

function emailOf(value: unknown): string | undefined {
  for (const part of (stringOf(value) ?? '').split(LIST_SPLIT)) {
    const email = part.replace(MAILTO, '').trim();
    if (EMAIL.test(email)) return email;
  }
  return undefined;
}

function categoriesOf(value: unknown): Category[] {
  const categories: Category[] = [];
  const add = (category: Category) => {
    if (!categories.some((c) => c.id === category.id)) categories.push(category);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isObject(item)) {
        const name = plainText(item.name ?? item.title ?? item.label);
        if (!name) continue;
        const category: Category = { id: stringOf(item.id) ?? name, name };
        const parent = stringOf(item.parent ?? item.parent_id ?? item.parentId);
        if (parent) category.parent = parent;
        add(category);
      } else {
        for (const name of listOf(item)) add({ id: name, name });
      }
    }
  } else {
    for (const name of listOf(value)) add({ id: name, name });
  }
  return categories;
}

function serviceLocations(f: Fields, opts: RecordOptions, warn: (m: string) => void): Location[] {
  const list = pick(f, serviceAliases.locations);
  if (Array.isArray(list)) {
    const places = list.some(isObject) ? placesOf(opts, warn) : undefined;
    return list.flatMap((item) => {
      const location =
        isObject(item) && places
          ? places.locationFromObject(item, warn)
          : makeLocation(undefined, plainText(item), {});
      return location ? [location] : [];
    });
  }
  const location = locationOf(
    f,
    serviceAliases.location,
    serviceAliases.address,
    serviceAliases.locationName,
    opts,
    warn,
  );
  return location ? [location] : [];
}

/** A Service from a loose record, or the reason it cannot be one. */
export function recordToService(record: unknown, opts: RecordOptions = {}): Service | string {
  if (!isObject(record)) return 'not an object';
  const warn = opts.warn ?? (() => {});
  const f = fieldsOf(record);
  const nameEntry = pickEntry(f, serviceAliases.name);
  const name = plainText(nameEntry?.value);
  if (!name) return 'missing name';
  // A sheet with only 机构名称 uses it as the name; do not repeat it as the organization.
  const organization = plainText(pickEntry(f, serviceAliases.organization, nameEntry?.key)?.value);
  const phones = phonesOf(pick(f, serviceAliases.phones));
  const locations = serviceLocations(f, opts, warn);
  const id =
    stringOf(pick(f, serviceAliases.id)) ??
    stableId(
      [name, organization, locations[0]?.address, phones[0]?.number].map((s) => s ?? '').join('|'),
    );

  const service: Service = {
    id,
    name,
    categories: categoriesOf(pick(f, serviceAliases.categories)),
    languages: listOf(pick(f, serviceAliases.languages)),
    phones,
    locations,
    schedules: [],
    areas: listOf(pick(f, serviceAliases.areas)),
  };
  const description = htmlField(pick(f, serviceAliases.description));
  if (description) service.description = description;
  if (organization) service.organization = organization;

  const eligibility = plainText(pick(f, serviceAliases.eligibility));
  if (eligibility) service.eligibility = eligibility;
  const feesValue = pick(f, serviceAliases.fees);
  const fees = stringOf(feesValue);
  if (fees) service.fees = fees;
  const free =
    asBoolean(pick(f, serviceAliases.free)) ??
    (feesValue === 0 || (fees !== undefined && FREE_WORDS.has(fees.toLowerCase()))
      ? true
      : undefined);
  if (free !== undefined) service.free = free;

  const email = emailOf(pick(f, serviceAliases.email));
  if (email) service.email = email;
  const url = linkOf(pick(f, serviceAliases.url), opts.baseUrl);
  if (url) service.url = url;

  const hours = pick(f, serviceAliases.hours);
  const detailed = Array.isArray(hours) && hours.some(isObject);
  if (!detailed) {
    const text = Array.isArray(hours) ? listOf(hours).join('; ') : plainText(hours);
    if (text) service.scheduleText = text;
  }
  const age = pick(f, serviceAliases.age);
  const ageMin = pick(f, serviceAliases.ageMin);
  const ageMax = pick(f, serviceAliases.ageMax);
  const updated = pick(f, serviceAliases.updated);
  if (
    detailed ||
    age !== undefined ||
    ageMin !== undefined ||
    ageMax !== undefined ||
    updated !== undefined
  ) {
    const details = serviceDetailsCode.code(opts);
    if (details) {
      details.addDetails(service, detailed ? hours : undefined, age, ageMin, ageMax, updated);
    } else {
      warn('ages, opening hours and update date not read (their code could not be downloaded)');
    }
  }
  return service;
}
