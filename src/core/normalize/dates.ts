/**
 * One date or one time of day as people write them in spreadsheets and APIs: ISO 8601,
 * `2026年11月25日14:30`, `下午2点半`, Excel serial numbers, epoch numbers. What services (opening
 * hours) and stories (dates) need; ranges and event times are in `when.ts`.
 */
import { asString, toIsoDate } from '../fields.js';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DIGITS = /^\d+$/;
export const DATE_THEN_REST = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(.+)$/;
const NOON_PERIODS = new Set(['中午']);
const PM_PERIODS = new Set(['下午', '晚上', '傍晚', '夜间', '夜間', 'pm', 'p.m.']);
const AM_PERIODS = new Set(['上午', '早上', '早晨', '凌晨', 'am', 'a.m.']);
const TIME =
  /^(上午|早上|早晨|凌晨|中午|下午|晚上|傍晚|夜间|夜間|am|pm)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*[点點时時](?:\s*(\d{1,2})\s*分?|\s*(半))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const HOUR_MARK = /[点點时時]/;
const pad = (n: number) => String(n).padStart(2, '0');

interface ParsedTime {
  time: string;
  period?: string;
}

/** `14:30`, `14:30:00`, `2:30 PM`, `2pm`, `下午2:30`, `14点30分`, `下午2点半` → `HH:MM:SS`. */
export function parseTime(value: string, defaultPeriod?: string): ParsedTime | undefined {
  // Fast path for what nearly every source sends (`09:00`, `17:30:00`): no normalizing, no
  // twelve-way alternation. Opening hours of 10,000 services are 20,000 of these.
  if (!defaultPeriod) {
    const plain = plainClock(value);
    if (plain !== null) return plain === undefined ? undefined : { time: plain };
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

const isDigitAt = (s: string, i: number) => {
  const code = s.charCodeAt(i);
  return code >= 48 && code <= 57;
};
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * `H:MM`, `HH:MM` or `HH:MM:SS` (ASCII digits) → `HH:MM:SS`, read without a
 * regular expression; `undefined` for an impossible time, `null` for text of another form.
 */
export function plainClock(value: string): string | undefined | null {
  const colon = value.charCodeAt(1) === 58 ? 1 : value.charCodeAt(2) === 58 ? 2 : -1;
  if (colon < 0 || (value.length !== colon + 3 && value.length !== colon + 6)) return null;
  const withSeconds = value.length === colon + 6;
  if (withSeconds && value.charCodeAt(colon + 3) !== 58) return null;
  for (let i = 0; i < value.length; i++) {
    if (i !== colon && i !== colon + 3 && !isDigitAt(value, i)) return null;
  }
  const hour = colon === 1 ? value.charCodeAt(0) - 48 : twoDigits(value, 0);
  const minute = twoDigits(value, colon + 1);
  const second = withSeconds ? twoDigits(value, colon + 4) : 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const hh = colon === 1 ? `0${value}` : value;
  return withSeconds ? hh : `${hh}:00`;
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
export function toIso(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return excelSerial(value) ?? (Math.abs(value) >= 1e8 ? toIsoDate(value) : undefined);
  }
  if (value instanceof Date) return toIsoDate(value);
  const s = nfkc(asString(value));
  if (!s) return undefined;
  if (isPlainDate(s)) return s;
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

/** NFKC form (full-width digits and colons to ASCII); ASCII text, nearly every date, as it is. */
export function nfkc(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return text.normalize('NFKC');
  }
  return text;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * `YYYY-MM-DD` naming a real day: what {@link toIsoDate} returns unchanged, checked without its
 * regular expression (most dates in a long list are these).
 */
function isPlainDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(s.charCodeAt(i))) return false;
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  // As Date.UTC reads it (toIsoDate's check): years 0–99 are 1900–1999.
  let year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  if (year < 100) year += 1900;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
