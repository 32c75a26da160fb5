/**
 * Sets CSS custom properties on an element through the CSSOM (`style.setProperty`), never as a
 * `style="…"` attribute: a strict Content-Security-Policy (`style-src 'self'` without
 * `'unsafe-inline'`) blocks style attributes, and Lit's `styleMap` writes one on first render.
 * Geometry (an event's top and length, a bar's span) goes through here, so every view keeps its
 * layout under such a policy.
 *
 * ```ts
 * html`<li class="block" ${cssVars({ '--top': 540, '--length': 90 })}>…</li>`
 * ```
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export type CssVars = Record<`--${string}`, string | number>;

class CssVarsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new Error('cssVars() goes in an element tag: <div ${cssVars({ … })}>');
    }
  }

  render(_vars: CssVars): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [CssVars]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in vars)) style.removeProperty(name);
    for (const [name, value] of Object.entries(vars)) style.setProperty(name, String(value));
    this.previous = new Set(Object.keys(vars));
    return noChange;
  }
}

/** Custom properties for one element, set through the CSSOM (CSP-safe); see the module doc. */
export const cssVars = directive(CssVarsDirective);
