/**
 * `<story-carousel>`'s content state as its own chunk: the region with the toolbar and the
 * track of slides, and their styles. The element requests it when it connects, so it arrives
 * with the data (never a request level deeper), and an update that shows stories waits for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg } from '@lit/localize';
import type { ResolvedLocale } from '../core/i18n/locale.js';
import { renderSlide, renderToolbar, type CarouselView } from './slide-views.js';
import { carouselContentStyles } from './carousel-view.styles.js';

export const styles = carouselContentStyles;

/** Above this many stories the dots give way to a compact "3 / 500" counter. */
const pickerLimit = 10;

/** What the region reads besides the slides' view: its name, language and track handlers. */
export interface CarouselRegion extends CarouselView {
  label?: string;
  locale: ResolvedLocale;
  onKey: (event: KeyboardEvent) => void;
  /** `scrollend` where the browser has it, else a debounced `scroll`. */
  onScrollEnd?: () => void;
  onScroll?: () => void;
  onPointerDown: () => void;
  onWheel: { handleEvent: () => void; passive: boolean };
}

export function renderCarousel(c: CarouselRegion): TemplateResult {
  const { stories, pv, hasImages, broken, locale } = c;
  const n = stories.length;
  const controls = n > pv;
  const tabbed = controls && pv === 1 && n <= pickerLimit;
  const words = {
    readMore: msg('Read more', { id: 'carousel.readMore' }),
    roleSlide: msg('slide', { id: 'carousel.roleSlide' }),
  };
  return html`<section
    part="base"
    class="base"
    aria-roledescription=${msg('carousel', { id: 'carousel.roleCarousel' })}
    aria-label=${c.label || msg('Stories', { id: 'carousel.label' })}
    @keydown=${c.onKey}
  >
    ${controls ? renderToolbar(c, tabbed) : nothing}
    <div
      part="track"
      class="track ${n > 50 ? 'many' : ''}"
      id="track"
      aria-live=${c.autoplayer?.rotating ? 'off' : 'polite'}
      aria-atomic="false"
      @scrollend=${c.onScrollEnd ?? nothing}
      @scroll=${c.onScroll ?? nothing}
      @pointerdown=${c.onPointerDown}
      @wheel=${c.onWheel}
    >
      ${stories.map((s, k) =>
        // A slide renders again only when what it shows changes, not when the index moves.
        guard(
          [s, k, n, tabbed, pv, hasImages, broken.has(s.id), locale.messages, locale.intl],
          () => renderSlide(c, s, k, tabbed, words),
        ),
      )}
    </div>
  </section>`;
}
