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

/** Calendar days are formatted in UTC (a day number times DAY is that date's midnight in UTC). */
const utc = { timeZone: 'UTC' } as const;

/** The formats of calendar days, by name (built on first use; see {@link CalendarFormats}). */
const dayOptions = {
  monthYear: { ...utc, year: 'numeric', month: 'long' },
  monthDayWeekday: { ...utc, month: 'long', day: 'numeric', weekday: 'short' },
  longDate: { ...utc, year: 'numeric', month: 'long', day: 'numeric' },
  fullDate: { ...utc, dateStyle: 'full' },
  weekdayShort: { ...utc, weekday: 'short' },
  weekdayLong: { ...utc, weekday: 'long' },
  clock: { ...utc, hour: 'numeric', minute: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The formats of instants, in the display zone. */
const instantOptions = {
  time: { hour: 'numeric', minute: '2-digit' },
  dateTime: { dateStyle: 'full', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Each formatter is built on first use, not all up front: a month view needs about half of them,
 * and on a phone each costs milliseconds of the first render (the first one far more, ICU's
 * start-up, which no calendar can avoid).
 */
export class CalendarFormats {
  readonly locale: string;
  readonly timeZone: string;
  private readonly built = new Map<string, Intl.DateTimeFormat>();
  private readonly zoneFormats = new Map<string, Intl.DateTimeFormat>();
  private readonly zoneTimeFormats = new Map<string, Intl.DateTimeFormat>();
  /**
   * ICU's Chinese data formats date-only ranges with numbers (`2026/11/16 – 2026/11/22`), not in
   * words; for Chinese the ranges are joined with 至 (as CLDR's zh-Hant pattern does) instead.
   */
  private readonly chinese: boolean;
  private pluralRules?: Intl.PluralRules;
  private numberFormat?: Intl.NumberFormat;
  /**
   * Strings already formatted, by kind and value: paging back and forth formats the same days
   * and times again, and `formatRange` costs tens of microseconds a call.
   */
  private readonly done = new Map<string, string>();

  constructor(locale: string, timeZone: string) {
    this.locale = locale;
    this.timeZone = timeZone;
    this.chinese = /^zh\b/i.test(locale);
  }

  get plural(): Intl.PluralRules {
    return (this.pluralRules ??= new Intl.PluralRules(this.locale));
  }

  get number(): Intl.NumberFormat {
    return (this.numberFormat ??= new Intl.NumberFormat(this.locale));
  }

  private day(name: keyof typeof dayOptions): Intl.DateTimeFormat {
    let format = this.built.get(name);
    if (!format)
      this.built.set(name, (format = new Intl.DateTimeFormat(this.locale, dayOptions[name])));
    return format;
  }

  private instant(name: keyof typeof instantOptions): Intl.DateTimeFormat {
    let format = this.built.get(name);
    if (!format) {
      const options = { ...instantOptions[name], timeZone: this.timeZone };
      this.built.set(name, (format = new Intl.DateTimeFormat(this.locale, options)));
    }
    return format;
  }

  private kept(key: string, format: () => string): string {
    let text = this.done.get(key);
    if (text === undefined) {
      if (this.done.size >= 20_000) this.done.clear();
      text = format();
      this.done.set(key, text);
    }
    return text;
  }

  /** `2026年11月` */
  monthTitle(day: number): string {
    return this.day('monthYear').format(day * DAY);
  }

  /** `2026年11月23日至29日`, `November 23 – 29, 2026` */
  rangeTitle(first: number, last: number): string {
    return this.chinese
      ? this.chineseRange('longDate', first, last)
      : this.day('longDate').formatRange(first * DAY, last * DAY);
  }

  /**
   * A Chinese range of days in words (ICU's ranges of these formats are in numbers:
   * `2026/11/25星期三至2026/11/27星期五`): the first day in full, 至, then the last without the
   * year (and month) it shares with the first, as the locale writes `name`'s format.
   */
  private chineseRange(name: 'longDate' | 'fullDate', first: number, last: number): string {
    const format = this.day(name);
    const a = partsOf(first);
    const b = partsOf(last);
    const shared = a.year !== b.year ? [] : a.month !== b.month ? ['year'] : ['year', 'month'];
    let end = '';
    let after = false;
    for (const part of format.formatToParts(last * DAY)) {
      // A shared field goes, with the literal after it (年, 月).
      const dropped = shared.includes(part.type) || (after && part.type === 'literal');
      after = shared.includes(part.type);
      if (!dropped) end += part.value;
    }
    return `${format.format(first * DAY)}至${end}`;
  }

  /** `2026年11月25日` */
  longDate(day: number): string {
    return this.day('longDate').format(day * DAY);
  }

  /** `11月25日 周三` */
  dayHeading(day: number): string {
    return this.kept(`h${day}`, () => spaced(this.day('monthDayWeekday').formatToParts(day * DAY)));
  }

  /** `2026年11月25日星期三` */
  fullDate(day: number): string {
    return this.kept(`f${day}`, () => this.day('fullDate').format(day * DAY));
  }

  /** `2026年11月25日星期三至27日星期五` (an all-day span in words). */
  fullDateRange(first: number, last: number): string {
    if (first === last) return this.fullDate(first);
    return this.kept(`F${first}/${last}`, () =>
      this.chinese
        ? this.chineseRange('fullDate', first, last)
        : this.day('fullDate').formatRange(first * DAY, last * DAY),
    );
  }

  weekdayShort(day: number): string {
    return this.day('weekdayShort').format(day * DAY);
  }

  weekdayLong(day: number): string {
    return this.day('weekdayLong').format(day * DAY);
  }

  /** `14:30` in the display zone. */
  time(ms: number): string {
    return this.kept(`t${ms}`, () => this.instant('time').format(ms));
  }

  /** A wall-clock time of day (`08:00`), whatever the date and zone (hour labels). */
  clock(minutes: number): string {
    return this.day('clock').format(minutes * 60_000);
  }

  /** `14:30–16:00` in the display zone. */
  timeRange(start: number, end: number): string {
    return start === end
      ? this.time(start)
      : this.kept(`T${start}/${end}`, () => this.instant('time').formatRange(start, end));
  }

  /** `2026年11月25日星期三 14:30–16:00` (date and time in words, display zone). */
  dateTimeRange(start: number, end: number): string {
    return this.kept(`D${start}/${end}`, () =>
      start === end
        ? this.instant('dateTime').format(start)
        : this.instant('dateTime').formatRange(start, end),
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

  /**
   * Builds the formats a first view uses (each first `Intl` object of a kind loads the browser's
   * data for it): called while the data travels, not in the first render.
   */
  warm(day: number, otherZone: string | undefined): void {
    this.monthTitle(day);
    this.weekdayShort(day);
    this.fullDate(day);
    this.time(day * DAY);
    this.count(1);
    if (otherZone) this.zoneName(otherZone, day * DAY);
  }

  /** Locale digits for a count. */
  count(n: number): string {
    return this.number.format(n);
  }
}
