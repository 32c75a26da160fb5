/** Registers `<intake-form>` (the side effect of `dandelion-widgets/intake-form`). */
import { defineElement } from '../core/define.js';
import { IntakeForm } from './intake-form.js';

defineElement('intake-form', IntakeForm);
