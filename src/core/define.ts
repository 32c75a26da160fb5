/**
 * Registers the tag names of Dandelion's define entries (`dandelion-widgets/service-finder` …).
 * A site that wants its own names imports the class entries (`…/service-finder/class`) instead,
 * which register nothing: `customElements.define('ngo-finder', ServiceFinder)`.
 */

/** Set on a class this function registered: the name it registered it under. */
const registeredAs = Symbol.for('dandelion-widgets.registered-as');

type Marked = CustomElementConstructor & { [registeredAs]?: string };

/**
 * Defines `name` for `ctor` only if the name is still free, so loading a widget script twice
 * (say, the CDN bundle and the npm build on one page) never throws and stays quiet. When the name
 * belongs to somebody else's element, that one is kept and the console says so, with the way out.
 * When the site already registered this class under its own name, the tag name gets a subclass
 * (a class can be registered only once), so both names work.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // server rendering: nothing to register
  const existing = customElements.get(name) as Marked | undefined;
  if (!existing) {
    const own = customElements.getName?.(ctor) ? class extends ctor {} : ctor;
    (own as Marked)[registeredAs] = name;
    customElements.define(name, own);
    return;
  }
  // Quiet for: this class, the site's own subclass of it, or another copy of Dandelion.
  const ours =
    existing === ctor ||
    existing.prototype instanceof ctor ||
    (Object.hasOwn(existing, registeredAs) && existing[registeredAs] === name);
  if (!ours) {
    const className = name.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());
    console.warn(
      `[dandelion] <${name}> is already defined by another script, so this page keeps that ` +
        `element and Dandelion's <${name}> is not registered. Give Dandelion's widget its own ` +
        `name with the class entry: import { ${className} } from 'dandelion-widgets/${name}/class'; ` +
        `customElements.define('my-${name}', ${className}). See "Your own tag names" in the README.`,
    );
  }
}
