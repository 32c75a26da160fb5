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
import { ServiceFinder as ServiceFinderElement } from '../service-finder/index.js';
import type { Service } from '../service-finder/class.js';
import { dataEvents, widgetComponent } from './widget-component.js';

/** `<service-finder>` as a React component. */
export const ServiceFinder = widgetComponent(
  'service-finder',
  ServiceFinderElement,
  dataEvents<Service>(),
);
