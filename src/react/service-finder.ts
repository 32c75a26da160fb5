/**
 * `dandelion-widgets/react/service-finder`: `<service-finder>` as a React component (via `@lit/react`).
 * Imports only this widget, and registers `<service-finder>` if the name is still free. Props are
 * the element's properties (`src`, `itemsPath`, objects too); `onDandelionLoad`, `onDandelionError` and `onDandelionSelect`
 * receive the `dandelion-*` events with their typed `detail`.
 *
 * ```tsx
 * import { ServiceFinder } from 'dandelion-widgets/react/service-finder';
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ServiceFinder as ServiceFinderElement } from '../service-finder/index.js';
import type {
  DandelionErrorDetail,
  DandelionLoadDetail,
  DandelionSelectDetail,
  Service,
} from '../service-finder/class.js';

/** `<service-finder>` as a React component. */
export const ServiceFinder = createComponent({
  react: React,
  tagName: 'service-finder',
  elementClass: ServiceFinderElement,
  events: {
    onDandelionLoad: 'dandelion-load' as EventName<CustomEvent<DandelionLoadDetail<Service>>>,
    onDandelionError: 'dandelion-error' as EventName<CustomEvent<DandelionErrorDetail>>,
    onDandelionSelect: 'dandelion-select' as EventName<CustomEvent<DandelionSelectDetail<Service>>>,
  },
  displayName: 'ServiceFinder',
});
