/**
 * Opening hours: "open now" and today's slots in the viewer's own clock, clock times in the UI
 * locale. The weekly table's day order and names are `week-days.ts` (the lazy detail view's).
 */
import type { OpeningHours } from '../core/models.js';

type Day = OpeningHours['day'];

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + (m || 0);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date in the viewer's time zone. */
export function isoDay(date: Date): Day {
  return (((date.getDay() + 6) % 7) + 1) as Day;
}

/**
 * Whether any slot is open at `date` (local time). A slot that closes at or before it opens runs
 * past midnight into the next day; `closes` `24:00` means the end of the day.
 */
export function isOpenAt(schedules: readonly OpeningHours[], date: Date): boolean {
  if (schedules.length === 0) return false;
  const day = isoDay(date);
  const yesterday = day === 1 ? 7 : day - 1;
  const now = date.getHours() * 60 + date.getMinutes();
  for (const slot of schedules) {
    const opens = minutes(slot.opens);
    const closes = minutes(slot.closes);
    if (closes > opens) {
      if (slot.day === day && now >= opens && now < closes) return true;
    } else {
      // Overnight (or 24 h when equal): from `opens` today to `closes` tomorrow.
      if (slot.day === day && now >= opens) return true;
      if (slot.day === yesterday && now < closes) return true;
    }
  }
  return false;
}

/** A clock time formatter for `HH:MM` strings in `locale` (`24:00` stays `24:00`). */
export function clockFormatter(locale: string): (hhmm: string) => string {
  const format = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return (hhmm) => {
    if (hhmm === '24:00') return hhmm;
    const total = minutes(hhmm);
    return format.format(new Date(Date.UTC(2024, 0, 1, Math.floor(total / 60), total % 60)));
  };
}

/** Slots grouped by day, each day's slots in opening order. */
export function slotsByDay(schedules: readonly OpeningHours[]): Map<Day, OpeningHours[]> {
  const out = new Map<Day, OpeningHours[]>();
  for (const slot of [...schedules].sort((a, b) => minutes(a.opens) - minutes(b.opens))) {
    let list = out.get(slot.day);
    if (!list) out.set(slot.day, (list = []));
    list.push(slot);
  }
  return out;
}

/** The slots of `date`'s weekday (local time), in opening order; none when closed that day. */
export function slotsOn(schedules: readonly OpeningHours[], date: Date): OpeningHours[] {
  return slotsByDay(schedules).get(isoDay(date)) ?? [];
}
