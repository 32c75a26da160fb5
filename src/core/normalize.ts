/**
 * Turns loose "generic" records (JSON APIs, CSV exports, spreadsheets) into the normalized models.
 *
 * Fields are found by alias: the model field name first (so a `map` always wins), then common
 * English keys and Chinese spreadsheet headers (Simplified and Traditional). Keys are compared
 * loosely: case, spaces, `_`, `-`, `.` and a bracketed note (`费用（元）`) are ignored, so
 * `start_date`, `Start Date` and `startDate` are one key.
 *
 * Everything here is total: bad values are dropped (with a warning where a person would want to
 * know), records that cannot become a model come back as a short reason string.
 */
import type {
  CalendarEvent,
  Category,
  Location,
  ModelByKind,
  ModelKind,
  OpeningHours,
  Phone,
  ReadResult,
  Recurrence,
  Service,
  Story,
  StoryImage,
} from './models.js';
import {
  applyMap,
  asBoolean,
  asNumber,
  asString,
  asStringList,
  isDateOnly,
  stableId,
  toIsoDate,
  type FieldMap,
} from './fields.js';
import { safeImageUrl, safeUrl, textToHtml } from './safe-url.js';
import { htmlToText } from './sanitize.js';
import { DandelionError } from './errors.js';

/** Options of {@link normalizeRecords} (and of the JSON and CSV readers). */
export interface NormalizeOptions {
  /** Model field → path in the source record (dot paths, `[n]` indexes). */
  map?: FieldMap;
  /** Hook applied to each raw record before mapping. Returning `null`/`undefined` drops it. */
  transform?: (record: unknown) => unknown;
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
  /** How warnings name a record (default `record 3`, 1-based; the CSV reader says `row 4`). */
  recordName?: (index: number) => string;
}

/** Options of the single-record functions. */
export interface RecordOptions {
  baseUrl?: string;
  /** Receives notes about values that were fixed or dropped (the record itself is kept). */
  warn?: (message: string) => void;
}

/** At most this many warnings are kept in a {@link ReadResult}. */
export const MAX_WARNINGS = 5;

type Dict = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Keys and aliases

const BRACKETED_NOTE = /[(（[【［][^)）\]】］]*[)）\]】］]/g;
const KEY_NOISE = /[\s_\-.:：*]/g;
const keyCache = new Map<string, string>();

/** Loose form of a key: `Start Date`, `start_date`, `startDate` → `startdate`. Cached. */
function normKey(key: string): string {
  let normalized = keyCache.get(key);
  if (normalized === undefined) {
    normalized = key.normalize('NFKC').replace(BRACKETED_NOTE, '').replace(KEY_NOISE, '');
    normalized = normalized.toLowerCase();
    // Keys repeat across records (CSV headers, API fields); the cap only guards odd documents.
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(key, normalized);
  }
  return normalized;
}

interface Alias {
  id: number;
  /** The model field name, looked up exactly first (that is where a `map` puts values). */
  canonical: string;
  keys: string[];
}

/** Loose key → the aliases it belongs to, with its rank in each (lower wins). */
const aliasesByKey = new Map<string, { alias: Alias; rank: number }[]>();
let aliasCount = 0;

/** `alias('name title 名称')`: the model field name first, then the other keys it may have. */
function alias(names: string): Alias {
  const [canonical, ...others] = names.split(' ');
  const a: Alias = {
    id: aliasCount++,
    canonical,
    keys: [...new Set([canonical, ...others].map(normKey))],
  };
  a.keys.forEach((key, rank) => {
    const list = aliasesByKey.get(key) ?? [];
    list.push({ alias: a, rank });
    aliasesByKey.set(key, list);
  });
  return a;
}

interface Hit {
  rank: number;
  key: string;
  value: unknown;
}

/**
 * A record prepared for alias lookups: for every alias, the best present value. Built in one
 * pass over the record's own keys, so a lookup costs nothing per alias spelling.
 */
interface Fields {
  raw: Dict;
  hits: (Hit | undefined)[];
}

