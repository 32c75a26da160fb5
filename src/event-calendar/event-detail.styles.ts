import { css } from 'lit';

/** Styles of the event detail, in its chunk: adopted by the calendar when the detail first loads. */
export const detailStyles = css`
  .facts {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  .facts > div {
    display: grid;
    grid-template-columns: minmax(5rem, auto) 1fr;
    gap: var(--_space);
  }

  .facts dt {
    color: var(--_muted);
    font-weight: 600;
  }

  .facts dd {
    margin: 0;
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
    min-block-size: 1.6em;
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
`;
