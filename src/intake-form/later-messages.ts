/**
 * The form's strings beyond its first view. The CDN build splits the form's translations in two
 * (vite.config.ts `splitMessages`): the locale chunk carries what the first view says (labels'
 * "optional", the buttons, loading), and the rest — notices, the words of problems, the picker,
 * the results, error details — is one more file. It comes with the delivery code (submission.ts:
 * when the page is idle after the form shows, or at the first answer), and an update that may show
 * more than the first view (a notice, a problem, the picker, an error) waits for it, together with
 * that part's own chunk, so nobody reads a notice half in English. A failed download leaves those
 * strings in English, the same as a language whose messages cannot be downloaded at all; the
 * form works the same.
 */
import { LazyModule } from '../core/element/lazy-module.js';
import type { ReactiveElement } from 'lit';

/**
 * Loaded (core `LazyModule` `laterMessages`: the rest in the form's language) before an update
 * that may show more than the first view; once there, an update in another language waits for
 * that language's rest too.
 */
export class LaterMessages extends LazyModule<object> {
  constructor(
    form: ReactiveElement,
    /** Whether the next update may show more than the first view's strings. */
    needed: () => boolean,
  ) {
    super(form, {
      load: () => Promise.resolve({}),
      what: 'the rest of the messages',
      when: needed,
      laterMessages: true,
    });
  }
}