function isObject(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

function fieldsOf(raw: Dict): Fields {
  const hits: (Hit | undefined)[] = new Array(aliasCount);
  for (const key of Object.keys(raw)) {
    const k = normKey(key);
    const entries = aliasesByKey.get(k);
    if (!entries) continue;
    const value = raw[key];
    if (!present(value)) continue;
    for (const { alias: a, rank: r } of entries) {
      // The exact model field name beats every other spelling.
      const rank = key === a.canonical ? -1 : r;
      const best = hits[a.id];
      if (!best || rank < best.rank) hits[a.id] = { rank, key: k, value };
    }
  }
  return { raw, hits };
}

/** Best present value for an alias, with the loose key it came from (not `exceptKey`). */
function pickEntry(f: Fields, a: Alias, exceptKey?: string): Hit | undefined {
  const hit = f.hits[a.id];
  if (!hit || hit.key !== exceptKey) return hit;
  // Rare: the best key is excluded; find the runner-up.
  let runnerUp: Hit | undefined;
  for (const key of Object.keys(f.raw)) {
    const k = normKey(key);
    const rank = a.keys.indexOf(k);
    if (rank < 0 || k === exceptKey || !present(f.raw[key])) continue;
    if (!runnerUp || rank < runnerUp.rank) runnerUp = { rank, key: k, value: f.raw[key] };
  }
  return runnerUp;
}

function pick(f: Fields, a: Alias): unknown {
  return f.hits[a.id]?.value;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Real HTML markup: a known tag or an entity. "年龄<6岁 & 家长" is text, "<p>…" is HTML. */
const HTML_MARKUP =
  /<\/?(?:a|b|i|u|p|br|hr|em|strong|span|div|ul|ol|li|h[1-6]|img|table|thead|tbody|tr|td|th|blockquote|pre|code|small|sup|sub|figure|figcaption)\b[^<>]*>|&(?:[a-z][a-z0-9]{1,9}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

const NAME_KEYS = ['name', 'title', 'label', 'text', 'value', 'rendered'];

/** A trimmed string from a string, number, first array item or `{name|title|…}` object. */
function stringOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return asString(value);
  if (depth > 2) return undefined;
  if (Array.isArray(value)) return value.length ? stringOf(value[0], depth + 1) : undefined;
  if (isObject(value)) {
    for (const key of NAME_KEYS) {
      if (key in value) {
        const s = stringOf(value[key], depth + 1);
        if (s) return s;
      }
    }
  }
  return undefined;
}

/** Plain text (titles, names): markup in the source is reduced to its text. */
function plainText(value: unknown): string | undefined {
  const s = stringOf(value);
  if (s === undefined || !HTML_MARKUP.test(s)) return s;
  return htmlToText(s) || undefined;
}

/** An HTML model field: plain text is escaped, real markup passes through (sanitized later). */
function htmlField(value: unknown): string | undefined {
  const s = stringOf(value);
  if (s === undefined) return undefined;
  return HTML_MARKUP.test(s) ? s : textToHtml(s);
}

function listOf(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  return asStringList(value)
    .map((s) => (HTML_MARKUP.test(s) ? htmlToText(s) : s))
    .filter(Boolean);
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/|\.\.?\/|www\.)/i;
const WWW = /^www\./i;
/** `img/1.jpg`, `events/1.html?x=1` (but not `n/a`). */
const RELATIVE_FILE = /^[\w-]+\/\S*\.[a-z0-9]{2,5}(?:[?#]\S*)?$/i;

/**
 * A safe link. Only values that look like links are taken, so "无" or "见官网" in a URL column
 * does not become a relative link to the page itself.
 */
function linkOf(
  value: unknown,
  baseUrl: string | undefined,
  schemes: 'web' | 'any' = 'web',
): string | undefined {
  const s = stringOf(value);
  if (!s || !(URL_LIKE.test(s) || RELATIVE_FILE.test(s))) return undefined;
  const href = WWW.test(s) ? `https://${s}` : s;
  // safeImageUrl is safeUrl restricted to http(s): what page links and images need.
  return schemes === 'web' ? safeImageUrl(href, baseUrl) : safeUrl(href, baseUrl);
}

function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DIGITS = /^\d+$/;
const DATE_THEN_REST = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(.+)$/;
const NOON_PERIODS = new Set(['中午']);
const PM_PERIODS = new Set(['下午', '晚上', '傍晚', '夜间', '夜間', 'pm', 'p.m.']);
const AM_PERIODS = new Set(['上午', '早上', '早晨', '凌晨', 'am', 'a.m.']);
const TIME =
  /^(上午|早上|早晨|凌晨|中午|下午|晚上|傍晚|夜间|夜間|am|pm)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*[点點时時](?:\s*(\d{1,2})\s*分?|\s*(半))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const PLAIN_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const HOUR_MARK = /[点點时時]/;
const RANGE = /^(.+?)\s*(?:\s-\s|–|—|~|至|到|\sto\s)\s*(.+)$/i;
const TIME_RANGE = /^(.+?)\s*(?:-|–|—|~|至|到|\sto\s)\s*(.+)$/i;
const pad = (n: number) => String(n).padStart(2, '0');

interface ParsedTime {
  time: string;
  period?: string;
}

/** `14:30`, `14:30:00`, `2:30 PM`, `2pm`, `下午2:30`, `14点30分`, `下午2点半` → `HH:MM:SS`. */
function parseTime(value: string, defaultPeriod?: string): ParsedTime | undefined {
  // Fast path for what nearly every source sends (`09:00`, `17:30:00`): no normalizing, no
  // twelve-way alternation. Opening hours of 10,000 services are 20,000 of these.
  const plain = PLAIN_TIME.exec(value);
  if (plain && !defaultPeriod) {
    const [, h, min, sec = '00'] = plain;
    if (Number(h) > 23 || Number(min) > 59 || Number(sec) > 59) return undefined;
    return { time: `${h.padStart(2, '0')}:${min}:${sec}` };
  }
  const m = TIME.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const [, before, h, colonMin, sec, cnMin, half, after] = m;
  const hasMarker = colonMin !== undefined || HOUR_MARK.test(value) || before || after;
  if (!hasMarker) return undefined;
  const period = (before ?? after)?.toLowerCase() ?? defaultPeriod;
  let hour = Number(h);
  const minute = half ? 30 : Number(colonMin ?? cnMin ?? 0);
  const second = Number(sec ?? 0);
  if (period && PM_PERIODS.has(period) && hour < 12) hour += 12;
  else if (period && NOON_PERIODS.has(period) && hour < 11) hour += 12;
  else if (period && AM_PERIODS.has(period) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { time: `${pad(hour)}:${pad(minute)}:${pad(second)}`, period };
}

function parseTimeRange(value: string): { start: string; end?: string } | undefined {
  const single = parseTime(value);
  if (single) return { start: single.time };
  const m = TIME_RANGE.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const start = parseTime(m[1]);
  const end = start && parseTime(m[2], start.period);
  return start && end ? { start: start.time, end: end.time } : undefined;
}

/** Excel's serial day numbers (1954…2119); a fraction is the time of day. */
function excelSerial(n: number): string | undefined {
  if (n < 20000 || n > 80000) return undefined;
  const minutes = Math.round(n * 1440);
  const iso = new Date(EXCEL_EPOCH + minutes * 60000).toISOString();
  return minutes % 1440 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * ISO 8601 from loose dates: everything {@link toIsoDate} reads, plus `2026年11月25日14:30`,
 * `2026-11-25 下午2:30`, `20261125`, Excel serial numbers and epoch seconds/milliseconds.
 */
function toIso(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return excelSerial(value) ?? (Math.abs(value) >= 1e8 ? toIsoDate(value) : undefined);
  }
  if (value instanceof Date) return toIsoDate(value);
  const s = asString(value)?.normalize('NFKC');
  if (!s) return undefined;
  const direct = toIsoDate(s);
  if (direct) return direct;
  if (DIGITS.test(s)) {
    if (s.length === 5) return excelSerial(Number(s));
    if (s.length === 8) return toIsoDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`);
    if (s.length === 10 || s.length === 13) return toIsoDate(Number(s));
    return undefined;
  }
  const m = DATE_THEN_REST.exec(s);
  if (m) {
    const date = toIsoDate(m[1]);
    const time = parseTime(m[2]);
    if (date && time) return `${date}T${time.time}`;
  }
  return undefined;
}

interface When {
  start: string;
  end?: string;
}

/** A date, a date-time, or a range of them (`2026-11-25 14:00-16:00`, `11月25日至27日`…). */
function readWhen(value: unknown, baseDate?: string): When | undefined {
  const iso = toIso(value);
  if (iso) return { start: iso };
  const s = asString(value)?.normalize('NFKC');
  if (!s) return undefined;
  // A date followed by a time range.
  const dt = DATE_THEN_REST.exec(s);
  if (dt) {
    const date = toIsoDate(dt[1]);
    const times = parseTimeRange(dt[2]);
    if (date && times) {
      return { start: `${date}T${times.start}`, end: times.end && `${date}T${times.end}` };
    }
  }
  // A time (range) on the date given in another column.
  if (baseDate) {
    const times = parseTimeRange(s);
    if (times) {
      return { start: `${baseDate}T${times.start}`, end: times.end && `${baseDate}T${times.end}` };
    }
  }
  // Two dates.
  const range = RANGE.exec(s);
  if (range) {
    const start = toIso(range[1]);
    if (start) {
      const date = start.slice(0, 10);
      const endTime = parseTime(range[2]);
      const end = toIso(range[2]) ?? (endTime ? `${date}T${endTime.time}` : undefined);
      return { start, end };
    }
  }
  return undefined;
}

/** Milliseconds of an ISO string for ordering; zone-less values read as local time. */
function instant(iso: string): number {
  return Date.parse(isDateOnly(iso) ? `${iso}T00:00:00` : iso);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const zoneCache = new Map<string, boolean>();

function validTimeZone(zone: string): boolean {
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (zoneCache.size > 500) zoneCache.clear();
    zoneCache.set(zone, ok);
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Places

const LAT = alias('lat latitude 纬度 緯度');
const LNG = alias('lng lon long longitude 经度 經度');
const LNG_LAT = alias('lngLat 经纬度 經緯度 lonlat');
const GEO = alias('geo geometry coordinates position point');
const PLACE_NAME = alias('name title locationName placeName 名称 名稱 地点名称');
const PLACE_ADDRESS = alias('address addr fullAddress streetAddress 地址 详细地址 詳細地址');
const DEGREE = /[°º\s]/g;
const COMMA_PAIR = /^\s*(-?[\d.]+)\s*[,，;\s]\s*(-?[\d.]+)\s*$/;
const ADDRESS_PARTS = [
  'address_1',
  'address1',
  'streetAddress',
  'street',
  'line1',
  'address_2',
  'address2',
  'line2',
  'district',
  'addressLocality',
  'locality',
  'city',
  'addressRegion',
  'region',
  'state_province',
  'province',
  'state',
  'postal_code',
  'postalCode',
  'country',
  'addressCountry',
];

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'string') return asNumber(value.normalize('NFKC').replace(DEGREE, ''));
  return asNumber(value);
}

/** Checks ranges; fixes swapped pairs; `{}` when unusable. */
function checkCoordinates(
  latValue: unknown,
  lngValue: unknown,
  warn: (m: string) => void,
): { lat?: number; lng?: number } {
  const lat = coordinate(latValue);
  const lng = coordinate(lngValue);
  if (lat === undefined && lng === undefined) return {};
  if (lat === undefined || lng === undefined) {
    warn('coordinates: latitude and longitude must both be given; dropped');
    return {};
  }
  // 0,0 is what empty spreadsheet cells and unset database columns turn into.
  if (lat === 0 && lng === 0) return {};
  const latOk = Math.abs(lat) <= 90;
  const lngOk = Math.abs(lng) <= 180;
  if (latOk && lngOk) return { lat, lng };
  if (!latOk && Math.abs(lng) <= 90 && Math.abs(lat) <= 180) {
    warn(`coordinates: latitude ${lat} and longitude ${lng} were swapped; fixed`);
    return { lat: lng, lng: lat };
  }
  warn(`coordinates out of range (latitude ${lat}, longitude ${lng}); dropped`);
  return {};
}

function addressOf(value: unknown): string | undefined {
  if (!isObject(value)) return plainText(value);
  const direct = stringOf(value.full ?? value.formatted ?? value.text ?? value.label);
  if (direct) return direct;
  const parts: string[] = [];
  for (const key of ADDRESS_PARTS) {
    const s = stringOf(value[key]);
    if (s && !parts.includes(s)) parts.push(s);
  }
  return parts.length ? parts.join(', ') : undefined;
}

/** Lat/lng from flat fields, a `geo`/GeoJSON value or a `经纬度` ("lng,lat") cell. */
function coordinatesOf(f: Fields, warn: (m: string) => void): { lat?: number; lng?: number } {
  let lat = pick(f, LAT);
  let lng = pick(f, LNG);
  if (lat === undefined && lng === undefined) {
    const geo = pick(f, GEO);
    if (Array.isArray(geo) && geo.length >= 2) {
      [lng, lat] = geo; // GeoJSON order
    } else if (isObject(geo)) {
      if (Array.isArray(geo.coordinates) && geo.coordinates.length >= 2) {
        [lng, lat] = geo.coordinates;
      } else {
        const g = fieldsOf(geo);
        lat = pick(g, LAT);
        lng = pick(g, LNG);
      }
    } else {
      const pair = COMMA_PAIR.exec(stringOf(pick(f, LNG_LAT)) ?? '');
      if (pair) [, lng, lat] = pair;
    }
  }
  return checkCoordinates(lat, lng, warn);
}

function makeLocation(
  name: string | undefined,
  address: string | undefined,
  coords: { lat?: number; lng?: number },
): Location | undefined {
  if (!name && !address && coords.lat === undefined) return undefined;
  const location: Location = {};
  if (name) location.name = name;
  if (address) location.address = address;
  if (coords.lat !== undefined) {
    location.lat = coords.lat;
    location.lng = coords.lng;
  }
  return location;
}

function locationFromObject(value: Dict, warn: (m: string) => void): Location | undefined {
  const f = fieldsOf(value);
  return makeLocation(
    plainText(pick(f, PLACE_NAME)),
    addressOf(pick(f, PLACE_ADDRESS)),
    coordinatesOf(f, warn),
  );
}

/**
 * One place from flat fields: a place cell (text or object), an address cell, an optional place
 * name cell and coordinates. 地点 + 地址: the first names the place, the second is its address.
 */
function locationOf(
  f: Fields,
  placeAlias: Alias,
  addressAlias: Alias,
  nameAlias: Alias | undefined,
  warn: (m: string) => void,
): Location | undefined {
  const place = pick(f, placeAlias);
  const address = addressOf(pick(f, addressAlias));
  const name = nameAlias && plainText(pick(f, nameAlias));
  const coords = coordinatesOf(f, warn);
  if (isObject(place)) {
    const nested = locationFromObject(place, warn);
    const flat = makeLocation(name, address, coords);
    return nested || flat ? { ...nested, ...flat } : undefined;
  }
  const placeText = plainText(place);
  return address
    ? makeLocation(name ?? placeText, address, coords)
    : makeLocation(name, placeText, coords);
}

// ---------------------------------------------------------------------------------------------
// Services

const S = {
  id: alias('id _id uuid identifier serviceId 编号 服务编号 編號 服務編號'),
  name: alias(
    'name title serviceName 名称 服务名称 服务项目 项目名称 机构名称 名稱 服務名稱 服務項目 項目名稱 機構名稱',
  ),
  organization: alias(
    'organization organisation org organizationName provider agency 机构 单位 服务机构 所属机构 提供机构 机构名称 機構 單位 服務機構 所屬機構 機構名稱',
  ),
  description: alias(
    'description desc details summary about 描述 简介 服务内容 服务简介 详情 说明 介绍 簡介 服務內容 服務簡介 詳情 說明 介紹',
  ),
  categories: alias(
    'categories category serviceType taxonomy 类别 分类 服务类别 服务类型 服务分类 类型 類別 分類 服務類別 服務類型 類型 tags 标签 標籤',
  ),
  languages: alias('languages language lang 语言 服务语言 語言 服務語言'),
  ageMin: alias('ageMin minAge 年龄下限 最小年龄 最低年龄 年齡下限 最小年齡'),
  ageMax: alias('ageMax maxAge 年龄上限 最大年龄 最高年龄 年齡上限 最大年齡'),
  age: alias(
    'age ages ageRange ageGroup 年龄 年龄范围 适用年龄 服务年龄 年龄段 年齡 年齡範圍 適用年齡',
  ),
  eligibility: alias(
    'eligibility eligible audience targetGroup 服务对象 申请条件 适用对象 服务人群 适用人群 对象 服務對象 申請條件 適用對象',
  ),
  fees: alias('fees fee cost price charges 费用 收费 收费标准 价格 費用 收費 收費標準 價格'),
  free: alias('free isFree 免费 是否免费 免費 是否免費'),
  phones: alias(
    'phones phone telephone tel mobile phoneNumber hotline 电话 联系电话 手机 热线 咨询电话 電話 聯絡電話 聯繫電話 手機 熱線',
  ),
  email: alias('email mail emailAddress 邮箱 电子邮箱 电子邮件 電郵 電子郵件'),
  url: alias('url website web homepage link 网址 网站 链接 網址 網站 連結'),
  locations: alias('locations sites branches'),
  location: alias('location place venue 地点 地點'),
  address: alias('address addr fullAddress 地址 服务地址 详细地址 服務地址 詳細地址'),
  locationName: alias('locationName siteName 地点名称 站点 服务点 地點名稱 站點 服務點'),
  areas: alias(
    'areas area serviceArea serviceAreas region coverage 服务范围 区域 服务区域 覆盖范围 服务地区 服務範圍 區域 服務區域',
  ),
  updated: alias(
    'updated updatedAt lastUpdated modified lastModified dateModified 更新时间 更新日期 最后更新 更新時間 最後更新',
  ),
  hours: alias(
    'hours schedules openingHours schedule openHours businessHours 开放时间 服务时间 营业时间 办公时间 開放時間 服務時間 營業時間 辦公時間',
  ),
};

const LIST_SPLIT = /\s*[;,、，；|/\n]\s*/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAILTO = /^mailto:/i;
const AGE_NUMBER = /(\d+(?:\.\d+)?)\s*(个月|個月|月|months?|mos?)?/gi;
const AGE_AT_LEAST =
  /以上|及以上|起|\+|or (?:older|above|over)|and (?:older|above|over)|over|above|≥|>=/i;
const AGE_AT_MOST = /以下|及以下|以内|以內|under|below|younger|up to|≤|<=|不超过|不超過|未满|未滿/i;
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

function ageNumber(value: unknown): number | undefined {
  const n = asNumber(value);
  if (n !== undefined) return n;
  const s = asString(value);
  if (!s) return undefined;
  const [first] = s.normalize('NFKC').matchAll(AGE_NUMBER);
  return first ? ageFromMatch(first) : undefined;
}

function ageFromMatch(m: RegExpMatchArray): number {
  const n = Number(m[1]);
  return m[2] ? Math.round((n / 12) * 100) / 100 : n;
}

/** `3-6`, `3–6岁`, `6个月-3岁`, `60岁以上`, `18岁以下`, `under 18`, `60+`. */
function ageRange(value: unknown): { min?: number; max?: number } {
  const s = asString(value)?.normalize('NFKC');
  if (!s) return {};
  const numbers = [...s.matchAll(AGE_NUMBER)].map(ageFromMatch);
  if (numbers.length >= 2) {
    const [a, b] = numbers;
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  if (numbers.length === 1) {
    if (AGE_AT_MOST.test(s)) return { max: numbers[0] };
    if (AGE_AT_LEAST.test(s)) return { min: numbers[0] };
  }
  return {};
}

const DAY_NAMES: Record<string, OpeningHours['day']> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  周日: 7,
  周天: 7,
  星期一: 1,
  星期二: 2,
  星期三: 3,
  星期四: 4,
  星期五: 5,
  星期六: 6,
  星期日: 7,
  星期天: 7,
  週一: 1,
  週二: 2,
  週三: 3,
  週四: 4,
  週五: 5,
  週六: 6,
  週日: 7,
};

function dayOf(value: unknown): OpeningHours['day'] | undefined {
  const n = asNumber(value);
  if (n !== undefined)
    return Number.isInteger(n) && n >= 1 && n <= 7 ? (n as OpeningHours['day']) : undefined;
  const s = asString(value)?.toLowerCase();
  return s && Object.hasOwn(DAY_NAMES, s) ? DAY_NAMES[s] : undefined;
}

function schedulesOf(value: unknown[]): OpeningHours[] {
  const schedules: OpeningHours[] = [];
  for (const item of value) {
    if (!isObject(item)) continue;
    const day = dayOf(item.day ?? item.weekday ?? item.dayOfWeek);
    const opens = parseTime(stringOf(item.opens ?? item.open ?? item.opens_at ?? item.from) ?? '');
    const closes = parseTime(
      stringOf(item.closes ?? item.close ?? item.closes_at ?? item.to) ?? '',
    );
    if (day && opens && closes) {
      schedules.push({ day, opens: opens.time.slice(0, 5), closes: closes.time.slice(0, 5) });
    }
  }
  return schedules;
}

function serviceLocations(f: Fields, warn: (m: string) => void): Location[] {
  const list = pick(f, S.locations);
  if (Array.isArray(list)) {
    return list.flatMap((item) => {
      const location = isObject(item)
        ? locationFromObject(item, warn)
        : makeLocation(undefined, plainText(item), {});
      return location ? [location] : [];
    });
  }
  const location = locationOf(f, S.location, S.address, S.locationName, warn);
  return location ? [location] : [];
}

/** A Service from a loose record, or the reason it cannot be one. */
export function recordToService(record: unknown, opts: RecordOptions = {}): Service | string {
  if (!isObject(record)) return 'not an object';
  const warn = opts.warn ?? (() => {});
  const f = fieldsOf(record);
  const nameEntry = pickEntry(f, S.name);
  const name = plainText(nameEntry?.value);
  if (!name) return 'missing name';
  // A sheet with only 机构名称 uses it as the name; do not repeat it as the organization.
  const organization = plainText(pickEntry(f, S.organization, nameEntry?.key)?.value);
  const phones = phonesOf(pick(f, S.phones));
  const locations = serviceLocations(f, warn);
  const id =
    stringOf(pick(f, S.id)) ??
    stableId(
      [name, organization, locations[0]?.address, phones[0]?.number].map((s) => s ?? '').join('|'),
    );

  const service: Service = {
    id,
    name,
    categories: categoriesOf(pick(f, S.categories)),
    languages: listOf(pick(f, S.languages)),
    phones,
    locations,
    schedules: [],
    areas: listOf(pick(f, S.areas)),
  };
  const description = htmlField(pick(f, S.description));
  if (description) service.description = description;
  if (organization) service.organization = organization;

  const range = ageRange(pick(f, S.age));
  let ageMin = ageNumber(pick(f, S.ageMin)) ?? range.min;
  let ageMax = ageNumber(pick(f, S.ageMax)) ?? range.max;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    [ageMin, ageMax] = [ageMax, ageMin];
  }
  if (ageMin !== undefined && ageMin >= 0 && ageMin <= 150) service.ageMin = ageMin;
  if (ageMax !== undefined && ageMax >= 0 && ageMax <= 150) service.ageMax = ageMax;

  const eligibility = plainText(pick(f, S.eligibility));
  if (eligibility) service.eligibility = eligibility;
  const feesValue = pick(f, S.fees);
  const fees = stringOf(feesValue);
  if (fees) service.fees = fees;
  const free =
    asBoolean(pick(f, S.free)) ??
    (feesValue === 0 || (fees !== undefined && FREE_WORDS.has(fees.toLowerCase()))
      ? true
      : undefined);
  if (free !== undefined) service.free = free;

  const email = emailOf(pick(f, S.email));
  if (email) service.email = email;
  const url = linkOf(pick(f, S.url), opts.baseUrl);
  if (url) service.url = url;

  const hours = pick(f, S.hours);
  if (Array.isArray(hours) && hours.some(isObject)) {
    service.schedules = schedulesOf(hours);
  } else {
    const text = Array.isArray(hours) ? listOf(hours).join('; ') : plainText(hours);
    if (text) service.scheduleText = text;
  }
  const updated = toIso(pick(f, S.updated));
  if (updated) service.updated = updated;
  return service;
}

// ---------------------------------------------------------------------------------------------
// Events

const E = {
  id: alias('id _id uid uuid eventId 编号 編號'),
  title: alias(
    'title name eventName 标题 活动名称 活动 名称 主题 活动主题 標題 活動名稱 活動 名稱 主題 活動主題 summary',
  ),
  start: alias(
    'start startDate startTime startAt startsAt begin dtstart 开始时间 开始日期 开始 開始時間 開始日期 開始',
  ),
  date: alias('date eventDate day 日期 活动日期 活動日期'),
  time: alias('time eventTime 时间 活动时间 時間 活動時間'),
  end: alias(
    'end endDate endTime endAt endsAt dtend 结束时间 结束日期 结束 結束時間 結束日期 結束',
  ),
  allDay: alias('allDay isAllDay wholeDay 全天 全天活动 全天活動'),
  timeZone: alias('timeZone tz zone tzid 时区 時區'),
  location: alias('location place venue 地点 活动地点 场地 地點 活動地點 場地'),
  address: alias('address addr 地址 详细地址 詳細地址'),
  description: alias(
    'description details content body desc about 详情 简介 活动简介 活动内容 描述 内容 说明 介绍 詳情 簡介 活動簡介 活動內容 內容 說明 介紹',
  ),
  url: alias('url link website web href 网址 链接 活动链接 網址 連結 活動連結'),
  registrationUrl: alias(
    'registrationUrl registerUrl registrationLink signupUrl rsvpUrl registration 报名链接 报名网址 报名地址 报名 報名連結 報名網址 報名',
  ),
  categories: alias(
    'categories category tags eventType 类别 分类 活动类型 类型 标签 類別 分類 活動類型 類型 標籤',
  ),
  cost: alias('cost fee fees price 费用 收费 价格 費用 收費 價格'),
  organizer: alias(
    'organizer organiser host organization org 主办 主办方 主办单位 组织者 主辦 主辦方 主辦單位 組織者',
  ),
  rrule: alias('rrule recurrence recurrenceRule repeat 重复规则 重複規則'),
  exdates: alias('exdates exdate excludedDates'),
};

const RRULE_PREFIX = /^RRULE:/i;
/** What a 时间 cell says for an event without hours. */
const ALL_DAY_WORDS = new Set(['全天', '整天', '全日', 'all day', 'all-day', 'allday']);
const HAS_FREQ = /(?:^|;)FREQ=(?:SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(?:;|$)/i;

/** Reads a start/end cell: Google-style `{dateTime|date, timeZone}` objects too. */
function whenOf(value: unknown, baseDate?: string): (When & { timeZone?: string }) | undefined {
  if (isObject(value)) {
    const when = readWhen(value.dateTime ?? value.date ?? value.value, baseDate);
    const timeZone = stringOf(value.timeZone ?? value.tzid);
    return when && timeZone ? { ...when, timeZone } : when;
  }
  return readWhen(value, baseDate);
}

/** A CalendarEvent from a loose record, or the reason it cannot be one. */
export function recordToEvent(record: unknown, opts: RecordOptions = {}): CalendarEvent | string {
  if (!isObject(record)) return 'not an object';
  const warn = opts.warn ?? (() => {});
  const f = fieldsOf(record);
  const title = plainText(pick(f, E.title));
  if (!title) return 'missing title';

  const dateValue = pick(f, E.date);
  const timeValue = pick(f, E.time);
  const startValue = pick(f, E.start);
  const baseIso = dateValue === undefined ? undefined : toIso(dateValue);
  const baseDate = baseIso?.slice(0, 10);

  let when: (When & { timeZone?: string }) | undefined;
  if (startValue !== undefined) {
    when = whenOf(startValue, baseDate);
    if (!when) return `start: unknown date format ${show(startValue)}`;
  } else if (dateValue !== undefined) {
    if (!baseIso) return `start: unknown date format ${show(dateValue)}`;
    when = { start: baseIso };
    const allDayWord = ALL_DAY_WORDS.has(stringOf(timeValue)?.toLowerCase() ?? '');
    if (timeValue !== undefined && !allDayWord) {
      const timed = whenOf(timeValue, baseDate);
      if (timed) when = timed;
      else warn(`time: unknown time format ${show(timeValue)}; kept the date only`);
    }
  } else if (timeValue !== undefined) {
    when = whenOf(timeValue);
    if (!when) return `start: unknown date format ${show(timeValue)}`;
  } else {
    return 'missing start';
  }

  let start = when.start;
  let end = when.end;
  const endValue = pick(f, E.end);
  if (endValue !== undefined) {
    const ended = whenOf(endValue, start.slice(0, 10));
    if (ended) end = ended.start;
    else warn(`end: unknown date format ${show(endValue)}; dropped`);
  }

  const explicitAllDay = asBoolean(pick(f, E.allDay));
  // A date without a time cannot be a timed event, whatever 全天 says.
  const allDay = isDateOnly(start) || (explicitAllDay ?? false);
  if (allDay) {
    start = start.slice(0, 10);
    // People write the last day of an all-day event (inclusive); the model's end is exclusive.
    if (end)
      end =
        isDateOnly(end) || end.slice(11, 19) !== '00:00:00'
          ? addDays(end.slice(0, 10), 1)
          : end.slice(0, 10);
  } else if (end && isDateOnly(end)) {
    end = `${addDays(end, 1)}T00:00:00`;
  }
  if (end && (allDay ? end <= start : instant(end) < instant(start))) {
    warn(`end ${show(endValue ?? end)} is before start ${show(start)}; dropped the end`);
    end = undefined;
  }

  const event: CalendarEvent = {
    id: stringOf(pick(f, E.id)) ?? stableId(`${title}|${start}`),
    title,
    start,
    allDay,
    categories: listOf(pick(f, E.categories)),
  };
  if (end) event.end = end;

  const zone = stringOf(pick(f, E.timeZone)) ?? when.timeZone;
  if (zone) {
    if (validTimeZone(zone)) event.timeZone = zone;
    else warn(`timeZone: unknown time zone ${show(zone)}; dropped`);
  }

  const rruleValue = stringOf(pick(f, E.rrule));
  if (rruleValue) {
    const rrule = rruleValue.replace(RRULE_PREFIX, '');
    if (HAS_FREQ.test(rrule)) {
      const recurrence: Recurrence = { rrule };
      const exdates = listOf(pick(f, E.exdates)).flatMap((d) => toIso(d) ?? []);
      if (exdates.length) recurrence.exdates = exdates;
      event.recurrence = recurrence;
    } else {
      warn(`rrule: not a recurrence rule ${show(rruleValue)}; dropped`);
    }
  }

  const location = locationOf(f, E.location, E.address, undefined, warn);
  if (location) event.location = location;
  const description = htmlField(pick(f, E.description));
  if (description) event.description = description;
  const url = linkOf(pick(f, E.url), opts.baseUrl);
  if (url) event.url = url;
  const registrationUrl = linkOf(pick(f, E.registrationUrl), opts.baseUrl, 'any');
  if (registrationUrl) event.registrationUrl = registrationUrl;
  const cost = stringOf(pick(f, E.cost));
  if (cost) event.cost = cost;
  const organizer = plainText(pick(f, E.organizer));
  if (organizer) event.organizer = organizer;
  return event;
}

// ---------------------------------------------------------------------------------------------
// Stories

const St = {
  id: alias('id _id guid uid uuid 编号 編號'),
  title: alias('title name headline subject 标题 题目 名称 標題 題目 名稱'),
  summary: alias(
    'summary description excerpt abstract teaser content body text 摘要 简介 描述 内容 正文 簡介 內容',
  ),
  image: alias(
    'image img picture photo cover thumbnail featuredImage imageUrl 图片 封面 配图 照片 圖片 封面圖 配圖',
  ),
  imageAlt: alias(
    'imageAlt altText alt imageDescription 图片说明 图片描述 替代文字 圖片說明 圖片描述',
  ),
  url: alias('url link href permalink 链接 网址 原文链接 連結 網址 原文連結'),
  date: alias(
    'date published publishedAt pubDate datePublished created createdAt 日期 发布日期 发布时间 时间 發布日期 發佈日期 發布時間 時間',
  ),
  author: alias('author by creator writer 作者 撰稿 撰稿人'),
  tags: alias('tags tag keywords categories category 标签 关键词 分类 標籤 關鍵詞 分類'),
};

const SRCSET_DESCRIPTOR = /^\d+(?:\.\d+)?[wx]$/;
const WHITESPACE = /\s+/;

function srcsetOf(value: unknown, baseUrl: string | undefined): string | undefined {
  const s = stringOf(value);
  if (!s) return undefined;
  const candidates = s.split(',').flatMap((candidate) => {
    const [url, descriptor, ...rest] = candidate.trim().split(WHITESPACE);
    const safe = linkOf(url, baseUrl);
    if (!safe || rest.length || (descriptor && !SRCSET_DESCRIPTOR.test(descriptor))) return [];
    return [descriptor ? `${safe} ${descriptor}` : safe];
  });
  return candidates.length ? candidates.join(', ') : undefined;
}

function imageOf(value: unknown, baseUrl: string | undefined): StoryImage | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  if (isObject(item)) {
    const src = linkOf(item.src ?? item.url ?? item.href ?? item.source_url, baseUrl);
    if (!src) return undefined;
    const image: StoryImage = {
      src,
      alt: plainText(item.alt ?? item.alt_text ?? item.title) ?? '',
    };
    const srcset = srcsetOf(item.srcset, baseUrl);
    if (srcset) image.srcset = srcset;
    const width = asNumber(item.width);
    const height = asNumber(item.height);
    if (width !== undefined && width > 0) image.width = width;
    if (height !== undefined && height > 0) image.height = height;
    return image;
  }
  const src = linkOf(item, baseUrl);
  return src ? { src, alt: '' } : undefined;
}

/** A Story from a loose record, or the reason it cannot be one. */
export function recordToStory(record: unknown, opts: RecordOptions = {}): Story | string {
  if (!isObject(record)) return 'not an object';
  const f = fieldsOf(record);
  const title = plainText(pick(f, St.title));
  const summary = htmlField(pick(f, St.summary));
  if (!title && !summary) return 'missing title and summary';
  const url = linkOf(pick(f, St.url), opts.baseUrl);
  const date = toIso(pick(f, St.date));
  const story: Story = {
    id:
      stringOf(pick(f, St.id)) ??
      stableId(`${title ?? ''}|${summary ?? ''}|${url ?? ''}|${date ?? ''}`),
    title: title ?? '',
    tags: listOf(pick(f, St.tags)),
  };
  if (summary) story.summary = summary;
  const image = imageOf(pick(f, St.image), opts.baseUrl);
  if (image) {
    const alt = plainText(pick(f, St.imageAlt));
    if (alt) image.alt = alt;
    story.image = image;
  }
  if (url) story.url = url;
  if (date) story.date = date;
  const author = plainText(pick(f, St.author));
  if (author) story.author = author;
  return story;
}

// ---------------------------------------------------------------------------------------------
// Many records

type Converter = (record: unknown, opts: RecordOptions) => ModelByKind[ModelKind] | string;

const converters: Record<ModelKind, Converter> = {
  service: recordToService,
  event: recordToEvent,
  story: recordToStory,
};

/**
 * Normalizes a list of loose records: `transform` (a throwing transform skips only that record),
 * then `map`, then the record → model function. Ids are made unique within the result.
 */
export function normalizeRecords<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): ReadResult<ModelByKind[K]> {
  const normalizer = recordNormalizer(records, kind, opts);
  for (let i = 0; i < records.length; i++) normalizer.add(i);
  return normalizer.result();
}

/** Longest stretch of normalizing between two yields to the page (input, rendering). */
const sliceMs = 30;

/** Lets the page handle input and paint; not a timer, so fake clocks in tests do not stop it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * {@link normalizeRecords} in slices of about 30 ms with a yield to the page between them, so
 * 100,000 records never freeze the tab: typing, scrolling and other widgets go on while they are
 * read. Same result as the one-go version.
 */
export async function normalizeRecordsSliced<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions = {},
): Promise<ReadResult<ModelByKind[K]>> {
  const normalizer = recordNormalizer(records, kind, opts);
  let sliceStart = performance.now();
  for (let i = 0; i < records.length; i++) {
    normalizer.add(i);
    // Checking the clock every 256 records keeps the check itself cheap.
    if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return normalizer.result();
}

/** The state of one normalization: records go in one by one, the result comes out at the end. */
function recordNormalizer<K extends ModelKind>(
  records: unknown[],
  kind: K,
  opts: NormalizeOptions,
) {
  if (!Array.isArray(records)) throw new DandelionError('format', 'expected a list of records');
  const found = Object.hasOwn(converters, kind) ? converters[kind] : undefined;
  if (!found) throw new DandelionError('format', `unknown model kind ${show(kind)}`);
  const convert = found;
  const name = opts.recordName ?? ((i: number) => `record ${i + 1}`);
  const items: ModelByKind[K][] = [];
  const warnings: string[] = [];
  const note = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  let skipped = 0;
  let current = 0;
  const recordOpts: RecordOptions = {
    baseUrl: opts.baseUrl,
    warn: (message) => note(`${name(current)}: ${message}`),
  };
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();

  function add(i: number): void {
    current = i;
    let record = records[i];
    if (opts.transform) {
      try {
        record = opts.transform(record);
      } catch (error) {
        skipped++;
        note(`${name(i)}: transform failed: ${errorText(error)}`);
        return;
      }
      if (record === null || record === undefined) return;
    }
    let result: ModelByKind[ModelKind] | string;
    if (record === null || typeof record !== 'object') {
      result = 'not an object';
    } else {
      try {
        result = convert(applyMap(record, opts.map), recordOpts);
      } catch (error) {
        result = `unreadable record (${errorText(error)})`;
      }
    }
    if (typeof result === 'string') {
      skipped++;
      note(`${name(i)}: ${result}`);
      return;
    }
    if (used.has(result.id)) {
      const base = result.id;
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      nextSuffix.set(base, n + 1);
      result.id = `${base}-${n}`;
    }
    used.add(result.id);
    items.push(result as ModelByKind[K]);
  }

  return {
    add,
    result: (): ReadResult<ModelByKind[K]> => ({ items, skipped, warnings }),
  };
}
