/**
 * The Events Calendar REST API (`/wp-json/tribe/events/v1/events`) → {@link CalendarEvent}.
 *
 * Shape (The Events Calendar, `Post_Repository::get_event_data` / `Archive_Event::get`): the
 * archive is `{ events: [...], rest_url, next_rest_url?, previous_rest_url?, total, total_pages }`;
 * each event has `id`, `title` (rendered: HTML entities), `description` (HTML), `url` (the
 * event page), `website` (the event's own link, HTML-escaped), `start_date` / `end_date` (site
 * local `YYYY-MM-DD HH:MM:SS`), `utc_start_date` / `utc_end_date`, `timezone` (an IANA name or
 * a WordPress manual offset such as `UTC+8`), `all_day` (end is then 23:59:59 of the last day),
 * `cost`, `venue` (`{ venue, address, city, province, state, zip, country, geo_lat, geo_lng }`,
 * or `[]` without one), `organizer` (`[{ organizer }]`), `categories` (`[{ name }]`),
 * `hide_from_listings`. An archive with no events answers 404 with a WP_Error body
 * (`code: 'event-archive-page-not-found'`), read here as an empty list.
 */
import { DandelionError } from '../errors.js';
import { asNumber, asString, stableId } from '../fields.js';
import type { CalendarEvent, Location, ReadResult } from '../models.js';
import { safeUrl } from '../safe-url.js';
import {
  DAY,
  formatOffsetIso,
  instantToZonedIso,
  isValidTimeZone,
  isoToInstant,
  isoWall,
  validWall,
  wallMs,
  wallToInstant,
} from '../time/index.js';
import { plainText } from './plain-text.js';
import { fromSource } from './source-records.js';

export interface TribeOptions {
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Plain text of a WordPress-rendered field (`&#8211;`, `&amp;`, a stray tag …). */
const plain = (value: unknown): string | undefined => plainText(asString(value)) || undefined;

const localRe = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Wall ms of a Tribe `YYYY-MM-DD HH:MM:SS`; `undefined` when missing or impossible. */
function localWall(value: unknown): number | undefined {
  const m = typeof value === 'string' ? localRe.exec(value.trim()) : null;
  if (!m) return undefined;
  const parts = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const [y, mo, d, h, mi, s] = parts;
  return validWall(y, mo, d, h, mi, s) ? wallMs(y, mo, d, h, mi, s) : undefined;
}

/** WordPress manual offsets: `UTC+8`, `UTC-3.5`, `UTC+0`, `UTC` → ms. */
function manualOffset(timeZone: string | undefined): number | undefined {
  const m = timeZone ? /^UTC(?:([+-])(\d{1,2}(?:\.\d+)?))?$/i.exec(timeZone) : null;
  if (!m) return undefined;
  const hours = m[2] ? Number(m[2]) : 0;
  return hours <= 14 ? (m[1] === '-' ? -1 : 1) * Math.round(hours * 60) * 60_000 : undefined;
}

/** One time: local wall + zone → offset ISO; else local vs UTC fields; else UTC; else floating. */
function eventTime(
  local: unknown,
  utc: unknown,
  timeZone: string | undefined,
): { iso: string; timeZone?: string } | undefined {
  const wall = localWall(local);
  const utcWall = localWall(utc);
  if (wall !== undefined && isValidTimeZone(timeZone)) {
    return { iso: instantToZonedIso(wallToInstant(wall, timeZone), timeZone), timeZone };
  }
  const manual = manualOffset(timeZone);
  if (wall !== undefined && manual !== undefined)
    return { iso: formatOffsetIso(wall - manual, manual) };
  if (wall !== undefined && utcWall !== undefined && Math.abs(wall - utcWall) <= 18 * 3_600_000) {
    return { iso: formatOffsetIso(utcWall, wall - utcWall) };
  }
  if (utcWall !== undefined) return { iso: `${isoWall(utcWall)}Z` };
  if (wall !== undefined) return { iso: isoWall(wall) };
  return undefined;
}

function looksLikeEvent(value: unknown): value is JsonObject {
  return (
    isObject(value) &&
    'start_date' in value &&
    ('utc_start_date' in value || 'all_day' in value || 'timezone' in value || 'venue' in value)
  );
}

/** The event records of a Tribe document, or `undefined` when it is not one. */
function eventsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc.length && doc.every(looksLikeEvent) ? doc : undefined;
  if (!isObject(doc)) return undefined;
  if (Array.isArray(doc.events)) {
    const { events } = doc;
    const archive = 'rest_url' in doc || 'total' in doc || 'total_pages' in doc;
    return archive || (events.length > 0 && events.some(looksLikeEvent)) ? events : undefined;
  }
  if (doc.code === 'event-archive-page-not-found') return [];
  return looksLikeEvent(doc) ? [doc] : undefined;
}

