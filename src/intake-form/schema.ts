/**
 * Reads an intake schema (JSON Schema 2020-12, the subset named in docs/intake-form.md, plus UI
 * hints under `x-ui` or `ui`) into a tree of fields the element renders. Anything outside the
 * subset is *reported* (keyword and place) and otherwise ignored, so the rest of the form still
 * renders; the validator ignores the same keywords, so client and server stay in step.
 */
import {
  allowedValues,
  childPointer,
  compilePattern,
  conditionHolds,
  hasPatternEngine,
  isMissing,
  supportedFormats,
  type JsonSchema,
  type PatternRefusal,
} from './validate.js';

/** Text given once, or per language: `{"zh-Hans": "…", "zh-Hant": "…", "en": "…"}`. */
export type LocalizedText = string | Record<string, string>;

/** A labelled choice (from `oneOf` `const`+`title`, or a plain `enum` value). */
export interface Choice {
  value: unknown;
  title: LocalizedText;
}

/**
 * When a field applies: the value of the object at `scope` must (or must not) match `if`, or
 * (for `dependentRequired`) must have an answer for `present`.
 */
export type Condition =
  | {
      /** Pointer of the object whose value the condition reads. */
      scope: string;
      if: unknown;
      /** `true`: applies when `if` holds (`then`), `false`: when it does not (`else`). */
      when: boolean;
    }
  | { scope: string; present: string };

/** Whether a condition holds for the current value of its object. */
export function conditionMet(condition: Condition, scopeValue: unknown): boolean {
  if ('present' in condition) {
    return isObject(scopeValue) && !isMissing(scopeValue[condition.present]);
  }
  return conditionHolds(condition.if, scopeValue) === condition.when;
}

export type FieldKind = 'text' | 'number' | 'boolean' | 'choice' | 'multi' | 'group';
export type Widget = 'input' | 'textarea' | 'radio' | 'select' | 'checkbox' | 'combobox';

/**
 * Above this many choices a question is a searchable picker (an APG combobox showing a few
 * matches at a time) instead of a `<select>`: 50,000 `<option>`s took 4 s to render.
 */
export const pickerThreshold = 200;

export interface Field {
  kind: FieldKind;
  /** Property name. */
  key: string;
  /** JSON Pointer of the answer, e.g. `/child/birthDate`. */
  pointer: string;
  /** DOM id of the control the error summary links to. */
  id: string;
  schema: JsonSchema;
  title?: LocalizedText;
  hint?: LocalizedText;
  placeholder?: LocalizedText;
  autocomplete?: string;
  widget: Widget;
  /** `<input type>` for text fields. */
  inputType?: 'text' | 'email' | 'tel' | 'date' | 'url';
  integer?: boolean;
  /** A boolean with `const: true`: a consent box that must be ticked. */
  consent?: boolean;
  required: boolean;
  /** Required only while this holds (from `if`/`then`/`else` or `dependentRequired`). */
  requiredWhen?: Condition[];
  readOnly: boolean;
  default?: unknown;
  choices?: Choice[];
  maxLength?: number;
  rows?: number;
  /** Per-field messages by issue code (Lion: field → validator → locale default). */
  messages?: Record<string, LocalizedText>;
  /** Present only when the field belongs to a `then`/`else` branch. */
  condition?: Condition;
  /** Child fields of a nested object (`group`). */
  fields?: Field[];
}

export interface Step {
  title?: LocalizedText;
  description?: LocalizedText;
  /** Top-level fields on this step. */
  fields: Field[];
}

/** A keyword the form cannot honour: where it is and why. */
export interface SchemaProblem {
  keyword: string;
  /** Schema location, e.g. `/properties/child/anyOf`. */
  at: string;
  reason: 'unsupported' | 'invalid';
  /** For a `pattern` that is valid but cannot run on the linear-time engine: why not. */
  refusal?: Exclude<PatternRefusal, 'invalid'>;
}

/**
 * What the "sent" view says (root `x-ui.success`): its own heading instead of the default thank
 * you, a sentence, and what happens next, in order, so a family knows what to expect.
 */
export interface SuccessText {
  title?: LocalizedText;
  text?: LocalizedText;
  nextSteps: LocalizedText[];
}

