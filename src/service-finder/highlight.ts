/**
 * Matched text as segments for `<mark>`: the query is compared in normalized form (NFKC, lower
 * case), so matches are found on a normalized copy and mapped back to the original characters.
 * The result is data, rendered by Lit as text — never as HTML.
 */
import { normalizeText } from './query-terms.js';

export interface Segment {
  text: string;
  mark: boolean;
}

/** A base character with its combining marks, or a lone mark. */
const clusterPattern = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * A code unit that normalization and lower case leave as it is: ASCII but `A`–`Z`, and the CJK
 * ideographs (most of a Chinese card). A cluster of one such unit needs no `normalize()` call.
 */
const plain = (c: number): boolean =>
  c < 0x80 ? c < 65 || c > 90 : c >= 0x3400 && c <= 0x9fff && (c < 0x4dc0 || c >= 0x4e00);

interface Normalized {
  normalized: string;
  starts: number[];
  ends: number[];
}

/**
 * The texts of the cards shown lately, normalized: typing a word forward shows mostly the same
 * cards keystroke after keystroke, so their texts are mapped once. Emptied when it is full.
 */
const recent = new Map<string, Normalized>();
const RECENT_TEXTS = 2000;

/** Normalized text plus, per normalized code unit, the [start, end) of its source cluster. */
function normalizedWithMap(text: string): Normalized {
  const known = recent.get(text);
  if (known) return known;
  let normalized = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(clusterPattern)) {
    const start = m.index;
    const cluster = m[0];
    const end = start + cluster.length;
    const n =
      cluster.length === 1 && plain(cluster.charCodeAt(0)) ? cluster : normalizeText(cluster);
    normalized += n;
    for (let k = 0; k < n.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  }
  if (recent.size >= RECENT_TEXTS) recent.clear();
  const mapped = { normalized, starts, ends };
  recent.set(text, mapped);
  return mapped;
}

/** Source ranges [start, end) of every occurrence of every term, merged and sorted. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (!text || terms.length === 0) return [];
  const { normalized, starts, ends } = normalizedWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = normalized.indexOf(term, from);
      if (at < 0) break;
      ranges.push([starts[at], ends[at + term.length - 1]]);
      from = at + term.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` cut into marked (matching) and plain segments. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return text ? [{ text, mark: false }] : [];
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * A short excerpt of `text` around its first match (with ellipses where cut), or `undefined`
 * when nothing matches — the card shows where a description matched.
 */
export function snippet(
  text: string,
  terms: readonly string[],
  radius = 40,
): Segment[] | undefined {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return undefined;
  const [first] = ranges;
  let start = Math.max(0, first[0] - radius);
  let end = Math.min(text.length, first[1] + radius);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  const excerpt = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  return highlight(excerpt, terms);
}
