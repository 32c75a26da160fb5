/**
 * The finder's text search: one normalized haystack per service plus, per character, a bitset of
 * the services containing it — built once per data load (in idle slices after the first paint),
 * so a keystroke costs a few bitset ANDs and substring checks on the candidates only.
 * Normalization is NFKC + lower case, which folds full-width letters and digits (`ＡＢＣ１２` →
 * `abc12`), compatibility forms and case; Chinese needs no word splitting because matching is by
 * substring (`心理` finds `儿童心理咨询`).
 *
 * Its own chunk, loaded with the first query (or when the search box gets focus): the list
 * without a query needs no index. Without it (a failed download) the finder lists every service
 * under the filters and says that the search could not be loaded.
 */
import type { Service } from '../core/models.js';
import { runWhenIdle } from '../core/idle.js';
import { normalizeText, type Bits } from './query-terms.js';

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Plain text of already-sanitized HTML for searching and snippets. A cheap regex pass instead of
 * a DOM parse: it runs over every description of every load (10,000 DOMParser calls would cost
 * more than the whole first paint budget), and its output is only ever rendered as text.
 */
export function htmlText(html: string | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html;
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d|\/tr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Normalized haystacks for a list of services. Fields are joined with a newline: terms never
 * contain white space, so a term cannot match across two fields.
 */
export class SearchIndex {
  private readonly haystacks: string[];
  private readonly names: string[];
  private readonly descriptions: string[];
  /** Per UTF-16 code unit, the services whose haystack contains it. */
  private readonly chars: (Bits | undefined)[] = [];
  private readonly words: number;
  private built = 0;

  constructor(private readonly services: readonly Service[]) {
    const n = services.length;
    this.haystacks = new Array<string>(n);
    this.names = new Array<string>(n);
    this.descriptions = new Array<string>(n);
    this.words = (n + 31) >>> 5;
  }

  get size(): number {
    return this.services.length;
  }

  /** Whether every service is indexed. */
  get ready(): boolean {
    return this.built === this.services.length;
  }

  /** Indexes services until `deadline` (a `performance.now()` time); returns whether done. */
  step(deadline: number): boolean {
    const { services, chars, words } = this;
    while (this.built < services.length) {
      const i = this.built++;
      const s = services[i];
      const description = htmlText(s.description);
      this.descriptions[i] = description;
      // NFKC leaves a newline alone and never joins across it, so the parts normalize apart.
      const name = normalizeText(s.name);
      let rest = s.organization ?? '';
      for (const c of s.categories) rest += '\n' + c.name;
      if (description) rest += '\n' + description;
      const hay = rest ? name + '\n' + normalizeText(rest) : name;
      this.haystacks[i] = hay;
      this.names[i] = name;
      const word = i >>> 5;
      const bit = 1 << (i & 31);
      for (let k = 0; k < hay.length; k++) {
        const code = hay.charCodeAt(k);
        let bits = chars[code];
        if (!bits) chars[code] = bits = new Uint32Array(words);
        bits[word] |= bit;
      }
      if ((i & 63) === 63 && performance.now() >= deadline) break;
    }
    return this.ready;
  }

  /** Indexes the rest in idle time (after the results are painted); returns how to stop. */
  buildWhenIdle(): () => void {
    return runWhenIdle((deadline) => this.step(deadline));
  }

  /** Indexes whatever is left, now. */
  complete(): this {
    this.step(Infinity);
    return this;
  }

  /**
   * Services that contain every character of every term (a superset of the matches; exact when
   * every term is a single code unit).
   */
  candidates(terms: readonly string[]): Bits {
    this.complete();
    const out = new Uint32Array(this.words).fill(0xffffffff);
    for (const term of terms) {
      for (let k = 0; k < term.length; k++) {
        const code = term.charCodeAt(k);
        if (code === 10) continue;
        const bits = this.chars[code];
        if (!bits) return out.fill(0);
        for (let w = 0; w < out.length; w++) out[w] &= bits[w];
      }
    }
    return out;
  }

  /**
   * {@link candidates} for terms with alternative spellings (synonyms): a service is a candidate
   * when, for every term, it contains every character of at least one of its alternatives.
   */
  candidatesAny(groups: readonly (readonly string[])[]): Bits {
    const out = new Uint32Array(this.words).fill(0xffffffff);
    for (const group of groups) {
      const any = new Uint32Array(this.words);
      for (const alternative of group) {
        const bits = this.candidates([alternative]);
        for (let w = 0; w < any.length; w++) any[w] |= bits[w];
      }
      for (let w = 0; w < out.length; w++) out[w] &= any[w];
    }
    return out;
  }

  /** Whether service `i` contains, for every term, one of its alternatives. */
  matchesEvery(i: number, groups: readonly (readonly string[])[]): boolean {
    const hay = this.haystacks[i];
    return groups.every((group) => group.some((alternative) => hay.includes(alternative)));
  }

  /** Whether service `i` contains every term (call {@link complete} or {@link candidates} first). */
  matches(i: number, terms: readonly string[]): boolean {
    const hay = this.haystacks[i];
    for (const term of terms) if (!hay.includes(term)) return false;
    return true;
  }

  /** Whether the name of service `i` contains any of the terms (after {@link complete}). */
  nameMatches(i: number, terms: readonly string[]): boolean {
    const name = this.names[i];
    for (const term of terms) if (name.includes(term)) return true;
    return false;
  }

  /** Plain description text of service `i` (for the card snippet and the detail view). */
  description(i: number): string {
    // One service's text is cheap; finishing the whole index here could block for long.
    return this.descriptions[i] ?? htmlText(this.services[i].description);
  }
}
