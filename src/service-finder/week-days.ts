/**
 * The weekly opening-hours table's day order and names in the UI locale (weekday names from
 * Intl, first day of the week from the locale): only the lazy detail view shows that table.
 */
import type { OpeningHours } from '../core/models.js';

type Day = OpeningHours['day'];

/** First day of the week in `locale` (ISO number); Monday where the locale does not say. */
export function firstDayOfWeek(locale: string): Day {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = l.getWeekInfo?.() ?? l.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay as Day;
  } catch {
    /* fall through */
  }
  return 1;
}

/** The seven days in the locale's order. */
export function weekOrder(locale: string): Day[] {
  const first = firstDayOfWeek(locale);
  return Array.from({ length: 7 }, (_, i) => (((first - 1 + i) % 7) + 1) as Day);
}

/** Weekday names in `locale`, indexed by ISO day (index 0 unused). */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [
    '',
    ...Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i)))),
  ];
}
