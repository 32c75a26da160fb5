import { css, unsafeCSS } from 'lit';
import { customColoursMax, paletteSize } from '../core/category-colours.js';

const dark = [
  '#93c5fd',
  '#fcd34d',
  '#86efac',
  '#f9a8d4',
  '#c4b5fd',
  '#67e8f9',
  '#fca5a5',
  '#bef264',
]
  .map((colour, i) => `--_cat-${i}: ${colour};`)
  .join(' ');

/**
 * The category classes, `.c3 { --_c: var(--_cat-3) }`, for every palette slot (derived and
 * site-given; `.c-1`: no category), and the palette in the dark theme.
 */
const categoryStyles = unsafeCSS(
  Array.from(
    { length: paletteSize + customColoursMax },
    (_, i) => `.c${i} { --_c: var(--_cat-${i}); }`,
  ).join('\n') +
    `\n.c-1 { --_c: var(--_accent); }
    :host([theme='dark']) { ${dark} }
    @media (prefers-color-scheme: dark) { :host(:not([theme='light'])) { ${dark} } }`,
);

/**
 * Styles of `<event-calendar>`. Positions come from custom properties set from code
 * (`--lane`, `--span`, `--top`, `--length`, `--column`, `--columns`), never from style attributes
 * in markup. Category colours: a private palette (`--_cat-0` … `--_cat-7`, then the site's own
 * from `category-colors` as `--_cat-8` …) with light and dark
 * values; colour is never the only signal (chips carry text and a check mark).
 */
