/**
 * Schema `pattern`s on a linear-time engine. JSON Schema patterns are ECMA-262 regular
 * expressions (read here in Unicode mode), and the browser's engine backtracks: `^(a+)+$` against
 * thirty `a`s and a `b` takes it half a minute, on the page's main thread or the receiver's event
 * loop. RE2 (the `re2js` port) matches in time linear in the text, but speaks another dialect, so
 * this file translates each pattern into RE2 syntax with ECMA-262's meaning, and refuses what RE2
 * cannot run (back-references, look-around) instead of handing it to a backtracking engine.
 *
 * Like validate.ts, this file has **no imports and no DOM use**: the browser loads it (with
 * re2js) as a lazy chunk when a schema has a pattern, and the demo receiver runs the same text.
 */
import type { CompiledPattern, PatternEngine, PatternRefusal } from './validate.js';

/** What the translation gives: RE2 syntax, or why the pattern cannot run. */
export type Translation = { source: string } | { refused: PatternRefusal };

/** The part of re2js's `RE2JS` class the engine uses (passed in: this file imports nothing). */
export interface Re2Compiler {
  compile(source: string): CompiledPattern;
}

class Refused extends Error {
  constructor(readonly reason: PatternRefusal) {
    super(reason);
  }
}

type Range = readonly [number, number];
const maxCodePoint = 0x10ffff;

const digit: Range[] = [[0x30, 0x39]];
const word: Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** ECMA-262 WhiteSpace and LineTerminator (RE2's `\s` is only ASCII and lacks `\v`). */
const space: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= maxCodePoint) out.push([next, maxCodePoint]);
  return out;
}

