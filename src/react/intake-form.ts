/**
 * `dandelion-widgets/react/intake-form`: `<intake-form>` as a React component (via `@lit/react`).
 * Imports only this widget, and registers `<intake-form>` if the name is still free. Props are
 * the element's properties (`src`, `itemsPath`, objects too); `onDandelionSubmit` and `onDandelionError`
 * receive the `dandelion-*` events with their typed `detail`.
 *
 * ```tsx
 * import { IntakeForm } from 'dandelion-widgets/react/intake-form';
 * ```
 */
import type { EventName } from '@lit/react';
import { IntakeForm as IntakeFormElement } from '../intake-form/index.js';
import type { DandelionErrorDetail, DandelionSubmitDetail } from '../intake-form/class.js';
import { widgetComponent } from './widget-component.js';

/** `<intake-form>` as a React component. */
export const IntakeForm = widgetComponent('intake-form', IntakeFormElement, {
  onDandelionSubmit: 'dandelion-submit' as EventName<CustomEvent<DandelionSubmitDetail>>,
  onDandelionError: 'dandelion-error' as EventName<CustomEvent<DandelionErrorDetail>>,
});
