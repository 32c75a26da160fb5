// The widgets as the Custom Elements Manifest (custom-elements.json, `npm run analyze`) describes
// them, in the shape the generators of editor data and framework types need.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ name: string, field?: string, type?: string, default?: string, description: string }} Attribute
 * @typedef {{ name: string, type: string, description: string }} Property
 * @typedef {{ name: string, type?: string, description: string }} Event
 * @typedef {{ tag: string, className: string, module: string, summary: string,
 *   attributes: Attribute[], properties: Property[], events: Event[],
 *   slots: { name: string, description: string }[], parts: { name: string, description: string }[],
 *   cssProperties: { name: string, description: string, default?: string }[] }} Widget
 */

/**
 * A public member: the analyzer leaves `privacy` out for most fields and writes `public` for the
 * ones declared in Lit's static `properties`.
 */
export const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** @returns {Widget[]} every custom element with a tag name, in manifest order */
export function readWidgets(path = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const widgets = [];
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const attributes = (d.attributes ?? []).map((a) => ({
        name: a.name,
        field: a.fieldName,
        type: a.type?.text,
        default: a.default,
        description: oneLine(a.description),
      }));
      const properties = (d.members ?? [])
        .filter((m) => m.kind === 'field' && isPublic(m) && !m.static && !m.readonly)
        .map((m) => ({ name: m.name, type: m.type?.text, description: oneLine(m.description) }));
      widgets.push({
        tag: d.tagName,
        className: d.name,
        module: module.path,
        summary: oneLine(d.summary ?? d.description),
        attributes,
        properties,
        events: (d.events ?? []).map((e) => ({
          name: e.name,
          type: e.type?.text,
          description: oneLine(e.description),
        })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
        parts: (d.cssParts ?? []).map((p) => ({
          name: p.name,
          description: oneLine(p.description),
        })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({
          name: p.name,
          description: oneLine(p.description),
          default: p.default,
        })),
      });
    }
  }
  return widgets.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Manifest prose as one line of Markdown (`{@link X}` → `X`). */
export function oneLine(text) {
  return String(text ?? '')
    .replace(/\{@link ([^}]+)\}/g, '`$1`')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** `'light' | 'dark' | undefined` → ['light', 'dark']; anything else → [] */
export function literalValues(type) {
  const parts = String(type ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p))
    ? parts.map((p) => p.slice(1, -1))
    : [];
}

/** `dandelion-select` → `DandelionSelect` */
export const pascal = (name) => name.replace(/(?:^|-)([a-z])/g, (_, c) => c.toUpperCase());
/** `page-size` → `pageSize` */
export const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
