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
      <div>
        <dt>${msg('When', { id: 'calendar.when' })}</dt>
        <dd>
          <p>${c.when}</p>
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
                    {
                      id: 'calendar.endBeforeStart',
                    },
                  )}
                </p>`
              : nothing
          }
        </dd>
      </div>
      ${
        location && (location.name || location.address || map)
          ? html`<div>
              <dt>${msg('Where', { id: 'calendar.where' })}</dt>
              <dd>
                ${location.name ? html`<p>${location.name}</p>` : nothing}
                ${location.address && location.address !== location.name ? html`<p>${location.address}</p>` : nothing}
                ${
                  map
                    ? html`<p>
                        <a href=${map} target="_blank" rel="noopener noreferrer"
                          >${mapLinkText(location.name ?? location.address)}</a
                        >
                      </p>`
                    : nothing
                }
              </dd>
            </div>`
          : nothing
      }
      ${
        event.cost
          ? html`<div>
              <dt>${msg('Cost', { id: 'calendar.cost' })}</dt>
              <dd>${event.cost}</dd>
            </div>`
          : nothing
      }
      ${
        event.organizer
          ? html`<div>
              <dt>${msg('Organizer', { id: 'calendar.organizer' })}</dt>
              <dd>${event.organizer}</dd>
            </div>`
          : nothing
      }
      ${
        event.categories.length
          ? html`<div>
              <dt>${msg('Categories', { id: 'calendar.categories' })}</dt>
              <dd>
                <ul class="tags">
                  ${event.categories.map(
                    (category) =>
                      html`<li class="tag c${c.colourOf(category)}">
                        <span class="swatch" aria-hidden="true"></span>${category}
                      </li>`,
                  )}
                </ul>
              </dd>
            </div>`
          : nothing
      }
    </dl>
    ${event.description ? html`<div class="description">${unsafeHTML(event.description)}</div>` : nothing}
    <div class="actions">
      ${
        registration
          ? html`<a
              part="button"
              class="button"
              href=${registration}
              target="_blank"
              rel="noopener noreferrer"
              >${msg('Register', { id: 'calendar.register' })}</a
            >`
          : nothing
      }
      ${
        more
          ? html`<a
              part="button"
              class="button secondary"
              href=${more}
              target="_blank"
              rel="noopener noreferrer"
              >${msg('More information', { id: 'calendar.moreInfo' })}</a
            >`
          : nothing
      }
      <button
        part="button"
        class="button secondary"
        type="button"
        @click=${() => addToCalendar(p, c.setNotice)}
      >
        ${msg('Add to my calendar', { id: 'calendar.addToCalendar' })}
      </button>
      <button
        part="button"
        class="button secondary"
        type="button"
        @click=${() => void shareEvent(p, c.setNotice)}
      >
        ${msg('Share', { id: 'calendar.share' })}
      </button>
    </div>
    <p class="notice" role="status">${c.notice}</p>`;
}
