/**
 * What `<story-carousel>` shows in its content state: each story as a slide, and the toolbar of
 * the WAI-ARIA APG carousel (previous / next, the tablist of dots or a counter, after the
 * rotation control that comes with the rotation code). Only rendering: the element passes its state and handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';
import type { Story } from '../core/models.js';
import type { AutoplayController } from './autoplay-controller.js';
import { heading, type HeadingLevel } from '../core/heading.js';

/** What the views read from their carousel. */
export interface CarouselView {
  stories: Story[];
  /** Index of the first story in view, stories in view, and the last index a view starts at. */
  index: number;
  pv: number;
  last: number;
  loop: boolean;
  /** Some story has an image: every slide reserves the image box. */
  hasImages: boolean;
  /** Ids of stories whose image failed to load. */
  broken: ReadonlySet<string>;
  dates: Intl.DateTimeFormat;
  /** Level of the stories' titles (`heading-level`). */
  headingLevel: HeadingLevel;
  autoplayer?: AutoplayController;
  /** The rotation control, with `autoplay` once its code is there (`rotation.ts`). */
  rotation?: TemplateResult;
  onImageError: (event: Event) => void;
  onSelect: (event: Event) => void;
  onPrevious: () => void;
  onNext: () => void;
  onTab: (event: Event) => void;
}

function formatDate(iso: string, dates: Intl.DateTimeFormat): string {
  const [y, m, d] = iso.split('-').map(Number);
  // A date without a time is a calendar day: read it in local time, not as UTC midnight.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(y, m - 1, d) : new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dates.format(date);
}

/** One story: image (or its placeholder), title, date, summary and the "read more" link. */
export function renderSlide(
  c: CarouselView,
  story: Story,
  k: number,
  tabbed: boolean,
  words: { readMore: string; roleSlide: string },
): TemplateResult {
  const { readMore, roleSlide } = words;
  const { image, title, summary, date, url } = story;
  const shown = image && !c.broken.has(story.id) ? image : undefined;
  return html`<div
    part="slide"
    class="slide"
    id="slide-${k}"
    role=${tabbed ? 'tabpanel' : 'group'}
    aria-roledescription=${tabbed ? nothing : roleSlide}
    aria-label=${tabbed ? nothing : msg(str`${k + 1} of ${c.stories.length}`, { id: 'carousel.slideLabel' })}
    aria-labelledby=${tabbed ? `tab-${k}` : nothing}
    tabindex="-1"
  >
    ${
      c.hasImages
        ? html`<div part="image" class="media">
            ${
              shown
                ? html`<img
                    src=${shown.src}
                    srcset=${shown.srcset ?? nothing}
                    sizes=${shown.srcset ? `auto, ${Math.ceil(100 / c.pv)}vw` : nothing}
                    alt=${shown.alt}
                    width=${shown.width ?? nothing}
                    height=${shown.height ?? nothing}
                    loading=${k < c.pv ? 'eager' : 'lazy'}
                    decoding="async"
                    data-id=${story.id}
                    @error=${c.onImageError}
                  />`
                : html`<div class="placeholder"></div>`
            }
          </div>`
        : nothing
    }
    <div class="text">
      ${title ? heading(c.headingLevel, title, { class: 'title', id: `title-${k}`, dir: 'auto' }) : nothing}
      ${date ? html`<time datetime=${date}>${formatDate(date, c.dates)}</time>` : nothing}
      ${
        summary
          ? html`<div class="summary ${url ? 'clamp' : ''}" dir="auto">
              ${
                // The core sanitized `summary` with DOMPurify (or escaped it, for markup): the one HTML field.
                unsafeHTML(summary)
              }
            </div>`
          : nothing
      }
      ${
        url
          ? html`<a
              class="more"
              href=${url}
              data-i=${k}
              aria-describedby=${title ? `title-${k}` : nothing}
              @click=${c.onSelect}
              >${readMore}</a
            >`
          : nothing
      }
    </div>
  </div>`;
}

/** Rotation, previous / next, and the dots (tabbed) or the "3 / 8" counter. */
export function renderToolbar(c: CarouselView, tabbed: boolean): TemplateResult {
  const { index: i, stories, loop } = c;
  const n = stories.length;
  return html`<div part="toolbar" class="toolbar">
    ${c.rotation ?? nothing}
    <button
      part="button"
      class="button secondary"
      type="button"
      aria-controls="track"
      aria-disabled=${!loop && i === 0}
      @click=${c.onPrevious}
    >
      <span class="chevron back" aria-hidden="true"></span>
      <span class="visually-hidden">${msg('Previous story', { id: 'carousel.previous' })}</span>
    </button>
    ${
      tabbed
        ? html`<div
            part="picker"
            class="picker"
            role="tablist"
            aria-label=${msg('Choose a story', { id: 'carousel.picker' })}
          >
            ${stories.map(
              (s, k) =>
                html`<button
                  class="tab"
                  type="button"
                  role="tab"
                  id="tab-${k}"
                  aria-controls="slide-${k}"
                  aria-selected=${k === i}
                  aria-label=${s.title || msg(str`Story ${k + 1}`, { id: 'carousel.tab' })}
                  tabindex=${k === i ? 0 : -1}
                  data-i=${k}
                  @click=${c.onTab}
                ></button>`,
            )}
          </div>`
        : html`<span part="counter" class="counter"
            >${
              c.pv > 1
                ? msg(str`${i + 1}–${i + c.pv} / ${n}`, { id: 'carousel.counterRange' })
                : msg(str`${i + 1} / ${n}`, { id: 'carousel.counter' })
            }</span
          >`
    }
    <button
      part="button"
      class="button secondary"
      type="button"
      aria-controls="track"
      aria-disabled=${!loop && i >= c.last}
      @click=${c.onNext}
    >
      <span class="chevron" aria-hidden="true"></span>
      <span class="visually-hidden">${msg('Next story', { id: 'carousel.next' })}</span>
    </button>
  </div>`;
}
