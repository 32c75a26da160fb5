import { css } from 'lit';

/**
 * The slides', toolbar's and picker's styles: adopted with the content view's chunk. The overlay
 * layout's (`overlay.styles.ts`) and the rotation control's (`rotation.ts`) come with their own.
 */
export const carouselContentStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }

  /* One row however narrow: rotation at the start, previous · picker · next together at the
     end. The dots give up space first (32 px down to 24 px each), then wrap inside the picker. */
  .toolbar {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
  }
  .toolbar > .button {
    flex: none;
  }

  .button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }

  .chevron {
    inline-size: 0.7em;
    block-size: 0.7em;
    border: solid;
    border-width: 0.16em 0.16em 0 0;
    rotate: 45deg;
    margin-inline-end: 0.2em;
  }
  .chevron.back {
    rotate: -135deg;
    margin-inline: 0.2em 0;
  }
  :host(:dir(rtl)) .chevron {
    rotate: -135deg;
  }
  :host(:dir(rtl)) .chevron.back {
    rotate: 45deg;
  }
  .counter {
    min-inline-size: 5ch;
    padding-inline: var(--_space);
    text-align: center;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .picker {
    display: flex;
    flex: 1 1 auto;
    flex-wrap: wrap;
    justify-content: center;
    min-inline-size: 0;
  }
  .tab {
    display: grid;
    place-items: center;
    /* 32 px wide (24 px at least) and 44 px tall: six dots and three buttons fit a 358 px row. */
    flex: 0 1 32px;
    min-inline-size: 24px;
    block-size: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    cursor: pointer;
  }
  .tab::before {
    content: '';
    inline-size: 0.8rem;
    block-size: 0.8rem;
    border: 2px solid;
    border-radius: 50%;
  }
  .tab[aria-selected='true']::before {
    background: currentColor;
  }

  .track {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: calc((100% - (var(--_pv) - 1) * var(--_gap)) / var(--_pv));
    gap: var(--_gap);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    position: relative;
  }

  .slide {
    display: flex;
    flex-direction: column;
    scroll-snap-align: start;
    scroll-snap-stop: always;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .slide:focus-visible {
    outline-offset: -3px;
  }
  .many .slide {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 0;
  }

  .media {
    position: relative;
    aspect-ratio: var(--_ratio);
    background: var(--_surface);
  }
  .media img,
  .placeholder {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .placeholder {
    background:
      radial-gradient(circle at 50% 45%, var(--_surface) 0 12%, transparent 13%),
      linear-gradient(
        135deg,
        color-mix(in srgb, var(--_accent) 22%, var(--_surface)),
        var(--_surface)
      );
  }

  .text {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-block-size: var(--_text-min);
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.35;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary > :first-child {
    margin-block-start: 0;
  }
  .summary > :last-child {
    margin-block-end: 0;
  }
  .summary img,
  .summary figure {
    display: none;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  .more {
    margin-block-start: auto;
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .tab[aria-selected='true']::before {
      forced-color-adjust: none;
      background: Highlight;
    }
    .slide {
      border: 1px solid CanvasText;
    }
  }
`;
