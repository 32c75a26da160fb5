import { css } from 'lit';

/**
 * The `overlay` layout (text over the image on a dark gradient): its own chunk, adopted before
 * the first update that shows stories with `overlay` (see `story-carousel.ts`), so the other
 * pages never download it.
 */
export const styles = css`
  :host([overlay]:not([overlay='false' i])) .slide {
    display: grid;
    border: 0;
  }
  :host([overlay]:not([overlay='false' i])) .slide > * {
    grid-area: 1 / 1;
  }
  :host([overlay]:not([overlay='false' i])) .media + .text {
    position: relative;
    align-self: end;
    min-block-size: 0;
    padding-block-start: 3rem;
    color: #fff;
    background: linear-gradient(
      to top,
      rgb(0 0 0 / 0.8),
      rgb(0 0 0 / 0.62) calc(100% - 3rem),
      transparent
    );
  }
  :host([overlay]:not([overlay='false' i])) .media + .text :is(a, time) {
    color: inherit;
  }
  :host([overlay]:not([overlay='false' i])) .media + .text :focus-visible {
    outline-color: #fff;
  }
`;
