/**
 * The questions of `<intake-form>`: label, hint, error message and control for every kind of
 * field (text and number inputs, textareas, selects, radios, checkbox groups, single checkboxes,
 * nested groups), GOV.UK style. Only rendering: the element decides what each field's value is
 * and whether its error shows yet (Lion: feedback rendering apart from validation logic).
 *
 * The controls take no listeners of their own: the element listens for `input`, `change` and
 * `focusout` once on its `<form>` and finds the field from `data-pointer` (and `data-index`).
 * The exception is the searchable picker for long lists (choice-picker.ts, loaded on demand): a
 * composite widget whose typing filters the list and is not an answer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Field, LocalizedText } from './schema.js';
import { jsonEqual } from './validate.js';

/** What the field views need from their form. */
export interface FieldViewContext {
  /** A schema text (title, hint, placeholder, choice) in the form's language. */
  text: (value: LocalizedText | undefined) => string;
  /** Whether the field is on the page now (its branch condition holds). */
  isShown: (field: Field) => boolean;
  /** Whether the field must be answered now (`required`, or made required by another answer). */
  isRequired: (field: Field) => boolean;
  /** The field's raw control value. */
  rawValue: (field: Field) => unknown;
  /** The error message the field shows now, if any. */
  errorOf: (field: Field) => string | undefined;
  /** Numbers in the UI language (character counts). */
  numberFormat: Intl.NumberFormat;
  /** The UI language of `text` (the picker keeps its search index per language). */
  locale: string;
  /** The searchable picker for long choice lists (its own chunk): loaded, loading or failed. */
  picker: PickerView | 'loading' | 'failed';
}

/** What the lazily loaded choice picker (choice-picker.ts) renders for one question. */
export interface PickerView {
  render(
    field: Field,
    raw: unknown,
    error: string | undefined,
    c: FieldViewContext,
  ): TemplateResult;
}

/** One question (or a nested group of them); `nothing` while its branch is hidden. */
export function renderField(field: Field, c: FieldViewContext): TemplateResult | typeof nothing {
  if (!c.isShown(field)) return nothing;
  if (field.kind === 'group') {
    return html`<fieldset part="group" class="group">
      <legend>${c.text(field.title)}</legend>
      ${field.hint ? html`<div class="hint">${c.text(field.hint)}</div>` : nothing}
      ${(field.fields ?? []).map((f) => renderField(f, c))}
    </fieldset>`;
  }
  const raw = c.rawValue(field);
  const error = c.errorOf(field);
  switch (field.kind) {
    case 'choice':
      if (field.widget === 'combobox') return renderPicker(field, raw, error, c);
      return field.widget === 'select'
        ? renderSelect(field, raw, error, c)
        : renderChoices(field, raw, error, c);
    case 'multi':
      return renderChoices(field, raw, error, c);
    case 'boolean':
      return field.widget === 'radio'
        ? renderChoices(field, raw, error, c)
        : renderCheckbox(field, raw, error, c);
    default:
      return renderInput(field, raw, error, c);
  }
}

export function renderLabel(field: Field, c: FieldViewContext): TemplateResult {
  const optional =
    !field.consent &&
    field.kind !== 'group' &&
    !(field.kind === 'boolean' && field.widget === 'checkbox') &&
    !field.readOnly &&
    !c.isRequired(field);
  return html`${c.text(field.title)}${
    optional
      ? html`<span class="optional">${msg('(optional)', { id: 'intake.optional' })}</span>`
      : nothing
  }`;
}

