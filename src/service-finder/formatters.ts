/** The finder's `Intl` formatters, built once per language change (never per card). */
import { msg, str } from '@lit/localize';
import { clockFormatter } from './hours.js';

export interface Formatters {
  compare: (a: string, b: string) => number;
  number: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  dateOnly: Intl.DateTimeFormat;
  plural: Intl.PluralRules;
  languages?: Intl.DisplayNames;
  /** Joins a short list: `、` in Chinese, `, ` otherwise. */
  list: (items: string[]) => string;
  /** Label and value: `咨询电话：…` in Chinese, `Hotline: …` otherwise. */
  colon: string;
  /** An `HH:MM` opening time in the UI language. */
  clock: (hhmm: string) => string;
  /** "1.2 km away" in the UI language. */
  distance: (km: number) => string;
}

/** Formatters for an `Intl` locale and a message locale (`zh-Hans` …). */
export function buildFormatters(intl: string, messages: string): Formatters {
  // Simplified Chinese sorts by pinyin; other Chinese locales keep their own default.
  const collation = messages === 'zh-Hans' && !intl.includes('-u-') ? `${intl}-u-co-pinyin` : intl;
  let languages: Intl.DisplayNames | undefined;
  try {
    languages = new Intl.DisplayNames(intl, { type: 'language', fallback: 'code' });
  } catch {
    languages = undefined;
  }
  const chinese = messages.startsWith('zh');
  const km = new Intl.NumberFormat(intl, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: 1,
  });
  const metres = new Intl.NumberFormat(intl, {
    style: 'unit',
    unit: 'meter',
    maximumFractionDigits: 0,
  });
  return {
    compare: new Intl.Collator(collation, { numeric: true }).compare,
    number: new Intl.NumberFormat(intl),
    date: new Intl.DateTimeFormat(intl, { dateStyle: 'long' }),
    dateOnly: new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }),
    plural: new Intl.PluralRules(intl),
    languages,
    list: (items) => items.join(chinese ? '、' : ', '),
    colon: chinese ? '：' : ': ',
    clock: clockFormatter(intl),
    distance: (d) => {
      const text = d < 1 ? metres.format(Math.round(d * 100) * 10) : km.format(d);
      return msg(str`${text} away`, { id: 'finder.distance' });
    },
  };
}
