import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { DandelionElement } from '../core/dandelion-element.js';
import { DandelionError, errorDetail, errorMessage } from '../core/errors.js';
import { LazyView } from '../core/lazy-view.js';
import { baseStyles } from '../core/styles.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { renderError, renderLoading } from '../core/status-view.js';
import { safeUrl } from '../core/safe-url.js';
import { DraftController } from './draft.js';
import type { ChoicePicker } from './choice-picker.js';
import { renderField, type FieldViewContext } from './field-views.js';
import { OutboxController, type Rejected, type Sent } from './outbox.js';
import { patternsReady } from './patterns.js';
import {
  isRequiredNow,
  isShown,
  pickText,
  readSchema,
  type Field,
  type IntakeForm as FormModel,
  type LocalizedText,
} from './schema.js';
import type { OutboxEntry, ProblemFieldError } from './submit.js';
import { issueMessage } from './messages.js';
import {
  actionProblemMessage,
  renderActionProblem,
  renderNotice,
  renderPending,
  renderProblems,
  renderProgress,
  renderResult,
  renderSummary,
  type Notice,
  type ShownError,
  type StatusViewContext,
} from './status-views.js';
import { isMissing, validate, type JsonSchema, type ValidationIssue } from './validate.js';
import { intakeStyles } from './intake-form.styles.js';

/** Largest JSON body the form sends (the demo receiver's limit too). */
export const maxBodyBytes = 256 * 1024;

type Phase = 'editing' | 'sending' | 'sent' | 'queued';

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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

/**
 * A form rendered from a JSON Schema that delivers every answer exactly once: drafts are kept on
 * the device, submissions go through an IndexedDB outbox with an Idempotency-Key and are retried
 * (with backoff, when the browser is back online, and on the next page load) until the server
 * confirms them. Validation is CSP-safe and the same module runs on the demo receiver; schema
 * `pattern`s run on a linear-time engine (RE2, a chunk loaded only for schemas that have one),
 * so no pattern can freeze the page.
 *
 * Follows the GOV.UK Design System for forms: visible labels, hints under labels, an error
 * summary at the top that links to each field, messages tied with `aria-describedby`. A question
 * with more than 200 choices (or `x-ui.widget: "combobox"`) is a searchable picker, the WAI-ARIA
 * APG combobox (choice-picker.ts, loaded on demand), instead of a `<select>`. It is a
 * form-associated custom element, so inside a page's `<form>` its answers are submitted as one
 * JSON value under its `name`.
 *
 * Tabs showing the same form (the same `storage-key`) share one outbox and take turns sending it
 * (Web Locks), so each waiting answer is POSTed once. Once an answer waits, the form asks the
 * browser to keep its storage (`navigator.storage.persist()`) and says what "saved" means when it
 * may not; if the browser deletes the waiting answers anyway, the form says so and puts them
 * back to be sent again.
 *
 * @summary Schema-driven intake and registration form that never loses a submission.
 *
 * @fires {CustomEvent<DandelionSubmitDetail>} dandelion-submit - `{ id, data, status: 'sent' | 'queued' }` when an answer reached the
 *   server (`sent`, also later for a queued one) or was saved on the device to be sent later
 *   (`queued`). `id` is the submission's Idempotency-Key. A queued answer's `sent` fires once:
 *   on the element that made it while that is still open (whichever tab delivered it), else on
 *   the element that delivered it (e.g. after the page was loaded again).
 * @fires {CustomEvent<DandelionErrorDetail>} dandelion-error - `{ kind, message, status? }` when the schema cannot be loaded, or a
 *   submission was refused by the server or could be neither sent nor saved; `format` at once
 *   (and again on submit) when `action` is not an http(s) address.
 *
 * @slot - Nothing is slotted; the form is built from the schema.
 *
 * @csspart base - The wrapper around everything.
 * @csspart field - Each question: label, hint, error message and control.
 * @csspart group - A nested object's fieldset.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart progress - "Step 2 of 4" on multi-step forms.
 * @csspart button - Every button (next, back, submit, clear, retry).
 * @csspart status - Loading, error, notices, the pending count and the result views.
 *
 * @cssprop [--dandelion-color-text=#1f2328] - Body text colour.
 * @cssprop [--dandelion-color-muted=#59636e] - Hints and secondary text.
 * @cssprop [--dandelion-color-background=#ffffff] - Widget background.
 * @cssprop [--dandelion-color-surface=#f6f8fa] - Panels and notices.
 * @cssprop [--dandelion-color-border=#d1d9e0] - Borders of inputs and panels.
 * @cssprop [--dandelion-color-accent=#0b6e4f] - Buttons, links, progress and focus.
 * @cssprop [--dandelion-color-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--dandelion-color-danger=#b42318] - Error messages and borders.
 * @cssprop [--dandelion-font-family=system-ui, 'PingFang SC', …] - Font stack.
 * @cssprop [--dandelion-font-size=1rem] - Base font size.
 * @cssprop [--dandelion-radius=0.5rem] - Corner radius.
 * @cssprop [--dandelion-space=0.5rem] - Base spacing unit.
 * @cssprop [--dandelion-focus-ring=3px solid accent] - Focus outline.
 * @tagname intake-form
 */
