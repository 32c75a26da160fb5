/**
 * One time vocabulary for readers, recurrence expansion, .ics export and the calendar. Every
 * value is one of four things, and names say which:
 *
 * - **instant** — a moment, as epoch milliseconds (`Date.now()`); `…Ms`, `instant`.
 * - **wall time** — a wall-clock date and time with no zone, as milliseconds counted as if it
 *   were UTC (`wallMs(2026, 11, 25, 14, 30)`); dates and local times are plain arithmetic
 *   (`wall.ts`).
 * - **day number** — a civil date as an integer, days since 1970-01-01 (`dayOf(2026, 11, 25)`);
 *   month grids and week rows are additions (`day.ts`). Weekdays are ISO: 1 = Monday … 7 = Sunday.
 * - **ISO date** — text: `YYYY-MM-DD`, or an ISO 8601 date-time (`isoDate(day)`, `parseDay(iso)`,
 *   `parseIso`, `isoWall`); loose feed dates become ISO with `toIsoDate` (`loose-date.ts`).
 *
 * Zones come from `Intl` only (`zone.ts`): `zoneOffset` and `wallToInstant` turn wall time into
 * instants and back, DST gaps and overlaps resolved like Temporal's `compatible`; `Zone` wraps
 * one IANA zone for the calendar's layout.
 *
 * Import from the file that holds what you need (so a chunk takes only that), or from here.
 */
export * from './wall.js';
export * from './day.js';
export * from './zone.js';
export * from './loose-date.js';
