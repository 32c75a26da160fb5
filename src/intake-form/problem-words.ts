/**
 * The sentences of validation problems (messages.ts) as a chunk of their own, not part of the
 * form's first view: requested at the first answer, and an update that may show a problem waits
 * for them (once), so nobody sees a problem without its words; inside a page `<form>` the form
 * waits for them from the start (its validity message is read by the page). If they cannot be
 * downloaded, each problem says "Check …" — answers are still checked either way.
 */
import type { ReactiveElement } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import type { AnswerWords, FormAnswers } from './answers.js';

export class ProblemWords extends LazyModule<typeof import('./messages.js')> {
  /** `inPageForm`: the element's validity message (a page `<form>` reads it) needs them too. */
  constructor(
    host: ReactiveElement,
    answers: () => FormAnswers | undefined,
    inPageForm: () => boolean,
  ) {
    super(host, {
      load: () => import('./messages.js'),
      what: 'the validation messages',
      when: () => inPageForm() || !!answers()?.feedback,
    });
  }

  /** The words for the answers' problems in `locale`. */
  words(locale: string, number: Intl.NumberFormat): AnswerWords {
    const explain = this.module?.issueMessage ?? (this.state === 'failed' ? 'failed' : undefined);
    return { locale, number, explain };
  }
}
