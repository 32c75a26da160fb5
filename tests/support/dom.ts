/**
 * Finding things as a user does: by role and accessible name, by visible text, by public part.
 * Queries look inside open shadow roots (the widgets and their lazy sub-views), so a markup
 * change inside a widget does not break tests that only care what the user sees.
 */

/** Visible text of a node, whitespace collapsed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element under `root` (its own shadow root first, then light DOM), shadow roots included. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  // Duck-typed, not `instanceof`: elements of an iframe (tests/csp/) come from another realm.
  const own = (root as Element).shadowRoot;
  if (own) walk(own);
  walk(root);
  return out;
}

/** The first element matching `selector` anywhere under `root` (shadow roots included). */
export function find<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T | null {
  return (deepElements(root).find((el) => el.matches(selector)) as T | undefined) ?? null;
}

/** Every element matching `selector` anywhere under `root` (shadow roots included). */
export function findAll<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T[] {
  return deepElements(root).filter((el) => el.matches(selector)) as T[];
}

/** Elements of a public `::part` (e.g. `service`, `event`, `slide`, `field`). */
export function parts<T extends Element = HTMLElement>(host: Element, part: string): T[] {
  return findAll<T>(host.shadowRoot ?? host, `[part~="${part}"]`);
}

const implicitRoles: Record<string, string> = {
  button: 'button, input[type="button"], input[type="submit"], input[type="reset"]',
  link: 'a[href]',
  textbox:
    'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="url"], input[type="search"], textarea',
  searchbox: 'input[type="search"]',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  combobox: 'select:not([multiple])',
  listbox: 'select[multiple]',
  heading: 'h1, h2, h3, h4, h5, h6',
  dialog: 'dialog',
  list: 'ul, ol',
  listitem: 'li',
  img: 'img[alt]:not([alt=""])',
  group: 'fieldset, details',
  navigation: 'nav',
  spinbutton: 'input[type="number"]',
};

function labelledBy(el: Element): string | undefined {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return undefined;
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => {
      const target = root.getElementById?.(id) ?? null;
      // Named partly by itself: what it shows (its `hidden` parts are not shown).
      return target === el ? shownText(el) : text(target);
    })
    .join(' ');
}

/** The text an element shows, whitespace collapsed: `hidden` elements left out, elements apart. */
export function shownText(el: Element): string {
  const parts = [...el.childNodes].map((node) => {
    if (node instanceof Element) return (node as HTMLElement).hidden ? '' : ` ${shownText(node)} `;
    return node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The accessible name, close enough for tests: aria-labelledby, aria-label, label, alt, text. */
export function accessibleName(el: Element): string {
  const byIds = labelledBy(el);
  if (byIds) return byIds.trim();
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  if ('labels' in el) {
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return [...labels].map((l) => text(l)).join(' ');
  }
  if (el.localName === 'img') return (el as HTMLImageElement).alt.trim();
  if (
    el.localName === 'input' &&
    ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)
  ) {
    return (el as HTMLInputElement).value.trim();
  }
  return text(el);
}

function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  return Object.entries(implicitRoles).find(([, selector]) => el.matches(selector))?.[0];
}

/**
 * Elements with `role` (explicit or implicit) whose accessible name matches `name` (a substring
 * or a RegExp), under `root` and its shadow roots. Hidden elements (`hidden`, `inert` subtrees,
 * `display: none`) are skipped unless `hidden` is set.
 */
export function allByRole<T extends HTMLElement = HTMLElement>(
  root: Element | ShadowRoot | Document,
  role: string,
  name?: string | RegExp,
  { hidden = false } = {},
): T[] {
  return deepElements(root).filter((el): el is T => {
    if (roleOf(el) !== role) return false;
    if (!hidden && !isShown(el)) return false;
    if (name === undefined) return true;
    const accessible = accessibleName(el);
    return typeof name === 'string' ? accessible.includes(name) : name.test(accessible);
  });
}

/** The one element with `role` and `name`; throws a readable error when there is none. */
export function byRole<T extends HTMLElement = HTMLElement>(
  root: Element | ShadowRoot | Document,
  role: string,
  name?: string | RegExp,
  options?: { hidden?: boolean },
): T {
  const found = allByRole<T>(root, role, name, options);
  if (found.length === 0) {
    const seen = allByRole(root, role, undefined, options).map((el) => accessibleName(el));
    throw new Error(`no ${role} named ${String(name)} (${role}s here: ${JSON.stringify(seen)})`);
  }
  return found[0];
}

/** The innermost shown elements whose visible text contains `wanted`. */
export function allByText<T extends HTMLElement = HTMLElement>(
  root: Element | ShadowRoot | Document,
  wanted: string | RegExp,
): T[] {
  const matches = (el: Element) =>
    typeof wanted === 'string' ? text(el).includes(wanted) : wanted.test(text(el));
  return deepElements(root).filter(
    (el): el is T =>
      isShown(el) &&
      matches(el) &&
      ![...el.children].some((child) => matches(child) && isShown(child)),
  );
}

/** Whether an element takes part in the page: not hidden, not inside `inert`, rendered. */
export function isShown(el: Element): boolean {
  if (el.closest('[hidden], [inert]')) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  return el.getClientRects().length > 0 || view.getComputedStyle(el).display === 'contents';
}
