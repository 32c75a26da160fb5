/**
 * What the finder needs of its search before the search index's chunk is there: the query's
 * terms (in the form the index compares) and sets of service positions as bitsets.
 */

/** The form both the index and the query are compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Query → distinct normalized terms (split on any white space, ideographic space included). */
export function queryTerms(query: string): string[] {
  const terms = normalizeText(query)
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** A set of service positions as a bitset (bit `i` of word `i >>> 5`). */
export type Bits = Uint32Array;

export function hasBit(bits: Bits, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** A bitset of `size` positions with the given ones set. */
export function bitsOf(size: number, positions: Iterable<number>): Bits {
  const bits = new Uint32Array((size + 31) >>> 5);
  for (const i of positions) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
}
