import type { ReactiveController, ReactiveElement } from 'lit';

/** Where focus goes after the next render: the error summary, the step, the result, a control. */
export type FocusTarget = 'summary' | 'step' | 'result' | { id: string };

/**
 * Moves focus once the next render is on screen (GOV.UK: to the error summary after a failed
 * submit, to the new step's heading, to the result), and scrolls it into view.
 */
export class FocusController implements ReactiveController {
  private next?: FocusTarget;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Focus `target` after the next render. */
  request(target: FocusTarget): void {
    this.next = target;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.next;
    this.next = undefined;
    if (target) this.move(target);
  }

  /** Focus `target` now. */
  move(target: FocusTarget): void {
    const root = this.host.renderRoot as ShadowRoot;
    let el: HTMLElement | null = null;
    if (target === 'summary') el = root.querySelector('.error-summary, .notice.alert');
    else if (target === 'step') {
      el = root.querySelector('.step-heading') ?? root.querySelector('.form-heading');
    } else if (target === 'result') el = root.querySelector('.result-title');
    else el = root.getElementById(target.id);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center', behavior: 'auto' });
  }
}
