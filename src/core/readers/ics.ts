/**
 * iCalendar (RFC 5545) → CalendarEvent. ical.js is loaded (`await import`, see `loadIcal`) only
 * for a document with VTIMEZONE blocks or a rarer RRULE, so most pages never download it.
 *
 * Content lines (§3.1: unfolding, parameters, quoting, TEXT escapes) are split here, in one
 * cheap pass: `ICAL.parse` costs ~120 ms for 5,000 events on its own and rejects a whole
 * document for one bad value, where a reader should only lose that value. ical.js does the
 * RFC-heavy parts, and is loaded only for a document that needs them: each VTIMEZONE block is
 * parsed by `ICAL.parse` into an `ICAL.Timezone` and registered with `ICAL.TimezoneService` for
 * the read (so TZID parameters resolve through it), and RRULEs outside our own iterator's subset
 * (`rrule.ts`) are read and checked by `ICAL.Recur`. Durations are read here.
 *
 * Times: `Z` → UTC; a TZID with a usable VTIMEZONE → that definition; a TZID that is an IANA
 * name (or maps to one) → `Intl`; anything else → floating, with a warning. Floating times
 * follow X-WR-TIMEZONE when the calendar names one. Recurrence stays a rule (RRULE / RDATE /
 * EXDATE, RECURRENCE-ID overrides merged into the master), never expanded here.
 */
import type ICAL from 'ical.js';
import { DandelionError, toDandelionError } from '../errors.js';
import { stableId } from '../stable-id.js';
import type { CalendarEvent, Location, ReadResult, Recurrence } from '../models.js';
import { safeUrl, textToHtml } from '../safe-url.js';
import {
  DAY,
  formatOffsetIso,
  instantToZonedIso,
  isValidTimeZone,
  isoWall,
  validWall,
  wallMs,
  wallToInstant,
} from '../time/index.js';
import { loadIcal, recurrenceProblem, type IcalModule } from '../series.js';
import { parseRule } from '../rrule.js';

