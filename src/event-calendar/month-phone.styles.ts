import { css } from 'lit';

/**
 * Styles of the phone month view (day marks, the chosen day's events under the grid), in its
 * chunk: adopted by the calendar when the view first loads.
 */
export const monthPhoneStyles = css`
  .month-grid.phone .cell {
    display: grid;
    align-content: start;
    justify-items: center;
    gap: 2px;
    min-block-size: 3.5rem;
    padding-block: 2px 4px;
    cursor: pointer;
  }

  .phone-cell .cell-head {
    flex-direction: column;
    gap: 0;
    block-size: auto;
    padding: 0;
  }

  .phone-cell .lunar {
    font-size: 0.625rem;
    line-height: 1.2;
  }

  .phone-cell[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
    box-shadow: inset 0 0 0 2px var(--_accent);
  }

  .marks {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 2px;
    max-inline-size: 100%;
    min-block-size: 0.75rem;
  }

  .mark {
    flex: none;
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: var(--_c);
  }

  .mark.long {
    inline-size: 12px;
    block-size: 4px;
    border-radius: 2px;
  }

  .mark-count {
    color: var(--_muted);
    font-size: 0.6875rem;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }

  .agenda {
    display: grid;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }

  .agenda-title {
    margin: 0;
    font-size: 1rem;
  }

  .list-event.agenda-event {
    grid-template-columns: auto minmax(0, 1fr);
  }

  .agenda-event .time {
    white-space: nowrap;
  }

  .agenda-event .category {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  @media (forced-colors: active) {
    .mark {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .phone-cell[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -3px;
    }
  }
`;
