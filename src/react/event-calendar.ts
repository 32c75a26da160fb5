/**
 * `dandelion-widgets/react/event-calendar`: `<event-calendar>` as a React component (via `@lit/react`).
 * Imports only this widget, and registers `<event-calendar>` if the name is still free. Props are
 * the element's properties (`src`, `itemsPath`, objects too); `onDandelionLoad`, `onDandelionError` and `onDandelionSelect`
 * receive the `dandelion-*` events with their typed `detail`.
 *
 * ```tsx
 * import { EventCalendar } from 'dandelion-widgets/react/event-calendar';
 * ```
 */
import { EventCalendar as EventCalendarElement } from '../event-calendar/index.js';
import type { CalendarEvent, EventCalendarSelectDetail } from '../event-calendar/class.js';
import { dataEvents, widgetComponent } from './widget-component.js';

/** `<event-calendar>` as a React component. */
export const EventCalendar = widgetComponent(
  'event-calendar',
  EventCalendarElement,
  dataEvents<CalendarEvent, EventCalendarSelectDetail>(),
);
