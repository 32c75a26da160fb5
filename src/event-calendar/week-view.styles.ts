import { css } from 'lit';

/** The week view's styles: adopted by the calendar when the week view's chunk arrives. */
export const weekViewStyles = css`
  /* Week view ----------------------------------------------------------------------------- */

  .week-view {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: clip;
  }

  .week-head,
  .all-day,
  .time-grid {
    display: grid;
    grid-template-columns: var(--_gutter) repeat(7, minmax(0, 1fr));
  }

  .day-head {
    display: grid;
    justify-items: center;
    align-content: start;
    gap: 2px;
    padding-block: calc(var(--_space) / 2);
    border-inline-start: 1px solid var(--_border);
  }

  .day-name {
    display: flex;
    align-items: center;
    gap: 0.25em;
    font-size: 0.875rem;
  }

  .weekday-short {
    color: var(--_muted);
  }

  .gutter {
    padding: 2px;
    color: var(--_muted);
    font-size: 0.75rem;
    text-align: end;
  }

  .all-day {
    border-block: 1px solid var(--_border);
  }

  .all-day-cell {
    --_head-h: 2px;
    position: relative;
    min-block-size: calc(var(--lanes) * var(--_lane-h) + 4px);
    border-inline-start: 1px solid var(--_border);
  }

  .time-grid {
    block-size: calc(var(--hours) * 60 * var(--_minute));
  }

  .hours {
    display: grid;
    grid-template-rows: repeat(var(--hours), minmax(0, 1fr));
  }

  .hour {
    padding-inline-end: 4px;
    color: var(--_muted);
    font-size: 0.75rem;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .day-column {
    position: relative;
    margin: 0;
    padding: 0;
    list-style: none;
    border-inline-start: 1px solid var(--_border);
    background: repeating-linear-gradient(
      to bottom,
      transparent 0 calc(60 * var(--_minute) - 1px),
      var(--_border) calc(60 * var(--_minute) - 1px) calc(60 * var(--_minute))
    );
  }

  .block {
    position: absolute;
    inset-block-start: calc(var(--top) * var(--_minute));
    inset-inline-start: calc(var(--column) / var(--columns) * 100%);
    inline-size: calc(100% / var(--columns));
    block-size: max(calc(var(--length) * var(--_minute)), 1.5rem);
    padding: 1px;
  }

  .event.timed {
    flex-direction: column;
    align-items: stretch;
    gap: 0;
    inline-size: 100%;
    block-size: 100%;
    padding-block: 1px;
    font-size: 0.75rem;
    white-space: normal;
  }

  .event.timed.point {
    border-block-start: 2px solid var(--_c);
  }
`;
