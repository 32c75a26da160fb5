/**
 * Values that service directories and schema.org data write alike, read the same way by the HSDS
 * reader (`hsds.ts`) and the JSON-LD reader (`jsonld.ts`): objects and lists, capped text, web
 * links and e-mail addresses, postal addresses, coordinates, clock times, weekdays and opening
 * hours. A module of its own, so a calendar reading JSON-LD events does not download the HSDS
 * reader.
 */
import { asNumber, asString } from '../fields.js';
import type { Location, OpeningHours } from '../models.js';
import { safeUrl } from '../safe-url.js';
import { MAX_WARNINGS } from '../normalize/options.js';

type Obj = Record<string, unknown>;

/** Descriptions longer than this (characters of text) are cut: no card shows a novel. */
export const MAX_DESCRIPTION = 20_000;

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const noValues: readonly unknown[] = Object.freeze([]);

/**
 * An array as is, a single object as a one-item list, anything else as an empty list (one shared
 * list: most records leave most of the fields this reads out).
 */
export function list(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? noValues : [value];
}

/** Counts skipped records and keeps the first few reasons. */
export class Tally {
  skipped = 0;
  readonly warnings: string[] = [];

  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
  }

  skip(reason: string): void {
    this.skipped++;
    this.warn(reason);
  }
}

/** Text cut to `max` characters plus "…" (never inside a surrogate pair). */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Only `http:`/`https:` links (a service page, not a `mailto:`). */
export function webUrl(value: unknown, base?: string): string | undefined {
  const url = safeUrl(value, base);
  return url && (url.startsWith('https:') || url.startsWith('http:')) ? url : undefined;
}

const mailtoPattern = /^mailto:/i;
const notInEmail = /[\s<>]/;

/** A plausible e-mail address (a leading `mailto:` is removed), or `undefined`. */
export function asEmail(value: unknown): string | undefined {
  let text = asString(value);
  if (!text) return undefined;
  if (mailtoPattern.test(text)) text = text.slice(7);
  const at = text.indexOf('@');
  const ok =
    at > 0 &&
    at === text.lastIndexOf('@') &&
    text.indexOf('.', at + 2) > at + 1 &&
    !text.endsWith('.') &&
    !notInEmail.test(text);
  return ok ? text : undefined;
}

const cjkPattern = /[\u3400-\u9fff\uf900-\ufaff]/;
const chinaNames = new Set(['cn', 'chn', 'china', '中国', '中华人民共和国']);

export interface AddressParts {
  street?: string;
  street2?: string;
  city?: string;
  region?: string;
  province?: string;
  postalCode?: string;
  country?: string;
}

/**
 * One readable line. Chinese addresses read from the province down without separators
 * ("广东省广州市某某路1号"), skipping parts the street line already contains; others read
 * "street, city, region, province postcode, country".
 */
export function joinAddress(parts: AddressParts): string | undefined {
  const { street, street2, city, region, province, postalCode, country } = parts;
  if (
    cjkPattern.test(street ?? '') ||
    cjkPattern.test(city ?? '') ||
    cjkPattern.test(province ?? '')
  ) {
    let head = '';
    const line = `${street ?? ''}${street2 ?? ''}`;
    for (const part of [province, city, region]) {
      if (part && !line.includes(part) && !head.includes(part)) head += part;
    }
    const text = head + line;
    return text || undefined;
  }
  const tail = [province, postalCode].filter(Boolean).join(' ');
  const countryText = country && !chinaNames.has(country.toLowerCase()) ? country : undefined;
  const text = [street, street2, city, region, tail, countryText].filter(Boolean).join(', ');
  return text || undefined;
}

/**
 * Sets WGS-84 `lat`/`lng` on the location when both are present and in range; says whether it
 * did. Out-of-range pairs are dropped with a warning; `0, 0` (a common placeholder) silently.
 */