/** The hint, an extra description (the character count) and the error, in reading order. */
export function describedBy(
  field: Field,
  error: string | undefined,
  extra?: string,
): string | undefined {
  const ids = [field.hint ? `${field.id}-hint` : '', extra ?? '', error ? `${field.id}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

export function renderHintAndError(
  field: Field,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  return html`${
    field.hint
      ? html`<div id=${`${field.id}-hint`} class="hint">${c.text(field.hint)}</div>`
      : nothing
  }
  ${
    error
      ? html`<p id=${`${field.id}-error`} class="error-message">
          <span class="visually-hidden">${msg('Error:', { id: 'intake.errorPrefix' })}</span>
          ${error}
        </p>`
      : nothing
  }`;
}

/** Text, number, email, tel, url and date inputs, and textareas. */
function renderInput(
  field: Field,
  raw: unknown,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  const value = raw === undefined || raw === null ? '' : String(raw);
  const used = [...value.trim()].length;
  const counted = field.maxLength !== undefined;
  const countShown = counted && showsCount(field, used);
  const countId = countShown ? `${field.id}-count` : undefined;
  const described = describedBy(field, error, countId);
  const required = c.isRequired(field);
  const placeholder = field.placeholder ? c.text(field.placeholder) : undefined;
  const control =
    field.widget === 'textarea'
      ? html`<textarea
          id=${field.id}
          data-pointer=${field.pointer}
          rows=${field.rows ?? 5}
          .value=${live(value)}
          placeholder=${ifDefined(placeholder)}
          autocomplete=${ifDefined(field.autocomplete)}
          ?readonly=${field.readOnly}
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
        ></textarea>`
      : html`<input
          id=${field.id}
          data-pointer=${field.pointer}
          type=${field.kind === 'number' ? 'text' : (field.inputType ?? 'text')}
          inputmode=${ifDefined(field.kind === 'number' ? (field.integer ? 'numeric' : 'decimal') : undefined)}
          .value=${live(value)}
          placeholder=${ifDefined(placeholder)}
          autocomplete=${ifDefined(field.autocomplete)}
          spellcheck=${ifDefined(field.inputType === 'email' || field.inputType === 'tel' ? 'false' : undefined)}
          ?readonly=${field.readOnly}
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
        />`;
  return html`<div part="field" class=${classMap({ field: true, invalid: !!error })}>
    <label class="label" for=${field.id}>${renderLabel(field, c)}</label>
    ${renderHintAndError(field, error, c)} ${control}
    ${countId ? renderCount(field, used, countId, c) : nothing}
    ${counted ? renderCountAnnouncement(field, used, c) : nothing}
  </div>`;
}

/** From this share of `maxLength` on, a one-line answer shows how much room is left. */
export const countFrom = 0.8;

/**
 * Whether the character count shows: always under a long text (a textarea), under a one-line
 * answer only near its limit. "0 of 50 characters" under every empty box is noise.
 */
function showsCount(field: Field, used: number): boolean {
  return field.widget === 'textarea' || used >= (field.maxLength ?? 0) * countFrom;
}

function countText(field: Field, used: number, c: FieldViewContext): string {
  const max = field.maxLength ?? 0;
  return msg(str`${c.numberFormat.format(used)} of ${c.numberFormat.format(max)} characters`, {
    id: 'intake.charCount',
  });
}

/** "12 of 200 characters" under a field with `maxLength`, read with the field. */
function renderCount(field: Field, used: number, id: string, c: FieldViewContext): TemplateResult {
  return html`<p id=${id} class=${classMap({ count: true, over: used > (field.maxLength ?? 0) })}>
    ${countText(field, used, c)}
  </p>`;
}

/**
 * A polite live region, always there (a region added with its text is often not read): it
 * speaks the count once the answer nears its limit, not on every key of a short answer (GOV.UK
 * character count).
 */
function renderCountAnnouncement(field: Field, used: number, c: FieldViewContext): TemplateResult {
  const near = used >= (field.maxLength ?? 0) * countFrom;
  return html`<p class="visually-hidden count-status" aria-live="polite">
    ${near ? countText(field, used, c) : nothing}
  </p>`;
}

/**
 * A long list of choices: the searchable picker once its code is there. Until then a busy,
 * disabled box holds its place; if the code cannot be loaded, the native `<select>` still works.
 */
function renderPicker(
  field: Field,
  raw: unknown,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  if (c.picker === 'failed') return renderSelect(field, raw, error, c);
  if (c.picker !== 'loading') return c.picker.render(field, raw, error, c);
  return html`<div part="field" class="field">
    <label class="label" for=${field.id}>${renderLabel(field, c)}</label>
    ${renderHintAndError(field, error, c)}
    <input id=${field.id} type="text" disabled aria-busy="true" />
  </div>`;
}

function renderSelect(
  field: Field,
  raw: unknown,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  const required = c.isRequired(field);
  return html`<div part="field" class=${classMap({ field: true, invalid: !!error })}>
    <label class="label" for=${field.id}>${renderLabel(field, c)}</label>
    ${renderHintAndError(field, error, c)}
    <select
      id=${field.id}
      data-pointer=${field.pointer}
      autocomplete=${ifDefined(field.autocomplete)}
      ?disabled=${field.readOnly}
      aria-required=${required ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(field, error))}
    >
      <option value="" .selected=${live(raw === undefined)}>
        ${msg('Choose…', { id: 'intake.choose' })}
      </option>
      ${(field.choices ?? []).map(
        (choice, i) =>
          html`<option
            value=${String(i)}
            .selected=${live(raw !== undefined && jsonEqual(raw, choice.value))}
          >
            ${c.text(choice.title)}
          </option>`,
      )}
    </select>
  </div>`;
}

/** Radios (choice, yes/no) and checkbox groups, in a fieldset with a legend. */
function renderChoices(
  field: Field,
  raw: unknown,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  const multi = field.kind === 'multi';
  const choices =
    field.kind === 'boolean'
      ? [
          { value: true, title: msg('Yes', { id: 'intake.yes' }) },
          { value: false, title: msg('No', { id: 'intake.no' }) },
        ]
      : (field.choices ?? []);
  const isChecked = (value: unknown) =>
    multi
      ? Array.isArray(raw) && raw.some((v) => jsonEqual(v, value))
      : raw !== undefined && jsonEqual(raw, value);
  return html`<fieldset
    part="field"
    class=${classMap({ field: true, invalid: !!error, choices: true, inline: choices.length <= 2 && !multi })}
    aria-describedby=${ifDefined(describedBy(field, error))}
  >
    <legend class="label">${renderLabel(field, c)}</legend>
    ${renderHintAndError(field, error, c)}
    <div class="options">
      ${choices.map((choice, i) => {
        const id = i === 0 ? field.id : `${field.id}-${i}`;
        return html`<div class="option">
          <input
            id=${id}
            type=${multi ? 'checkbox' : 'radio'}
            name=${field.id}
            data-pointer=${field.pointer}
            data-index=${i}
            value=${field.kind === 'boolean' ? String(choice.value) : String(i)}
            .checked=${live(isChecked(choice.value))}
            ?disabled=${field.readOnly}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
          />
          <label for=${id}>${c.text(choice.title)}</label>
        </div>`;
      })}
    </div>
  </fieldset>`;
}

/** A single checkbox (a yes/no question, or consent), its label beside it. */
function renderCheckbox(
  field: Field,
  raw: unknown,
  error: string | undefined,
  c: FieldViewContext,
): TemplateResult {
  return html`<div
    part="field"
    class=${classMap({ field: true, invalid: !!error, consent: !!field.consent })}
  >
    ${renderHintAndError(field, error, c)}
    <div class="option">
      <input
        id=${field.id}
        type="checkbox"
        data-pointer=${field.pointer}
        .checked=${live(raw === true)}
        ?disabled=${field.readOnly}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(field, error))}
      />
      <label for=${field.id}>${c.text(field.title)}</label>
    </div>
  </div>`;
}
