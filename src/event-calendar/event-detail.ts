/**
 * The event detail inside the calendar's dialog: when (with the venue's own time when its zone
 * differs), where with a map link, cost, organizer, categories, description, and the register /
 * more / add-to-calendar / share actions. Its own chunk (with the .ics builder), loaded when a
 * visitor opens an event.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';
import { safeUrl } from '../core/safe-url.js';
import type { CalendarFormats } from './formats.js';
import { downloadIcs } from './ics-download.js';
import { mapLink, mapLinkText } from '../core/map-link.js';
import type { Occurrence } from './occurrences.js';
import type { Placed } from './placement.js';
import { shareUrl } from './share-link.js';
import { renderButton } from './view-parts.js';
import { isoDate } from '../core/time/day.js';
import { Zone } from '../core/time/zone.js';
/** The styles this view adds to the calendar's shadow root when it loads. */
export { detailStyles as styles } from './event-detail.styles.js';

/** What the detail needs from its calendar. */
export interface EventDetailContext {
  formats: CalendarFormats;
  /** The display zone's IANA name. */
  zoneName: string;
  /** The dialog head (title, back, close), rendered by the calendar. */
  head: TemplateResult;
  /** Date and time of the occurrence in words. */
  when: string;
  zoneShown: (ms: number) => string;
  /** Checked map link template, or undefined for the default. */
  mapTemplate?: string;
  /** Default to a Chinese map provider (zh UIs). */
  chineseMaps: boolean;
  /** Palette index of a category (-1 = none). */
  colourOf: (category: string) => number;
  /** The polite status line under the actions. */
  notice: string;
  /** Sets the status line; `message` is called in the calendar's language. */
  setNotice: (message: () => string) => void;
}

/** "Add to my calendar": downloads the occurrence as an .ics file. */
function addToCalendar(p: Placed<Occurrence>, setNotice: EventDetailContext['setNotice']): void {
  try {
    downloadIcs(p.occurrence);
    setNotice(() =>
      msg('The calendar file is downloading. Open it to add the event to your calendar.', {
        id: 'calendar.icsDownloaded',
      }),
    );
  } catch (error) {
    console.warn('[dandelion] could not build the .ics file', error);
    setNotice(() =>
      msg('Sorry, this event could not be saved as a calendar file.', { id: 'calendar.icsFailed' }),
    );
  }
}

/** Shares a link that opens this occurrence: the share sheet, else the clipboard, else the link. */
async function shareEvent(
  p: Placed<Occurrence>,
  setNotice: EventDetailContext['setNotice'],
): Promise<void> {
  // The date goes in for one-off events too: opened in another month (next week, say), the
  // calendar must go to the event's month to find and open it.
  const url = shareUrl(location.href, { id: p.event.id, date: isoDate(p.startDay) });
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: p.event.title, url });
      return;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Share sheet unavailable: fall back to copying.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    setNotice(() =>
      msg('Link copied. Paste it into a chat or message to share this event.', {
        id: 'calendar.linkCopied',
      }),
    );
  } catch {
    setNotice(() =>
      msg(str`Copy this link to share the event: ${url}`, { id: 'calendar.copyThisLink' }),
    );
  }
}

/** A link shown as a button, opening in a new tab; nothing without a (safe) URL. */
function renderLink(href: string | undefined, text: string, className: string) {
  return href
    ? html`<a
        part="button"
        class=${className}
        href=${href}
        target="_blank"
        rel="noopener noreferrer"
        >${text}</a
      >`
    : nothing;
}

/** One row of the facts: its term and value (the rows share one label column). */
function renderFact(term: string, value: unknown): TemplateResult {
  return html`<div>
    <dt>${term}</dt>
    <dd>${value}</dd>
  </div>`;
}

/**
 * A date and time in phrases that do not break inside (`14:30–16:00`, `2:30 PM`, `2026年11月18日星期三`):
 * lines break only at the spaces between them.
 */
