/**
 * Where the track of `<story-carousel>` rests. CSS scroll snapping (`x mandatory`) brings most
 * swipes to rest on a whole story, but not every move: a smooth scroll cut short (rotation
 * pausing mid-move, the tab hidden, focus pulling a slide into view), a resize that moves the
 * slide edges, or an engine that leaves a scroll between two snap points. The carousel measures
 * with these and realigns from code, so no sliver of one story and half of the next stay on
 * screen.
 */

/** Pixels the track must scroll for `slide` to sit at its start edge (right edge in RTL). */
export function offsetTo(track: HTMLElement, slide: Element, rtl: boolean): number {
  const t = track.getBoundingClientRect();
  const s = slide.getBoundingClientRect();
  return rtl ? s.right - t.right : s.left - t.left;
}

/** The story nearest the track's start at its current scroll position (at most `last`). */
export function nearestIndex(track: HTMLElement, last: number): number | undefined {
  const [a, b] = track.children as unknown as HTMLElement[];
  if (!b) return undefined;
  const pitch = Math.abs(b.offsetLeft - a.offsetLeft);
  return pitch > 0 ? Math.min(last, Math.round(Math.abs(track.scrollLeft) / pitch)) : undefined;
}

/** How a realigning scroll moves: at once under reduced motion or in a hidden page. */
export function scrollBehavior(instant = false): ScrollBehavior {
  return instant ||
    document.visibilityState === 'hidden' ||
    matchMedia('(prefers-reduced-motion: reduce)').matches
    ? 'instant'
    : 'smooth';
}