export interface IntakeForm {
  schema: JsonSchema;
  title?: LocalizedText;
  description?: LocalizedText;
  /** Root `x-ui.success`, when the schema says what happens after sending. */
  success?: SuccessText;
  root: Field;
  steps: Step[];
  problems: SchemaProblem[];
  /** Every field by pointer (groups included). */
  byPointer: Map<string, Field>;
}

const annotationKeywords = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'readOnly',
  'examples',
  'deprecated',
  'x-ui',
  'ui',
]);
const validationKeywords: Record<string, ReadonlySet<string>> = {
  any: new Set(['type', 'enum', 'const', 'oneOf']),
  string: new Set(['minLength', 'maxLength', 'pattern', 'format']),
  number: new Set(['minimum', 'maximum']),
  object: new Set(['properties', 'required', 'dependentRequired', 'if', 'then', 'else', 'allOf']),
  array: new Set(['items', 'minItems', 'maxItems', 'uniqueItems']),
};
const uiKeys = new Set([
  'widget',
  'placeholder',
  'help',
  'autocomplete',
  'messages',
  'rows',
  'steps',
  'success',
]);
/** Root-only `x-ui` hints. */
const rootUiKeys = new Set(['steps', 'success']);
const widgets = new Set<Widget>(['input', 'textarea', 'radio', 'select', 'checkbox', 'combobox']);

const isObject = (v: unknown): v is JsonSchema =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isLocalized = (v: unknown): v is LocalizedText =>
  typeof v === 'string' ||
  (isObject(v) &&
    Object.values(v).every((s) => typeof s === 'string') &&
    Object.keys(v).length > 0);

/**
 * Picks the text for a language: exact match, then the other Chinese script, then English,
 * then whatever is there. Plain strings are returned as they are.
 */
export function pickText(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const order = [
    locale,
    locale.startsWith('zh') ? (locale === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant') : 'en',
    'en',
    'zh-Hans',
  ];
  for (const key of order) if (typeof text[key] === 'string') return text[key];
  return Object.values(text)[0] ?? '';
}

function domId(pointer: string): string {
  return `f${pointer.replace(/[^\w-]/g, (c) => (c === '/' ? '-' : `_${c.codePointAt(0)!.toString(36)}`))}`;
}

function schemaType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  if (isObject(schema.properties)) return 'object';
  const allowed = allowedValues(schema);
  if (allowed) return allowed.every((v) => typeof v === 'boolean') ? 'boolean' : typeof allowed[0];
  if ('const' in schema) return typeof schema.const;
  return undefined;
}

class Reader {
  problems: SchemaProblem[] = [];
  byPointer = new Map<string, Field>();

  problem(keyword: string, at: string, reason: SchemaProblem['reason'] = 'unsupported'): void {
    this.problems.push({ keyword, at, reason });
  }

  /** Reports keywords outside the subset for this node's type. */
  checkKeywords(schema: JsonSchema, type: string | undefined, at: string, root = false): void {
    const family = type === 'integer' ? 'number' : type;
    for (const keyword of Object.keys(schema)) {
      if (annotationKeywords.has(keyword) || validationKeywords.any.has(keyword)) continue;
      if (family && validationKeywords[family]?.has(keyword)) continue;
      this.problem(keyword, `${at}/${keyword}`);
    }
    const ui = schema['x-ui'] ?? schema.ui;
    if (ui !== undefined) {
      const uiName = 'x-ui' in schema ? 'x-ui' : 'ui';
      if (!isObject(ui)) this.problem(uiName, `${at}/${uiName}`, 'invalid');
      else {
        for (const key of Object.keys(ui)) {
          if (!uiKeys.has(key) || (rootUiKeys.has(key) && !root)) {
            this.problem(`${uiName}.${key}`, `${at}/${uiName}/${key}`);
          }
        }
      }
    }
    // Checked once the pattern engine is there (the element loads it before reading a schema
    // with patterns); a staff table reading only the questions does not need it.
    if (typeof schema.pattern === 'string' && hasPatternEngine()) {
      const compiled = compilePattern(schema.pattern);
      if ('refused' in compiled) {
        if (compiled.refused === 'invalid') this.problem('pattern', `${at}/pattern`, 'invalid');
        else
          this.problems.push({
            keyword: 'pattern',
            at: `${at}/pattern`,
            reason: 'unsupported',
            refusal: compiled.refused,
          });
      }
    }
    if (
      typeof schema.format === 'string' &&
      !(supportedFormats as readonly string[]).includes(schema.format)
    ) {
      this.problem(`format: ${schema.format}`, `${at}/format`);
    }
    if (Array.isArray(schema.oneOf) && !allowedValues(schema)) {
      this.problem('oneOf', `${at}/oneOf`);
    }
  }

