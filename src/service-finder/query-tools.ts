/**
 * What the finder needs only once there is a query: marking the matches in the cards (and the
 * description snippet) and widening each term by its synonyms. Its own chunk, loaded with the
 * first query (or at once when the page URL carries one); without it (a failed download) the
 * finder still searches, literally, and shows the cards unmarked.
 */
export { highlight, snippet } from './highlight.js';
export { alternativesOf, synonymIndex } from './synonyms.js';
