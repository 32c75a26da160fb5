/**
 * `@property` and `@state` for the widgets' fields, as Lit's own decorators do them for
 * TypeScript's `experimentalDecorators` on a field: one call of Lit's public
 * `ReactiveElement.createProperty`. Lit's `lit/decorators.js` also carries the standard
 * (TC39) decorator path and its checks, which this build never runs (0.2 KB gz of every widget's
 * first view). Fields only: an accessor or a method is not decorated here.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

type FieldDecorator = (proto: object, name: string) => void;

/** A reactive property, with an attribute unless `attribute: false` (Lit's `@property`). */
export const property =
  (options?: PropertyDeclaration): FieldDecorator =>
  (proto, name) =>
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);

/** Internal reactive state: renders again when set, no attribute (Lit's `@state`). */
export const state = (): FieldDecorator => property({ state: true, attribute: false });