export class IntakeForm extends DandelionElement {
  static override styles = [baseStyles, intakeStyles];
  static formAssociated = true;

  /**
   * The form: a URL of a JSON Schema document (attribute), or the schema object (property).
   * Titles may be given per language: `{"zh-Hans": "…", "zh-Hant": "…", "en": "…"}`.
   */
  @property({ attribute: 'schema' }) schema?: string | JsonSchema;

  /**
   * URL the answers are POSTed to as JSON. Without it the form only fills a page `<form>`. Only
   * http(s): anything else (`javascript:`, `data:`, `ftp:`, unparsable) is a setup error shown
   * above the form, and submitting then sends and queues nothing (the answers stay).
   */
  @property({ attribute: 'action' }) action?: string;

  /** Page to open after a successful submission (http/https only). */
  @property({ attribute: 'redirect' }) redirect?: string;

  /** Name of the JSON value when the element sits inside a page's `<form>`. */
  @property({ attribute: 'name', reflect: true }) name?: string;

  /**
   * Key of this form's draft and outbox on the device. Defaults to the schema URL and action;
   * set it when a page has several inline-schema forms.
   */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** Seconds one request (schema load or delivery attempt) may take. */
  @property({ attribute: 'timeout', type: Number }) timeout = 15;

  /** Seconds before the first automatic retry of a queued answer; doubles up to 5 minutes. */
  @property({ attribute: 'retry-delay', type: Number }) retryDelay = 5;

  /** Turns draft autosave off (e.g. on a shared device). */
  @property({ attribute: 'no-draft', type: Boolean, converter: booleanAttribute }) noDraft = false;

  @state() private model?: FormModel;
  @state() private loadError?: DandelionError;
  @state() private loading = false;
  @state() private values: Record<string, unknown> = {};
  @state() private step = 0;
  @state() private phase: Phase = 'editing';
  @state() private notice?: Notice;
  @state() private pending = 0;
  @state() private result?: { id: string; reference?: string };
  /** Whether the browser keeps this site's storage when short of space (asked once queued). */
  @state() private storageKept?: boolean;
  @state() private disabledByForm = false;
  /** Fields the person changed, and left (Lion: feedback when touched and dirty). */
  @state() private dirty = new Set<string>();
  @state() private touched = new Set<string>();
  @state() private prefilled = new Set<string>();
  @state() private submittedSteps = new Set<number>();
  @state() private serverErrors = new Map<string, ProblemFieldError>();
  /** The page `<form>` this element belongs to (see `formAssociatedCallback`). */
  private pageForm?: HTMLFormElement;

  /** Derived in `willUpdate` from the schema and the values. */
  private data: Record<string, unknown> = {};
  private shown = new Set<string>();
  private scopes = new Map<string, Record<string, unknown>>();
  private issues = new Map<string, ValidationIssue>();
  private stepOf = new Map<string, number>();
  private numberFormat = new Intl.NumberFormat('zh-Hans');
  private listFormat = new Intl.ListFormat('zh-Hans', { type: 'unit' });
  private formatLocale = '';

  private readonly internals: ElementInternals;
  private loadAbort?: AbortController;
  private honeypot = '';
  private focusNext?: 'summary' | 'step' | 'result' | { id: string };
  private flushedKey?: string;

  private readonly drafts = new DraftController(this, {
    key: () => (this.noDraft ? undefined : this.resolvedStorageKey()),
    onError: (quota) => {
      if (quota) this.notice = { kind: 'draft-full' };
    },
    onSaved: () => {
      if (this.notice?.kind === 'draft-full') this.notice = undefined;
    },
  });

