/** The UI languages Dandelion ships messages for. Source strings are English. */
export const supportedLocales = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/** Used when neither the element, its ancestors nor `<html>` say which language to use. */
export const defaultLocale: SupportedLocale = 'zh-Hans';

const traditionalRegions = new Set(['tw', 'hk', 'mo']);

/**
 * Maps any BCP 47 tag to the message locale we ship: `zh-CN`/`zh-SG`/`zh` → `zh-Hans`,
 * `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant-*` → `zh-Hant`, other languages → `en`.
 */
export function toSupportedLocale(tag: string | null | undefined): SupportedLocale {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  if (parts.length === 0) return defaultLocale;
  if (parts[0] !== 'zh') return 'en';
  if (parts.includes('hant')) return 'zh-Hant';
  if (parts.includes('hans')) return 'zh-Hans';
  return parts.some((p) => traditionalRegions.has(p)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The language tag that applies to `el`: its own `lang`, else the nearest ancestor with `lang`
 * (crossing shadow roots), else `<html lang>`, else {@link defaultLocale}.
 */
export function resolveLangTag(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return defaultLocale;
}

/** The message locale and the Intl locale for an element. */
export interface ResolvedLocale {
  /** Which translation of the UI strings to use. */
  messages: SupportedLocale;
  /** Tag for `Intl` formatters (keeps region, e.g. `zh-HK`, `en-GB`). */
  intl: string;
}

export function resolveLocale(el: Element): ResolvedLocale {
  const tag = resolveLangTag(el);
  const messages = toSupportedLocale(tag);
  let intl: string = messages;
  try {
    [intl] = Intl.getCanonicalLocales(tag);
    if (toSupportedLocale(intl) !== messages) intl = messages;
  } catch {
    intl = messages;
  }
  return { messages, intl };
}
