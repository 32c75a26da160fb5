/** One message of the translation files: its id, the English source and the Chinese target. */
export interface Unit {
  id: string;
  en: string;
  zh: string;
}

/** Placeholders (`<x id="0"/>`) read as `{0}`, so "{0} 项" is seen as a count. */
const textOf = (node: Element | null): string =>
  [...(node?.childNodes ?? [])]
    .map((n) => (n instanceof Element ? `{${n.getAttribute('id')}}` : (n.textContent ?? '')))
    .join('');

/** Every message of `locales/<locale>.xlf`, as the build reads them. */
export async function units(locale: 'zh-Hans' | 'zh-Hant'): Promise<Unit[]> {
  const xml = await (await fetch(`/locales/${locale}.xlf`)).text();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.querySelectorAll('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id')!,
    en: textOf(unit.querySelector('source')),
    zh: textOf(unit.querySelector('target')),
  }));
}