export function readCoordinates(
  latValue: unknown,
  lngValue: unknown,
  into: Location,
  tally: Tally,
  label: string,
): boolean {
  const lat = asNumber(latValue);
  const lng = asNumber(lngValue);
  if (lat === undefined || lng === undefined) return false;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
    tally.warn(`${label}: coordinates out of range (${lat}, ${lng}) dropped`);
    return false;
  }
  if (lat === 0 && lng === 0) return false;
  into.lat = lat;
  into.lng = lng;
  return true;
}

const timePattern =
  /^(\d{1,2})(?::?(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?$/i;

// Times and day lists repeat across thousands of records ("09:00:00", "MO,TU,WE,TH,FR"): memoized.
const memoLimit = 2000;
const clockMemo = new Map<string, string | null>();

/** `HH:MM` from `10:00:00`, `10:00Z`, `09:00-05:00`, `9am`, `0900`, `１０：００`; else `undefined`. */
export function parseClockTime(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value);
  let time = clockMemo.get(key);
  if (time === undefined) {
    time = clockTime(key) ?? null;
    if (clockMemo.size >= memoLimit) clockMemo.clear();
    clockMemo.set(key, time);
  }
  return time ?? undefined;
}

function clockTime(value: string): string | undefined {
  const text = value.normalize('NFKC').trim();
  const m = timePattern.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem.startsWith('p') && hour !== 12) hour += 12;
    if (meridiem.startsWith('a') && hour === 12) hour = 0;
  }
  if (hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A weekday as opening hours name it. */
export type Day = OpeningHours['day'];

// prettier-ignore
const dayNames: Record<string, Day> = {
  mo: 1, mon: 1, monday: 1, 周一: 1, 星期一: 1, 礼拜一: 1,
  tu: 2, tue: 2, tues: 2, tuesday: 2, 周二: 2, 星期二: 2, 礼拜二: 2,
  we: 3, wed: 3, wednesday: 3, 周三: 3, 星期三: 3, 礼拜三: 3,
  th: 4, thu: 4, thur: 4, thurs: 4, thursday: 4, 周四: 4, 星期四: 4, 礼拜四: 4,
  fr: 5, fri: 5, friday: 5, 周五: 5, 星期五: 5, 礼拜五: 5,
  sa: 6, sat: 6, saturday: 6, 周六: 6, 星期六: 6, 礼拜六: 6,
  su: 7, sun: 7, sunday: 7, 周日: 7, 周天: 7, 星期日: 7, 星期天: 7, 礼拜日: 7, 礼拜天: 7,
};

/**
 * ISO weekday (1 = Monday … 7 = Sunday) from `MO`, `Monday`, `Mon`, `周一`, a schema.org IRI
 * (`https://schema.org/Monday`) or a number 1–7 (0 also means Sunday).
 */
export function dayOfWeek(value: unknown): Day | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 7) return undefined;
    return (value === 0 ? 7 : value) as Day;
  }
  const text = asString(value);
  if (!text) return undefined;
  if (/^\d$/.test(text)) return dayOfWeek(Number(text));
  // IRIs and prefixed names (`https://schema.org/Monday`, `schema:Monday`, `gr:Monday`).
  const key = text.replace(/^.*[/#:]/, '').toLowerCase();
  return dayNames[key];
}

function hoursOrder(a: OpeningHours, b: OpeningHours): number {
  return (
    a.day - b.day ||
    (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0) ||
    (a.closes < b.closes ? -1 : 1)
  );
}

/** Sorted by day and opening time, without repeats. */
export function tidyHours(hours: OpeningHours[]): OpeningHours[] {
  let ordered = true;
  for (let i = 1; i < hours.length && ordered; i++)
    ordered = hoursOrder(hours[i - 1], hours[i]) < 0;
  if (ordered) return hours;
  const sorted = hours.sort(hoursOrder);
  return sorted.filter((h, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.day !== h.day || prev.opens !== h.opens || prev.closes !== h.closes;
  });
}
