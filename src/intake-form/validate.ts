/**
 * The intake validator: checks an answer against the JSON Schema 2020-12 subset the intake form
 * supports, without compiling code (no `new Function`, so it works under `script-src 'self'`).
 *
 * This file has **no imports and no DOM use**: the browser element and the demo receiver (Node)
 * run the very same module, so the client and the server can never disagree about what is valid.
 * `pattern`s run on the linear-time engine both install (`usePatternEngine`, pattern-syntax.ts
 * with re2js), never on the backtracking `RegExp` engine.
 *
 * Validation is data, in the manner of Lion's validators: each keyword is a small validator
 * object whose `execute()` returns the issue parameters when the value fails (or `false`). The
 * walker below only decides *where* they apply; turning an issue into words is the UI's job.
 */

/** A JSON Schema node as read from JSON (the subset; unknown keywords are ignored here). */
export type JsonSchema = { [keyword: string]: unknown };

/** What failed: a keyword name, or `required` for a missing answer. */
export type IssueCode =
  | 'required'
  | 'type'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'enum'
  | 'const'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems';

/** Numbers and names a message may need ("at most {limit} characters, now {actual}"). */
export interface IssueParams {
  limit?: number;
  actual?: number;
  format?: string;
  type?: string;
}

/** One problem with one value. */
export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) to the value, e.g. `/child/birthDate`. */
  pointer: string;
  code: IssueCode;
  params?: IssueParams;
}

/** A Lion-style validator: one keyword, pure, says whether (and how) a value fails. */
export interface Validator {
  keyword: IssueCode;
  /** Whether the keyword constrains this kind of value at all (JSON Schema: others pass). */
  appliesTo(value: unknown): boolean;
  /** Issue parameters when `value` fails `param`, else `false`. */
  execute(value: unknown, param: unknown): IssueParams | false;
}

/** Formats the validator checks; others are left to the form author (and reported by the UI). */
export const supportedFormats = ['email', 'tel', 'date', 'uri'] as const;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const asLimit = (v: unknown): number | undefined => (isNumber(v) ? v : undefined);

/** Length in Unicode code points, as JSON Schema counts it (an emoji such as 😀 is one). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Whether an answer counts as not given: absent, `null`, blank text or an empty choice list. */
export function isMissing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (isString(value) && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A schema `pattern`, compiled: whether it matches anywhere in a text. */
export interface CompiledPattern {
  test(text: string): boolean;
}

/**
 * Why a pattern is not run: not a valid expression (`invalid`), or a construct the linear-time
 * engine has no way to run in linear time (`backreference`, `lookaround`), repeats past its
 * limit (`too-large`, over 1,000), or lacks (`unsupported`: modifiers, Script_Extensions…).
 */
export type PatternRefusal =
  'invalid' | 'backreference' | 'lookaround' | 'too-large' | 'unsupported';

/** Compiles schema patterns for the validator (see pattern-syntax.ts). */
export interface PatternEngine {
  compile(pattern: string): CompiledPattern | { refused: PatternRefusal };
}

let patternEngine: PatternEngine | undefined;
const patternCache = new Map<string, CompiledPattern | { refused: PatternRefusal }>();

/**
 * Installs the engine that runs schema patterns. Patterns never run on the backtracking
 * `RegExp` engine (a pattern such as `^(a+)+$` would freeze the page or the server): the browser
 * loads the linear-time engine when a schema has a pattern, a server installs it at start.
 */
export function usePatternEngine(engine: PatternEngine): void {
  patternEngine = engine;
  patternCache.clear();
}

/** Whether an engine for schema patterns is installed. */
export function hasPatternEngine(): boolean {
  return patternEngine !== undefined;
}

/** Whether a schema has a `pattern` anywhere (then the pattern engine is needed). */
export function usesPatterns(schema: unknown): boolean {
  const seen = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (!Array.isArray(node) && typeof (node as JsonSchema).pattern === 'string') return true;
    return Object.values(node).some(visit);
  };
  return visit(schema);
}

/**
 * Compiles a schema `pattern` once; says why when it cannot run. Throws when no engine is
 * installed: a pattern is never checked some other way.
 */
