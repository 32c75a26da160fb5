import { css } from 'lit';

/**
 * Styles of `<story-carousel>` before its stories arrive (the probe, per-view and the loading
 * skeleton); the slides' and toolbar's come with their view (`carousel-view.styles.ts`, in
 * the view's chunk). The shared tokens and states come from `baseStyles`. Notes kept
 * out of the CSS text (it ships as is):
 * - `--_pv` (stories per view) comes from container queries on the widget's own width, unless
 *   `per-view` sets it from code (CSSOM, not a style attribute).
 * - `--_text-min` leaves room for a two-line title, the date, a clamped summary and the link; the
 *   loading skeleton reserves the same, so typical stories arrive without moving the page.
 * - `.many` (over 50 stories) skips rendering slides far off screen.
 * - Overlay: at least 62 % black behind every line keeps white text above 4.5:1 on any image.
 */
export const carouselStyles = css`
  :host {
    --_ratio: var(--dandelion-carousel-ratio, 16 / 9);
    --_gap: calc(var(--_space) * 2);
    --_text-min: 16.5em;
    container-type: inline-size;
  }

  .source {
    display: none;
  }
  .probe {
    display: block;
  }
  .probe,
  .track,
  .status {
    --_pv: 1;
  }
  @container (min-width: 36rem) {
    .probe,
    .track,
    .status {
      --_pv: 2;
    }
  }
  @container (min-width: 60rem) {
    .probe,
    .track,
    .status {
      --_pv: 3;
    }
  }

  .status.loading {
    padding: calc(44px + var(--_space)) 0 0;
    justify-items: start;
  }
  .status.loading .skeleton {
    inline-size: calc((100% - (var(--_pv) - 1) * var(--_gap)) / var(--_pv));
  }
  .status.loading .skeleton::before {
    content: '';
    aspect-ratio: var(--_ratio);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .status.loading .skeleton::after {
    content: '';
    block-size: calc(var(--_text-min) + 2px - 4 * var(--_space) - 3.6em);
  }
  :host([overlay]:not([overlay='false' i])) .skeleton span,
  :host([overlay]:not([overlay='false' i])) .skeleton::after {
    display: none;
  }
`;
