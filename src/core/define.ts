/**
 * Defines `name` only if it is still free, so loading a widget script twice (say, the CDN
 * bundle and the npm build on one page) never throws.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (!existing) {
    customElements.define(name, ctor);
  } else if (existing !== ctor) {
    console.warn(`[dandelion] <${name}> is already defined by another script; keeping that one.`);
  }
}
