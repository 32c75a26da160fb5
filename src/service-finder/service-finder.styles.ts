import { css } from 'lit';

/**
 * Phone first: one column. Wider containers (container queries on `.base`, not the viewport: a
 * finder in a sidebar stays a phone layout) get filters side by side and a grid of cards.
 */
export const finderStyles = css`
  :host {
    contain: layout style;
  }

  .base {
    container-type: inline-size;
    container-name: finder;
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .list-view {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  [hidden] {
    display: none !important;
  }

  label,
  .label {
    font-weight: 600;
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 44px;
    block-size: 2.75rem;
    padding-inline: var(--_space);
    inline-size: 100%;
    min-inline-size: 0;
  }

  .toolbar {
    display: grid;
    gap: var(--_space);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-inline-size: 0;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }

  .tools .field {
    flex: 1 1 12rem;
  }

  .geo-message {
    margin: 0;
    color: var(--_muted);
  }

  .geo-message.problem {
    color: var(--_danger);
  }

  .filters {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .filters summary {
    display: flex;
    align-items: center;
    gap: var(--_space);
    list-style: none;
    min-block-size: 44px;
    padding-inline: calc(var(--_space) * 2);
    cursor: pointer;
    font-weight: 600;
  }

  .filters summary::-webkit-details-marker {
    display: none;
  }

  .filters summary::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }

  .filters[open] summary::before {
    transform: rotate(45deg);
  }

  :host(:dir(rtl)) .filters summary::before {
    transform: rotate(135deg);
  }

  :host(:dir(rtl)) .filters[open] summary::before {
    transform: rotate(45deg);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .count,
  .skipped {
    margin: 0;
  }

  .skipped {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }

  .card {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .card-title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.4;
  }

  .open {
    display: block;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .org,
  .snippet,
  .address,
  .today,
  .meta {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .org,
  .snippet {
    color: var(--_muted);
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .tags li,
  .badge {
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.875em;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .badge {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .tel,
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    overflow-wrap: anywhere;
  }

  .more {
    justify-self: center;
  }

  @container finder (min-width: 36rem) {
    .results {
      grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
    }
    .toolbar {
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: end;
    }
    .toolbar > .field {
      grid-column: 1 / -1;
    }
  }

  @media (forced-colors: active) {
    .card,
    .filters {
      border-color: CanvasText;
    }
  }
`;
