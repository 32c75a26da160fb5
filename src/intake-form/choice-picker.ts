/**
 * The searchable picker `<intake-form>` shows instead of a `<select>` for a long list of choices
 * (over `pickerThreshold`, or `x-ui.widget: "combobox"`): 50,000 `<option>`s took 4 s to render
 * and cannot be searched on a phone. It follows the WAI-ARIA APG **combobox** pattern (editable,
 * list autocomplete with manual selection, listbox popup): typing filters the list, at most
 * {@link shownAtOnce} matches are rendered at a time, ↓/↑ move the visual focus
 * (`aria-activedescendant`, DOM focus stays in the text box), Enter chooses, Escape closes (or
 * puts back the chosen answer), and a live region says how many match.
 *
 * Typing is a search, never an answer: the answer changes only when a choice is made (a click,
 * Enter, or leaving the box with text that is exactly one choice's title), or is cleared by
 * leaving the box empty. So the value, validation, draft and submission are exactly those of a
 * `<select>`. The list sits in the page flow under the box (no overlay to clip or misplace on a
 * 390 px phone, no `style` attributes: it works under a strict CSP).
 *
 * A lazily loaded chunk (forms without a long list never download it), through core's LazyView.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  describedBy,
  renderHintAndError,
  renderLabel,
  type FieldViewContext,
  type PickerView,
} from './field-views.js';
import type { Field } from './schema.js';
import { jsonEqual } from './validate.js';

/** How many matches the list shows at a time (type more to narrow it). */
export const shownAtOnce = 50;

interface PickerState {
  /** Text typed since the last choice; undefined: the box shows the chosen answer's title. */
  query?: string;
  /** The answer when typing began: another answer (form cleared, draft restored) ends it. */
  typedOver?: unknown;
  open: boolean;
  /** Position in `shown` of the option with visual focus; -1 for none. */
  active: number;
  /** Indexes (into the field's choices) of the options on screen. */
  shown: number[];
  /** How many choices match the query in all. */
  total: number;
  /** Language and query `shown` was computed for. */
  filtered?: string;
}

