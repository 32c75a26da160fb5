/**
 * The one place that configures @lit/localize for Dandelion.
 *
 * @lit/localize allows one configuration per page, and its `setLocale` is page-global. Dandelion
 * resolves the language per element instead (element `lang` → ancestor → `<html lang>`), so it
 * uses the *reentrant* configuration: `msg()` asks {@link currentMessageLocale} which locale is
 * rendering right now, and each widget sets that around its own `update()`.
 *
 * If the host app configured @lit/localize on the same module instance first, configuring again
 * throws; we then leave the host's configuration in charge (our strings fall back to the host's
 * templates, or English) and say how to merge ours in (see README "i18n").
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { LocaleModule } from '@lit/localize';
import { defaultLocale, type SupportedLocale } from './locale.js';

type TemplateMap = LocaleModule['templates'];

const sourceLocale = 'en';
const loaded = new Map<SupportedLocale, TemplateMap | undefined>();
const pending = new Map<SupportedLocale, Promise<void>>();
let rendering: SupportedLocale = defaultLocale;
let mode: 'unconfigured' | 'dandelion' | 'host' = 'unconfigured';

/** Loads one locale's message module (one lazy chunk per locale). */
const localeModules: Record<Exclude<SupportedLocale, 'en'>, () => Promise<LocaleModule>> = {
  'zh-Hans': () => import('../../generated/locales/zh-Hans.js'),
  'zh-Hant': () => import('../../generated/locales/zh-Hant.js'),
};

async function importTemplates(locale: SupportedLocale): Promise<TemplateMap | undefined> {
  if (locale === sourceLocale) return undefined;
  return (await localeModules[locale]()).templates;
}

/** Installs the reentrant configuration once; tolerates a host that configured first. */
export function ensureLocalization(): 'dandelion' | 'host' {
  if (mode !== 'unconfigured') return mode;
  try {
    configureReentrantLocalization({
      sourceLocale,
      targetLocales: ['zh-Hans', 'zh-Hant'],
      getLocale: () => rendering,
      loadLocaleSync: (locale) => ({ templates: loaded.get(locale as SupportedLocale) ?? {} }),
    });
    mode = 'dandelion';
  } catch {
    mode = 'host';
    console.warn(
      '[dandelion] @lit/localize was already configured by this page; Dandelion strings follow that configuration. Merge `loadDandelionTemplates(locale)` into your loadLocale to translate them.',
    );
  }
  return mode;
}

/** Whether the messages of `locale` are ready for synchronous rendering. */
export function isLocaleLoaded(locale: SupportedLocale): boolean {
  return locale === sourceLocale || loaded.has(locale);
}

/** Loads (once) the messages for `locale`; resolves when `msg()` can use them. */
export function loadLocale(locale: SupportedLocale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  let promise = pending.get(locale);
  if (!promise) {
    promise = importTemplates(locale).then(
      (templates) => void loaded.set(locale, templates),
      (error: unknown) => {
        pending.delete(locale);
        console.warn(`[dandelion] could not load ${locale} messages; showing English`, error);
        loaded.set(locale, undefined);
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}

/**
 * The rest of a locale's messages where the build split them (vite.config.ts `splitMessages`:
 * the locale chunk carries a widget's first view, and its `more()` loads the rest into the same
 * templates). Resolves at once for a locale that was not split; never rejects (after a failed
 * download those strings stay in English, as a whole locale does).
 */
export function loadLaterMessages(locale: SupportedLocale): Promise<void> {
  return messageParts
    .later(locale)
    .catch(() => undefined)
    .finally(() => void restLoaded.add(locale));
}

/** Locales whose later messages have arrived (or failed to: those strings stay in English). */
const restLoaded = new Set<SupportedLocale>();

/** Whether {@link loadLaterMessages} has settled for `locale` (English needs none). */
export function isRestLoaded(locale: SupportedLocale): boolean {
  return locale === sourceLocale || restLoaded.has(locale);
}

/**
 * Downloads the rest of a locale's messages (one place, so tests can hold it back or fail it
 * as a slow or lost connection would). A locale chunk that cannot be downloaded at all is
 * reported by {@link loadLocale}.
 */
export const messageParts = {
  later: async (locale: SupportedLocale): Promise<void> => {
    if (locale === sourceLocale) return;
    const module = (await localeModules[locale]()) as LocaleModule & {
      more?: () => Promise<void>;
    };
    await module.more?.();
  },
};

/**
 * Templates of one locale, for host apps that configure @lit/localize themselves and want to
 * merge Dandelion's strings into their own `loadLocale`.
 */
export async function loadDandelionTemplates(locale: string): Promise<TemplateMap> {
  const supported = (['zh-Hans', 'zh-Hant'] as const).find((l) => l === locale);
  if (!supported) return {};
  await loadLaterMessages(supported);
  return (await importTemplates(supported)) ?? {};
}

/** Runs `fn` with `msg()` resolving in `locale`, e.g. to build a message outside `render()`. */
export function withMessageLocale<T>(locale: SupportedLocale, fn: () => T): T {
  const previous = rendering;
  rendering = locale;
  try {
    return fn();
  } finally {
    rendering = previous;
  }
}

/** The locale `msg()` currently renders in. */
export function currentMessageLocale(): SupportedLocale {
  return rendering;
}
