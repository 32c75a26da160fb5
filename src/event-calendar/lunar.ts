/**
 * Chinese-calendar (农历) day labels from `Intl`'s `chinese` calendar, no data files: 初一 … 三十,
 * and the month name (十月, 闰六月, 正月) on the first day of a lunar month.
 */
import { DAY } from '../core/time/wall.js';

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The traditional name of lunar day `n` (1–30): 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 30) return '';
  if (n <= 10) return `初${digits[n]}`;
  if (n < 20) return `十${digits[n - 10]}`;
  if (n === 20) return '二十';
  if (n < 30) return `廿${digits[n - 20]}`;
  return '三十';
}

/** A lunar label for one day: the month name on day 1, else the day name. */
export interface LunarLabel {
  text: string;
  /** True on the first day of a lunar month (the label is the month name). */
  monthStart: boolean;
}

/** Formats lunar labels in Simplified or Traditional characters, caching per day. */
export class LunarLabels {
  private readonly format?: Intl.DateTimeFormat;
  private readonly cache = new Map<number, LunarLabel | null>();

  /** `script`: `zh-Hant` for Traditional characters (閏), anything else for Simplified. */
  constructor(script: string) {
    try {
      this.format = new Intl.DateTimeFormat(script === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans', {
        calendar: 'chinese',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      if (this.format.resolvedOptions().calendar !== 'chinese') this.format = undefined;
    } catch {
      this.format = undefined;
    }
  }

  /** The label of a day number, or `undefined` where the browser has no Chinese calendar. */
  label(day: number): LunarLabel | undefined {
    if (!this.format) return undefined;
    let label = this.cache.get(day);
    if (label === undefined) {
      label = null;
      let month = '';
      let n = 0;
      for (const part of this.format.formatToParts(day * DAY + DAY / 2)) {
        if (part.type === 'month') month = part.value;
        else if (part.type === 'day') n = Number(part.value);
      }
      if (n >= 1 && n <= 30) {
        label =
          n === 1 && month
            ? { text: month, monthStart: true }
            : { text: lunarDayName(n), monthStart: false };
      }
      this.cache.set(day, label);
    }
    return label ?? undefined;
  }
}