export function compilePattern(pattern: string): CompiledPattern | { refused: PatternRefusal } {
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    if (!patternEngine) {
      throw new Error('Schema patterns need the pattern engine: call loadPatternEngine() first.');
    }
    compiled = patternEngine.compile(pattern);
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * A mainland China phone number, as people write it: a mobile (1[3-9] and 9 more digits,
 * "138 0000 0000") or a landline with its area code (010, 02x or 0xxx, then 7–8 digits:
 * "020-0000 0000", "(0755) 0000 0000"), optionally with an extension after 转, 分机, ext, x or
 * #. A +86 or 0086 in front is allowed (the landline's leading 0 then optional). Spaces and
 * hyphens may separate the digits anywhere. The WordPress port (Validator.php) says the same.
 */
export function isChinesePhone(text: string): boolean {
  if (codePointLength(text) > 40) return false;
  const parts = /^([+\d\s()-]+?)(?:\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6}))?$/iu.exec(text);
  if (!parts) return false;
  const [, number, extension] = parts;
  if (!/^\+?[\d\s-]*(?:\(\d+\))?[\d\s-]*$/.test(number)) return false;
  const compact = number.replace(/[\s()-]/g, '');
  const national = compact.replace(/^(?:\+86|0086)/, '');
  const international = national !== compact;
  if (extension === undefined && /^1[3-9]\d{9}$/.test(national)) return true;
  const landline = international
    ? /^0?(?:10|2\d|[3-9]\d{2})\d{7,8}$/
    : /^0(?:10|2\d|[3-9]\d{2})\d{7,8}$/;
  return landline.test(national);
}

/** Checks one of the {@link supportedFormats}; unknown formats pass. */
export function checkFormat(format: string, text: string): boolean {
  const value = text.normalize('NFKC').trim();
  switch (format) {
    case 'email':
      return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/u.test(value);
    case 'tel':
      return isChinesePhone(value);
    case 'date':
      return isRealDate(value);
    case 'uri': {
      if (!/^https?:\/\/\S+$/i.test(value)) return false;
      try {
        return Boolean(new URL(value).host);
      } catch {
        return false;
      }
    }
    default:
      return true;
  }
}

/** Deep equality for JSON values (for `const`, `enum` and `uniqueItems`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

/** The allowed values of a node: `enum`, or the `const`s of a labelled `oneOf`. */
export function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf)) {
    const consts = schema.oneOf.filter((o) => isObject(o) && 'const' in o);
    if (consts.length === schema.oneOf.length) return consts.map((o) => (o as JsonSchema).const);
  }
  return undefined;
}

/** The keyword validators, in the order their messages matter most. */
export const validators: readonly Validator[] = [
  {
    keyword: 'const',
    appliesTo: () => true,
    execute: (value, param) => (jsonEqual(value, param) ? false : {}),
  },
  {
    keyword: 'minLength',
    appliesTo: isString,
    execute: (value, param) => {
      const limit = asLimit(param);
      const actual = codePointLength((value as string).trim());
      return limit !== undefined && actual < limit ? { limit, actual } : false;
    },
  },
  {
    keyword: 'maxLength',
    appliesTo: isString,
    execute: (value, param) => {
      const limit = asLimit(param);
      const actual = codePointLength((value as string).trim());
      return limit !== undefined && actual > limit ? { limit, actual } : false;
    },
  },
  {
    keyword: 'format',
    appliesTo: isString,
    execute: (value, param) =>
      isString(param) && !checkFormat(param, value as string) ? { format: param } : false,
  },
  {
    keyword: 'pattern',
    appliesTo: isString,
    execute: (value, param) => {
      if (!isString(param)) return false;
      const re = compilePattern(param);
      // A pattern that cannot run is reported to the site owner by the form, and not checked.
      return 'test' in re && !re.test(value as string) ? {} : false;
    },
  },
  {
    keyword: 'minimum',
    appliesTo: isNumber,
    execute: (value, param) => {
      const limit = asLimit(param);
      return limit !== undefined && (value as number) < limit ? { limit } : false;
    },
  },
  {
    keyword: 'maximum',
    appliesTo: isNumber,
    execute: (value, param) => {
      const limit = asLimit(param);
      return limit !== undefined && (value as number) > limit ? { limit } : false;
    },
  },
  {
    keyword: 'minItems',
    appliesTo: Array.isArray,
    execute: (value, param) => {
      const limit = asLimit(param);
      const actual = (value as unknown[]).length;
      return limit !== undefined && actual < limit ? { limit, actual } : false;
    },
  },
  {
    keyword: 'maxItems',
    appliesTo: Array.isArray,
    execute: (value, param) => {
      const limit = asLimit(param);
      const actual = (value as unknown[]).length;
      return limit !== undefined && actual > limit ? { limit, actual } : false;
    },
  },
  {
    keyword: 'uniqueItems',
    appliesTo: Array.isArray,
    execute: (value, param) => {
      if (param !== true) return false;
      const list = value as unknown[];
      return list.some((v, i) => list.findIndex((w) => jsonEqual(v, w)) !== i) ? {} : false;
    },
  },
];