  private readonly outbox = new OutboxController(this, {
    storageKey: () => this.resolvedStorageKey(),
    timeout: () => Math.max(0.05, this.timeout) * 1000,
    retryDelay: () => Math.max(0.05, this.retryDelay) * 1000,
    onDelivered: (entry, sent) => this.delivered(entry, sent),
    onRejected: (entry, rejected) => this.rejectedLater(entry, rejected),
    onPendingChange: (count) => {
      this.pending = count;
    },
    onPersistence: (kept) => {
      this.storageKept = kept;
    },
    onLost: (mine) => this.storageLost(mine),
  });

  /** The searchable picker for questions with a long list of choices: loaded when one shows. */
  private readonly pickerView = new LazyView(
    this,
    () => import('./choice-picker.js'),
    'the choice picker',
  );
  private picker?: ChoicePicker;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', this.onInvalid);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Removed while the schema was loading, then put back: load it again.
    if (!this.model && !this.loadError && !this.loading && typeof this.schema === 'string') {
      void this.loadSchema();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.loading = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema')) void this.loadSchema();
    const locale = this.locale.intl;
    if (locale !== this.formatLocale) {
      this.formatLocale = locale;
      this.numberFormat = new Intl.NumberFormat(locale);
      this.listFormat = new Intl.ListFormat(locale, { type: 'unit' });
    }
    if (this.model) this.derive(this.model);
    this.preparePicker();
  }

  private preparePicker(): void {
    const view = this.pickerView.state;
    if (typeof view === 'object') {
      this.picker ??= new view.ChoicePicker(this, (field, value) =>
        this.setValue(field, value, true),
      );
    } else if (
      view === undefined &&
      [...(this.model?.byPointer.values() ?? [])].some((f) => f.widget === 'combobox')
    ) {
      void this.pickerView.load();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('action') && this.actionUrl() === null) this.reportBadAction();
    // A new storage key means another outbox: deliver what waits in it (connecting did the
    // same for the first key).
    const key = this.resolvedStorageKey();
    if (key !== this.flushedKey) {
      if (this.flushedKey !== undefined && this.isConnected) void this.outbox.flush();
      this.flushedKey = key;
    }
    if (this.model) this.syncFormValue();
    const target = this.focusNext;
    this.focusNext = undefined;
    if (target) this.moveFocus(target);
  }

  // ——— Schema ———

  private resolvedStorageKey(): string {
    if (this.storageKey) return this.storageKey;
    const base = document.baseURI;
    const schema = typeof this.schema === 'string' ? new URL(this.schema, base).href : 'inline';
    return `${schema} ${this.action ? (this.actionUrl() ?? this.action) : ''}`;
  }

