import { css } from 'lit';

/** Styles of the event detail, in its chunk: adopted by the calendar when the detail first loads. */
export const detailStyles = css`
  /* One label column for every row (subgrid), so terms and values line up down the list. */
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space) calc(var(--_space) * 1.5);
    margin: 0;
  }

  .facts > div {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: baseline;
  }

  .facts dt {
    color: var(--_muted);
    font-weight: 600;
  }

  .facts dd {
    min-inline-size: 0;
    margin: 0;
    overflow-wrap: break-word;
  }

  /* A date or a time never breaks inside ("14:30–16:00", "2:30 PM"); lines break between them. */
  .phrase {
    white-space: nowrap;
  }

  .facts p {
    margin: 0;
  }

  .muted,
  .zone {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .description {
    overflow-wrap: anywhere;
  }

  .description :is(img, table) {
    max-inline-size: 100%;
    block-size: auto;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .notice {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  /* Kept in the page while empty (a live region must be there before it speaks), but out of the
     dialog's grid: no row, no gap under the actions. */
  .notice:empty {
    position: absolute;
  }
`;
