/**
 * The normalized models every reader produces and every widget consumes
 * (see the design card). Strings are plain text unless the field says "sanitized HTML".
 */

export interface Phone {
  number: string;
  /** e.g. "Hotline", "Intake" */
  label?: string;
}

export interface Location {
  name?: string;
  address?: string;
  /** WGS-84 latitude, −90…90 */
  lat?: number;
  /** WGS-84 longitude, −180…180 */
  lng?: number;
}

/** One weekly opening slot. `day`: 1 = Monday … 7 = Sunday (ISO 8601). Times are `HH:MM`. */
export interface OpeningHours {
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  opens: string;
  closes: string;
}

export interface Category {
  id: string;
  name: string;
  /** Parent category id, where the taxonomy is hierarchical. */
  parent?: string;
}

export interface Service {
  id: string;
  name: string;
  /** Sanitized HTML. */
  description?: string;
  organization?: string;
  categories: Category[];
  /** BCP 47 tags or language names as given by the source. */
  languages: string[];
  ageMin?: number;
  ageMax?: number;
  eligibility?: string;
  fees?: string;
  /** True when the source says the service is free of charge. */
  free?: boolean;
  phones: Phone[];
  email?: string;
  /** Checked link (http/https only). */
  url?: string;
  locations: Location[];
  schedules: OpeningHours[];
  /** Free-text schedule when the source has no structured hours. */
  scheduleText?: string;
  areas: string[];
  /** ISO 8601 date-time. */
  updated?: string;
}

/** A recurrence kept as a rule; occurrences are expanded lazily for the visible range only. */
export interface Recurrence {
  /** RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=SA` */
  rrule?: string;
  /** Extra occurrence starts (ISO 8601). */
  rdates?: string[];
  /** Excluded occurrence starts (ISO 8601). */
  exdates?: string[];
  /** Overridden occurrences, keyed by the original start (ISO 8601). */
  overrides?: Record<string, Partial<Omit<CalendarEvent, 'recurrence'>>>;
}

export interface CalendarEvent {
  id: string;
  /** `''` when the source gave none (see {@link CalendarEvent.untitled}). */
  title: string;
  /**
   * The source gave no title (an iCalendar VEVENT without SUMMARY, which RFC 5545 allows):
   * `title` is `''` and widgets show a localized "(untitled)" (`eventTitle()` in the core).
   */
  untitled?: true;
  /** ISO 8601: a date (`2026-11-25`) when `allDay`, else a date-time with offset or `Z`. */
  start: string;
  /** ISO 8601, exclusive; absent for an event without an end. */
  end?: string;
  allDay: boolean;
  /** IANA zone the event is planned in, e.g. `Asia/Shanghai`. */
  timeZone?: string;
  recurrence?: Recurrence;
  location?: Location;
  /** Sanitized HTML. */
  description?: string;
  url?: string;
  registrationUrl?: string;
  categories: string[];
  cost?: string;
  organizer?: string;
}

export interface StoryImage {
  src: string;
  alt: string;
  srcset?: string;
  width?: number;
  height?: number;
}

export interface Story {
  id: string;
  title: string;
  /** Sanitized HTML. */
  summary?: string;
  image?: StoryImage;
  url?: string;
  /** ISO 8601 */
  date?: string;
  author?: string;
  tags: string[];
}

export type ModelKind = 'service' | 'event' | 'story';

export interface ModelByKind {
  service: Service;
  event: CalendarEvent;
  story: Story;
}

/** What a reader returns: the good items and how many records it had to skip. */
export interface ReadResult<T> {
  items: T[];
  skipped: number;
  /** Short reasons for the first few skipped records (for the console warning). */
  warnings: string[];
}