function phrases(text: string): TemplateResult[] {
  return text
    .split(/([ \u2009]+)/)
    .filter((part) => part !== '')
    .map((part) =>
      /^[ \u2009]+$/.test(part) ? html`${part}` : html`<span class="phrase">${part}</span>`,
    );
}

export function renderEventDetail(p: Placed<Occurrence>, c: EventDetailContext): TemplateResult {
  const f = c.formats;
  const event = p.event;
  const eventZone = Zone.get(event.timeZone);
  const otherZone = !p.allDay && eventZone && eventZone.name !== c.zoneName ? eventZone : undefined;
  const location = event.location;
  const map = mapLink(location, { template: c.mapTemplate, chinese: c.chineseMaps });
  const registration = safeUrl(event.registrationUrl);
  const more = safeUrl(event.url);
  return html`${c.head}
    <dl class="facts">
      ${renderFact(
        msg('When', { id: 'calendar.when' }),
        html`<p class="when">${phrases(c.when)}</p>
          ${
            otherZone
              ? html`<p class="zone">
                  ${c.zoneShown(p.startMs!)}
                  ${msg(
                    str`Local time where it takes place (${f.zoneName(otherZone.name, p.startMs!)}): ${f.dateTimeRangeIn(
                      otherZone.name,
                      p.startMs!,
                      p.endMs!,
                    )}`,
                    { id: 'calendar.venueTime' },
                  )}
                </p>`
              : nothing
          }
          ${
            p.occurrence.recurring
              ? html`<p class="muted">
                  ${msg('This event repeats; this is one of its dates.', { id: 'calendar.recurring' })}
                </p>`
              : nothing
          }
          ${
            p.endBeforeStart
              ? html`<p class="muted">
                  ${msg(
                    'The end time in the data was before the start, so only the start is shown.',
                    { id: 'calendar.endBeforeStart' },
                  )}
                </p>`
              : nothing
          }`,
      )}
      ${
        location && (location.name || location.address || map)
          ? renderFact(
              msg('Where', { id: 'calendar.where' }),
              html`${location.name ? html`<p>${location.name}</p>` : nothing}
              ${location.address && location.address !== location.name ? html`<p>${location.address}</p>` : nothing}
              ${
                map
                  ? html`<p>
                      <a href=${map} target="_blank" rel="noopener noreferrer"
                        >${mapLinkText(location.name ?? location.address)}</a
                      >
                    </p>`
                  : nothing
              }`,
            )
          : nothing
      }
      ${event.cost ? renderFact(msg('Cost', { id: 'calendar.cost' }), event.cost) : nothing}
      ${
        event.organizer
          ? renderFact(msg('Organizer', { id: 'calendar.organizer' }), event.organizer)
          : nothing
      }
      ${
        event.categories.length
          ? renderFact(
              msg('Categories', { id: 'calendar.categories' }),
              html`<ul class="tags">
                ${event.categories.map(
                  (category) =>
                    html`<li class="tag c${c.colourOf(category)}">
                      <span class="swatch" aria-hidden="true"></span>${category}
                    </li>`,
                )}
              </ul>`,
            )
          : nothing
      }
    </dl>
    ${event.description ? html`<div class="description">${unsafeHTML(event.description)}</div>` : nothing}
    <div class="actions">
      ${renderLink(registration, msg('Register', { id: 'calendar.register' }), 'button')}
      ${renderLink(more, msg('More information', { id: 'calendar.moreInfo' }), 'button secondary')}
      ${renderButton(msg('Add to my calendar', { id: 'calendar.addToCalendar' }), () =>
        addToCalendar(p, c.setNotice),
      )}
      ${renderButton(msg('Share', { id: 'calendar.share' }), () => void shareEvent(p, c.setNotice))}
    </div>
    <p class="notice" role="status">${c.notice || nothing}</p>`;
}
