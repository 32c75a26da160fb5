/**
 * The parts of a service that only some sources have: ages written as text (`3-6岁`, `60岁以上`),
 * opening hours as a list of days and times, the date of the last update. Loaded by the first
 * record that has one of them (`service.ts`), so a plain list of services never downloads it.
 */
import type { OpeningHours, Service } from '../models.js';
import { asNumber, asString } from '../fields.js';
import { isObject } from './keys.js';
import { stringOf } from './values.js';
import { parseTime, toIso } from './dates.js';

const AGE_NUMBER = /(\d+(?:\.\d+)?)\s*(个月|個月|月|months?|mos?)?/gi;
const AGE_AT_LEAST =
  /以上|及以上|起|\+|or (?:older|above|over)|and (?:older|above|over)|over|above|≥|>=/i;
const AGE_AT_MOST = /以下|及以下|以内|以內|under|below|younger|up to|≤|<=|不超过|不超過|未满|未滿/i;

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

/**
 * Adds what the record has of opening hours (a list of days and times), ages (a range cell and/or
 * minimum and maximum cells; 0–150, ordered) and the update date.
 */
export function addDetails(
  service: Service,
  hours: unknown[] | undefined,
  age: unknown,
  min: unknown,
  max: unknown,
  updated: unknown,
): void {
  if (hours) service.schedules = schedulesOf(hours);
  const range = ageRange(age);
  let ageMin = ageNumber(min) ?? range.min;
  let ageMax = ageNumber(max) ?? range.max;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    [ageMin, ageMax] = [ageMax, ageMin];
  }
  if (ageMin !== undefined && ageMin >= 0 && ageMin <= 150) service.ageMin = ageMin;
  if (ageMax !== undefined && ageMax >= 0 && ageMax <= 150) service.ageMax = ageMax;
  const iso = toIso(updated);
  if (iso) service.updated = iso;
}