/** Titles folded for search: full-width and compatibility forms, case and spaces ignored. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export const styles = css`
  .picker-list {
    display: grid;
    margin: 0;
    padding: calc(var(--_space) / 2) 0;
    list-style: none;
    max-block-size: min(50vh, 22rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 2px solid var(--_text);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }

  .picker-list[hidden] {
    display: none;
  }

  .picker-option {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .picker-option.chosen {
    font-weight: 600;
  }

  .picker-option.active {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .picker-option:not(.active):hover {
    background: var(--_surface);
  }

  .picker-status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .picker-status[hidden] {
    display: none;
  }

  @media (forced-colors: active) {
    .picker-list {
      border-color: CanvasText;
    }
    .picker-option.active {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
`;

/** One picker controller per form; it keeps each long-list question's search state. */
export class ChoicePicker implements ReactiveController, PickerView {
  private readonly states = new Map<string, PickerState>();
  /** The latest render's field and context for each question, for the event handlers. */
  private readonly seen = new Map<string, { field: Field; c: FieldViewContext }>();
  private readonly keys = new WeakMap<Field, { locale: string; keys: string[] }>();
  private readonly chosenIndex = new WeakMap<Field, { raw: unknown; index: number }>();
  private scrollTo?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Sets a question's answer (a choice's value, or undefined to clear it). */
    private readonly choose: (field: Field, value: unknown) => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const id = this.scrollTo;
    this.scrollTo = undefined;
    if (id) this.host.shadowRoot?.getElementById(id)?.scrollIntoView?.({ block: 'nearest' });
  }

  private state(pointer: string): PickerState {
    let state = this.states.get(pointer);
    if (!state) {
      state = { open: false, active: -1, shown: [], total: 0 };
      this.states.set(pointer, state);
    }
    return state;
  }

  /** The folded titles of a question's choices in the current language (built on first search). */
  private searchKeys(field: Field, c: FieldViewContext): string[] {
    const cached = this.keys.get(field);
    if (cached?.locale === c.locale) return cached.keys;
    const keys = (field.choices ?? []).map((choice) => fold(c.text(choice.title)));
    this.keys.set(field, { locale: c.locale, keys });
    return keys;
  }

  private indexOf(field: Field, raw: unknown): number {
    if (raw === undefined) return -1;
    const cached = this.chosenIndex.get(field);
    if (cached && cached.raw === raw) return cached.index;
    const index = (field.choices ?? []).findIndex((choice) => jsonEqual(choice.value, raw));
    this.chosenIndex.set(field, { raw, index });
    return index;
  }

  /** Matches of the query: those starting with it first, then those containing it. */
  private filter(field: Field, s: PickerState, c: FieldViewContext): void {
    const key = `${c.locale}\n${s.query ?? ''}`;
    if (s.filtered === key) return;
    s.filtered = key;
    s.active = -1;
    const keys = this.searchKeys(field, c);
    const q = fold(s.query ?? '');
    if (!q) {
      s.total = keys.length;
      s.shown = Array.from({ length: Math.min(shownAtOnce, keys.length) }, (_, i) => i);
      return;
    }
    const starting: number[] = [];
    const containing: number[] = [];
    let total = 0;
    keys.forEach((k, i) => {
      const at = k.indexOf(q);
      if (at < 0) return;
      total++;
      if (at === 0) {
        if (starting.length < shownAtOnce) starting.push(i);
      } else if (containing.length < shownAtOnce) containing.push(i);
    });
    s.total = total;
    s.shown = [...starting, ...containing].slice(0, shownAtOnce);
  }

  /** The one choice whose title is exactly the typed text, or -1. */
  private exactMatch(field: Field, s: PickerState, c: FieldViewContext): number {
    const q = fold(s.query ?? '');
    return q ? this.searchKeys(field, c).indexOf(q) : -1;
  }

  private pick(field: Field, s: PickerState, index: number): void {
    s.query = undefined;
    s.open = false;
    s.active = -1;
    this.choose(field, field.choices?.[index]?.value);
    this.host.requestUpdate();
  }

  private close(s: PickerState): void {
    s.open = false;
    s.active = -1;
    this.host.requestUpdate();
  }

  private target(event: Event) {
    const pointer = (event.currentTarget as HTMLElement).dataset.picker ?? '';
    const seen = this.seen.get(pointer);
    if (!seen || seen.field.readOnly) return undefined;
    return { ...seen, s: this.state(pointer) };
  }

  private readonly onInput = (event: Event) => {
    const t = this.target(event);
    if (!t) return;
    if (t.s.query === undefined) t.s.typedOver = t.c.rawValue(t.field);
    t.s.query = (event.currentTarget as HTMLInputElement).value;
    t.s.open = true;
    this.host.requestUpdate();
  };

  private readonly onClick = (event: Event) => {
    const t = this.target(event);
    if (!t || t.s.open) return;
    if (t.s.query === undefined) t.s.typedOver = t.c.rawValue(t.field);
    t.s.open = true;
    this.host.requestUpdate();
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const t = this.target(event);
    if (!t) return;
    const { field, c, s } = t;
    const move = (to: number) => {
      s.active = to;
      this.scrollTo = `${field.id}-option-${s.shown[to]}`;
      this.host.requestUpdate();
    };
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const wasOpen = s.open;
        if (!wasOpen && s.query === undefined) s.typedOver = c.rawValue(field);
        s.open = true;
        this.filter(field, s, c);
        const n = s.shown.length;
        if (n === 0 || event.altKey) return this.host.requestUpdate();
        const down = event.key === 'ArrowDown';
        if (!wasOpen || s.active < 0) return move(down ? 0 : n - 1);
        return move(down ? (s.active + 1) % n : (s.active - 1 + n) % n);
      }
      case 'Enter': {
        if (s.open && s.active >= 0) {
          event.preventDefault();
          return this.pick(field, s, s.shown[s.active]);
        }
        const exact = s.query === undefined ? -1 : this.exactMatch(field, s, c);
        if (exact >= 0) {
          event.preventDefault();
          return this.pick(field, s, exact);
        }
        // Closed, nothing to choose: Enter submits the form as in any text box.
        if (s.open) {
          event.preventDefault();
          this.close(s);
        }
        return;
      }
      case 'Escape':
        if (s.open) {
          event.preventDefault();
          this.close(s);
        } else if (s.query !== undefined) {
          event.preventDefault();
          s.query = undefined;
          this.host.requestUpdate();
        }
        return;
    }
  };

  /** Leaving the box: an exact title is chosen, an empty box clears, else the answer stays. */
  private readonly onFocusOut = (event: FocusEvent) => {
    const t = this.target(event);
    if (!t) return;
    const { field, c, s } = t;
    s.open = false;
    s.active = -1;
    if (s.query !== undefined) {
      const exact = this.exactMatch(field, s, c);
      const raw = c.rawValue(field);
      if (exact >= 0) return this.pick(field, s, exact);
      if (!fold(s.query)) {
        s.query = undefined;
        if (raw !== undefined) this.choose(field, undefined);
      } else if (raw !== undefined) s.query = undefined;
      // Nothing chosen and words typed: they stay, and "Select …" says what is missing.
    }
    this.host.requestUpdate();
  };

  private readonly onOptionClick = (event: Event) => {
    const t = this.target(event);
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (!t || !option) return;
    this.pick(t.field, t.s, Number(option.dataset.index));
  };

  /** Keeps the focus in the text box while an option is clicked or tapped. */
  private readonly keepFocus = (event: Event) => event.preventDefault();

  private status(s: PickerState, c: FieldViewContext): string {
    const n = c.numberFormat.format(s.total);
    if (s.total === 0) {
      return msg('Nothing matches. Try fewer or other words.', { id: 'intake.pickerNone' });
    }
    if (s.total > s.shown.length) {
      const shown = c.numberFormat.format(s.shown.length);
      return msg(str`Showing the first ${shown} of ${n} matches: type more to narrow the list.`, {
        id: 'intake.pickerFirst',
      });
    }
    return s.total === 1
      ? msg('1 match', { id: 'intake.pickerOne' })
      : msg(str`${n} matches`, { id: 'intake.pickerMany' });
  }

  render(
    field: Field,
    raw: unknown,
    error: string | undefined,
    c: FieldViewContext,
  ): TemplateResult {
    this.seen.set(field.pointer, { field, c });
    const s = this.state(field.pointer);
    if (s.query !== undefined && !jsonEqual(raw, s.typedOver)) {
      // The answer changed elsewhere (cleared, restored): show it, not the old search.
      s.query = undefined;
      s.open = false;
    }
    const choices = field.choices ?? [];
    const chosen = this.indexOf(field, raw);
    const text = s.query ?? (chosen >= 0 ? c.text(choices[chosen].title) : '');
    if (s.open) this.filter(field, s, c);
    const expanded = s.open && s.shown.length > 0;
    const activeId =
      expanded && s.active >= 0 ? `${field.id}-option-${s.shown[s.active]}` : undefined;
    const status = s.open ? this.status(s, c) : '';
    return html`<div part="field" class=${classMap({ field: true, invalid: !!error })}>
      <label class="label" id=${`${field.id}-label`} for=${field.id}
        >${renderLabel(field, c)}</label
      >
      ${renderHintAndError(field, error, c)}
      <input
        id=${field.id}
        type="text"
        role="combobox"
        data-picker=${field.pointer}
        .value=${live(text)}
        placeholder=${msg('Type to search', { id: 'intake.pickerPlaceholder' })}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        ?readonly=${field.readOnly}
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${`${field.id}-listbox`}
        aria-activedescendant=${ifDefined(activeId)}
        aria-required=${c.isRequired(field) ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(field, error))}
        @input=${this.onInput}
        @click=${this.onClick}
        @keydown=${this.onKeyDown}
        @focusout=${this.onFocusOut}
      />
      <ul
        id=${`${field.id}-listbox`}
        class="picker-list"
        role="listbox"
        aria-labelledby=${`${field.id}-label`}
        data-picker=${field.pointer}
        ?hidden=${!expanded}
        @pointerdown=${this.keepFocus}
        @mousedown=${this.keepFocus}
        @click=${this.onOptionClick}
      >
        ${
          expanded
            ? s.shown.map(
                (index, i) =>
                  html`<li
                    id=${`${field.id}-option-${index}`}
                    class=${classMap({
                      'picker-option': true,
                      active: i === s.active,
                      chosen: index === chosen,
                    })}
                    role="option"
                    data-index=${index}
                    aria-selected=${i === s.active ? 'true' : 'false'}
                  >
                    ${c.text(choices[index].title)}
                  </li>`,
              )
            : nothing
        }
      </ul>
      <p class="picker-status" aria-hidden="true" ?hidden=${!s.open}>${status}</p>
      <div class="visually-hidden" role="status">${status}</div>
    </div>`;
  }
}
