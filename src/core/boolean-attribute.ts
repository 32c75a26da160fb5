import type { ComplexAttributeConverter } from 'lit';

/**
 * The attribute converter of every boolean attribute (`sync-url`, `autoplay`, `loop`, `overlay`,
 * `lunar`, `no-draft`): present means on, absent means off, and the literal text `"false"` (any
 * letter case) also means off.
 *
 * HTML's own rule is "present = on", so `sync-url="false"` would turn the feature on. Vue
 * (`:sync-url="false"`) and Svelte (`sync-url={false}`) write exactly that attribute for a custom
 * element, as do templating languages that print a boolean; this converter makes those mean
 * what their authors meant. A `false` property removes the attribute when it is reflected.
 */
export const booleanAttribute: ComplexAttributeConverter<boolean> = {
  fromAttribute(value: string | null): boolean {
    return value !== null && value.toLowerCase() !== 'false';
  },
  toAttribute(value: boolean): string | null {
    return value ? '' : null;
  },
};
