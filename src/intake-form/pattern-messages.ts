/**
 * What the site owner reads about a schema `pattern` the form does not run. These sentences load
 * with the pattern engine (only schemas with a pattern need them), not with every form.
 */
import { msg, str } from '@lit/localize';
import type { SchemaProblem } from './schema.js';

/** Why a `pattern` is not checked, in words for the site owner. */
export function patternProblemMessage({ at, refusal }: SchemaProblem): string {
  switch (refusal) {
    case 'backreference':
      return msg(
        str`The answer format (pattern) at ${at} uses a back-reference. Patterns like that can freeze the page, so answers are not checked against it: rewrite it without back-references.`,
        { id: 'intake.patternBackreference' },
      );
    case 'lookaround':
      return msg(
        str`The answer format (pattern) at ${at} uses look-ahead or look-behind. Patterns like that can freeze the page, so answers are not checked against it: rewrite it without them.`,
        { id: 'intake.patternLookaround' },
      );
    case 'too-large':
      return msg(
        str`The answer format (pattern) at ${at} repeats more than 1000 times, too many to check, so answers are not checked against it.`,
        { id: 'intake.patternTooLarge' },
      );
    default:
      return msg(
        str`The answer format (pattern) at ${at} uses something the form cannot check (such as Script_Extensions, a binary Unicode property or inline flags), so answers are not checked against it. Scripts (Script=Han) and general categories (L, N) work.`,
        { id: 'intake.patternUnsupported' },
      );
  }
}
