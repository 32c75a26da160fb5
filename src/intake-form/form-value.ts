import type { ReactiveController, ReactiveElement } from 'lit';
import type { FormAnswers } from './answers.js';

/**
 * The form-associated side of `<intake-form>` (Material Web's form fields): after every render
 * the answers are the element's form value (one JSON string under its `name`) and the first
 * problem its validity message, anchored at that question; and when the page's `<form>` goes
 * out with the answers, the draft goes (`clearDraft`). A page form's submit that finds the
 * element invalid shows what to fix, as the element's own submit does.
 */
export class FormValueController implements ReactiveController {
  /** The page `<form>` the element belongs to. */
  private pageForm?: HTMLFormElement;

  constructor(
    private readonly host: ReactiveElement,
    readonly internals: ElementInternals,
    private readonly answers: () => FormAnswers | undefined,
    /** Runs `fn` in the element's language. */
    private readonly inLocale: <T>(fn: () => T) => T,
    private readonly clearDraft: () => void,
    /** A page form's submit found the element invalid: show what to fix. */
    onInvalid: () => void,
  ) {
    host.addController(this);
    host.addEventListener('invalid', (event) => {
      event.preventDefault();
      onInvalid();
    });
  }

  hostUpdated(): void {
    const answers = this.answers();
    if (!answers) return;
    this.internals.setFormValue(JSON.stringify(answers.data));
    const [first] = answers.errorsOn('all');
    if (!first) {
      this.internals.setValidity({});
      return;
    }
    const anchor = first.field
      ? (this.host.renderRoot.querySelector<HTMLElement>(`#${first.field.id}`) ?? undefined)
      : undefined;
    const message = this.inLocale(() => answers.validityMessage(first));
    try {
      this.internals.setValidity({ customError: true }, message, anchor);
    } catch {
      this.internals.setValidity({ customError: true }, message);
    }
  }

  /** Follows the page `<form>` the element belongs to (`formAssociatedCallback`). */
  associate(form: HTMLFormElement | null): void {
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
      if (!event.defaultPrevented) this.clearDraft();
    });
  };
}
