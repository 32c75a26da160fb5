/**
 * `dandelion-widgets/event-calendar`: defines `<event-calendar>` (if the name is still free) and
 * exports its class and public types.
 */
import './define.js';

export {
  EventCalendar,
  type CalendarView,
  type EventCalendarSelectDetail,
} from './event-calendar.js';
export type { CalendarEvent, Recurrence, Location } from '../core/models.js';
