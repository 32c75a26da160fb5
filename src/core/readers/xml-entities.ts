/**
 * Recovery for feeds that are not well-formed because they use HTML entities (`&nbsp;`) XML does
 * not define. Only such feeds need it: the widgets' readers load it when the first parse fails.
 */
import { inertFragment } from './story-parts.js';

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * `src` with the entities HTML knows replaced by numeric references (decoded once, in one inert
 * HTML parse); entities HTML does not know either stay as they are.
 */
export function fixHtmlEntities(src: string): string {
  const names = new Set<string>();
  for (const m of src.matchAll(/&([a-zA-Z][a-zA-Z0-9]{0,31});/g)) {
    if (!xmlEntities.has(m[1])) names.add(m[1]);
  }
  if (!names.size) return src;
  const list = [...names];
  const template = inertFragment(list.map((n) => `<p>&${n};</p>`).join(''));
  if (!template) return src;
  const decoded = new Map<string, string>();
  template.content.querySelectorAll('p').forEach((p, i) => {
    const text = p.textContent ?? '';
    if (text && text !== `&${list[i]};`) {
      decoded.set(list[i], [...text].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join(''));
    }
  });
  return src.replace(
    /&([a-zA-Z][a-zA-Z0-9]{0,31});/g,
    (ref, name: string) => decoded.get(name) ?? ref,
  );
}
