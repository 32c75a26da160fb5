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
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { EventCalendar as EventCalendarElement } from '../event-calendar/index.js';
import type {
  CalendarEvent,
  DandelionErrorDetail,
  DandelionLoadDetail,
  EventCalendarSelectDetail,
} from '../event-calendar/class.js';

/** `<event-calendar>` as a React component. */
export const EventCalendar = createComponent({
  react: React,
  tagName: 'event-calendar',
  elementClass: EventCalendarElement,
  events: {
    onDandelionLoad: 'dandelion-load' as EventName<CustomEvent<DandelionLoadDetail<CalendarEvent>>>,
    onDandelionError: 'dandelion-error' as EventName<CustomEvent<DandelionErrorDetail>>,
    onDandelionSelect: 'dandelion-select' as EventName<CustomEvent<EventCalendarSelectDetail>>,
  },
  displayName: 'EventCalendar',
});
