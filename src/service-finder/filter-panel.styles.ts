import { css } from 'lit';

/** The filter panel's controls (adopted with its chunk, `filter-panel.ts`). */
export const filterPanelStyles = css`
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* Inside <details>, inheritance runs through the browser's own slot, which is content-box. */
  .filter-grid,
  .filter-grid * {
    box-sizing: border-box;
  }

  .filter-grid {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
  }

  .check {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 44px;
    font-weight: 400;
    cursor: pointer;
  }

  @container finder (min-width: 36rem) {
    .filter-grid {
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      align-items: end;
    }
  }
`;