export interface IcsOptions {
  /** URL of the document, to resolve relative links. */
  baseUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// Content lines
// ---------------------------------------------------------------------------------------------

/** One content line: upper-case name, parameters (first value each, upper-case names), raw value. */
interface Prop {
  name: string;
  params?: Record<string, string>;
  value: string;
}

interface Calendar {
  props: Prop[];
  events: Prop[][];
  /** Raw (unfolded) lines of each VTIMEZONE, BEGIN to END. */
  zones: string[][];
}

/** RFC 6868 parameter escapes: ^n newline, ^^ caret, ^' quote. */
function caretDecode(value: string): string {
  if (!value.includes('^')) return value;
  return value.replace(/\^(n|\^|')/g, (_, c: string) => (c === 'n' ? '\n' : c === '^' ? '^' : '"'));
}

/** The VEVENT properties the reader uses; others (ATTENDEE, DTSTAMP…) are not split at all. */
const eventProps = new Set([
  'SUMMARY',
  'DTSTART',
  'DTEND',
  'DURATION',
  'UID',
  'DESCRIPTION',
  'LOCATION',
  'GEO',
  'URL',
  'ORGANIZER',
  'STATUS',
  'RECURRENCE-ID',
  'RRULE',
  'RDATE',
  'EXDATE',
  'CATEGORIES',
]);

/**
 * Splits the content line `text[from, to)` (`NAME;P=V;Q="a:b":value`); `undefined` when it is
 * not a content line, or its name is not in `only`.
 */
function parseLine(text: string, from = 0, to = text.length, only?: Set<string>): Prop | undefined {
  let i = from;
  let lower = false;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 59 /* ; */) break;
    if (c >= 97 && c <= 122) lower = true;
    i++;
  }
  if (i === from || i === to) return undefined;
  const name = lower ? text.slice(from, i).toUpperCase() : text.slice(from, i);
  if (only && !only.has(name)) return undefined;
  let params: Record<string, string> | undefined;
  while (text.charCodeAt(i) === 59) {
    const eq = text.indexOf('=', i + 1);
    if (eq < 0 || eq >= to) return undefined;
    const key = text.slice(i + 1, eq).toUpperCase();
    i = eq + 1;
    let firstValue: string | undefined;
    // A parameter may list several values, quoted or not: keep the first.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        const close = text.indexOf('"', i + 1);
        if (close < 0 || close >= to) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        let j = i;
        while (j < to) {
          const c = text.charCodeAt(j);
          if (c === 58 || c === 59 || c === 44 /* , */) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      firstValue ??= value;
      if (i >= to || text.charCodeAt(i) !== 44) break;
      i++;
    }
    (params ??= {})[key] = caretDecode(firstValue);
  }
  if (i >= to || text.charCodeAt(i) !== 58) return undefined;
  const prop: Prop = { name, value: text.slice(i + 1, to) };
  if (params) prop.params = params;
  return prop;
}

/** Whether `text` has `word` (upper-case ASCII letters) and a colon at `from`, ignoring case. */
function startsWithWord(text: string, from: number, to: number, word: string): boolean {
  const n = word.length;
  if (to - from <= n || text.charCodeAt(from + n) !== 58 /* : */) return false;
  for (let i = 0; i < n; i++) {
    if ((text.charCodeAt(from + i) & 0xdf) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The calendars of a text: unfolds, splits and nests the content lines (by offsets, so lines
 * the reader does not use cost no strings). Throws `DandelionError('parse')` when components
 * do not close (a truncated download) or an END closes nothing that is open.
 */
function tokenize(input: string): Calendar[] {
  // Old Mac files end lines with a bare CR.
  const normalized =
    !input.includes('\n') && input.includes('\r') ? input.replace(/\r/g, '\n') : input;
  const source = normalized.replace(/\r?\n[ \t]/g, '');
  const calendars: Calendar[] = [];
  const stack: string[] = [];
  let calendar: Calendar | undefined;
  let event: Prop[] | undefined;
  let zone: string[] | undefined;
  const length = source.length;
  for (let pos = 0; pos < length;) {
    let next = source.indexOf('\n', pos);
    if (next < 0) next = length;
    const end = next > pos && source.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const from = pos;
    pos = next + 1;
    if (end === from) continue;
    const first = source.charCodeAt(from) & 0xdf;
    if (first === 66 /* B */ && startsWithWord(source, from, end, 'BEGIN')) {
      const name = source
        .slice(from + 6, end)
        .trim()
        .toUpperCase();
      if (stack.length === 0 && name === 'VCALENDAR') {
        calendar = { props: [], events: [], zones: [] };
      } else if (stack.length === 1 && stack[0] === 'VCALENDAR' && calendar) {
        if (name === 'VEVENT') calendar.events.push((event = []));
        else if (name === 'VTIMEZONE') calendar.zones.push((zone = []));
      }
      zone?.push(source.slice(from, end));
      stack.push(name);
      continue;
    }
    if (first === 69 /* E */ && startsWithWord(source, from, end, 'END')) {
      const name = source
        .slice(from + 4, end)
        .trim()
        .toUpperCase();
      const open = stack.lastIndexOf(name);
      if (open < 0) throw new DandelionError('parse', `END:${name} closes nothing`);
      zone?.push(source.slice(from, end));
      stack.length = open; // also closes components left open inside it
      if (stack.length <= 1) {
        event = undefined;
        zone = undefined;
      }
      if (stack.length === 0 && name === 'VCALENDAR' && calendar) {
        calendars.push(calendar);
        calendar = undefined;
      }
      continue;
    }
    if (zone) {
      zone.push(source.slice(from, end));
    } else if (stack.length === 2 && event) {
      const prop = parseLine(source, from, end, eventProps);
      if (prop) event.push(prop);
    } else if (stack.length === 1 && calendar) {
      const prop = parseLine(source, from, end);
      if (prop) calendar.props.push(prop);
    }
  }
  if (stack.length) {
    throw new DandelionError('parse', `iCalendar text ends inside ${stack[stack.length - 1]}`);
  }
  return calendars;
}

/** TEXT value unescaped (RFC 5545 §3.3.11). */
function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The comma-separated values of a multi-valued property (commas escaped in TEXT stay). */
function splitValues(value: string, isText: boolean): string[] {
  if (!isText || !value.includes('\\')) return value.split(',');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
    } else if (c === ',') {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function text(prop: Prop | undefined): string | undefined {
  if (!prop) return undefined;
  const value = unescapeText(prop.value).trim();
  return value ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Time zones and times
// ---------------------------------------------------------------------------------------------

/** Windows zone names (Outlook exports) for the zones our users are most likely to meet. */
const windowsZones: Record<string, string> = {
  'China Standard Time': 'Asia/Shanghai',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Singapore Standard Time': 'Asia/Singapore',
  'India Standard Time': 'Asia/Kolkata',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

/** The IANA name behind a TZID: itself, X-LIC-LOCATION, a Windows name, or a `/vendor/…/Area/City` tail. */
function ianaName(tzid: string, location?: string): string | undefined {
  const segments = tzid.split('/').filter(Boolean);
  const candidates = [
    tzid,
    location,
    windowsZones[tzid],
    segments.slice(-3).join('/'),
    segments.slice(-2).join('/'),
  ];
  return candidates.find((name) => isValidTimeZone(name));
}

/** A usable ical.js Timezone for a VTIMEZONE block, or `undefined` when it is broken. */
function buildZone(ical: IcalModule, lines: string[], tzid: string): ICAL.Timezone | undefined {
  try {
    const calendar = new ical.Component(
      ical.parse(`BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR`),
    );
    const component = calendar.getFirstSubcomponent('vtimezone');
    const observances = [
      ...(component?.getAllSubcomponents('standard') ?? []),
      ...(component?.getAllSubcomponents('daylight') ?? []),
    ];
    if (!component || !observances.length) return undefined;
    for (const observance of observances) {
      if (!observance.getFirstPropertyValue('dtstart')) return undefined;
      if (!observance.getFirstPropertyValue('tzoffsetto')) return undefined;
    }
    const zone = new ical.Timezone({ component, tzid });
    for (const [year, month] of [
      [2026, 1],
      [2026, 7],
      [1990, 1],
    ]) {
      const offset = zone.utcOffset(ical.Time.fromData({ year, month, day: 15, hour: 12 }));
      if (!Number.isFinite(offset) || Math.abs(offset) > 18 * 3600) return undefined;
    }
    return zone;
  } catch {
    return undefined;
  }
}

/** How the times of one TZID are read. */
type Zone =
  | { kind: 'floating' }
  | { kind: 'intl'; timeZone: string }
  | { kind: 'ical'; tzid: string; timeZone?: string };

/** A time read from a property. */
interface IcsTime {
  iso: string;
  allDay: boolean;
  timeZone?: string;
  /** Wall-clock time as written (see `wallMs`). */
  wall: number;
  /** Instant (ms) for times that have one. */
  instant?: number;
  zone?: Zone;
  utc?: boolean;
}

/** Basic (`20261128T093000Z`) or, leniently, extended (`2026-11-28T09:30:00Z`) date / date-time. */
const timeRe = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(Z)?)?$/i;

/** Warnings kept for the console (at most 5, no repeats) and the skip count. */
class Notes {
  skipped = 0;
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();

  warn(message: string): void {
    if (this.warnings.length >= 5 || this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push(message);
  }

  skip(reason: string): void {
    this.skipped++;
    this.warn(reason);
  }
}

/** Reading state shared by the events of one document. */
class Reader {
  private readonly zoneCache = new Map<string, Zone>();
  private readonly ruleCache = new Map<string, { rule?: string; problem?: string }>();
  /** Times already read (feeds repeat the same few start times a lot). */
  private readonly timeCache = new Map<string, IcsTime | undefined>();
  private defaultZone: string | undefined;

  constructor(
    /** Loaded only for documents that need it (VTIMEZONE blocks, rarer RRULEs). */
    private readonly ical: IcalModule | undefined,
    /** TZID → usable VTIMEZONE (`timeZone` = its IANA name, if any) or `null` when broken. */
    private readonly definitions: Map<string, { timeZone?: string } | null>,
    readonly notes: Notes,
    readonly baseUrl: string | undefined,
  ) {}

  /**
   * The RRULE (in ical.js's normal form when ical.js reads it), or why it cannot be used; once
   * per distinct rule.
   */
  rule(value: string, start: string, allDay: boolean): { rule?: string; problem?: string } {
    const key = `${allDay ? 'D' : 'T'}${value}`;
    let checked = this.ruleCache.get(key);
    if (!checked) {
      try {
        const own = parseRule(value);
        if (typeof own === 'string') throw new Error(own);
        const rule = own
          ? value.trim()
          : (this.ical as IcalModule).Recur.fromString(value.trim()).toString();
        const problem = recurrenceProblem(this.ical, rule, start, allDay);
        checked = problem ? { problem } : { rule };
      } catch (error) {
        checked = { problem: error instanceof Error ? error.message : String(error) };
      }
      this.ruleCache.set(key, checked);
    }
    return checked;
  }

  /** X-WR-TIMEZONE of the calendar being read: the zone of its floating times. */
  setDefaultZone(timeZone: string | undefined): void {
    if (timeZone === this.defaultZone) return;
    this.defaultZone = timeZone;
    this.timeCache.clear();
  }

  zoneFor(tzid: string | undefined): Zone {
    if (!tzid) {
      return this.defaultZone ? { kind: 'intl', timeZone: this.defaultZone } : { kind: 'floating' };
    }
    let zone = this.zoneCache.get(tzid);
    if (zone) return zone;
    const definition = this.definitions.get(tzid);
    const iana = ianaName(tzid);
    if (definition) {
      zone = { kind: 'ical', tzid, timeZone: definition.timeZone ?? iana };
    } else if (iana) {
      zone = { kind: 'intl', timeZone: iana };
    } else {
      this.notes.warn(
        definition === null
          ? `VTIMEZONE "${tzid}" is broken and not an IANA zone; its times are read as floating`
          : `unknown time zone "${tzid}"; its times are read as floating`,
      );
      zone = { kind: 'floating' };
    }
    this.zoneCache.set(tzid, zone);
    return zone;
  }

  /** A wall-clock time placed in a zone. */
  place(wall: number, zone: Zone): IcsTime {
    if (zone.kind === 'floating') return { iso: isoWall(wall), allDay: false, wall, zone };
    if (zone.kind === 'intl') {
      const instant = wallToInstant(wall, zone.timeZone);
      const iso = instantToZonedIso(instant, zone.timeZone);
      return { iso, allDay: false, wall, instant, zone, timeZone: zone.timeZone };
    }
    const d = new Date(wall);
    // Resolved through ICAL.TimezoneService, where this read registered the VTIMEZONEs.
    const time = (this.ical as IcalModule).Time.fromData({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      isDate: false,
      timezone: zone.tzid,
    });
    const offset = time.utcOffset() * 1000;
    const instant = wall - offset;
    const placed: IcsTime = { iso: formatOffsetIso(instant, offset), allDay: false, wall, instant };
    placed.zone = zone;
    if (zone.timeZone) placed.timeZone = zone.timeZone;
    return placed;
  }

  /** A DATE / DATE-TIME value (DTSTART, one RDATE…); `undefined` when invalid. */
  time(value: string, params: Record<string, string> | undefined): IcsTime | undefined {
    const tzid = params?.TZID;
    const key = tzid === undefined ? value : `${value}\u0000${tzid}`;
    if (this.timeCache.has(key)) return this.timeCache.get(key);
    const time = this.readTime(value, tzid);
    this.timeCache.set(key, time);
    return time;
  }

  private readTime(value: string, tzid: string | undefined): IcsTime | undefined {
    const m = timeRe.exec(value.trim());
    if (!m) return undefined;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (m[4] === undefined) {
      if (!validWall(y, mo, d)) return undefined;
      const wall = wallMs(y, mo, d);
      return { iso: isoWall(wall, true), allDay: true, wall };
    }
    const h = Number(m[4]);
    const mi = Number(m[5]);
    const s = Math.min(59, Number(m[6]));
    if (!validWall(y, mo, d, h, mi, s)) return undefined;
    const wall = wallMs(y, mo, d, h, mi, s);
    if (m[7]) return { iso: `${isoWall(wall)}Z`, allDay: false, wall, instant: wall, utc: true };
    return this.place(wall, this.zoneFor(tzid));
  }

  /** `start` moved by a duration: days count on the calendar, hours/minutes/seconds exactly. */
  add(start: IcsTime, days: number, seconds: number): IcsTime {
    const wall = start.wall + days * DAY;
    if (start.allDay) return { iso: isoWall(wall, true), allDay: true, wall };
    if (start.utc) {
      const instant = wall + seconds * 1000;
      return { iso: `${isoWall(instant)}Z`, allDay: false, wall: instant, instant, utc: true };
    }
    const zone = start.zone ?? { kind: 'floating' };
    if (zone.kind === 'intl') {
      const instant = wallToInstant(wall, zone.timeZone) + seconds * 1000;
      const iso = instantToZonedIso(instant, zone.timeZone);
      return { iso, allDay: false, wall: wall + seconds * 1000, instant, zone };
    }
    return this.place(wall + seconds * 1000, zone);
  }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** The properties of one VEVENT that the reader uses, gathered in one pass. */
interface EventProps {
  summary?: Prop;
  dtstart?: Prop;
  dtend?: Prop;
  duration?: Prop;
  uid?: Prop;
  description?: Prop;
  location?: Prop;
  geo?: Prop;
  url?: Prop;
  organizer?: Prop;
  status?: Prop;
  recurrenceId?: Prop;
  rrule?: Prop;
  rdates: Prop[];
  exdates: Prop[];
  categories: Prop[];
}

function gather(props: Prop[]): EventProps {
  const found: EventProps = { rdates: [], exdates: [], categories: [] };
  for (const prop of props) {
    switch (prop.name) {
      case 'SUMMARY':
        found.summary ??= prop;
        break;
      case 'DTSTART':
        found.dtstart ??= prop;
        break;
      case 'DTEND':
        found.dtend ??= prop;
        break;
      case 'DURATION':
        found.duration ??= prop;
        break;
      case 'UID':
        found.uid ??= prop;
        break;
      case 'DESCRIPTION':
        found.description ??= prop;
        break;
      case 'LOCATION':
        found.location ??= prop;
        break;
      case 'GEO':
        found.geo ??= prop;
        break;
      case 'URL':
        found.url ??= prop;
        break;
      case 'ORGANIZER':
        found.organizer ??= prop;
        break;
      case 'STATUS':
        found.status ??= prop;
        break;
      case 'RECURRENCE-ID':
        found.recurrenceId ??= prop;
        break;
      case 'RRULE':
        found.rrule ??= prop;
        break;
      case 'RDATE':
        found.rdates.push(prop);
        break;
      case 'EXDATE':
        found.exdates.push(prop);
        break;
      case 'CATEGORIES':
        found.categories.push(prop);
        break;
    }
  }
  return found;
}

function readLocation(props: EventProps): Location | undefined {
  const name = text(props.location);
  let location: Location | undefined = name ? { name } : undefined;
  const geo = props.geo?.value.split(/[;,]/);
  if (geo?.length === 2) {
    const lat = Number(geo[0]);
    const lng = Number(geo[1]);
    if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && geo[0].trim() && geo[1].trim()) {
      location = { ...location, lat, lng };
    }
  }
  return location;
}

function readCategories(props: EventProps): string[] {
  const out: string[] = [];
  for (const prop of props.categories) {
    for (const value of splitValues(prop.value, true)) {
      const trimmed = unescapeText(value).trim();
      if (trimmed && !out.includes(trimmed)) out.push(trimmed);
    }
  }
  return out;
}

/** RFC 5545 §3.3.6 dur-value: P1W, P2D, PT1H30M, P1DT12H… (a negative one is no end). */
const durationRe = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

function durationParts(prop: Prop | undefined): { days: number; seconds: number } | undefined {
  const value = prop?.value.trim() ?? '';
  const m = durationRe.exec(value);
  if (!m || !/\d/.test(value) || /T$/i.test(value)) return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((n) => Number(n ?? 0));
  return { days: weeks * 7 + days, seconds: hours * 3600 + minutes * 60 + seconds };
}

interface ReadEvent {
  event: CalendarEvent;
  uid?: string;
  recurrenceId?: IcsTime;
  cancelled: boolean;
  /** The VEVENT gave its own end (DTEND or DURATION). */
  hasEnd: boolean;
}

/** The instants (or wall times) of RDATE / EXDATE values, PERIODs by their start. */
function dates(reader: Reader, props: Prop[]): string[] {
  const out: string[] = [];
  for (const prop of props) {
    for (const value of splitValues(prop.value, false)) {
      const iso = reader.time(value.split('/')[0], prop.params)?.iso;
      if (iso) out.push(iso);
    }
  }
  return out;
}

function readEvent(reader: Reader, props: EventProps): ReadEvent | undefined {
  const { notes } = reader;
  // SUMMARY is optional (RFC 5545 §3.6.1): an event without one is still an event.
  const title = text(props.summary) ?? '';
  const start = props.dtstart && reader.time(props.dtstart.value, props.dtstart.params);
  if (!start) {
    notes.skip(`"${title || text(props.uid) || 'VEVENT'}": no valid DTSTART, skipped`);
    return undefined;
  }
  let end: IcsTime | undefined;
  const endTime = props.dtend && reader.time(props.dtend.value, props.dtend.params);
  if (endTime) {
    if (start.allDay && !endTime.allDay) end = reader.add({ ...endTime, allDay: true }, 0, 0);
    else if (!start.allDay && endTime.allDay) end = undefined;
    else end = endTime;
  } else {
    const duration = durationParts(props.duration);
    if (duration) end = reader.add(start, duration.days, duration.seconds);
  }
  const hasEnd = end !== undefined;
  const startInstant = start.instant ?? start.wall;
  const endInstant = end ? (end.instant ?? end.wall) : undefined;
  if (end && endInstant !== undefined && endInstant <= startInstant) {
    if (endInstant < startInstant) notes.warn(`"${title}": DTEND before DTSTART ignored`);
    end = undefined;
  }
  // An all-day event without an end lasts one day (RFC 5545 §3.6.1).
  if (!end && start.allDay) end = reader.add(start, 1, 0);

  const uid = text(props.uid);
  const event: CalendarEvent = {
    id: uid ?? stableId(`${title}|${start.iso}`),
    title,
    start: start.iso,
    allDay: start.allDay,
    categories: readCategories(props),
  };
  if (!title) event.untitled = true;
  if (end) event.end = end.iso;
  if (start.timeZone) event.timeZone = start.timeZone;
  const description = text(props.description);
  if (description) event.description = textToHtml(description);
  const location = readLocation(props);
  if (location) event.location = location;
  const url = safeUrl(text(props.url), reader.baseUrl);
  if (url) event.url = url;
  const organizer =
    props.organizer?.params?.CN?.trim() || text(props.organizer)?.replace(/^mailto:/i, '');
  if (organizer) event.organizer = organizer;

  const recurrence: Recurrence = {};
  if (props.rrule) {
    const { rule, problem } = reader.rule(props.rrule.value, start.iso, start.allDay);
    if (rule) recurrence.rrule = rule;
    else notes.warn(`"${title}": RRULE could not be used (${problem}); shown once`);
  }
  const rdates = dates(reader, props.rdates);
  const exdates = dates(reader, props.exdates);
  if (rdates.length) recurrence.rdates = rdates;
  if (exdates.length) recurrence.exdates = exdates;
  if (recurrence.rrule || recurrence.rdates) event.recurrence = recurrence;

  const read: ReadEvent = {
    event,
    cancelled: text(props.status)?.toUpperCase() === 'CANCELLED',
    hasEnd,
  };
  if (uid) read.uid = uid;
  const recurrenceId =
    props.recurrenceId && reader.time(props.recurrenceId.value, props.recurrenceId.params);
  if (recurrenceId) read.recurrenceId = recurrenceId;
  return read;
}

/** What an override changes: every field its VEVENT states. */
function overrideOf(read: ReadEvent): Partial<Omit<CalendarEvent, 'recurrence'>> {
  const { event } = read;
  const override: Partial<Omit<CalendarEvent, 'recurrence'>> = {
    title: event.title,
    start: event.start,
    allDay: event.allDay,
  };
  if (event.end && (read.hasEnd || event.allDay)) override.end = event.end;
  for (const key of ['description', 'location', 'url', 'organizer', 'timeZone'] as const) {
    if (event[key] !== undefined) (override as Record<string, unknown>)[key] = event[key];
  }
  if (event.categories.length) override.categories = event.categories;
  return override;
}

function readCalendar(
  reader: Reader,
  calendar: Calendar,
  items: CalendarEvent[],
  ids: Set<string>,
): void {
  const { notes } = reader;
  const wrTimeZone = text(calendar.props.find((prop) => prop.name === 'X-WR-TIMEZONE'));
  reader.setDefaultZone(isValidTimeZone(wrTimeZone) ? wrTimeZone : undefined);
  const masters = new Map<string, CalendarEvent>();
  const overrides: ReadEvent[] = [];
  for (const props of calendar.events) {
    let read: ReadEvent | undefined;
    try {
      read = readEvent(reader, gather(props));
    } catch (error) {
      notes.skip(`VEVENT could not be read: ${error instanceof Error ? error.message : error}`);
    }
    if (!read) continue;
    if (read.recurrenceId && read.uid) {
      overrides.push(read);
      continue;
    }
    if (read.cancelled) continue;
    const { event } = read;
    if (ids.has(event.id)) event.id = `${event.id}-${stableId(event.start)}`;
    ids.add(event.id);
    if (read.uid && !masters.has(read.uid)) masters.set(read.uid, event);
    items.push(event);
  }
  for (const read of overrides) {
    const master = masters.get(read.uid as string);
    const key = (read.recurrenceId as IcsTime).iso;
    if (master) {
      const recurrence = (master.recurrence ??= {});
      if (read.cancelled) {
        recurrence.exdates = [...(recurrence.exdates ?? []), key];
      } else {
        recurrence.overrides = { ...recurrence.overrides, [key]: overrideOf(read) };
      }
      continue;
    }
    if (read.cancelled) continue;
    // An override whose series is not in this feed is an ordinary event.
    const { event } = read;
    event.id = `${event.id}-${stableId(key)}`;
    if (ids.has(event.id)) continue;
    ids.add(event.id);
    items.push(event);
  }
}

/**
 * Reads an iCalendar text. Throws `DandelionError('format')` when the text is not iCalendar
 * and `DandelionError('parse')` when it is truncated or badly nested; bad events are skipped.
 */
export async function readIcs(
  input: string,
  opts: IcsOptions = {},
): Promise<ReadResult<CalendarEvent>> {
  const source = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
  if (!/^\s*BEGIN:VCALENDAR/i.test(source)) {
    throw new DandelionError('format', 'not an iCalendar text (no BEGIN:VCALENDAR)');
  }
  const calendars = (() => {
    try {
      return tokenize(source);
    } catch (error) {
      throw toDandelionError(error, 'parse');
    }
  })();
  // ical.js (~23 kB gz) only for what our own code does not read: VTIMEZONE blocks and the
  // rarer RRULEs (rrule.ts reads the everyday ones).
  const needsIcal = calendars.some(
    (calendar) =>
      calendar.zones.length > 0 ||
      calendar.events.some((props) =>
        props.some((prop) => prop.name === 'RRULE' && parseRule(prop.value) === undefined),
      ),
  );
  const ical = needsIcal ? await loadIcal() : undefined;
  const service = ical?.TimezoneService;
  const replaced = new Map<string, ICAL.Timezone | undefined>();
  try {
    const notes = new Notes();
    const definitions = new Map<string, { timeZone?: string } | null>();
    for (const lines of calendars.flatMap((calendar) => calendar.zones)) {
      const tzidLine = lines.find((line) => /^TZID[;:]/i.test(line));
      const tzid = tzidLine && text(parseLine(tzidLine));
      if (!tzid || definitions.get(tzid)) continue;
      const zone = buildZone(ical as IcalModule, lines, tzid);
      if (!zone) {
        definitions.set(tzid, null);
        continue;
      }
      const locationLine = lines.find((line) => /^X-LIC-LOCATION[;:]/i.test(line));
      const timeZone = ianaName(tzid, locationLine && text(parseLine(locationLine)));
      definitions.set(tzid, timeZone ? { timeZone } : {});
      if (!replaced.has(tzid))
        replaced.set(tzid, service?.has(tzid) ? service.get(tzid) : undefined);
      service?.register(zone, tzid);
    }
    const reader = new Reader(ical, definitions, notes, opts.baseUrl);
    const items: CalendarEvent[] = [];
    const ids = new Set<string>();
    for (const calendar of calendars) readCalendar(reader, calendar, items, ids);
    return { items, skipped: notes.skipped, warnings: notes.warnings };
  } catch (error) {
    throw toDandelionError(error, 'parse');
  } finally {
    // The zones were this document's; leave the shared registry as it was.
    for (const [tzid, previous] of replaced) {
      if (previous) service?.register(previous, tzid);
      else service?.remove(tzid);
    }
  }
}
