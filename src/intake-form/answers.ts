/**
 * The answers of one form, without the DOM: raw control values by JSON Pointer, the step, what
 * the person has touched, and what follows from those — the answer object, which branch
 * questions show, and the validation issues. Feedback shows as Lion does: when a field is
 * touched and dirty, its step was submitted, it was prefilled from a draft, or the server
 * refused it. Changes call `changed` so the element renders again.
 */
import { msg, str } from '@lit/localize';
import type { Draft } from './draft.js';
import type { issueMessage, MessageContext } from './messages.js';
import {
  isRequiredNow,
  isShown,
  pickText,
  type Field,
  type IntakeForm as FormModel,
} from './schema.js';
import type { ShownError } from './status-views.js';
import type { ProblemFieldError } from './submit.js';
import { isMissing, validate, type ValidationIssue } from './validate.js';

/** Words in the element's language for the problems of the answers. */
export interface AnswerWords extends MessageContext {
  /**
   * The sentences for validation issues (messages.ts, a chunk of its own): undefined while they
   * load, `'failed'` when they could not be downloaded (then each problem says "Check …").
   */
  explain: typeof issueMessage | 'failed' | undefined;
}

/** "Check {label}": for a problem without better words. */
function checkText(field: Field, locale: string): string {
  return msg(str`Check ${pickText(field.title, locale)}`, { id: 'intake.invalid' });
}

/** The answer a raw control value stands for (`undefined` = not answered). */
function answerOf(field: Field, raw: unknown): unknown {
  if (field.readOnly) return field.default;
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string') return undefined;
      const text = raw.trim();
      return text ? text : undefined;
    }
    case 'number': {
      if (typeof raw === 'number') return raw;
      if (typeof raw !== 'string') return undefined;
      const text = raw.normalize('NFKC').trim();
      if (!text) return undefined;
      // Kept as text when it is not a number, so the validator says "must be a number".
      return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : text;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'multi':
      return Array.isArray(raw) && raw.length > 0 ? raw : undefined;
    default:
      return raw === null ? undefined : raw;
  }
}

/** The raw control value for an answer (the inverse of {@link answerOf}). */
function rawOf(field: Field, answer: unknown): unknown {
  if (answer === undefined) return undefined;
  if (field.kind === 'number' && typeof answer === 'number') return String(answer);
  return answer;
}

/** The nearest pointer of `model` at or above `pointer` (a server may point inside a field). */
function fieldPointer(model: FormModel, pointer: string): string {
  let p = pointer;
  while (p && !model.byPointer.has(p)) p = p.replace(/\/[^/]*$/, '');
  return p;
}

export class FormAnswers {
  /** Raw control values by JSON Pointer. */
  values: Record<string, unknown> = {};
  step = 0;
  /** Fields the person changed, and left (Lion: feedback when touched and dirty). */
  dirty = new Set<string>();
  touched = new Set<string>();
  prefilled = new Set<string>();
  submittedSteps = new Set<number>();
  serverErrors = new Map<string, ProblemFieldError>();
  /** The hidden field only bots fill. */
  honeypot = '';

  /** Derived by {@link derive}: the answer object, shown fields, per-group scopes, issues. */
  data: Record<string, unknown> = {};
  private shown = new Set<string>();
  private scopes = new Map<string, Record<string, unknown>>();
  private issues = new Map<string, ValidationIssue>();
  private stepOf = new Map<string, number>();

  constructor(
    readonly model: FormModel,
    /** Words in the element's language, for messages. */
    private readonly words: () => AnswerWords,
    private readonly changed: () => void,
  ) {
    model.steps.forEach((step, i) => {
      const mark = (field: Field) => {
        this.stepOf.set(field.pointer, i);
        field.fields?.forEach(mark);
      };
      step.fields.forEach(mark);
    });
    this.reset();
  }

  /** Back to the schema's defaults, on the first step, untouched. */
  reset(): void {
    this.values = this.defaults();
    this.step = 0;
    this.dirty = new Set();
    this.touched = new Set();
    this.prefilled = new Set();
    this.submittedSteps = new Set();
    this.serverErrors = new Map();
    this.honeypot = '';
    this.changed();
  }

