/**
 * The lazily loaded chunk that runs schema patterns: the ECMA-262 → RE2 translation and re2js
 * (about 49 KB gzipped), fetched only when a form's schema has a `pattern` (see patterns.ts),
 * with the words that explain a pattern it refuses.
 */
import { RE2JS } from 're2js';
import { createPatternEngine } from './pattern-syntax.js';

export { patternProblemMessage } from './pattern-messages.js';
export const patternEngine = createPatternEngine(RE2JS);
