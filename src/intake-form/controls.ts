/**
 * What a control in the form says: the raw value of the question a changed `<input>`,
 * `<select>` or `<textarea>` belongs to (found by its `data-pointer`), read as the field's kind
 * wants it (a choice's value, a boolean, the checked boxes of a multi-choice question).
 */
import type { Field, IntakeForm as FormModel } from './schema.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form control an event came from, when it is one of a question's. */
export function controlOf(event: Event): Control | undefined {
  const target = event.target as HTMLElement;
  return target.dataset?.pointer ? (target as Control) : undefined;
}

/** A changed control's question and raw value; `choice` when it was made in one go. */
export function readControl(
  event: Event,
  model: FormModel,
  root: ParentNode,
): { field: Field; raw: unknown; choice: boolean } | undefined {
  const control = controlOf(event);
  const field = control && model.byPointer.get(control.dataset.pointer!);
  if (!control || !field) return undefined;
  const choice =
    control instanceof HTMLSelectElement || control.type === 'radio' || control.type === 'checkbox';
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
        ...root.querySelectorAll<HTMLInputElement>(
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
  return { field, raw, choice };
}
