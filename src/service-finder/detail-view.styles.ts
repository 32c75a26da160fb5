import { css } from 'lit';

/**
 * Styles of the detail view, in its chunk: adopted by the finder when the view first loads.
 */
export const detailStyles = css`
  .detail {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }

  .detail-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
  }

  .detail-title {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .detail-title:focus {
    outline: none;
  }

  .detail-title:focus-visible {
    outline: var(--_focus-ring);
  }

  .detail section > :is(h2, h3, h4, h5, h6) {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.125em;
  }

  .detail section {
    min-inline-size: 0;
  }

  .side {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }

  .description {
    overflow-wrap: anywhere;
  }

  .description.clamped {
    max-block-size: 14em;
    overflow: hidden;
    mask-image: linear-gradient(to bottom, #000 70%, transparent);
  }

  .description :is(img, table) {
    max-inline-size: 100%;
  }

  .facts {
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0;
  }

  .facts dt {
    font-weight: 600;
  }

  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .plain-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .hours {
    border-collapse: collapse;
    inline-size: 100%;
    max-inline-size: 28rem;
  }

  .hours th,
  .hours td {
    text-align: start;
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }

  .hours th {
    font-weight: 400;
    padding-inline-end: calc(var(--_space) * 2);
  }

  .hours tr.today th,
  .hours tr.today td {
    font-weight: 700;
  }

  .closed {
    color: var(--_muted);
  }

  .schedule-text {
    margin: 0;
    white-space: pre-line;
  }

  .place {
    margin: 0 0 var(--_space);
  }

  .place p {
    margin: 0;
  }

  .updated {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  @container finder (min-width: 56rem) {
    .detail {
      grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
      align-items: start;
    }
    .detail > :not(.side) {
      grid-column: 1;
    }
    .detail > .side {
      grid-column: 2;
      grid-row: 2 / span 20;
    }
  }

  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .base.detail-open > :not(.detail),
    .detail-actions,
    .clamp-toggle {
      display: none !important;
    }
    .description.clamped {
      max-block-size: none;
      overflow: visible;
      mask-image: none;
    }
    .detail {
      display: block;
    }
    .detail a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
  }
`;
