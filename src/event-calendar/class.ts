/**
 * `dandelion-widgets/event-calendar/class`: the `EventCalendar` class and its public types.
 * Registers no tag name (importing it has no side effects): pick your own with
 * `customElements.define('my-event-calendar', EventCalendar)`, or extend the class first.
 */
export {
  EventCalendar,
  type CalendarView,
  type EventCalendarSelectDetail,
} from './event-calendar.js';
export type { CalendarEvent, Recurrence, Location } from '../core/models.js';
export type {
  DandelionSelectDetail,
  DandelionLoadDetail,
  DandelionErrorDetail,
} from '../core/events.js';