function location(venue: unknown): Location | undefined {
  if (!isObject(venue)) return undefined;
  const result: Location = {};
  const name = plain(venue.venue);
  if (name) result.name = name;
  const region = venue.stateprovince ?? venue.province ?? venue.state;
  const address = [venue.address, venue.city, region, venue.zip, venue.country]
    .map(plain)
    .filter(Boolean)
    .join(', ');
  if (address) result.address = address;
  const lat = asNumber(venue.geo_lat);
  const lng = asNumber(venue.geo_lng);
  if (lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
    result.lat = lat;
    result.lng = lng;
  }
  return Object.keys(result).length ? result : undefined;
}

function names(value: unknown, key: string): string[] {
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  const out = list.map((item) => plain(isObject(item) ? item[key] : item)).filter(Boolean);
  return [...new Set(out as string[])];
}

/**
 * Reads a Tribe events archive (or a single event, or a bare array of events). Throws
 * `DandelionError('format')` for anything else; events without a title or start are skipped.
 */
export function readTribe(doc: unknown, opts: TribeOptions = {}): ReadResult<CalendarEvent> {
  const events = eventsOf(doc);
  if (!events) {
    throw new DandelionError('format', 'not a The Events Calendar REST response (no events)');
  }
  const result: ReadResult<CalendarEvent> = { items: [], skipped: 0, warnings: [] };
  const skip = (reason: string) => {
    result.skipped++;
    if (result.warnings.length < 5) result.warnings.push(reason);
  };
  const ids = new Set<string>();
  events.forEach((record, index) => {
    if (!isObject(record)) return skip(`event ${index}: not an object`);
    if (record.hide_from_listings === true) return;
    const title = plain(record.title);
    if (!title) return skip(`event ${index}: no title`);
    const timeZone = asString(record.timezone);
    const allDay = record.all_day === true || record.all_day === 'true' || record.all_day === 1;
    let start: { iso: string; timeZone?: string } | undefined;
    let end: { iso: string; timeZone?: string } | undefined;
    if (allDay) {
      const startWall = localWall(record.start_date) ?? localWall(record.utc_start_date);
      if (startWall !== undefined) {
        const startDay = Math.floor(startWall / DAY) * DAY;
        start = { iso: isoWall(startDay, true) };
        const endWall = localWall(record.end_date);
        let endDay = endWall === undefined ? startDay : Math.floor(endWall / DAY) * DAY;
        // Tribe ends an all-day event at 23:59:59 of its last day; the model's end is exclusive.
        if (endWall === undefined || endWall > endDay) endDay += DAY;
        end = { iso: isoWall(Math.max(endDay, startDay + DAY), true) };
      }
    } else {
      start = eventTime(record.start_date, record.utc_start_date, timeZone);
      end = eventTime(record.end_date, record.utc_end_date, timeZone);
    }
    if (!start) return skip(`"${title}": no valid start_date, skipped`);

    const idValue = asString(record.id) ?? asString(record.global_id);
    let id = idValue ?? stableId(`${title}|${start.iso}`);
    if (ids.has(id)) id = `${id}-${stableId(start.iso)}`;
    ids.add(id);
    const event: CalendarEvent = { id, title, start: start.iso, allDay, categories: [] };
    const endInstant = isoToInstant(end?.iso);
    if (end && endInstant !== undefined && endInstant > (isoToInstant(start.iso) as number)) {
      event.end = end.iso;
    }
    if (start.timeZone) event.timeZone = start.timeZone;
    const description = asString(record.description);
    if (description) event.description = description;
    const url = safeUrl(record.url, opts.baseUrl);
    const website = safeUrl(plain(record.website), opts.baseUrl);
    if (url ?? website) event.url = url ?? website;
    if (website && website !== event.url) event.registrationUrl = website;
    const place = location(record.venue);
    if (place) event.location = place;
    event.categories = names(record.categories, 'name');
    const organizers = names(record.organizer, 'organizer');
    if (organizers.length) {
      event.organizer = organizers.join(/[\u3400-\u9fff]/.test(organizers.join('')) ? '、' : ', ');
    }
    const cost = plain(record.cost);
    if (cost) event.cost = cost;
    result.items.push(fromSource(event, record));
  });
  return result;
}

/** The next page of a Tribe archive (`next_rest_url`), when there is one and it is http(s). */
export function tribeNextPage(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined;
  const next = safeUrl(doc.next_rest_url);
  return next && /^https?:/.test(next) ? next : undefined;
}