  field(
    key: string,
    schema: unknown,
    pointer: string,
    at: string,
    parentRequired: Set<string>,
  ): Field | undefined {
    if (!isObject(schema)) {
      this.problem(key, at, 'invalid');
      return undefined;
    }
    const type = schemaType(schema);
    this.checkKeywords(schema, type, at);
    const ui = (
      isObject(schema['x-ui']) ? schema['x-ui'] : isObject(schema.ui) ? schema.ui : {}
    ) as JsonSchema;
    const widget = widgets.has(ui.widget as Widget) ? (ui.widget as Widget) : undefined;
    if (ui.widget !== undefined && !widget)
      this.problem(`widget: ${String(ui.widget)}`, `${at}/x-ui/widget`);

    const base: Field = {
      kind: 'text',
      key,
      pointer,
      id: domId(pointer),
      schema,
      title: isLocalized(schema.title) ? schema.title : key,
      hint: isLocalized(ui.help)
        ? ui.help
        : isLocalized(schema.description)
          ? schema.description
          : undefined,
      placeholder: isLocalized(ui.placeholder) ? ui.placeholder : undefined,
      autocomplete: typeof ui.autocomplete === 'string' ? ui.autocomplete : undefined,
      widget: widget ?? 'input',
      required: parentRequired.has(key),
      readOnly: schema.readOnly === true,
      default: schema.default,
      messages: isObject(ui.messages) ? (ui.messages as Record<string, LocalizedText>) : undefined,
    };
    if (typeof ui.rows === 'number') base.rows = ui.rows;

    const choices = this.choices(schema);
    // A boolean asked as labelled choices (`oneOf` with titles) is a choice; `enum` of
    // booleans is just a checkbox.
    if (choices && (type !== 'boolean' || Array.isArray(schema.oneOf))) {
      base.kind = 'choice';
      base.choices = choices;
      base.widget =
        choices.length > pickerThreshold || widget === 'combobox'
          ? 'combobox'
          : widget === 'select' || widget === 'radio'
            ? widget
            : choices.length > 5
              ? 'select'
              : 'radio';
    } else
      switch (type) {
        case 'string': {
          const format = schema.format;
          base.inputType =
            format === 'email'
              ? 'email'
              : format === 'tel'
                ? 'tel'
                : format === 'date'
                  ? 'date'
                  : format === 'uri'
                    ? 'url'
                    : 'text';
          base.widget = widget === 'textarea' ? 'textarea' : 'input';
          if (typeof schema.maxLength === 'number') base.maxLength = schema.maxLength;
          break;
        }
        case 'number':
        case 'integer':
          base.kind = 'number';
          base.integer = type === 'integer';
          break;
        case 'boolean':
          base.kind = 'boolean';
          base.consent = schema.const === true;
          base.widget = widget === 'radio' && !base.consent ? 'radio' : 'checkbox';
          break;
        case 'array': {
          const items = schema.items;
          const itemChoices = isObject(items) ? this.choices(items) : undefined;
          if (!itemChoices) {
            this.problem('items', `${at}/items`);
            return undefined;
          }
          if (isObject(items)) this.checkKeywords(items, schemaType(items), `${at}/items`);
          base.kind = 'multi';
          base.widget = 'checkbox';
          base.choices = itemChoices;
          break;
        }
        case 'object':
          base.kind = 'group';
          base.fields = this.properties(schema, pointer, at);
          break;
        default:
          this.problem(
            type ? `type: ${type}` : 'type',
            `${at}/type`,
            type ? 'unsupported' : 'invalid',
          );
          base.inputType = 'text';
      }
    this.byPointer.set(pointer, base);
    return base;
  }

