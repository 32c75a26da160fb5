/**
 * The `format` attribute's values, derived from the reader registry (`readers/registry.ts`): a
 * new format is one file and one line there, not here. `format="auto"`'s sniffing is
 * `readers/sniffing.ts`.
 */
import { readerOf, readers, type ConcreteFormat } from './readers/registry.js';
import type { ModelKind } from './models.js';

export type { ConcreteFormat };
/** Values of the shared `format` attribute. */
export type Format = 'auto' | ConcreteFormat;

/** Values of the shared `format` attribute: `auto`, then every registered format. */
export const formats: readonly Format[] = ['auto', ...readers.map((reader) => reader.name)];

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (value === 'auto' || readerOf(value) !== undefined);
}

/** The models a format can give. */
export function formatKinds(format: ConcreteFormat): readonly ModelKind[] {
  return readerOf(format)?.kinds ?? [];
}