const hex = (c: number) => `\\x{${c.toString(16)}}`;
const rangeText = ([lo, hi]: Range) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`);
const classOf = (ranges: readonly Range[]) => `[${ranges.map(rangeText).join('')}]`;
/** A literal character: letters and digits as they are, everything else as `\x{…}`. */
const literal = (c: number) =>
  /[A-Za-z0-9]/.test(String.fromCodePoint(c)) ? String.fromCodePoint(c) : hex(c);
/** ECMA-262's `.` without the `s` flag: anything but a line terminator. */
const dot = `[^${[0x0a, 0x0d, 0x2028, 0x2029].map(hex).join('')}]`;

/** General categories by every name ECMA-262 accepts, as RE2 names them. */
const categories: Record<string, string> = {};
for (const [short, ...long] of [
  ['L', 'Letter'],
  ['LC', 'Cased_Letter'],
  ['Lu', 'Uppercase_Letter'],
  ['Ll', 'Lowercase_Letter'],
  ['Lt', 'Titlecase_Letter'],
  ['Lm', 'Modifier_Letter'],
  ['Lo', 'Other_Letter'],
  ['M', 'Mark', 'Combining_Mark'],
  ['Mn', 'Nonspacing_Mark'],
  ['Mc', 'Spacing_Mark'],
  ['Me', 'Enclosing_Mark'],
  ['N', 'Number'],
  ['Nd', 'Decimal_Number', 'digit'],
  ['Nl', 'Letter_Number'],
  ['No', 'Other_Number'],
  ['P', 'Punctuation', 'punct'],
  ['Pc', 'Connector_Punctuation'],
  ['Pd', 'Dash_Punctuation'],
  ['Ps', 'Open_Punctuation'],
  ['Pe', 'Close_Punctuation'],
  ['Pi', 'Initial_Punctuation'],
  ['Pf', 'Final_Punctuation'],
  ['Po', 'Other_Punctuation'],
  ['S', 'Symbol'],
  ['Sm', 'Math_Symbol'],
  ['Sc', 'Currency_Symbol'],
  ['Sk', 'Modifier_Symbol'],
  ['So', 'Other_Symbol'],
  ['Z', 'Separator'],
  ['Zs', 'Space_Separator'],
  ['Zl', 'Line_Separator'],
  ['Zp', 'Paragraph_Separator'],
  ['C', 'Other'],
  ['Cc', 'Control', 'cntrl'],
  ['Cf', 'Format'],
  ['Cs', 'Surrogate'],
  ['Co', 'Private_Use'],
  ['Cn', 'Unassigned'],
]) {
  for (const name of [short, ...long]) categories[name] = short;
}

/** Four-letter script codes (ISO 15924) ECMA-262 accepts, for scripts families here write. */
const scriptCodes: Record<string, string> = {
  Hani: 'Han',
  Hans: 'Han',
  Hant: 'Han',
  Bopo: 'Bopomofo',
  Latn: 'Latin',
  Grek: 'Greek',
  Cyrl: 'Cyrillic',
  Arab: 'Arabic',
  Hebr: 'Hebrew',
  Hira: 'Hiragana',
  Kana: 'Katakana',
  Hang: 'Hangul',
  Thai: 'Thai',
  Tibt: 'Tibetan',
  Mong: 'Mongolian',
  Yiii: 'Yi',
  Deva: 'Devanagari',
  Zyyy: 'Common',
  Zinh: 'Inherited',
  Qaai: 'Inherited',
};

/** A class item: code point ranges, or a Unicode property RE2 knows (`\p{Han}`, `\P{Lu}`). */
type ClassItem = { ranges: Range[] } | { property: string };

/**
 * A recursive-descent reader of ECMA-262 Unicode-mode patterns. The pattern has already been
 * accepted by `new RegExp(…, 'u')` (building one never runs it), so the reader can rely on the
 * syntax being valid and only has to decide what each piece means.
 */
class Translator {
  private i = 0;
  constructor(private readonly p: string) {}

  run(): string {
    const out = this.disjunction();
    if (this.i < this.p.length) throw new Refused('invalid');
    return out;
  }

  private peek(offset = 0): string {
    return this.p[this.i + offset] ?? '';
  }

  private eat(text: string): boolean {
    if (!this.p.startsWith(text, this.i)) return false;
    this.i += text.length;
    return true;
  }

  private codePoint(): number {
    const c = this.p.codePointAt(this.i);
    if (c === undefined) throw new Refused('invalid');
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  private disjunction(): string {
    const alternatives = [this.alternative()];
    while (this.eat('|')) alternatives.push(this.alternative());
    return alternatives.join('|');
  }

  private alternative(): string {
    let out = '';
    while (this.i < this.p.length && this.peek() !== '|' && this.peek() !== ')') {
      out += this.term();
    }
    return out;
  }

  private term(): string {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.i++;
      // Without the `m` flag RE2's ^ and $ are the start and end of the text, as in ECMA-262.
      return c;
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.i += 2;
      return `\\${this.p[this.i - 1]}`; // ASCII word boundaries in both dialects
    }
    return this.atom() + this.quantifier();
  }

  private quantifier(): string {
    let q = '';
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      q = c;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i));
      if (!m) return '';
      this.i += m[0].length;
      q = m[0];
    } else return '';
    if (this.eat('?')) q += '?';
    return q;
  }

  private atom(): string {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '.') {
      this.i++;
      return dot;
    }
    if (c === '[') return this.characterClass();
    if (c === '\\') {
      const next = this.peek(1);
      if (/[1-9]/.test(next) || next === 'k') throw new Refused('backreference');
      const item = this.classEscape(false);
      if (typeof item === 'number') return literal(item);
      return 'property' in item ? item.property : classOf(item.ranges);
    }
    return literal(this.codePoint());
  }

  private group(): string {
    if (['(?=', '(?!', '(?<=', '(?<!'].some((open) => this.p.startsWith(open, this.i))) {
      throw new Refused('lookaround');
    }
    if (this.eat('(?:')) {
      // Only the match matters, never the groups: every group becomes non-capturing.
    } else if (this.eat('(?<')) {
      const end = this.p.indexOf('>', this.i);
      if (end < 0) throw new Refused('invalid');
      this.i = end + 1;
    } else if (this.peek(1) === '?') {
      throw new Refused('unsupported'); // modifiers such as (?i:…)
    } else this.i++;
    const inner = this.disjunction();
    if (!this.eat(')')) throw new Refused('invalid');
    return `(?:${inner})`;
  }

  private characterClass(): string {
    this.i++; // [
    const negated = this.eat('^');
    const items: ClassItem[] = [];
    while (this.peek() !== ']') {
      if (this.i >= this.p.length) throw new Refused('invalid');
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.i++;
        const to = this.classAtom();
        if (typeof from !== 'number' || typeof to !== 'number' || from > to) {
          throw new Refused('invalid');
        }
        items.push({ ranges: [[from, to]] });
      } else items.push(typeof from === 'number' ? { ranges: [[from, from]] } : from);
    }
    this.i++; // ]
    if (items.length === 0)
      return negated ? classOf([[0, maxCodePoint]]) : `[^${rangeText([0, maxCodePoint])}]`;
    const body = items
      .map((item) => ('property' in item ? item.property : item.ranges.map(rangeText).join('')))
      .join('');
    return `[${negated ? '^' : ''}${body}]`;
  }

  private classAtom(): number | ClassItem {
    if (this.peek() !== '\\') return this.codePoint();
    return this.classEscape(true);
  }

  /** After a backslash: a character (its code point) or a set of them. */
  private classEscape(inClass: boolean): number | ClassItem {
    this.i++; // \
    const c = this.peek();
    this.i++;
    switch (c) {
      case 'd':
        return { ranges: digit };
      case 'D':
        return { ranges: complement(digit) };
      case 'w':
        return { ranges: word };
      case 'W':
        return { ranges: complement(word) };
      case 's':
        return { ranges: space };
      case 'S':
        return { ranges: complement(space) };
      case 'p':
      case 'P':
        return this.property(c === 'P');
      case 'f':
        return 0x0c;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 't':
        return 0x09;
      case 'v':
        return 0x0b;
      case 'b':
        if (inClass) return 0x08;
        break;
      case '-':
        if (inClass) return 0x2d;
        break;
      case '0':
        return 0;
      case 'c': {
        const letter = this.peek();
        this.i++;
        return letter.charCodeAt(0) % 32;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.p.slice(this.i));
        if (!m) break;
        this.i += 2;
        return parseInt(m[0], 16);
      }
      case 'u':
        return this.unicodeEscape();
      default:
        if (c && '^$\\.*+?()[]{}|/'.includes(c)) return c.charCodeAt(0);
    }
    throw new Refused('invalid');
  }

  private unicodeEscape(): number {
    if (this.eat('{')) {
      const end = this.p.indexOf('}', this.i);
      const value = parseInt(this.p.slice(this.i, end), 16);
      this.i = end + 1;
      return value;
    }
    const read = (at: number) => {
      const digits = this.p.slice(at, at + 4);
      return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
    };
    const first = read(this.i);
    if (first < 0) throw new Refused('invalid');
    this.i += 4;
    // In Unicode mode an escaped surrogate pair is one code point.
    if (first >= 0xd800 && first <= 0xdbff && this.p.startsWith('\\u', this.i)) {
      const second = read(this.i + 2);
      if (second >= 0xdc00 && second <= 0xdfff) {
        this.i += 6;
        return (first - 0xd800) * 0x400 + (second - 0xdc00) + 0x10000;
      }
    }
    return first;
  }

  private property(negated: boolean): ClassItem {
    const end = this.p.indexOf('}', this.i);
    if (this.peek() !== '{' || end < 0) throw new Refused('invalid');
    const spec = this.p.slice(this.i + 1, end);
    this.i = end + 1;
    const [name, value] = spec.includes('=') ? spec.split('=') : ['', spec];
    let re2: string | undefined;
    if (name === 'General_Category' || name === 'gc' || (!name && categories[value])) {
      re2 = categories[value];
    } else if (name === 'Script' || name === 'sc') {
      re2 = scriptCodes[value] ?? value;
    } else if (!name && value === 'Any') {
      re2 = 'Any';
    } else if (!name && value === 'ASCII') {
      return { ranges: negated ? complement([[0, 0x7f]]) : [[0, 0x7f]] };
    } else if (!name && value === 'Assigned') {
      return { property: negated ? '\\p{Cn}' : '\\P{Cn}' };
    }
    // Script_Extensions and the binary properties (Alphabetic, Emoji…) have no RE2 equivalent.
    if (!re2 || !/^\w+$/.test(re2)) throw new Refused('unsupported');
    return { property: `\\${negated ? 'P' : 'p'}{${re2}}` };
  }
}

/**
 * Translates an ECMA-262 pattern (Unicode mode) into RE2 syntax with the same meaning, or says
 * why it cannot run: `invalid` (not a valid expression), `backreference`, `lookaround`, or
 * `unsupported` (modifiers, Unicode properties RE2 lacks such as Script_Extensions).
 */
export function translatePattern(pattern: string): Translation {
  try {
    // Only parses (a RegExp runs nothing until it is used): ECMA-262 decides what is valid.
    new RegExp(pattern, 'u');
  } catch {
    return { refused: 'invalid' };
  }
  try {
    return { source: new Translator(pattern).run() };
  } catch (error) {
    if (error instanceof Refused) return { refused: error.reason };
    throw error;
  }
}

/**
 * The pattern engine for validate.ts's `usePatternEngine`, on RE2 (`createPatternEngine(RE2JS)`
 * with re2js's class). RE2 refuses repetitions over 1,000 (`a{1001}`, `(a{100}){100}`) and
 * programs past its size limit: those are `too-large`; anything else it cannot compile is
 * `unsupported`.
 */
export function createPatternEngine(re2: Re2Compiler): PatternEngine {
  return {
    compile(pattern) {
      const translated = translatePattern(pattern);
      if ('refused' in translated) return translated;
      try {
        const compiled = re2.compile(translated.source);
        // Unanchored, like ECMA-262's `test`: JSON Schema patterns match anywhere in the text.
        return { test: (text: string) => compiled.test(text) };
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        return {
          refused: /repeat count|too large|too deeply/.test(message) ? 'too-large' : 'unsupported',
        };
      }
    },
  };
}
