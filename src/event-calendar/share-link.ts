/**
 * Share links that open one occurrence: the page URL with `#event=<id>&date=<YYYY-MM-DD>` in
 * the fragment (never sent to a server), and the reverse for a page opened from such a link.
 */

import { parseDay } from '../core/time/day.js';

export interface SharedEvent {
  id: string;
  /** `YYYY-MM-DD` of the occurrence (the calendar opens on it). */
  date?: string;
}

/** `href` with its fragment replaced by one naming the event. */
export function shareUrl(href: string, shared: SharedEvent): string {
  const url = new URL(href);
  const params = new URLSearchParams({ event: shared.id });
  if (shared.date) params.set('date', shared.date);
  url.hash = params.toString();
  return url.href;
}

/** The event a URL's fragment names, if any. */
export function readShareUrl(href: string): SharedEvent | undefined {
  let hash: string;
  try {
    hash = new URL(href).hash.slice(1);
  } catch {
    return undefined;
  }
  if (!hash.includes('event=')) return undefined;
  const params = new URLSearchParams(hash);
  const id = params.get('event');
  if (!id) return undefined;
  const date = params.get('date') ?? undefined;
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { id, date } : { id };
}

/** The occurrence a share link names: the event, on its date when the link gives one. */
export function findShared<P extends { event: { id: string }; startDay: number; endDay: number }>(
  placed: readonly P[],
  shared: SharedEvent,
): P | undefined {
  const day = parseDay(shared.date);
  return placed.find(
    (p) =>
      p.event.id === shared.id && (day === undefined || (p.startDay <= day && p.endDay >= day)),
  );
}

/**
 * A calendar opened from a share link: the link is read once, when the data has first loaded
 * (the calendar then goes to its date), and its occurrence opened once it has been expanded.
 */
export class ShareOpening {
  private checked = false;
  private pending?: SharedEvent;

  /** The first time it is called: the date (`YYYY-MM-DD`) the page's share link names, if any. */
  check(href: string): string | undefined {
    if (this.checked) return undefined;
    this.checked = true;
    this.pending = readShareUrl(href);
    return this.pending?.date;
  }

  /** The shared occurrence among `placed`, once (undefined when not asked or not found). */
  take<P extends { event: { id: string }; startDay: number; endDay: number }>(
    placed: readonly P[],
  ): P | undefined {
    const shared = this.pending;
    this.pending = undefined;
    return shared && findShared(placed, shared);
  }
}
