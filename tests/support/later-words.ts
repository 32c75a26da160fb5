/**
 * For tests of the words beyond a widget's first view (core `loadLaterMessages`, LazyModule's
 * `laterMessages`): hold back or fail the download of a language's rest through
 * `messageParts`, and a probe widget with one part that shows words of its own and one that
 * shows none.
 */
import { html } from 'lit';
import { DandelionElement } from '../../src/core/dandelion-element.js';
import { LazyModule } from '../../src/core/element/lazy-module.js';
import { defineElement } from '../../src/core/define.js';
import { messageParts } from '../../src/core/i18n/localization.js';
import type { SupportedLocale } from '../../src/core/i18n/locale.js';

const later = messageParts.later;
/** Downloads of later messages asked for since the last {@link restoreLater}, by locale. */
export const asked: SupportedLocale[] = [];

/** Holds every later-messages download until `release()`; with `fail`, they then fail. */
export function holdLater(fail = false): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  messageParts.later = (locale) => {
    asked.push(locale);
    return released.then(() =>
      fail ? Promise.reject(new Error('download failed (test)')) : later(locale),
    );
  };
  return release;
}

/** Puts the real download back (after each test). */
export function restoreLater(): void {
  messageParts.later = later;
  asked.length = 0;
}

export const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

export const panel = { words: () => 'panel' };

/** A widget with a panel that shows words of its own and a helper that shows none. */
export class PartsProbe extends DandelionElement {
  readonly panel = new LazyModule(this, {
    load: () => Promise.resolve(panel),
    what: 'the panel',
    laterMessages: true,
  });
  readonly helper = new LazyModule(this, {
    load: () => Promise.resolve(panel),
    what: 'the helper',
  });
  /** The language of each render. */
  renders: string[] = [];
  override render() {
    this.renders.push(this.locale.messages);
    return html`<p>${this.panel.module?.words() ?? ''}</p>`;
  }
}
defineElement('parts-probe', PartsProbe);