  choices(schema: JsonSchema): Choice[] | undefined {
    if (Array.isArray(schema.oneOf)) {
      const options = schema.oneOf.filter(isObject).filter((o) => 'const' in o);
      if (options.length !== schema.oneOf.length || options.length === 0) return undefined;
      return options.map((o) => ({
        value: o.const,
        title: isLocalized(o.title) ? o.title : String(o.const),
      }));
    }
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      return schema.enum.map((v) => ({ value: v, title: v === null ? '—' : String(v) }));
    }
    return undefined;
  }

  /** Fields of an object: its own properties, then those only a branch adds (conditional). */
  properties(schema: JsonSchema, pointer: string, at: string): Field[] {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const fields: Field[] = [];
    const own = isObject(schema.properties) ? schema.properties : {};
    for (const [key, sub] of Object.entries(own)) {
      const field = this.field(
        key,
        sub,
        childPointer(pointer, key),
        `${at}/properties/${key}`,
        required,
      );
      if (field) fields.push(field);
    }

    const byKey = new Map(fields.map((f) => [f.key, f]));
    const requireWhen = (key: string, condition: Condition) => {
      const field = byKey.get(key);
      if (field && !field.required) (field.requiredWhen ??= []).push(condition);
    };

    if (isObject(schema.dependentRequired)) {
      for (const [trigger, names] of Object.entries(schema.dependentRequired)) {
        if (!Array.isArray(names)) continue;
        const condition: Condition = { scope: pointer, present: trigger };
        for (const name of names) if (typeof name === 'string') requireWhen(name, condition);
      }
    }

    const conditionals: [JsonSchema, string][] = [];
    if ('if' in schema) conditionals.push([schema, at]);
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((branch, i) => {
        if (isObject(branch) && 'if' in branch) {
          for (const k of Object.keys(branch)) {
            if (!['if', 'then', 'else', '$comment'].includes(k))
              this.problem(k, `${at}/allOf/${i}/${k}`);
          }
          conditionals.push([branch, `${at}/allOf/${i}`]);
        } else this.problem('allOf', `${at}/allOf/${i}`);
      });
    }
    for (const [branch, branchAt] of conditionals) {
      if (isObject(branch.if)) this.checkConditionKeywords(branch.if, `${branchAt}/if`);
      for (const [word, when] of [
        ['then', true],
        ['else', false],
      ] as const) {
        const part = branch[word];
        if (!isObject(part)) continue;
        const condition: Condition = { scope: pointer, if: branch.if, when };
        this.checkKeywords(part, 'object', `${branchAt}/${word}`);
        const partRequired = new Set(
          Array.isArray(part.required) ? (part.required as string[]) : [],
        );
        const partProps = isObject(part.properties) ? part.properties : {};
        for (const [key, sub] of Object.entries(partProps)) {
          const existing = byKey.get(key);
          if (existing) {
            // The field shows either way: then/else both add it, or the object already has it.
            const c = existing.condition;
            if (c && 'if' in c && c.if === branch.if && c.when !== when) {
              delete existing.condition;
            }
            continue;
          }
          const field = this.field(
            key,
            sub,
            childPointer(pointer, key),
            `${branchAt}/${word}/properties/${key}`,
            partRequired,
          );
          if (!field) continue;
          field.condition = condition;
          fields.push(field);
          byKey.set(key, field);
        }
        for (const key of partRequired) if (!(key in partProps)) requireWhen(key, condition);
      }
    }
    return fields;
  }

  /** `if` schemas may use the object keywords and, one level down, the property keywords. */
  checkConditionKeywords(schema: JsonSchema, at: string): void {
    this.checkKeywords(schema, 'object', at);
    for (const [key, sub] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      if (isObject(sub)) this.checkKeywords(sub, schemaType(sub), `${at}/properties/${key}`);
    }
  }
}

