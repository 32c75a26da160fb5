/**
 * Every `Intl` formatter the calendar uses, built once per (locale, display zone) — a month grid
 * formats hundreds of dates and a formatter costs far more to build than to use.
 * Calendar days (day numbers) are formatted in UTC; instants in the display zone.
 */
import { partsOf } from '../core/time/day.js';
import { DAY } from '../core/time/wall.js';

/** Joins parts, putting a space where a weekday would touch the date (`11月25日 周三`). */
function spaced(parts: Intl.DateTimeFormatPart[]): string {
  const separator = /[\s,，、.。()（）]/;
  let out = '';
  let previous: Intl.DateTimeFormatPart | undefined;
  for (const part of parts) {
    const touching =
      previous &&
      (part.type === 'weekday' || previous.type === 'weekday') &&
      !separator.test(out.slice(-1)) &&
      !separator.test(part.value.charAt(0));
    if (touching) out += ' ';
    out += part.value;
    previous = part;
  }
  return out;
}

export class CalendarFormats {
  readonly locale: string;
  readonly timeZone: string;
  private readonly monthYear: Intl.DateTimeFormat;
  private readonly monthDay: Intl.DateTimeFormat;
  private readonly monthDayWeekday: Intl.DateTimeFormat;
  private readonly longDateFormat: Intl.DateTimeFormat;
  private readonly fullDateFormat: Intl.DateTimeFormat;
  private readonly weekdayShortFormat: Intl.DateTimeFormat;
  private readonly weekdayLongFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;
  private readonly dateTimeFormat: Intl.DateTimeFormat;
  private readonly zoneFormats = new Map<string, Intl.DateTimeFormat>();
  private readonly zoneTimeFormats = new Map<string, Intl.DateTimeFormat>();
  private readonly dayOnly: Intl.DateTimeFormat;
  private readonly clockFormat: Intl.DateTimeFormat;
  /**
   * ICU's Chinese data formats date-only ranges with numbers (`2026/11/16 – 2026/11/22`), not in
   * words; for Chinese the ranges are joined with 至 (as CLDR's zh-Hant pattern does) instead.
   */
  private readonly chinese: boolean;
  readonly plural: Intl.PluralRules;
  readonly number: Intl.NumberFormat;
  /**
   * Strings already formatted, by kind and value: paging back and forth formats the same days
   * and times again, and `formatRange` costs tens of microseconds a call.
   */
  private readonly done = new Map<string, string>();

  private kept(key: string, format: () => string): string {
    let text = this.done.get(key);
    if (text === undefined) {
      if (this.done.size >= 20_000) this.done.clear();
      text = format();
      this.done.set(key, text);
    }
    return text;
  }

  constructor(locale: string, timeZone: string) {
    this.locale = locale;
    this.timeZone = timeZone;
    const utc = { timeZone: 'UTC' } as const;
    this.monthYear = new Intl.DateTimeFormat(locale, { ...utc, year: 'numeric', month: 'long' });
    this.monthDay = new Intl.DateTimeFormat(locale, { ...utc, month: 'long', day: 'numeric' });
    this.monthDayWeekday = new Intl.DateTimeFormat(locale, {
      ...utc,
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    });
    this.longDateFormat = new Intl.DateTimeFormat(locale, {
      ...utc,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    this.fullDateFormat = new Intl.DateTimeFormat(locale, { ...utc, dateStyle: 'full' });
    this.weekdayShortFormat = new Intl.DateTimeFormat(locale, { ...utc, weekday: 'short' });
    this.weekdayLongFormat = new Intl.DateTimeFormat(locale, { ...utc, weekday: 'long' });
    this.timeFormat = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
    });
    this.dateTimeFormat = new Intl.DateTimeFormat(locale, {
      timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
    });
    this.clockFormat = new Intl.DateTimeFormat(locale, {
      ...utc,
      hour: 'numeric',
      minute: '2-digit',
    });
    this.dayOnly = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric' });
    this.chinese = /^zh\b/i.test(locale);
    this.plural = new Intl.PluralRules(locale);
    this.number = new Intl.NumberFormat(locale);
  }

  /** `2026年11月` */
  monthTitle(day: number): string {
    return this.monthYear.format(day * DAY);
  }

  /** `2026年11月23日至29日`, `November 23 – 29, 2026` */
  rangeTitle(first: number, last: number): string {
    if (!this.chinese) return this.longDateFormat.formatRange(first * DAY, last * DAY);
    const a = partsOf(first);
    const b = partsOf(last);
    const end =
      a.year !== b.year
        ? this.longDate(last)
        : a.month !== b.month
          ? this.shortDate(last)
          : this.dayOnly.format(last * DAY);
    return `${this.longDate(first)}至${end}`;
  }

  /** `2026年11月25日` */
  longDate(day: number): string {
    return this.longDateFormat.format(day * DAY);
  }

  /** `11月25日 周三` */
  dayHeading(day: number): string {
    return this.kept(`h${day}`, () => spaced(this.monthDayWeekday.formatToParts(day * DAY)));
  }

  /** `11月25日` */
  shortDate(day: number): string {
    return this.monthDay.format(day * DAY);
  }

  /** `2026年11月25日星期三` */
  fullDate(day: number): string {
    return this.kept(`f${day}`, () => this.fullDateFormat.format(day * DAY));
  }

  /** `2026年11月25日星期三至27日星期五` (an all-day span in words). */
  fullDateRange(first: number, last: number): string {
    return first === last
      ? this.fullDate(first)
      : this.kept(`F${first}/${last}`, () =>
          this.fullDateFormat.formatRange(first * DAY, last * DAY),
        );
  }

  weekdayShort(day: number): string {
    return this.weekdayShortFormat.format(day * DAY);
  }

  weekdayLong(day: number): string {
    return this.weekdayLongFormat.format(day * DAY);
  }

  /** `14:30` in the display zone. */
  time(ms: number): string {
    return this.kept(`t${ms}`, () => this.timeFormat.format(ms));
  }

  /** A wall-clock time of day (`08:00`), whatever the date and zone (hour labels). */
  clock(minutes: number): string {
    return this.clockFormat.format(minutes * 60_000);
  }

  /** `14:30–16:00` in the display zone. */
  timeRange(start: number, end: number): string {
    return start === end
      ? this.time(start)
      : this.kept(`T${start}/${end}`, () => this.timeFormat.formatRange(start, end));
  }

  /** `2026年11月25日星期三 14:30–16:00` (date and time in words, display zone). */
  dateTimeRange(start: number, end: number): string {
    return this.kept(`D${start}/${end}`, () =>
      start === end
        ? this.dateTimeFormat.format(start)
        : this.dateTimeFormat.formatRange(start, end),
    );
  }

  /** The same range in another zone (the event's own), for "local time at the venue". */
  dateTimeRangeIn(zone: string, start: number, end: number): string {
    let format = this.zoneTimeFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, {
        timeZone: zone,
        dateStyle: 'full',
        timeStyle: 'short',
      });
      this.zoneTimeFormats.set(zone, format);
    }
    return start === end ? format.format(start) : format.formatRange(start, end);
  }

  /** Localized name of a zone at an instant, e.g. `中国标准时间`, `Greenwich Mean Time`. */
  zoneName(zone: string, ms: number): string {
    let format = this.zoneFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, { timeZone: zone, timeZoneName: 'long' });
      this.zoneFormats.set(zone, format);
    }
    return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  }

  /** Locale digits for a count. */
  count(n: number): string {
    return this.number.format(n);
  }
}
