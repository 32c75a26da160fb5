/**
 * First day of the week for a locale: `Intl.Locale#getWeekInfo()` (or the older `weekInfo`
 * getter) where the browser has it, else a small table by region (CLDR weekData).
 */

/** Regions whose week starts on Sunday (CLDR), for browsers without `weekInfo`. */
const sundayRegions = new Set([
  'AG',
  'AS',
  'BD',
  'BR',
  'BS',
  'BT',
  'BW',
  'BZ',
  'CA',
  'CO',
  'DM',
  'DO',
  'ET',
  'GT',
  'GU',
  'HK',
  'HN',
  'ID',
  'IL',
  'IN',
  'JM',
  'JP',
  'KE',
  'KH',
  'KR',
  'LA',
  'MH',
  'MM',
  'MO',
  'MT',
  'MX',
  'MZ',
  'NI',
  'NP',
  'PA',
  'PE',
  'PH',
  'PK',
  'PR',
  'PT',
  'PY',
  'SA',
  'SG',
  'SV',
  'TH',
  'TT',
  'TW',
  'UM',
  'US',
  'VE',
  'VI',
  'WS',
  'YE',
  'ZA',
  'ZW',
]);
const saturdayRegions = new Set([
  'AE',
  'AF',
  'BH',
  'DJ',
  'DZ',
  'EG',
  'IQ',
  'IR',
  'JO',
  'KW',
  'LY',
  'OM',
  'QA',
  'SD',
  'SY',
]);

/** Likely region when the tag has none (what `Intl.Locale#maximize` would add). */
const likelyRegion: Record<string, string> = {
  zh: 'CN',
  'zh-hant': 'TW',
  'zh-hans': 'CN',
  en: 'US',
  ja: 'JP',
  ko: 'KR',
};

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** Region of a tag by the fallback rules (no `Intl.Locale#maximize` needed). */
function regionOf(tag: string): string | undefined {
  const parts = tag.split(/[-_]/);
  const region = parts.slice(1).find((p) => /^([a-z]{2}|\d{3})$/i.test(p));
  if (region) return region.toUpperCase();
  const lower = tag.toLowerCase();
  return likelyRegion[lower] ?? likelyRegion[parts[0].toLowerCase()];
}

/** From the fallback table only (exported for tests). */
export function firstDayFromTable(tag: string): number {
  const region = regionOf(tag);
  if (!region) return 1;
  if (sundayRegions.has(region)) return 7;
  if (saturdayRegions.has(region)) return 6;
  return 1;
}

const firstDays = new Map<string, number>();

/** ISO weekday (1 = Monday … 7 = Sunday) the week starts on in `tag`'s region (kept per tag). */
export function firstDayOfWeek(tag: string): number {
  let day = firstDays.get(tag);
  if (day === undefined) {
    day = weekInfoFirstDay(tag);
    firstDays.set(tag, day);
  }
  return day;
}

/** Asked on every update: `Intl.Locale` and its week info cost more than a map lookup. */
function weekInfoFirstDay(tag: string): number {
  try {
    const locale = new Intl.Locale(tag) as LocaleWithWeekInfo;
    const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch {
    // Unknown tag: fall through to the table.
  }
  return firstDayFromTable(tag);
}
