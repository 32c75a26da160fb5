import type { PropertyDeclarations } from 'lit';
import { defaultConverter, LitElement, type PropertyDeclaration, type PropertyValues } from 'lit';
import { LazyModule } from './element/lazy-module.js';
import { LocaleController } from './i18n/locale-controller.js';
import { isLocaleLoaded, loadLocale, withMessageLocale } from './i18n/localization.js';
import type { ResolvedLocale } from './i18n/locale.js';
import { emit, type DandelionEventDetails, type DandelionEventName } from './events.js';

/**
 * The small base every Dandelion widget shares: per-element language (so `msg()` and `Intl` follow
 * `lang` → ancestor → `<html lang>` → `zh-Hans`), the `theme` override, and typed events.
 * Behaviour beyond that lives in reactive controllers.
 */
export class DandelionElement extends LitElement {
  // Reactive properties are declared in Lit's static form rather than with decorators, in every
  // widget: the CDN files then carry no decorator helper and no call per field (0.2 KB gz each).
  // Internal state is `{ state: true, attribute: false }`: the manifest then lists no attribute.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    contactPhone: { attribute: 'contact-phone' },
  };

  /** Colour theme: follows the system (`prefers-color-scheme`) unless set to `light` or `dark`. */
  theme?: 'light' | 'dark';

  /**
   * Vue and Svelte set the DOM property when the element has one of the attribute's name, so
   * `interval="3000"` or `loop="false"` in their templates arrives as a string on the `interval`
   * or `loop` property. A string set on a number or boolean property is read as the attribute
   * would be: `"3000"` → 3000, `"false"` → false. (The accessors are wrapped once the class is
   * finalized: overriding `getPropertyDescriptor` is deprecated in Lit.)
   */
  protected static override finalize(): void {
    super.finalize();
    for (const [name, options] of this.elementProperties)
      readStrings(this.prototype, name, options);
  }

  /**
   * Level of the widget's own headings, so they fit the page's outline: 2 (default) under the
   * page's `h1`, 3 inside an `h2` section; headings inside the widget go one level deeper (1–6).
   */
  headingLevel = 2;

  /**
   * A phone number visitors can call when the widget cannot show its content (e.g.
   * `020-0000 0000`); the error message links it (`tel:`). Without it, the message asks them to
   * contact the organisation.
   */
  contactPhone?: string;

  private readonly localeController = new LocaleController(this);

  /** The language this widget renders in (messages) and formats with (Intl). */
  get locale(): ResolvedLocale {
    return this.localeController.locale;
  }

  /**
   * Waits for the language's messages (one small lazy chunk) before the first render in it, and
   * for the modules of features that are on ({@link LazyModule} with `when`).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.afterWaits();
  }

  /**
   * Updates once nothing it needs is missing. What changed while it waited (data that arrived,
   * a query typed) may turn on another feature: the update waits for that module too. Each wait
   * ends with its module or language loaded or given up on, so this ends.
   */
  private afterWaits(): void | Promise<unknown> {
    const locale = this.locale.messages;
    const waits = LazyModule.before(this);
    if (!isLocaleLoaded(locale)) waits.push(loadLocale(locale));
    if (waits.length === 0) return super.scheduleUpdate();
    return Promise.all(waits).then(() => this.afterWaits());
  }

  /** Renders with `msg()` resolving in this element's language. */
  protected override update(changed: PropertyValues): void {
    withMessageLocale(this.locale.messages, () => super.update(changed));
  }

  /** Runs `fn` (e.g. building an event message) in this element's language. */
  protected inLocale<T>(fn: () => T): T {
    return withMessageLocale(this.locale.messages, fn);
  }

  /** Fires a typed, bubbling, composed `dandelion-*` event. */
  protected emit<K extends DandelionEventName>(name: K, detail: DandelionEventDetails[K]): void {
    emit(this, name, detail);
  }
}

/** Accessors already reading strings (a subclass finalizes with its parent's properties too). */
const readingStrings = new WeakSet<object>();

/** Makes the accessor of a number or boolean property read a string as its attribute would. */
function readStrings(prototype: object, name: PropertyKey, options: PropertyDeclaration): void {
  const { type, converter } = options;
  if (type !== Number && type !== Boolean) return;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
  const set = descriptor?.set;
  if (!set || readingStrings.has(set)) return;
  const fromAttribute =
    (typeof converter === 'function' ? converter : converter?.fromAttribute) ??
    defaultConverter.fromAttribute!;
  const reading = function (this: unknown, value: unknown) {
    set.call(this, typeof value === 'string' ? fromAttribute(value, type) : value);
  };
  readingStrings.add(reading);
  Object.defineProperty(prototype, name, { ...descriptor, set: reading });
}
