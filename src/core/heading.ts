/**
 * Headings that follow the page's outline (`heading-level`). A widget's top headings are at the
 * page's level (default 2), the headings under them one deeper, and so on (never past 6).
 *
 * Real `<h1>`–`<h6>` elements, one literal template per level: screen readers' heading lists,
 * reader modes and the UA's own heading styles all work as with hand-written markup, without
 * `unsafeStatic` (which would build a new template per level from a string) or
 * `role="heading"` (ARIA standing in for an element HTML already has).
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The attributes a heading may carry. */
export interface HeadingAttributes {
  id?: string;
  class?: string;
  tabindex?: number;
  'aria-live'?: 'polite';
  dir?: 'auto';
}

/** `heading-level` as a level from 1 to 6 (default 2); `depth` steps below it (sub-headings). */
export function headingLevel(value: unknown, depth = 0): HeadingLevel {
  const n = Math.trunc(Number(value));
  const top = Number.isFinite(n) && n >= 1 && n <= 6 ? n : 2;
  return Math.min(6, top + depth) as HeadingLevel;
}

/** A heading at `level` holding `content`. */
export function heading(
  level: HeadingLevel,
  content: unknown,
  a: HeadingAttributes = {},
): TemplateResult {
  const id = ifDefined(a.id);
  const cls = ifDefined(a.class);
  const tabindex = ifDefined(a.tabindex);
  const live = ifDefined(a['aria-live']);
  const dir = ifDefined(a.dir);
  switch (level) {
    case 1:
      return html`<h1 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h5>`;
    case 6:
      return html`<h6 id=${id} class=${cls} tabindex=${tabindex} aria-live=${live} dir=${dir}>
        ${content}
      </h6>`;
  }
}
