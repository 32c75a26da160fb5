/** Registers `<event-calendar>` (the side effect of `dandelion-widgets/event-calendar`). */
import { defineElement } from '../core/define.js';
import { EventCalendar } from './event-calendar.js';

defineElement('event-calendar', EventCalendar);
