import type { Story } from '../core/models.js';
import { toIsoDate } from '../core/time/loose-date.js';
import { stableId } from '../core/stable-id.js';
import { safeImageUrl, safeUrl, textToHtml } from '../core/safe-url.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
const num = (value: string | null) => (Number(value) > 0 ? Number(value) : undefined);

/**
 * Reads the page's own markup (`<story-carousel><article>…</article></story-carousel>`) into
 * stories: title from the first `h1`–`h4`, image from the first `img`, link from the first
 * `a[href]`, date from `time[datetime]`, summary from the first `p` (as text). Links and images
 * pass the same URL checks as remote data.
 */
export function readSlottedStories(elements: Element[]): Story[] {
  return elements.map((el, i) => {
    const img = el.querySelector('img');
    const src = safeImageUrl(img?.getAttribute('src'), document.baseURI);
    const url = safeUrl(el.querySelector('a[href]')?.getAttribute('href'), document.baseURI);
    const title = text(el.querySelector('h1,h2,h3,h4')) ?? '';
    const summary = text(el.querySelector('p'));
    return {
      id: el.id || stableId(`${i}|${title}|${url ?? ''}`),
      title,
      summary: summary && textToHtml(summary),
      image: src
        ? {
            src,
            alt: img!.alt,
            srcset: img!.getAttribute('srcset') ?? undefined,
            width: num(img!.getAttribute('width')),
            height: num(img!.getAttribute('height')),
          }
        : undefined,
      url,
      date: toIsoDate(el.querySelector('time[datetime]')?.getAttribute('datetime')),
      tags: [],
    };
  });
}