  /** `action` as an absolute http(s) URL; `null` when it is set but is none (a setup error). */
  private actionUrl(): string | null | undefined {
    if (!this.action) return undefined;
    try {
      const url = new URL(this.action, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  /** A `javascript:`, `data:`, `ftp:` or broken `action` is the site's setup error. */
  private reportBadAction(): void {
    this.emit('dandelion-error', {
      kind: 'format',
      message: this.inLocale(() => actionProblemMessage(this.action ?? '')),
    });
  }

  private async loadSchema(): Promise<void> {
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.model = undefined;
    this.loadError = undefined;
    const source = this.schema;
    if (source === undefined || source === null || source === '') return;
    // An inline schema without patterns is read at once, in this same update.
    if (typeof source !== 'string' && !patternsReady(source)) {
      this.applySchema(source);
      return;
    }
    const controller = new AbortController();
    this.loadAbort = controller;
    this.loading = true;
    const timer = setTimeout(
      () => controller.abort(new DOMException('Schema request timed out', 'TimeoutError')),
      Math.max(0.05, this.timeout) * 1000,
    );
    try {
      const json = typeof source === 'string' ? await this.fetchSchema(source, controller) : source;
      // Patterns run only on the linear-time engine: a schema with one waits for its chunk.
      await patternsReady(json);
      if (this.loadAbort !== controller) return;
      this.applySchema(json);
    } catch (error) {
      if (this.loadAbort !== controller) return; // replaced or removed meanwhile
      const reason = controller.signal.reason as unknown;
      const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
      const failure =
        error instanceof DandelionError
          ? error
          : new DandelionError(
              timedOut ? 'timeout' : 'network',
              error instanceof Error ? error.message : String(error),
              undefined,
              { cause: error },
            );
      this.fail(failure);
    } finally {
      clearTimeout(timer);
      if (this.loadAbort === controller) {
        this.loadAbort = undefined;
        this.loading = false;
      }
    }
  }

  private async fetchSchema(source: string, controller: AbortController): Promise<unknown> {
    const response = await globalThis.fetch(new URL(source, document.baseURI), {
      signal: controller.signal,
      headers: { Accept: 'application/schema+json, application/json' },
    });
    if (!response.ok) {
      throw new DandelionError('http', `HTTP ${response.status} for ${source}`, response.status);
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new DandelionError('parse', `Schema is not JSON: ${source}`, undefined, {
        cause: error,
      });
    }
  }

  private fail(error: DandelionError): void {
    this.loadError = error;
    this.emit(
      'dandelion-error',
      this.inLocale(() => errorDetail(error)),
    );
  }

  private applySchema(json: unknown): void {
    let model: FormModel;
    try {
      model = readSchema(json);
    } catch (error) {
      this.fail(
        new DandelionError('format', error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    this.stepOf = new Map();
    model.steps.forEach((step, i) => {
      const mark = (field: Field) => {
        this.stepOf.set(field.pointer, i);
        field.fields?.forEach(mark);
      };
      step.fields.forEach(mark);
    });
    this.model = model;
    this.resetAnswers(model);
    if (model.problems.length > 0) {
      console.warn(
        '[dandelion] <intake-form> schema keywords not supported:',
        model.problems.map((p) => `${p.keyword} (${p.at || '/'})`).join(', '),
      );
    }
    void this.restoreDraft(model);
  }

  private defaults(model: FormModel): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const field of model.byPointer.values()) {
      if (field.kind === 'group') continue;
      if (field.default !== undefined) values[field.pointer] = rawOf(field, field.default);
      else if (field.kind === 'boolean' && field.widget === 'checkbox')
        values[field.pointer] = false;
    }
    return values;
  }

  private resetAnswers(model: FormModel): void {
    this.values = this.defaults(model);
    this.step = 0;
    this.phase = 'editing';
    this.result = undefined;
    this.dirty = new Set();
    this.touched = new Set();
    this.prefilled = new Set();
    this.submittedSteps = new Set();
    this.serverErrors = new Map();
    this.honeypot = '';
  }

  private async restoreDraft(model: FormModel): Promise<void> {
    const draft = await this.drafts.load();
    if (!draft || this.model !== model || this.dirty.size > 0 || this.phase !== 'editing') return;
    const values = { ...this.values };
    const prefilled = new Set<string>();
    for (const [pointer, raw] of Object.entries(draft.values ?? {})) {
      const field = model.byPointer.get(pointer);
      if (!field || field.kind === 'group' || field.readOnly) continue;
      values[pointer] = raw;
      if (!isMissing(raw) && raw !== false) prefilled.add(pointer);
    }
    if (prefilled.size === 0) return;
    this.values = values;
    this.prefilled = prefilled;
    this.step = Math.min(Math.max(0, Number(draft.step) || 0), model.steps.length - 1);
    this.notice = { kind: 'draft-restored' };
  }

  // ——— Derived state ———

  /** Builds the answer object, which fields are shown, and the validation issues. */
  private derive(model: FormModel): void {
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
    this.data = build(model.root);
    this.shown = shown;
    this.scopes = scopes;
    const issues = new Map<string, ValidationIssue>();
    for (const issue of validate(model.schema, this.data)) {
      let pointer = issue.pointer;
      while (pointer && !model.byPointer.has(pointer)) pointer = pointer.replace(/\/[^/]*$/, '');
      if (pointer && !issues.has(pointer)) issues.set(pointer, issue);
    }
    this.issues = issues;
  }

  private messageFor(field: Field): string | undefined {
    const server = this.serverErrors.get(field.pointer);
    if (server) {
      return server.code
        ? issueMessage(field, server.code, server.params, this.messageContext())
        : (server.detail ??
            msg(str`Check ${pickText(field.title, this.locale.messages)}`, {
              id: 'intake.invalid',
            }));
    }
    const issue = this.issues.get(field.pointer);
    if (!issue) return undefined;
    return issueMessage(field, issue.code, issue.params, this.messageContext());
  }

  private messageContext() {
    return { locale: this.locale.messages, number: this.numberFormat };
  }

  /** The error a field shows now (Lion: touched and dirty, or submitted, or prefilled). */
  private visibleError(field: Field): string | undefined {
    if (!this.shown.has(field.pointer)) return undefined;
    const p = field.pointer;
    const feedback =
      this.serverErrors.has(p) ||
      this.submittedSteps.has(this.stepOf.get(p) ?? 0) ||
      (this.touched.has(p) && this.dirty.has(p)) ||
      this.prefilled.has(p);
    return feedback ? this.messageFor(field) : undefined;
  }

  /** Fields with a problem on one step (or all steps), in form order. */
  private errorsOn(step: number | 'all'): ShownError[] {
    const model = this.model;
    if (!model) return [];
    const list: ShownError[] = [];
    const visit = (field: Field) => {
      if (!this.shown.has(field.pointer)) return;
      if (field.kind === 'group') field.fields?.forEach(visit);
      else {
        const message = this.messageFor(field);
        if (message) list.push({ field, message });
      }
    };
    model.steps.forEach((s, i) => {
      if (step === 'all' || step === i) s.fields.forEach(visit);
    });
    return list;
  }

  // ——— Form association ———

  private syncFormValue(): void {
    this.internals.setFormValue(JSON.stringify(this.data));
    const [first] = this.errorsOn('all');
    if (!first) {
      this.internals.setValidity({});
      return;
    }
    const anchor = first.field
      ? (this.renderRoot.querySelector<HTMLElement>(`#${first.field.id}`) ?? undefined)
      : undefined;
    const message = this.inLocale(() => first.message);
    try {
      this.internals.setValidity({ customError: true }, message, anchor);
    } catch {
      this.internals.setValidity({ customError: true }, message);
    }
  }

  /** The page's `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Validity of all answers (for a page's `<form>`). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Follows the page `<form>` this element belongs to, to drop the draft once it submits. */
  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.pageForm?.removeEventListener('submit', this.onPageSubmit);
    this.pageForm = form ?? undefined;
    this.pageForm?.addEventListener('submit', this.onPageSubmit);
  }

  /**
   * The page form went out with the answers (its submit was not intercepted): the draft goes, so
   * a child's details do not stay on a shared phone. A page that sends the form itself (its
   * submit handler calls `preventDefault()`) keeps the draft until it calls `form.reset()`.
   */
  private readonly onPageSubmit = (event: Event) => {
    // Known only once every listener has run.
    setTimeout(() => {
      if (!event.defaultPrevented) void this.drafts.clear();
    });
  };

  formResetCallback(): void {
    if (this.model) this.resetAnswers(this.model);
    void this.drafts.clear();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string' || !this.model) return;
    try {
      this.fill(JSON.parse(state) as unknown);
    } catch {
      // Not ours: leave the form as it is.
    }
  }

  /** A page form's submit found this element invalid: show what to fix, like our own submit. */
  private onInvalid = (event: Event) => {
    event.preventDefault();
    this.showAllErrors();
  };

  // ——— Input handling ———

  private controlOf(
    event: Event,
  ): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | undefined {
    const target = event.target as HTMLElement;
    return target.dataset?.pointer ? (target as HTMLInputElement) : undefined;
  }

  private onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.id === 'hp') {
      this.honeypot = target.value;
      return;
    }
    const control = this.controlOf(event);
    const field = control && this.model?.byPointer.get(control.dataset.pointer!);
    if (!control || !field) return;
    let raw: unknown;
    if (control instanceof HTMLSelectElement) {
      const i = control.selectedIndex - 1;
      raw = i >= 0 ? field.choices?.[i]?.value : undefined;
    } else if (control.type === 'radio') {
      const i = Number(control.dataset.index);
      raw = field.kind === 'boolean' ? control.value === 'true' : field.choices?.[i]?.value;
    } else if (control.type === 'checkbox' && field.kind === 'multi') {
      const chosen = new Set(
        [
          ...this.renderRoot.querySelectorAll<HTMLInputElement>(
            `input[data-pointer="${CSS.escape(field.pointer)}"]`,
          ),
        ]
          .filter((box) => box.checked)
          .map((box) => Number(box.dataset.index)),
      );
      raw = (field.choices ?? []).filter((_, i) => chosen.has(i)).map((c) => c.value);
    } else if (control.type === 'checkbox') {
      raw = (control as HTMLInputElement).checked;
    } else {
      raw = control.value;
    }
    this.setValue(
      field,
      raw,
      control.type === 'radio' ||
        control.type === 'checkbox' ||
        control instanceof HTMLSelectElement,
    );
  };

  private setValue(field: Field, raw: unknown, choice: boolean): void {
    const p = field.pointer;
    this.values = { ...this.values, [p]: raw };
    if (!this.dirty.has(p)) this.dirty = new Set(this.dirty).add(p);
    // Choices are made in one go: no need to wait for the person to leave the field.
    if (choice && !this.touched.has(p)) this.touched = new Set(this.touched).add(p);
    if (this.serverErrors.has(p)) {
      const next = new Map(this.serverErrors);
      next.delete(p);
      this.serverErrors = next;
    }
    if (this.notice?.kind === 'draft-cleared') this.notice = undefined;
    this.saveDraft();
  }

  private onFocusOut = (event: FocusEvent) => {
    const control = this.controlOf(event);
    const p = control?.dataset.pointer;
    if (p && this.dirty.has(p) && !this.touched.has(p)) this.touched = new Set(this.touched).add(p);
  };

  private saveDraft(): void {
    if (this.phase === 'editing') this.drafts.save(this.values, this.step);
  }

  /** Puts an answer object back into the controls (restore, rejected submission). */
  private fill(data: unknown): void {
    const model = this.model;
    if (!model) return;
    const values = this.defaults(model);
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
    walk(model.root, data);
    this.values = values;
  }

  // ——— Steps and submission ———

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!this.model) return;
    if (this.step < this.model.steps.length - 1) this.next();
    else void this.submit();
  };

  /** Goes to the next step when this one has no problems; else shows them. */
  next(): void {
    const model = this.model;
    if (!model || this.phase !== 'editing' || this.step >= model.steps.length - 1) return;
    this.submittedSteps = new Set(this.submittedSteps).add(this.step);
    if (this.errorsOn(this.step).length > 0) {
      this.focusNext = 'summary';
      return;
    }
    this.step++;
    this.focusNext = 'step';
    this.saveDraft();
  }

  /** Goes back one step (answers are kept). */
  back(): void {
    if (!this.model || this.phase !== 'editing' || this.step === 0) return;
    this.step--;
    this.focusNext = 'step';
    this.saveDraft();
  }

  private showAllErrors(): boolean {
    const model = this.model;
    if (!model) return false;
    this.submittedSteps = new Set(model.steps.map((_, i) => i));
    const [first] = this.errorsOn('all');
    if (!first) return false;
    this.step = first.field ? (this.stepOf.get(first.field.pointer) ?? this.step) : this.step;
    this.focusNext = 'summary';
    return true;
  }

  /**
   * Validates everything and, when all is well, sends the answers to `action` (or queues them
   * on the device when that fails). Double clicks are ignored while a submission is on its way.
   */
  async submit(): Promise<void> {
    const model = this.model;
    if (!model || this.phase !== 'editing') return;
    if (this.showAllErrors()) return;
    if (!this.action) return;
    const action = this.actionUrl();
    if (!action) {
      // Nothing can go there: nothing is queued or retried, the answers stay (form and draft).
      this.reportBadAction();
      this.focusNext = 'summary';
      this.requestUpdate();
      return;
    }
    this.phase = 'sending';
    this.notice = undefined;

    if (this.honeypot) {
      // A bot filled the hidden field: look successful, send nothing.
      this.finish({ id: newId() }, 'sent');
      return;
    }

    const data = structuredClone(this.data);
    const body = JSON.stringify(data);
    if (new Blob([body]).size > maxBodyBytes) {
      this.phase = 'editing';
      this.notice = { kind: 'too-large' };
      return;
    }
    const entry: OutboxEntry = {
      id: newId(),
      storageKey: this.resolvedStorageKey(),
      action,
      body,
      createdAt: Date.now(),
      attempts: 0,
    };

    const { result, stored, quota } = await this.outbox.submit(entry);

    if (result.outcome === 'sent') {
      this.finish({ id: entry.id, reference: result.reference }, 'sent', data);
      // Only a web page: a mailto:/tel: "redirect" would leave the family on a finished form.
      const url = safeUrl(this.redirect);
      if (url && /^https?:/.test(url)) window.location.assign(url);
    } else if (result.outcome === 'retry' && stored) {
      this.finish({ id: entry.id }, 'queued', data);
    } else if (result.outcome === 'retry') {
      this.phase = 'editing';
      this.notice = quota ? { kind: 'storage-full' } : { kind: 'unsent', error: result.error };
      this.emit(
        'dandelion-error',
        this.inLocale(() => errorDetail(result.error)),
      );
      this.focusNext = 'summary';
    } else {
      this.phase = 'editing';
      this.showRejection(result, { kind: 'rejected', status: result.status });
    }
  }

  private finish(
    result: { id: string; reference?: string },
    status: 'sent' | 'queued',
    data?: unknown,
  ): void {
    this.phase = status;
    this.result = result;
    this.focusNext = 'result';
    void this.drafts.clear();
    if (data !== undefined) this.emit('dandelion-submit', { id: result.id, data, status });
  }

  private showRejection(rejected: Rejected, notice: Notice): void {
    const errors = new Map<string, ProblemFieldError>();
    for (const error of rejected.problem.errors ?? []) {
      let pointer = error.pointer;
      while (pointer && !this.model?.byPointer.has(pointer))
        pointer = pointer.replace(/\/[^/]*$/, '');
      if (pointer && !errors.has(pointer)) errors.set(pointer, error);
    }
    this.serverErrors = errors;
    this.notice = notice;
    this.showAllErrors();
    this.focusNext = 'summary';
    this.emit('dandelion-error', {
      kind: 'http',
      status: rejected.status,
      message: this.inLocale(() => errorMessage('http', rejected.status)),
    });
  }

  /** A queued submission reached the server later. */
  private delivered(entry: OutboxEntry, sent: Sent): void {
    let data: unknown;
    try {
      data = JSON.parse(entry.body);
    } catch {
      data = undefined;
    }
    this.emit('dandelion-submit', { id: entry.id, data, status: 'sent' });
    if (this.phase === 'queued' && this.result?.id === entry.id) {
      this.phase = 'sent';
      this.result = { id: entry.id, reference: sent.reference };
    }
  }

  /** The server refused a queued submission: put its answers back so they can be fixed. */
  private rejectedLater(entry: OutboxEntry, rejected: Rejected): void {
    const mine = this.phase === 'queued' && this.result?.id === entry.id;
    if (!this.model || (!mine && (this.phase !== 'editing' || this.dirty.size > 0))) {
      this.emit('dandelion-error', {
        kind: 'http',
        status: rejected.status,
        message: this.inLocale(() => errorMessage('http', rejected.status)),
      });
      return;
    }
    this.resetAnswers(this.model);
    try {
      this.fill(JSON.parse(entry.body));
    } catch {
      // Body unreadable: nothing to put back.
    }
    this.showRejection(rejected, { kind: 'queued-rejected' });
  }

  /**
   * The browser deleted the answers waiting on this device (site data cleared, storage evicted).
   * The form stops saying they are saved: the answers this element still has go back into the
   * form (when it shows them as saved, or has not been touched since) and the person is asked to
   * send them again. They are not written back on their own: whoever cleared the data may have
   * meant to remove them.
   */
  private storageLost(mine: OutboxEntry[]): void {
    const model = this.model;
    if (!model) return;
    const shown = this.phase === 'queued' ? mine.find((e) => e.id === this.result?.id) : undefined;
    const untouched = this.phase === 'editing' && this.dirty.size === 0;
    const back = shown ?? (untouched || this.phase === 'queued' ? mine.at(-1) : undefined);
    if (back) {
      this.resetAnswers(model);
      try {
        this.fill(JSON.parse(back.body));
      } catch {
        // Body unreadable: nothing to put back.
      }
    } else if (this.phase === 'queued') {
      this.resetAnswers(model);
    }
    this.notice = { kind: 'storage-lost', restored: !!back };
    this.focusNext = 'summary';
  }

  /** Tries the answers waiting on this device now. */
  sendPending(): Promise<void> {
    return this.outbox.flush();
  }

  /** Empties the form and drops its draft. */
  clear(): void {
    if (!this.model || this.phase === 'sending') return;
    this.resetAnswers(this.model);
    void this.drafts.clear();
    this.notice = { kind: 'draft-cleared' };
    this.focusNext = 'step';
  }

  private startOver = () => {
    if (!this.model) return;
    this.resetAnswers(this.model);
    this.notice = undefined;
    this.focusNext = 'step';
  };

  private retryLoad = () => {
    void this.loadSchema();
  };

  private sendNow = () => {
    void this.sendPending();
  };

  private moveFocus(target: NonNullable<IntakeForm['focusNext']>): void {
    const root = this.renderRoot as ShadowRoot;
    let el: HTMLElement | null = null;
    if (target === 'summary') el = root.querySelector('.error-summary, .notice.alert');
    else if (target === 'step') {
      el = root.querySelector('.step-heading') ?? root.querySelector('.form-heading');
    } else if (target === 'result') el = root.querySelector('.result h2');
    else el = root.getElementById(target.id);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center', behavior: 'auto' });
  }

  private onSummaryLink = (event: Event, field: Field) => {
    event.preventDefault();
    const step = this.stepOf.get(field.pointer) ?? this.step;
    if (step !== this.step) {
      this.step = step;
      this.focusNext = { id: field.id };
    } else this.moveFocus({ id: field.id });
  };

  // ——— Rendering ———

  private text(value: LocalizedText | undefined): string {
    return pickText(value, this.locale.messages);
  }

  /** What the field views read: texts, branches, answers, and the errors that show now. */
  private fieldContext(): FieldViewContext {
    const scope = (pointer: string) => this.scopes.get(pointer);
    return {
      text: (value) => this.text(value),
      isShown: (field) => this.shown.has(field.pointer),
      isRequired: (field) => isRequiredNow(field, scope),
      rawValue: (field) => this.values[field.pointer],
      errorOf: (field) => this.visibleError(field),
      numberFormat: this.numberFormat,
      locale: this.locale.messages,
      picker: this.picker ?? (this.pickerView.state === 'failed' ? 'failed' : 'loading'),
    };
  }

  private statusContext(): StatusViewContext {
    return {
      text: (value) => this.text(value),
      numberFormat: this.numberFormat,
      listFormat: this.listFormat,
      pending: this.pending,
      storageKept: this.storageKept,
      onSummaryLink: this.onSummaryLink,
      onSendNow: this.sendNow,
      onStartOver: this.startOver,
    };
  }

  override render() {
    return html`<div part="base" class="base">${this.renderBody()}</div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    if (this.loadError) {
      return renderError(errorMessage(this.loadError.kind, this.loadError.status), this.retryLoad);
    }
    const model = this.model;
    if (!model) return this.schema ? renderLoading() : nothing;
    if (this.phase === 'sent' || this.phase === 'queued') {
      return renderResult(this.phase, this.result?.reference, this.statusContext());
    }
    return this.renderForm(model);
  }

  private renderForm(model: FormModel): TemplateResult {
    const steps = model.steps;
    const step = steps[Math.min(this.step, steps.length - 1)];
    const last = this.step >= steps.length - 1;
    const title = this.text(model.title);
    const summary = this.submittedSteps.has(this.step) ? this.errorsOn(this.step) : [];
    const status = this.statusContext();
    const fields = this.fieldContext();
    return html`<form
      novalidate
      aria-labelledby=${ifDefined(title ? 'form-title' : undefined)}
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onInput}
      @focusout=${this.onFocusOut}
    >
      ${
        title ? html`<h2 id="form-title" class="form-heading" tabindex="-1">${title}</h2>` : nothing
      }
      ${model.description ? html`<p class="description">${this.text(model.description)}</p>` : nothing}
      ${renderProblems(model.problems, status)}
      ${this.actionUrl() === null ? renderActionProblem(this.action ?? '') : nothing}
      ${renderNotice(this.notice)}
      ${steps.length > 1 ? renderProgress(this.step, steps.length, step.title, status) : nothing}
      ${summary.length > 0 ? renderSummary(summary, status) : nothing}
      <div class="step">
        ${
          steps.length > 1 && step.title
            ? html`<h3 class="step-heading" tabindex="-1">${this.text(step.title)}</h3>`
            : nothing
        }
        ${step.description ? html`<p class="hint">${this.text(step.description)}</p>` : nothing}
        ${step.fields.map((field) => renderField(field, fields))}
      </div>
      <div class="hp" aria-hidden="true">
        <label for="hp">${msg('Leave this empty', { id: 'intake.honeypot' })}</label>
        <input id="hp" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <div class="actions">
        ${
          last && !this.action
            ? nothing
            : html`<button
                part="button"
                class="button primary"
                type="submit"
                ?disabled=${this.phase === 'sending' || this.disabledByForm}
              >
                ${
                  !last
                    ? msg('Continue', { id: 'intake.next' })
                    : this.phase === 'sending'
                      ? msg('Sending…', { id: 'intake.sending' })
                      : msg('Submit', { id: 'intake.submit' })
                }
              </button>`
        }
        ${
          this.step > 0
            ? html`<button
                part="button"
                class="button secondary"
                type="button"
                ?disabled=${this.phase === 'sending'}
                @click=${() => this.back()}
              >
                ${msg('Back', { id: 'intake.back' })}
              </button>`
            : nothing
        }
        <button
          part="button"
          class="button link"
          type="button"
          ?disabled=${this.phase === 'sending'}
          @click=${() => this.clear()}
        >
          ${msg('Clear form', { id: 'intake.clear' })}
        </button>
      </div>
      ${renderPending(status)}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'intake-form': IntakeForm;
  }
}