  private defaults(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const field of this.model.byPointer.values()) {
      if (field.kind === 'group') continue;
      if (field.default !== undefined) values[field.pointer] = rawOf(field, field.default);
      else if (field.kind === 'boolean' && field.widget === 'checkbox')
        values[field.pointer] = false;
    }
    return values;
  }

  /** Puts an answer object back into the controls (restore, a refused submission). */
  fill(data: unknown): void {
    const values = this.defaults();
    const walk = (field: Field, value: unknown) => {
      if (field.kind === 'group') {
        if (value && typeof value === 'object') {
          for (const child of field.fields ?? [])
            walk(child, (value as Record<string, unknown>)[child.key]);
        }
        return;
      }
      if (value !== undefined) values[field.pointer] = rawOf(field, value);
    };
    walk(this.model.root, data);
    this.values = values;
    this.changed();
  }

  /** Puts a JSON answer body back, starting over first; false when it cannot be read. */
  restore(body: string): boolean {
    this.reset();
    try {
      this.fill(JSON.parse(body));
      return true;
    } catch {
      return false; // Body unreadable: nothing to put back.
    }
  }

  /** Takes a stored draft's answers (as prefilled, so their problems show); false if none. */
  applyDraft(draft: Draft): boolean {
    const values = { ...this.values };
    const prefilled = new Set<string>();
    for (const [pointer, raw] of Object.entries(draft.values ?? {})) {
      const field = this.model.byPointer.get(pointer);
      if (!field || field.kind === 'group' || field.readOnly) continue;
      values[pointer] = raw;
      if (!isMissing(raw) && raw !== false) prefilled.add(pointer);
    }
    if (prefilled.size === 0) return false;
    this.values = values;
    this.prefilled = prefilled;
    this.step = Math.min(Math.max(0, Number(draft.step) || 0), this.model.steps.length - 1);
    this.changed();
    return true;
  }

  /** The person changed a control; `choice`: made in one go, so it counts as left too. */
  set(field: Field, raw: unknown, choice: boolean): void {
    const p = field.pointer;
    this.values = { ...this.values, [p]: raw };
    if (!this.dirty.has(p)) this.dirty = new Set(this.dirty).add(p);
    if (choice) this.leave(p);
    if (this.serverErrors.has(p)) {
      const next = new Map(this.serverErrors);
      next.delete(p);
      this.serverErrors = next;
    }
    this.changed();
  }

  /** The person left a control: its problems may show now (when it was changed). */
  leave(pointer: string): void {
    if (this.dirty.has(pointer) && !this.touched.has(pointer)) {
      this.touched = new Set(this.touched).add(pointer);
      this.changed();
    }
  }

  /** The step a field is on. */
  stepOfField(field: Field): number {
    return this.stepOf.get(field.pointer) ?? this.step;
  }

  /** Goes to a step (clamped). */
  goTo(step: number): void {
    this.step = Math.min(Math.max(0, step), this.model.steps.length - 1);
    this.changed();
  }

  /** Marks a step (or every step) as submitted, so its problems show. */
  submitted(step: number | 'all'): void {
    this.submittedSteps =
      step === 'all'
        ? new Set(this.model.steps.map((_, i) => i))
        : new Set(this.submittedSteps).add(step);
    this.changed();
  }

  /** Whether the current step is the last. */
  get lastStep(): boolean {
    return this.step >= this.model.steps.length - 1;
  }

  /** Marks this step submitted and moves on when it has no problems; false when it has. */
  advance(): boolean {
    this.submitted(this.step);
    if (this.errorsOn(this.step).length > 0) return false;
    this.goTo(this.step + 1);
    return true;
  }

  /** Marks every step submitted and goes to the first problem's step; false when none. */
  showAll(): boolean {
    this.submitted('all');
    const [first] = this.errorsOn('all');
    if (first?.field) this.goTo(this.stepOfField(first.field));
    return !!first;
  }

  /** The server's word on fields (RFC 9457 `errors`), shown until the person changes them. */
  refused(errors: ProblemFieldError[]): void {
    const byField = new Map<string, ProblemFieldError>();
    for (const error of errors) {
      const pointer = fieldPointer(this.model, error.pointer);
      if (pointer && !byField.has(pointer)) byField.set(pointer, error);
    }
    this.serverErrors = byField;
    this.changed();
  }

  /** Builds the answer object, which fields are shown, and the validation issues. */
  derive(): void {
    const shown = new Set<string>();
    const scopes = new Map<string, Record<string, unknown>>();
    const build = (group: Field): Record<string, unknown> => {
      const object: Record<string, unknown> = {};
      scopes.set(group.pointer, object);
      const later: Field[] = [];
      for (const field of group.fields ?? []) {
        if (field.condition) later.push(field);
        else put(object, field);
      }
      // Branch fields read the object's other answers, so they come after them.
      for (const field of later) if (isShown(field, object)) put(object, field);
      return object;
    };
    const put = (object: Record<string, unknown>, field: Field) => {
      shown.add(field.pointer);
      if (field.kind === 'group') {
        object[field.key] = build(field);
        return;
      }
      const answer = answerOf(field, this.values[field.pointer]);
      if (answer !== undefined) object[field.key] = answer;
    };
    this.data = build(this.model.root);
    this.shown = shown;
    this.scopes = scopes;
    const issues = new Map<string, ValidationIssue>();
    for (const issue of validate(this.model.schema, this.data)) {
      const pointer = fieldPointer(this.model, issue.pointer);
      if (pointer && !issues.has(pointer)) issues.set(pointer, issue);
    }
    this.issues = issues;
  }

  isShown(field: Field): boolean {
    return this.shown.has(field.pointer);
  }

  isRequired(field: Field): boolean {
    return isRequiredNow(field, (pointer) => this.scopes.get(pointer));
  }

  /**
   * A field's problem in words; `''` for a problem whose words are still on their way, undefined
   * when it has none.
   */
  private messageFor(field: Field): string | undefined {
    const words = this.words();
    const server = this.serverErrors.get(field.pointer);
    if (server && !server.code) return server.detail ?? checkText(field, words.locale);
    const issue = server ?? this.issues.get(field.pointer);
    if (!issue?.code) return undefined;
    const { explain } = words;
    if (typeof explain === 'function') return explain(field, issue.code, issue.params, words);
    return explain === 'failed' ? checkText(field, words.locale) : '';
  }

  /** A field's problem in words for the browser (its validity message): never empty. */
  validityMessage(error: ShownError): string {
    return error.message || (error.field ? checkText(error.field, this.words().locale) : '');
  }

  /**
   * Whether a problem may show now (a field left, a step submitted, a draft, the server's word):
   * then their words are needed. Not whether one does: the issues are derived in the update.
   */
  get feedback(): boolean {
    return (
      this.serverErrors.size > 0 ||
      this.touched.size > 0 ||
      this.submittedSteps.size > 0 ||
      this.prefilled.size > 0
    );
  }

  /** The error a field shows now (Lion: touched and dirty, or submitted, or prefilled). */
  visibleError(field: Field): string | undefined {
    if (!this.shown.has(field.pointer)) return undefined;
    const p = field.pointer;
    const feedback =
      this.serverErrors.has(p) ||
      this.submittedSteps.has(this.stepOf.get(p) ?? 0) ||
      (this.touched.has(p) && this.dirty.has(p)) ||
      this.prefilled.has(p);
    return (feedback && this.messageFor(field)) || undefined;
  }

  /** Fields with a problem on one step (or all steps), in form order. */
  errorsOn(step: number | 'all'): ShownError[] {
    const list: ShownError[] = [];
    const visit = (field: Field) => {
      if (!this.shown.has(field.pointer)) return;
      if (field.kind === 'group') field.fields?.forEach(visit);
      else {
        // A problem counts (it stops a step or a submission) before its words are there.
        const message = this.messageFor(field);
        if (message !== undefined) list.push({ field, message });
      }
    };
    this.model.steps.forEach((s, i) => {
      if (step === 'all' || step === i) s.fields.forEach(visit);
    });
    return list;
  }

  /** The errors shown in the summary now: this step's, once it was submitted. */
  get summary(): ShownError[] {
    return this.submittedSteps.has(this.step) ? this.errorsOn(this.step) : [];
  }
}