/** Orders and groups the top-level fields into steps (`x-ui.steps` on the root). */
function readSteps(reader: Reader, root: Field, ui: JsonSchema): Step[] {
  const top = root.fields ?? [];
  const rawSteps = Array.isArray(ui.steps) ? ui.steps : undefined;
  if (!rawSteps || rawSteps.length === 0) return [{ fields: top }];
  const byKey = new Map(top.map((f) => [f.key, f]));
  const placed = new Set<string>();
  const steps: Step[] = rawSteps.filter(isObject).map((raw, i) => {
    const keys = Array.isArray(raw.fields)
      ? raw.fields.filter((k): k is string => typeof k === 'string')
      : [];
    const fields: Field[] = [];
    for (const key of keys) {
      const field = byKey.get(key);
      if (!field) reader.problem(`steps[${i}]: ${key}`, `/x-ui/steps/${i}/fields`, 'invalid');
      else if (!placed.has(key)) {
        placed.add(key);
        fields.push(field);
      }
    }
    return {
      title: isLocalized(raw.title) ? raw.title : undefined,
      description: isLocalized(raw.description) ? raw.description : undefined,
      fields,
    };
  });
  // Fields no step names go on the last step, so nothing asked for is ever left out.
  const rest = top.filter((f) => !placed.has(f.key));
  steps[steps.length - 1].fields.push(...rest);
  return steps.filter((s) => s.fields.length > 0);
}

/** Root `x-ui.success`; anything but texts where texts belong is reported and left out. */
function readSuccess(reader: Reader, ui: JsonSchema): SuccessText | undefined {
  const raw = ui.success;
  if (raw === undefined) return undefined;
  const at = '/x-ui/success';
  if (!isObject(raw)) {
    reader.problem('x-ui.success', at, 'invalid');
    return undefined;
  }
  const text = (key: 'title' | 'text'): LocalizedText | undefined => {
    if (raw[key] === undefined || isLocalized(raw[key])) return raw[key];
    reader.problem(`x-ui.success.${key}`, `${at}/${key}`, 'invalid');
    return undefined;
  };
  const title = text('title');
  const sentence = text('text');
  const rawSteps = raw.nextSteps ?? [];
  if (!Array.isArray(rawSteps))
    reader.problem('x-ui.success.nextSteps', `${at}/nextSteps`, 'invalid');
  const nextSteps = (Array.isArray(rawSteps) ? rawSteps : []).filter((step, i) => {
    if (isLocalized(step)) return true;
    reader.problem(`x-ui.success.nextSteps[${i}]`, `${at}/nextSteps/${i}`, 'invalid');
    return false;
  });
  return { title, text: sentence, nextSteps };
}

/**
 * Reads a schema document. Throws an `Error` only when it cannot be a form at all (not an
 * object schema with properties); everything else becomes {@link IntakeForm.problems}. A
 * `pattern` that cannot run is among them only once the pattern engine is loaded
 * (`loadPatternEngine()`).
 */
export function readSchema(schema: unknown): IntakeForm {
  if (!isObject(schema) || schemaType(schema) !== 'object' || !isObject(schema.properties)) {
    throw new Error('An intake schema must be an object schema with "properties".');
  }
  const reader = new Reader();
  reader.checkKeywords(schema, 'object', '', true);
  const root: Field = {
    kind: 'group',
    key: '',
    pointer: '',
    id: 'f-root',
    schema,
    widget: 'input',
    required: true,
    readOnly: false,
    fields: reader.properties(schema, '', ''),
  };
  const ui = (
    isObject(schema['x-ui']) ? schema['x-ui'] : isObject(schema.ui) ? schema.ui : {}
  ) as JsonSchema;
  const steps = readSteps(reader, root, ui);
  return {
    schema,
    title: isLocalized(schema.title) ? schema.title : undefined,
    description: isLocalized(schema.description) ? schema.description : undefined,
    success: readSuccess(reader, ui),
    root,
    steps,
    problems: reader.problems,
    byPointer: reader.byPointer,
  };
}

/** Whether a field's condition (if any) holds for the current value of its object. */
export function isShown(field: Field, scopeValue: unknown): boolean {
  return !field.condition || conditionMet(field.condition, scopeValue);
}

/** Whether a field is required right now (always, or by a condition that holds). */
export function isRequiredNow(field: Field, valueAt: (pointer: string) => unknown): boolean {
  if (field.required) return true;
  return (field.requiredWhen ?? []).some((c) => conditionMet(c, valueAt(c.scope)));
}
