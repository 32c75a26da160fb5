/**
 * `<story-carousel>`'s content state as its own chunk: the region with the toolbar and the
 * track of slides, and their styles. The element requests it when it connects, so it arrives
 * with the data (never a request level deeper), and an update that shows stories waits for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ResolvedLocale } from '../core/i18n/locale.js';
import type { Story } from '../core/models.js';
import { renderSlide, renderToolbar, type CarouselView } from './slide-views.js';
import { carouselContentStyles } from './carousel-view.styles.js';

export const styles = carouselContentStyles;

/**
 * Each story's slide as last rendered, with what it showed (Lit's `guard`, without its
 * download): the same template comes back while none of that changes, so moving the index
 * formats no dates and builds no slide again. The host's own handler is among what it showed, so
 * two carousels of the same stories never share a slide.
 */
const shown = new WeakMap<Story, { deps: unknown[]; slide: TemplateResult }>();

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
      ${stories.map((s, k) => {
        // A slide renders again only when what it shows changes, not when the index moves.
        const { messages, intl } = locale;
        const deps = [c.onSelect, k, n, tabbed, pv, hasImages, broken.has(s.id), messages, intl];
        let last = shown.get(s);
        if (!last || deps.some((d, i) => d !== last!.deps[i])) {
          last = { deps, slide: renderSlide(c, s, k, tabbed, words) };
          shown.set(s, last);
        }
        return last.slide;
      })}
    </div>
  </section>`;
}
