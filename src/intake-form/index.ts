/**
 * `dandelion-widgets/intake-form`: defines `<intake-form>` (if the name is still free) and
 * exports the class and its types.
 */
import './define.js';

export { IntakeForm, maxBodyBytes } from './intake-form.js';
export { readSchema, pickText } from './schema.js';
export type {
  IntakeForm as IntakeFormModel,
  Field as IntakeField,
  Step as IntakeStep,
  SchemaProblem,
  LocalizedText,
  Choice,
} from './schema.js';
export { validate, checkFormat, validators } from './validate.js';
export { loadPatternEngine } from './patterns.js';
export type {
  JsonSchema,
  ValidationIssue,
  IssueCode,
  IssueParams,
  Validator,
  PatternRefusal,
} from './validate.js';
export type { Problem, ProblemFieldError, OutboxEntry } from './submit.js';
export type { DandelionSubmitDetail, DandelionSubmitEvent } from '../core/events.js';
