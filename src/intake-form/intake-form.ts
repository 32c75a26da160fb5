import type { PropertyDeclarations } from 'lit';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DandelionElement } from '../core/dandelion-element.js';
import { PickerLoader } from './picker-loader.js';
import { renderLoading } from '../core/status-view.js';
import { baseStyles } from '../core/styles.js';
import { FormAnswers } from './answers.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import { controlOf, readControl } from './controls.js';
import { DraftController } from './draft.js';
import type { FieldViewContext } from './field-views.js';
import { renderForm } from './form-view.js';
import { intakeStyles } from './intake-form.styles.js';
import { pickText, type Field, type IntakeForm as FormModel } from './schema.js';
import { schemaResource } from './schema-resource.js';
import type { Notice, StatusViewContext } from './status-views.js';
import { SubmissionController } from './submission.js';
import { FocusController } from './focus.js';
import { FormValueController } from './form-value.js';
import { ProblemWords } from './problem-words.js';
import { Notices } from './notices.js';
import { LaterMessages } from './later-messages.js';
import type { JsonSchema } from './validate.js';
import { headingLevel } from '../core/heading.js';

export { maxBodyBytes } from './submission.js';

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
  static override properties: PropertyDeclarations = {
    schema: { attribute: 'schema' },
    action: { attribute: 'action' },
    redirect: { attribute: 'redirect' },
    name: { attribute: 'name', reflect: true },
    storageKey: { attribute: 'storage-key' },
    timeout: { attribute: 'timeout', type: Number },
    retryDelay: { attribute: 'retry-delay', type: Number },
    noDraft: { attribute: 'no-draft', type: Boolean, converter: booleanAttribute },
    disabledByForm: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  static override styles = [baseStyles, intakeStyles];
  static formAssociated = true;

  /**
   * The form: a URL of a JSON Schema document (attribute), or the schema object (property).
   * Titles may be given per language: `{"zh-Hans": "…", "zh-Hant": "…", "en": "…"}`.
   */
  schema?: string | JsonSchema;

  /**
   * URL the answers are POSTed to as JSON. Without it the form only fills a page `<form>`. Only
   * http(s): anything else (`javascript:`, `data:`, `ftp:`, unparsable) is a setup error shown
   * above the form, and submitting then sends and queues nothing (the answers stay).
   */
  action?: string;

  /** Page to open after a successful submission (http/https only). */
  redirect?: string;

  /** Name of the JSON value when the element sits inside a page's `<form>`. */
  name?: string;

  /**
   * Key of this form's draft and outbox on the device. Defaults to the schema URL and action;
   * set it when a page has several inline-schema forms.
   */
  storageKey?: string;

  /** Seconds one request (schema load or delivery attempt) may take. */
  timeout = 15;

  /** Seconds before the first automatic retry of a queued answer; doubles up to 5 minutes. */
  retryDelay = 5;

  /** Turns draft autosave off (e.g. on a shared device). */
  noDraft = false;

  /** The page's `<form>` is disabled (a disabled fieldset around the element). */
  private disabledByForm = false;
  private notice?: Notice;
  /** The answers of the form read from `schema` (adopted in `willUpdate`). */
  private answers?: FormAnswers;
  private numberFormat = new Intl.NumberFormat('zh-Hans');
  private listFormat = new Intl.ListFormat('zh-Hans', { type: 'unit' });
  private formatLocale = '';

  private readonly schemaLoader = schemaResource(this, () => ({
    schema: this.schema,
    timeout: this.timeout,
  }));

  private readonly submission = new SubmissionController(this, {
    answers: () => this.answers,
    action: () => this.action,
    redirect: () => this.redirect,
    storageKey: () => this.storageKey,
    schema: () => this.schema,
    timeout: () => this.timeout,
    retryDelay: () => this.retryDelay,
    settled: () => this.schemaLoader.status !== 'loading',
    notice: (notice) => (this.notice = notice),
    focus: (target) => this.focuser.request(target),
    clearDraft: () => void this.drafts.clear(),
    showAllErrors: () => this.showAllErrors(),
  });

  private readonly drafts = new DraftController(this, {
    key: () => (this.noDraft ? undefined : this.submission.storageKey),
    onError: (quota) => {
      if (quota) this.notice = { kind: 'draft-full' };
    },
    onSaved: () => {
      if (this.notice?.kind === 'draft-full') this.notice = undefined;
    },
  });

  /** The searchable picker for questions with a long list of choices: loaded when one shows. */
  private readonly picker = new PickerLoader(this, (field, value) =>
    this.setValue(field, value, true),
  );
  private readonly notices = new Notices(
    this,
    () => this.notice,
    () => this.schemaLoader.value,
  );
  /** Its words beyond the first view (updates wait for them; tests hold the download back). */
  protected readonly laterMessages = new LaterMessages(this, () => this.beyondFirstView);
  private readonly sentences = new ProblemWords(
    this,
    () => this.answers,
    () => !!this.form,
  );

  private readonly formValue = new FormValueController(
    this,
    this.attachInternals(),
    () => this.answers,
    (fn) => this.inLocale(fn),
    () => void this.drafts.clear(),
    () => this.showAllErrors(),
  );
  private readonly focuser = new FocusController(this);

  protected override willUpdate(changed: PropertyValues): void {
    this.schemaLoader.sync();
    const model = this.schemaLoader.status === 'content' ? this.schemaLoader.value : undefined;
    if (model !== this.answers?.model) this.adopt(model);
    this.notices.prepare(changed.has('notice'));
    const locale = this.locale.intl;
    if (locale !== this.formatLocale) {
      this.formatLocale = locale;
      this.numberFormat = new Intl.NumberFormat(locale);
      this.listFormat = new Intl.ListFormat(locale, { type: 'unit' });
    }
    this.answers?.derive();
    this.picker.prepare(this.answers?.model);
  }

  /** Whether the next update may say more than the first view (see later-messages.ts). */
  private get beyondFirstView(): boolean {
    const { answers, notices, picker } = this;
    const error = this.schemaLoader.status === 'error';
    return error || notices.needed || !!answers?.feedback || !!this.form || !!picker.state;
  }

  /** A newly loaded form (or none): answers start from its defaults and any stored draft. */
  private adopt(model: FormModel | undefined): void {
    this.answers = model && new FormAnswers(model, this.words, () => this.requestUpdate());
    this.submission.restart();
    if (model) void this.restoreDraft(this.answers!);
  }

  private readonly words = () => this.sentences.words(this.locale.messages, this.numberFormat);

  private async restoreDraft(answers: FormAnswers): Promise<void> {
    const draft = await this.drafts.load();
    if (!draft || this.answers !== answers || answers.dirty.size > 0) return;
    if (!this.submission.editable) return;
    if (answers.applyDraft(draft)) this.notice = { kind: 'draft-restored' };
  }

  // ——— Form association ———

  /** The page's `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.formValue.internals.form;
  }

  /** Validity of all answers (for a page's `<form>`). */
  get validity(): ValidityState {
    return this.formValue.internals.validity;
  }

  get validationMessage(): string {
    return this.formValue.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.formValue.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.formValue.internals.reportValidity();
  }

  /** Follows the page `<form>` this element belongs to, to drop the draft once it submits. */
  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.formValue.associate(form);
  }

  formResetCallback(): void {
    this.startOver();
    void this.drafts.clear();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string' || !this.answers) return;
    try {
      this.answers.fill(JSON.parse(state) as unknown);
    } catch {
      // Not ours: leave the form as it is.
    }
  }

  // ——— Input ———

  private onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.id === 'hp' && this.answers) {
      this.answers.honeypot = target.value;
      return;
    }
    const read = this.answers && readControl(event, this.answers.model, this.renderRoot);
    if (read) this.setValue(read.field, read.raw, read.choice);
  };

  private setValue(field: Field, raw: unknown, choice: boolean): void {
    this.answers?.set(field, raw, choice);
    this.submission.prepare();
    void this.sentences.load();
    if (this.notice?.kind === 'draft-cleared') this.notice = undefined;
    this.saveDraft();
  }

  private onFocusOut = (event: FocusEvent) => {
    const pointer = controlOf(event)?.dataset.pointer;
    if (pointer) this.answers?.leave(pointer);
  };

  private saveDraft(): void {
    const answers = this.answers;
    if (answers && this.submission.editable) this.drafts.save(answers.values, answers.step);
  }

  // ——— Steps and submission ———

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.answers?.lastStep) void this.submit();
    else this.next();
  };

  /** Goes to the next step when this one has no problems; else shows them. */
  next(): void {
    const answers = this.answers;
    if (!answers || !this.submission.editable || answers.lastStep) return;
    const moved = answers.advance();
    this.focuser.request(moved ? 'step' : 'summary');
    if (moved) this.saveDraft();
  }

  /** Goes back one step (answers are kept). */
  back(): void {
    const answers = this.answers;
    if (!answers || !this.submission.editable || answers.step === 0) return;
    answers.goTo(answers.step - 1);
    this.focuser.request('step');
    this.saveDraft();
  }

  /** Shows every problem (on the first step that has one); true when there is one. */
  private showAllErrors(): boolean {
    const found = this.answers?.showAll() ?? false;
    if (found) this.focuser.request('summary');
    return found;
  }

  /**
   * Validates everything and, when all is well, sends the answers to `action` (or queues them
   * on the device when that fails). Double clicks are ignored while a submission is on its way.
   */
  submit(): Promise<void> {
    return this.submission.submit();
  }

  /** Tries the answers waiting on this device now. */
  sendPending(): Promise<void> {
    return this.submission.flush();
  }

  /** Empties the form and drops its draft. */
  clear(): void {
    if (!this.answers || this.submission.phase === 'sending') return;
    this.startOver();
    void this.drafts.clear();
    this.notice = { kind: 'draft-cleared' };
  }

  private readonly startOver = () => {
    if (!this.answers) return;
    this.answers.reset();
    this.submission.restart();
    this.notice = undefined;
    this.focuser.request('step');
  };

  private onSummaryLink = (event: Event, field: Field) => {
    event.preventDefault();
    const answers = this.answers;
    const step = answers?.stepOfField(field) ?? 0;
    if (answers && step !== answers.step) {
      answers.goTo(step);
      this.focuser.request({ id: field.id });
    } else this.focuser.move({ id: field.id });
  };

  // ——— Rendering ———

  private statusContext(): StatusViewContext {
    const { pending, storageKept } = this.submission;
    return {
      text: (value) => pickText(value, this.locale.messages),
      numberFormat: this.numberFormat,
      listFormat: this.listFormat,
      pending,
      storageKept,
      onSummaryLink: this.onSummaryLink,
      onSendNow: () => void this.sendPending(),
      onStartOver: this.startOver,
      headingLevel: headingLevel(this.headingLevel),
      innerLevel: headingLevel(this.headingLevel, this.answers?.model.title ? 1 : 0),
    };
  }

  /** What the field views read: texts, branches, answers, and the errors that show now. */
  private fieldContext(answers: FormAnswers): FieldViewContext {
    return {
      text: (value) => pickText(value, this.locale.messages),
      isShown: (field) => answers.isShown(field),
      isRequired: (field) => answers.isRequired(field),
      rawValue: (field) => answers.values[field.pointer],
      errorOf: (field) => answers.visibleError(field),
      numberFormat: this.numberFormat,
      locale: this.locale.messages,
      picker: this.picker.view,
    };
  }

  override render() {
    return html`<div part="base" class="base">${this.renderBody()}</div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const answers = this.answers;
    const { phase } = this.submission;
    if (!answers) {
      const { status } = this.schemaLoader;
      if (status === 'error') return this.schemaLoader.renderError();
      return status === 'loading' ? renderLoading() : nothing;
    }
    const status = this.statusContext();
    const result = this.submission.renderResult(status, answers.model.success);
    if (result) return result;
    return renderForm({
      answers,
      fields: this.fieldContext(answers),
      status,
      notice: this.notice,
      notices: this.notices.state,
      badAction: this.submission.actionUrl === null ? (this.action ?? '') : undefined,
      canSend: !!this.action,
      sending: phase === 'sending',
      disabled: this.disabledByForm,
      on: {
        submit: this.onSubmit,
        input: this.onInput,
        focusOut: this.onFocusOut,
        back: () => this.back(),
        clear: () => this.clear(),
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'intake-form': IntakeForm;
  }
}
