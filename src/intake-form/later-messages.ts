/**
 * The form's strings beyond its first view. The CDN build splits the form's translations in two
 * (vite.config.ts `splitMessages`): the locale chunk carries what the first view says (labels'
 * "optional", the buttons, loading), and the rest — notices, the words of problems, the picker,
 * the results, error details — is one more file. It is requested when the page is idle after the
 * form shows, and an update that may show more than the first view (a notice, a problem, the
 * picker, an error) waits for it, together with that part's own chunk, so nobody reads a notice
 * half in English. A failed download leaves those strings in English, the
 * same as a language whose messages cannot be downloaded at all; the form works the same.
 */
import { LazyModule } from '../core/element/lazy-module.js';
import { loadLaterMessages } from '../core/i18n/localization.js';
import { whenIdle } from '../core/idle.js';
import type { ResolvedLocale } from '../core/i18n/locale.js';
import type { ReactiveElement } from 'lit';

/** The language whose later messages are loaded. */
type Loaded = { locale: string };

export class LaterMessages extends LazyModule<Loaded> {
  constructor(
    private readonly form: ReactiveElement & { readonly locale: ResolvedLocale },
    /** Whether the next update may show more than the first view's strings. */
    needed: () => boolean,
  ) {
    super(form, {
      load: () => {
        const locale = form.locale.messages;
        return loadLaterMessages(locale).then(() => ({ locale }));
      },
      what: 'the rest of the messages',
      when: needed,
    });
  }

  /**
   * Before each render: once the form shows, requested when the page is idle after `delay` ms
   * (not in the way of the first view); again in a new language.
   */
  prepare(shown: boolean, delay: number): void {
    const loaded = this.module;
    if (loaded && loaded.locale !== this.form.locale.messages) void this.retry();
    else if (shown && !this.requested) this.requested = whenIdle(() => void this.load(), delay);
  }

  private requested?: () => void;
}
