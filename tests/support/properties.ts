/**
 * Inputs and checks the property tests share (the seed, run count and base size are set once in
 * fast-check.ts): small arbitrary values, since a property is about odd shapes, not big inputs,
 * and the check of every "never throws anything but a DandelionError" property.
 */
import fc from 'fast-check';
import { DandelionError } from '../../src/core/errors.js';

/**
 * Any code point, lone surrogates included: what `fc.string({ unit: 'binary' })` gives. fast-check
 * builds a table of every code point the first time a page uses that unit or the `web*`
 * arbitraries (seconds on a busy machine, once per test file); these inputs never need it.
 */
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n));

/** Characters of a URL path segment (RFC 3986 pchar), some percent-encoded as `fc.webUrl` does. */
const pathChar = fc.oneof(
  fc.constantFrom(..."abcxyzABCXYZ0189-._~!$&'()*+,;=:@"),
  fc.constantFrom('%20', '%2F', '%25', '%E4%B8%AD', '%F0%9F%8C%BC'),
);
const segment = fc.string({ unit: pathChar, maxLength: 8 });

export const small = {
  /** Any value: nested at most two deep, at most five keys an object. */
  anything: () => fc.anything({ maxDepth: 2, maxKeys: 5 }),
  /** Any JSON value, nested at most two deep. */
  json: () => fc.jsonValue({ maxDepth: 2 }),
  /** One of the three kinds of item a reader can be asked for. */
  kind: () => fc.constantFrom('service' as const, 'event' as const, 'story' as const),
  /** Text of any code points (a file that is not text at all, or in an odd encoding). */
  text: (maxLength = 100) => fc.string({ unit: codePoint, maxLength }),
  /** A relative or absolute URL path: segments, dot segments, empty ones. */
  webPath: () =>
    fc
      .tuple(
        fc.constantFrom('', '/', './', '../'),
        fc.array(fc.oneof(segment, fc.constantFrom('.', '..', '')), { maxLength: 4 }),
      )
      .map(([start, parts]) => start + parts.join('/')),
  /** An absolute http(s) URL with path, query and fragment (like `fc.webUrl`, without its cost). */
  webUrl: () =>
    fc
      .tuple(
        fc.constantFrom('http', 'https'),
        fc.domain(),
        fc.array(segment, { maxLength: 4 }),
        fc.option(
          fc.string({ unit: fc.oneof(pathChar, fc.constantFrom('/', '?')), maxLength: 12 }),
        ),
        fc.option(
          fc.string({ unit: fc.oneof(pathChar, fc.constantFrom('/', '?')), maxLength: 12 }),
        ),
      )
      .map(
        ([scheme, host, path, query, fragment]) =>
          `${scheme}://${host}/${path.join('/')}` +
          `${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`,
      ),
};

/** Runs each read, letting only DandelionErrors pass (a reader refuses, it never crashes). */
export function onlyDandelionErrors(...reads: (() => unknown)[]): void {
  for (const read of reads) {
    try {
      read();
    } catch (error) {
      if (!(error instanceof DandelionError)) throw error;
    }
  }
}

/** The same for an async reader. */
export async function onlyDandelionErrorsAsync(read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!(error instanceof DandelionError)) throw error;
  }
}
