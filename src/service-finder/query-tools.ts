/**
 * What the finder needs only once there is a query: marking the matches in the cards (and the
 * description snippet) and widening each term by its synonyms. Its own chunk, loaded with the
 * first query (or at once when the page URL carries one); without it (a failed download) the
 * finder still searches, literally, and shows the cards unmarked.
 */
import { css } from 'lit';

/** The marks of the matches (adopted with this chunk). */
export const styles = css`
  mark {
    background: color-mix(in srgb, var(--_accent) 18%, var(--_bg));
    color: var(--_text);
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;

export { highlight, snippet } from './highlight.js';
export { alternativesOf, synonymIndex } from './synonyms.js';
