/**
 * Share links that open one occurrence: the page URL with `#event=<id>&date=<YYYY-MM-DD>` in
 * the fragment (never sent to a server), and the reverse for a page opened from such a link.
 */

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
