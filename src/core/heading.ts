/**
 * Headings that follow the page's outline (`heading-level`). A widget's top headings are at the
 * page's level (default 2), the headings under them one deeper, and so on (never past 6).
 *
 * Real `<h1>`–`<h6>` elements: screen readers' heading lists, reader modes and the UA's own
 * heading styles all work as with hand-written markup, without `unsafeStatic` (which would build a
 * new template per level from a string) or `role="heading"` (ARIA standing in for an element HTML
 * already has). One small directive creates the element once per place (again only if the level
 * changes), keeps its attributes in step and renders the content into it, instead of six literal
 * templates (one per level) in every widget's first-load chunk.
 */
import { nothing, render } from 'lit';
import { Directive, directive, type ChildPart, type DirectiveResult } from 'lit/directive.js';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The attributes a heading may carry. */
export interface HeadingAttributes {
  id?: string;
  class?: string;
  tabindex?: number;
  'aria-live'?: 'polite';
  dir?: 'auto';
}

const names = ['id', 'class', 'tabindex', 'aria-live', 'dir'] as const;

/** `heading-level` as a level from 1 to 6 (default 2); `depth` steps below it (sub-headings). */
export function headingLevel(value: unknown, depth = 0): HeadingLevel {
  const n = Math.trunc(Number(value));
  const top = Number.isFinite(n) && n >= 1 && n <= 6 ? n : 2;
  return Math.min(6, top + depth) as HeadingLevel;
}

class HeadingDirective extends Directive {
  private el?: HTMLHeadingElement;

  render(_level: HeadingLevel, _content: unknown, _a: HeadingAttributes) {
    return nothing;
  }

  override update(
    part: ChildPart,
    [level, content, a]: [HeadingLevel, unknown, HeadingAttributes],
  ) {
    const tag = `H${level}`;
    let el = this.el;
    if (el?.tagName !== tag) el = this.el = document.createElement(tag) as HTMLHeadingElement;
    for (const name of names) {
      const v = a[name];
      if (v === undefined) el.removeAttribute(name);
      else if (el.getAttribute(name) !== String(v)) el.setAttribute(name, String(v));
    }
    // The content's event listeners bind to the same host as the rest of the template.
    render(content, el, { host: part.options?.host });
    return el;
  }
}

const headingDirective = directive(HeadingDirective);

/** A heading element (what a template renders) from {@link heading}. */
export type Heading = DirectiveResult<typeof HeadingDirective>;

/** A heading at `level` holding `content`. */
export function heading(level: HeadingLevel, content: unknown, a: HeadingAttributes = {}): Heading {
  return headingDirective(level, content, a);
}