const calendarStyles = css`
  :host {
    --_cat-0: #1d4ed8;
    --_cat-1: #b45309;
    --_cat-2: #15803d;
    --_cat-3: #be185d;
    --_cat-4: #7c3aed;
    --_cat-5: #0e7490;
    --_cat-6: #b91c1c;
    --_cat-7: #4d7c0f;
    --_lane-h: 1.625rem;
    --_head-h: 1.9rem;
    --_minute: 0.8px;
    --_gutter: 3.5rem;
    container-type: inline-size;
  }

  @media (pointer: coarse) {
    :host {
      --_lane-h: 2.75rem;
    }
  }

  .base {
    display: grid;
    gap: var(--_space);
  }

  /* Toolbar ------------------------------------------------------------------------------- */

  .nav,
  .views {
    display: flex;
    gap: calc(var(--_space) / 2);
  }

  .title {
    flex: 1 1 12rem;
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .button.icon {
    padding-inline: 0;
  }

  .chevron {
    display: inline-block;
    inline-size: 0.55em;
    block-size: 0.55em;
    border-block-start: 2px solid currentColor;
    border-left: 2px solid currentColor;
    transform: rotate(-45deg);
  }

  .chevron.next {
    transform: rotate(135deg);
  }

  :host(:dir(rtl)) .chevron {
    scale: -1 1;
  }

  .cross {
    position: relative;
    inline-size: 1em;
    block-size: 1em;
  }

  .cross::before,
  .cross::after {
    content: '';
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 50%;
    inline-size: 100%;
    block-size: 2px;
    background: currentColor;
    transform: rotate(45deg);
  }

  .cross::after {
    transform: rotate(-45deg);
  }

  .views {
    gap: 0;
  }

  .view-button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .view-button + .view-button {
    margin-inline-start: -1px;
  }

  .view-button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }

  .view-button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }

  .view-button[aria-pressed='true'] {
    position: relative;
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  /* Category chips ------------------------------------------------------------------------ */

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 44px;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .chip[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    background: var(--_surface);
    font-weight: 600;
  }

  .check {
    display: none;
    inline-size: 0.35em;
    block-size: 0.7em;
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: rotate(45deg);
    margin-block-start: -0.2em;
  }

  .chip[aria-pressed='true'] .check {
    display: inline-block;
  }

  .chip.clear {
    border-style: dashed;
  }

  .swatch {
    flex: none;
    inline-size: 0.75em;
    block-size: 0.75em;
    border-radius: 50%;
    background: var(--_c);
  }

  /* On a phone: one row that scrolls sideways (by the calendar's own width, not the viewport's). */
  @container (width < 600px) {
    .filters {
      flex-wrap: nowrap;
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scrollbar-width: none;
      /* Room for the focus ring; a focused chip scrolls in with its neighbour's edge in view. */
      padding: 3px;
      scroll-padding-inline: 2.5rem;
    }
    .filters::-webkit-scrollbar {
      display: none;
    }
    .chip {
      flex: none;
      white-space: nowrap;
    }
  }

  /* Events (shared) ----------------------------------------------------------------------- */

  .event {
    display: flex;
    align-items: center;
    gap: 0.3em;
    min-inline-size: 0;
    margin: 0;
    padding-block: 0;
    padding-inline: 0.3em;
    border: 0;
    border-radius: 4px;
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-size: 0.8125rem;
    line-height: 1.3;
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
    cursor: pointer;
  }

  .event:hover .event-title {
    text-decoration: underline;
  }

  .event:focus-visible {
    z-index: 3;
    outline-offset: 0;
  }

  .event-title {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .event .time {
    flex: none;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .event.filled,
  .event.timed {
    border-inline-start: 3px solid var(--_c);
    background: color-mix(in srgb, var(--_c) 16%, var(--_bg));
  }

  .event.dot::before {
    content: '';
    flex: none;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: var(--_c);
  }

  .event.continues-before {
    border-inline-start-style: dashed;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }

  .event.continues-after {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
    box-shadow: inset -2px 0 0 var(--_c);
  }

  :host(:dir(rtl)) .event.continues-after {
    box-shadow: inset 2px 0 0 var(--_c);
  }

  .more {
    min-block-size: calc(var(--_lane-h) - 2px);
    padding-inline: 0.3em;
    border: 0;
    border-radius: 4px;
    background: transparent;
    color: var(--_accent);
    font: inherit;
    font-size: 0.8125rem;
    font-weight: 600;
    text-decoration: underline;
    white-space: nowrap;
    cursor: pointer;
  }

  .lunar {
    color: var(--_muted);
    font-size: 0.75rem;
    white-space: nowrap;
  }

  .lunar-month {
    color: var(--_accent);
    font-weight: 600;
  }

  /* Month grid ---------------------------------------------------------------------------- */

  .month-grid {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: clip;
  }

  .weekdays,
  .week-row {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }

  .weekday {
    padding-block: calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.875rem;
    text-align: center;
  }

  .cell {
    position: relative;
    min-block-size: calc(var(--_head-h) + (var(--lanes) + 1) * var(--_lane-h) + 4px);
    border-block-start: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
  }

  .cell:first-child {
    border-inline-start: 0;
  }

  .cell:focus-visible {
    z-index: 2;
    outline-offset: -3px;
  }

  .cell.outside {
    background: var(--_surface);
  }

  .cell.outside .day-number {
    color: var(--_muted);
  }

  .cell.out-of-range {
    background: repeating-linear-gradient(135deg, var(--_surface) 0 6px, var(--_bg) 6px 12px);
  }

  .cell-head {
    display: flex;
    align-items: center;
    gap: 0.25em;
    block-size: var(--_head-h);
    padding-inline: 2px;
    overflow: hidden;
  }

  .day-number {
    display: inline-grid;
    place-items: center;
    flex: none;
    min-inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 999px;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  .today .day-number {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }

  /* A bar in its lane (month cell, week all-day row), spanning its days. */
  .cell .event,
  .all-day-cell .event {
    position: absolute;
    z-index: 1;
    inset-block-start: calc(var(--_head-h) + var(--lane) * var(--_lane-h));
    inset-inline-start: 2px;
    inline-size: calc(var(--span) * 100% + (var(--span) - 1) * 1px - 4px);
    block-size: calc(var(--_lane-h) - 2px);
  }

  .cell .more {
    position: absolute;
    inset-block-start: calc(var(--_head-h) + var(--lanes) * var(--_lane-h));
    inset-inline-start: 2px;
    max-inline-size: calc(100% - 4px);
    overflow: hidden;
  }

  /* List view ----------------------------------------------------------------------------- */

  .list {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .list-day-title {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1rem;
  }

  .list-day.today .list-day-title {
    color: var(--_accent);
  }

  .list-events {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list-event {
    display: grid;
    grid-template-columns: minmax(6rem, auto) 1fr;
    align-items: baseline;
    gap: 0 var(--_space);
    inline-size: 100%;
    min-block-size: 44px;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_c);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-size: 1rem;
    white-space: normal;
  }

  .list-event .event-title {
    font-weight: 600;
  }

  .list-event .place {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  /* A long list: only the rows in view are rendered (long-list.ts). */
  .list-scroller {
    max-block-size: min(75vh, 48rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Room for the focus ring of the rows. */
    padding: 3px;
  }

  .list-rows {
    margin: 0;
    padding: 0;
    padding-block: var(--before, 0px) var(--after, 0px);
    list-style: none;
  }

  .list-row {
    padding-block-end: calc(var(--_space) / 2);
  }

  .list-row .list-day-title {
    padding-block-start: var(--_space);
  }

  .list-row.today .list-day-title {
    color: var(--_accent);
  }

  .show-more {
    justify-self: center;
  }

  .list-empty {
    margin: 0;
    color: var(--_muted);
  }

  @container (max-width: 30rem) {
    .list-event {
      grid-template-columns: 1fr;
    }
    .list-event .place {
      grid-column: 1;
    }
    .title {
      flex-basis: 100%;
      order: -1;
    }
  }

  /* Notes --------------------------------------------------------------------------------- */

  .notes {
    display: grid;
    gap: 2px;
  }

  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  /* Dialog -------------------------------------------------------------------------------- */

  .dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .dialog-body {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
  }

  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }

  .dialog-title {
    flex: 1 1 12rem;
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.4;
  }

  .dialog-title:focus {
    outline: none;
  }

  .dialog-title:focus-visible {
    outline: var(--_focus-ring);
  }

  .back {
    flex-basis: 100%;
    justify-self: start;
    inline-size: fit-content;
  }

  .day-list {
    max-block-size: 60vh;
    overflow: auto;
  }

  @media (forced-colors: active) {
    .event,
    .chip,
    .view-button {
      border: 1px solid CanvasText;
    }
    .view-button[aria-pressed='true'],
    .chip[aria-pressed='true'],
    .today .day-number {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;

export const eventCalendarStyles = [calendarStyles, categoryStyles];
