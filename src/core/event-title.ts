/**
 * The title to show for an event: its own, or a localized "(untitled)" when the source gave none
 * (an iCalendar VEVENT without SUMMARY is a real event, RFC 5545 §3.6.1). Call it while
 * rendering, so `msg()` answers in the element's language.
 */
import { msg } from '@lit/localize';
import type { CalendarEvent } from './models.js';

export function eventTitle(event: Pick<CalendarEvent, 'title'>): string {
  return event.title || msg('(untitled)', { id: 'event.untitled' });
}