function typeMatches(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => typeMatches(t, value));
  switch (type) {
    case 'string':
      return isString(value);
    case 'number':
      return isNumber(value);
    case 'integer':
      return isNumber(value) && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Escapes one JSON Pointer segment (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a parent pointer and a property name or index. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${pointerSegment(String(key))}`;
}

function walk(schema: unknown, value: unknown, pointer: string, issues: ValidationIssue[]): void {
  if (!isObject(schema) || value === undefined) return;

  if ('type' in schema && !typeMatches(schema.type, value)) {
    const type = Array.isArray(schema.type) ? schema.type.join('|') : String(schema.type);
    issues.push({ pointer, code: 'type', params: { type } });
    return;
  }

  const allowed = allowedValues(schema);
  if (allowed && !allowed.some((v) => jsonEqual(v, value))) {
    issues.push({ pointer, code: 'enum' });
    return;
  }

  for (const validator of validators) {
    if (!(validator.keyword in schema) || !validator.appliesTo(value)) continue;
    const failed = validator.execute(value, schema[validator.keyword]);
    if (failed) {
      issues.push(
        Object.keys(failed).length
          ? { pointer, code: validator.keyword, params: failed }
          : { pointer, code: validator.keyword },
      );
      return; // one message per answer: the first that matters
    }
  }

  if (Array.isArray(value) && isObject(schema.items)) {
    value.forEach((item, i) => walk(schema.items, item, childPointer(pointer, i), issues));
  }

  if (isObject(value)) walkObject(schema, value, pointer, issues);
}

function walkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  pointer: string,
  issues: ValidationIssue[],
): void {
  const missing = new Set<string>();
  const require = (name: unknown) => {
    if (isString(name) && isMissing(value[name]) && !missing.has(name)) {
      missing.add(name);
      issues.push({ pointer: childPointer(pointer, name), code: 'required' });
    }
  };

  if (Array.isArray(schema.required)) schema.required.forEach(require);

  if (isObject(schema.dependentRequired)) {
    for (const [trigger, names] of Object.entries(schema.dependentRequired)) {
      if (!isMissing(value[trigger]) && Array.isArray(names)) names.forEach(require);
    }
  }

  if (isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (missing.has(name) || isMissing(value[name])) continue;
      walk(sub, value[name], childPointer(pointer, name), issues);
    }
  }

  // Conditionals (and `allOf` of conditionals) apply at the same place as the object itself.
  const branches: unknown[] = [];
  if ('if' in schema) branches.push(schema);
  if (Array.isArray(schema.allOf)) branches.push(...schema.allOf);
  for (const branch of branches) {
    if (!isObject(branch)) continue;
    if (branch !== schema && !('if' in branch)) {
      walk(branch, value, pointer, issues);
      continue;
    }
    const chosen = conditionHolds(branch.if, value) ? branch.then : branch.else;
    if (!isObject(chosen)) continue;
    const before = issues.length;
    walkObject(chosen, value, pointer, issues);
    // A branch may repeat a required name the object already reported: keep one message.
    dedupe(issues, before);
  }
}

function dedupe(issues: ValidationIssue[], from: number): void {
  for (let i = issues.length - 1; i >= from; i--) {
    const issue = issues[i];
    if (issues.findIndex((x) => x.pointer === issue.pointer) < i) issues.splice(i, 1);
  }
}

/** Whether an `if` schema accepts a value (no issues). A missing `if` never holds. */
export function conditionHolds(condition: unknown, value: unknown): boolean {
  if (condition === true) return true;
  if (!isObject(condition)) return false;
  const issues: ValidationIssue[] = [];
  walk(condition, value, '', issues);
  return issues.length === 0;
}

/**
 * Validates `value` against `schema`; returns every issue (at most one per answer), in schema
 * order. Required answers are reported at their own pointer so they map onto form fields.
 */
export function validate(schema: JsonSchema, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (value === undefined) {
    issues.push({ pointer: '', code: 'required' });
    return issues;
  }
  walk(schema, value, '', issues);
  return issues;
}
