/**
 * `dandelion-widgets/intake-form/class`: the `IntakeForm` class and its public types.
 * Registers no tag name (importing it has no side effects): pick your own with
 * `customElements.define('my-intake-form', IntakeForm)`, or extend the class first.
 */
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
export type {
  DandelionSubmitDetail,
  DandelionSubmitEvent,
  DandelionErrorDetail,
} from '../core/events.js';
