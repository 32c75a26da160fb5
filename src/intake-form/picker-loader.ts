/**
 * The searchable picker for questions with a long list of choices (choice-picker.ts, a chunk of
 * its own): loaded when the form has such a question, then one picker per form.
 */
import type { ReactiveElement } from 'lit';
import { LazyView } from '../core/lazy-view.js';
import type { ChoicePicker } from './choice-picker.js';
import type { PickerView } from './field-views.js';
import type { Field, IntakeForm as FormModel } from './schema.js';

export class PickerLoader extends LazyView<typeof import('./choice-picker.js')> {
  private picker?: ChoicePicker;

  constructor(
    private readonly pickerHost: ReactiveElement,
    /** Sets a question's answer (a choice's value, or undefined to clear it). */
    private readonly choose: (field: Field, value: unknown) => void,
  ) {
    super(pickerHost, () => import('./choice-picker.js'), 'the choice picker');
  }

  /** Before each render: the picker once its code is there, its download when a form needs it. */
  prepare(model: FormModel | undefined): void {
    const view = this.state;
    if (typeof view === 'object') {
      this.picker ??= new view.ChoicePicker(this.pickerHost, this.choose);
    } else if (
      view === undefined &&
      [...(model?.byPointer.values() ?? [])].some((f) => f.widget === 'combobox')
    ) {
      void this.load();
    }
  }

  /** What the field views render a long list with: the picker, or its loading or failure. */
  get view(): PickerView | 'loading' | 'failed' {
    return this.picker ?? (this.state === 'failed' ? 'failed' : 'loading');
  }
}
