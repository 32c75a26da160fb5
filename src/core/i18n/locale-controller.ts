import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type ResolvedLocale } from './locale.js';
import { ensureLocalization, loadLocale } from './localization.js';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function refreshAll(): void {
  for (const controller of controllers) controller.refresh();
}

function watchLangChanges(): void {
  if (observer) return;
  observer = new MutationObserver(refreshAll);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/**
 * Keeps a widget's language in step with the page: resolves `lang` → nearest ancestor `lang` →
 * `<html lang>` → `zh-Hans`, re-renders the host when any `lang` on the page changes, and loads
 * that language's messages before the host renders. One MutationObserver serves all widgets.
 */
export class LocaleController implements ReactiveController {
  /** Current locale of the host, for `msg()` (messages) and `Intl` (intl). */
  locale: ResolvedLocale = { messages: 'zh-Hans', intl: 'zh-Hans' };

  constructor(private readonly host: Host) {
    ensureLocalization();
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchLangChanges();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    if (controllers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** Re-resolves the locale; requests a render when it changed. */
  refresh(): void {
    const next = resolveLocale(this.host);
    if (next.messages === this.locale.messages && next.intl === this.locale.intl) return;
    this.locale = next;
    void loadLocale(next.messages);
    this.host.requestUpdate();
  }
}
