import { defineElement } from '../core/define.js';
import { EventCalendar } from './event-calendar.js';

defineElement('event-calendar', EventCalendar);
