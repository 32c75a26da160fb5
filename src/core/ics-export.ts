/**
 * Single-event iCalendar export ("add to my calendar"). Loaded when a visitor asks for the file.
 */
import { DandelionError } from './errors.js';
import type { Occurrence } from './recurrence.js';
import { safeUrl } from './safe-url.js';
import { htmlToText } from './sanitize.js';
import {
  DAY,
  isValidTimeZone,
  isoToInstant,
  isoWall,
  pad2,
  parseIso,
  zoneOffset,
  type IsoParts,
} from './time/index.js';

// Single-event iCalendar export
// ---------------------------------------------------------------------------------------------

/** RFC 5545 TEXT escaping (backslash, semicolon, comma, newline); control characters dropped. */
function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/([\\;,])/g, '\\$1')
      .replace(/\n/g, '\\n')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return out;
}

function basic(wall: number, dateOnly = false): string {
  return isoWall(wall, dateOnly).replace(/[-:]/g, '');
}

function basicOffset(offset: number): string {
  const minutes = Math.round(offset / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

/**
 * A VTIMEZONE for `timeZone` built from `Intl`, listing every offset change from a year before
 * `from` to a year after `to` (found weekly, then to the second), so strict clients and ical.js
 * resolve the TZID without an IANA database of their own.
 */
function vtimezone(timeZone: string, from: number, to: number): string[] {
  const week = 7 * DAY;
  const lo = from - 400 * DAY;
  const hi = to + 400 * DAY;
  const first = zoneOffset(lo, timeZone);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${escapeText(timeZone)}`,
    'BEGIN:STANDARD',
    `DTSTART:${basic(Math.min(lo + first, 0))}`,
    `TZOFFSETFROM:${basicOffset(first)}`,
    `TZOFFSETTO:${basicOffset(first)}`,
    'END:STANDARD',
  ];
  let previous = first;
  for (let t = lo + week; t <= hi + week; t += week) {
    const offset = zoneOffset(t, timeZone);
    if (offset === previous) continue;
    let low = t - week;
    let high = t;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (zoneOffset(mid, timeZone) === previous) low = mid;
      else high = mid;
    }
    const kind = offset > previous ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${basic(high + previous)}`,
      `TZOFFSETFROM:${basicOffset(previous)}`,
      `TZOFFSETTO:${basicOffset(offset)}`,
      `END:${kind}`,
    );
    previous = offset;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** Plain text of the model's sanitized HTML, keeping paragraph and line breaks. */
function htmlToPlain(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n')
    .split('\n')
    .map((line) => htmlToText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface IcsExportOptions {
  /** PRODID of the calendar (default `-//Dandelion//dandelion-widgets//EN`). */
  prodId?: string;
  /** Link for the URL property (default: the event's own `url`). */
  url?: string;
}

/**
 * One occurrence as a complete iCalendar text (CRLF, folded, escaped) for "add to my calendar":
 * a zoned time as `DTSTART;TZID=…` with a generated VTIMEZONE, an offset-only time in UTC, an
 * all-day event as `VALUE=DATE` with an exclusive end.
 */
export function occurrenceToIcs(occ: Occurrence, opts: IcsExportOptions = {}): string {
  const event = occ.event;
  const start = parseIso(occ.start);
  if (!start) throw new DandelionError('format', `occurrence start is not ISO 8601: ${occ.start}`);
  const end = occ.end === undefined ? undefined : parseIso(occ.end);
  const allDay = event.allDay || start.dateOnly;
  const timeZone = isValidTimeZone(event.timeZone) ? event.timeZone : undefined;
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId ?? '-//Dandelion//dandelion-widgets//EN')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const body = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${occ.occurrenceId}@dandelion`)}`,
    `DTSTAMP:${basic(Math.floor(Date.now() / 1000) * 1000)}Z`,
  ];

  const dateTime = (name: string, parts: IsoParts): string => {
    if (parts.offset === undefined) {
      // Floating: in the event's zone when it has one, else floating for every reader.
      return timeZone
        ? `${name};TZID=${timeZone}:${basic(parts.wall)}`
        : `${name}:${basic(parts.wall)}`;
    }
    const instant = parts.wall - parts.offset;
    if (timeZone) {
      return `${name};TZID=${timeZone}:${basic(instant + zoneOffset(instant, timeZone))}`;
    }
    return `${name}:${basic(instant)}Z`;
  };

  if (allDay) {
    const startDay = Math.floor(start.wall / DAY) * DAY;
    let endDay = end ? Math.floor(end.wall / DAY) * DAY : startDay + DAY;
    if (endDay <= startDay) endDay = startDay + DAY;
    body.push(
      `DTSTART;VALUE=DATE:${basic(startDay, true)}`,
      `DTEND;VALUE=DATE:${basic(endDay, true)}`,
    );
  } else {
    body.push(dateTime('DTSTART', start));
    if (end && !end.dateOnly) body.push(dateTime('DTEND', end));
    if (timeZone) {
      const from = isoToInstant(occ.start) as number;
      const to = isoToInstant(occ.end) ?? from;
      head.push(...vtimezone(timeZone, from, Math.max(from, to)));
    }
  }

  body.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) {
    const text = htmlToPlain(event.description);
    if (text) body.push(`DESCRIPTION:${escapeText(text)}`);
  }
  const place = [event.location?.name, event.location?.address].filter(Boolean).join(', ');
  if (place) body.push(`LOCATION:${escapeText(place)}`);
  const { lat, lng } = event.location ?? {};
  if (typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat + lng)) {
    body.push(`GEO:${lat};${lng}`);
  }
  const url = safeUrl(opts.url ?? event.url);
  if (url) body.push(`URL:${url}`);
  if (event.categories?.length) {
    body.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  body.push('END:VEVENT', 'END:VCALENDAR');
  return [...head, ...body].map(fold).join('\r\n') + '\r\n';
}
