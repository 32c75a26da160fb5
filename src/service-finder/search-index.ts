/**
 * The finder's text search: one normalized haystack per service, built once per data load, so a
 * keystroke costs a substring scan and nothing else. Normalization is NFKC + lower case, which
 * folds full-width letters and digits (`ＡＢＣ１２` → `abc12`), compatibility forms and case;
 * Chinese needs no word splitting because matching is by substring (`心理` finds `儿童心理咨询`).
 */
import type { Service } from '../core/models.js';

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
  /** Plain description text per service (for the card snippet). */
  readonly descriptions: string[];

  constructor(services: readonly Service[]) {
    this.haystacks = new Array<string>(services.length);
    this.descriptions = new Array<string>(services.length);
    this.names = new Array<string>(services.length);
    for (let i = 0; i < services.length; i++) {
      const s = services[i];
      const description = htmlText(s.description);
      this.descriptions[i] = description;
      let text = s.name;
      if (s.organization) text += '\n' + s.organization;
      for (const c of s.categories) text += '\n' + c.name;
      if (description) text += '\n' + description;
      this.haystacks[i] = normalizeText(text);
      this.names[i] = normalizeText(s.name);
    }
  }

  get size(): number {
    return this.haystacks.length;
  }

  /** Whether service `i` contains every term. */
  matches(i: number, terms: readonly string[]): boolean {
    const hay = this.haystacks[i];
    for (const term of terms) if (!hay.includes(term)) return false;
    return true;
  }

  /** Whether the name of service `i` contains any of the terms (ranks it first). */
  nameMatches(i: number, terms: readonly string[]): boolean {
    const name = this.names[i];
    for (const term of terms) if (name.includes(term)) return true;
    return false;
  }
}
