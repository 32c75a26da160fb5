/**
 * The detail view of one service: description, facts, opening hours as a weekly table in the UI
 * language, contact and map links, print. Its own chunk, loaded when a visitor opens a service.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';
import type { Location, Service } from '../core/models.js';
import { safeUrl } from '../core/safe-url.js';
import { languageLabel } from './finder-state.js';
import { hasPoint, nearestKm, type Point } from './geo.js';
import { clockFormatter, isoDay, slotsByDay } from './hours.js';
import { weekdayNames, weekOrder } from './week-days.js';
import { mapLink, mapLinkText } from '../core/map-link.js';
/** The check of `map-link`, here because only this view shows map links. */
export { checkMapTemplate } from '../core/map-template.js';
import type { Formatters } from './formatters.js';
/** The styles this view adds to the finder's shadow root when it loads. */
export { detailStyles as styles } from './detail-view.styles.js';
import { telLink } from './tel-link.js';
import { htmlText } from './search-index.js';
import { heading, headingLevel, type HeadingLevel } from '../core/heading.js';

/** What the detail view needs from its finder. */
export interface DetailContext {
  fmt: Formatters;
  /** The UI's Intl locale. */
  intl: string;
  descriptionOpen: boolean;
  onToggleDescription: () => void;
  onBack: () => void;
  onPrint: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** The usable `map-link` template (see `checkMapTemplate`); the default map when unset. */
  mapTemplate?: string;
  /** The UI's message locale (`zh-Hans` …), for the default map. */
  messages: string;
  origin?: Point;
  /** Level of the service's name (`heading-level`); its sections are one deeper. */
  headingLevel: HeadingLevel;
}

/** The level of the detail's section headings. */
const sub = (c: DetailContext): HeadingLevel => headingLevel(c.headingLevel, 1);

interface HoursFormat {
  weekdays: string[];
  week: ReturnType<typeof weekOrder>;
  clock: (hhmm: string) => string;
}

let hoursCache: { intl: string; format: HoursFormat } | undefined;

/** Weekday names, week order and clock format of a locale (built once per language). */
function hoursFormat(intl: string): HoursFormat {
  if (hoursCache?.intl !== intl) {
    hoursCache = {
      intl,
      format: { weekdays: weekdayNames(intl), week: weekOrder(intl), clock: clockFormatter(intl) },
    };
  }
  return hoursCache.format;
}

function ageText(s: Service, c: DetailContext): string | undefined {
  const n = c.fmt.number;
  if (s.ageMin !== undefined && s.ageMax !== undefined) {
    const min = n.format(s.ageMin);
    const max = n.format(s.ageMax);
    return msg(str`${min}–${max} years`, { id: 'finder.ageRange' });
  }
  if (s.ageMin !== undefined) {
    const min = n.format(s.ageMin);
    return msg(str`${min} years and older`, { id: 'finder.ageFrom' });
  }
  if (s.ageMax !== undefined) {
    const max = n.format(s.ageMax);
    return msg(str`Up to ${max} years`, { id: 'finder.ageTo' });
  }
  return undefined;
}

function updatedText(iso: string, c: DetailContext): string | undefined {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const date = (dateOnly ? c.fmt.dateOnly : c.fmt.date).format(t);
  return msg(str`Last updated ${date}`, { id: 'finder.updated' });
}

/** Descriptions longer than this (characters of text) start clamped with a "show more". */
const clampAt = 600;

export function renderDetail(s: Service, c: DetailContext): TemplateResult {
  const long = htmlText(s.description).length > clampAt;
  const languages = s.languages.map((l) => languageLabel(l, c.fmt.languages));
  const ages = ageText(s, c);
  const fees = s.fees ?? (s.free ? msg('Free', { id: 'finder.free' }) : undefined);
  const website = s.url ? safeUrl(s.url) : undefined;
  const email = s.email ? safeUrl(`mailto:${s.email}`) : undefined;
  const updated = s.updated ? updatedText(s.updated, c) : undefined;
  return html`<article
    part="detail"
    class="detail"
    aria-labelledby="detail-title"
    @keydown=${c.onKeydown}
  >
    <div class="detail-actions">
      <button part="button" class="button secondary back" type="button" @click=${c.onBack}>
        ${msg('Back to results', { id: 'finder.back' })}
      </button>
      <button part="button" class="button secondary print" type="button" @click=${c.onPrint}>
        ${msg('Print', { id: 'finder.print' })}
      </button>
    </div>
    ${heading(c.headingLevel, s.name, { id: 'detail-title', class: 'detail-title', tabindex: -1 })}
    ${s.organization ? html`<p class="org">${s.organization}</p>` : nothing}
    ${
      s.categories.length
        ? html`<ul class="tags">
            ${s.categories.map((c) => html`<li>${c.name}</li>`)}
          </ul>`
        : nothing
    }
    ${
      s.description
        ? html`<section>
            <div
              id="description"
              class="description ${long && !c.descriptionOpen ? 'clamped' : ''}"
            >
              ${unsafeHTML(s.description)}
            </div>
            ${
              long
                ? html`<button
                    part="button"
                    class="button secondary clamp-toggle"
                    type="button"
                    aria-expanded=${c.descriptionOpen ? 'true' : 'false'}
                    aria-controls="description"
                    @click=${c.onToggleDescription}
                  >
                    ${
                      c.descriptionOpen
                        ? msg('Show less', { id: 'finder.showLess' })
                        : msg('Show the full description', { id: 'finder.showFull' })
                    }
                  </button>`
                : nothing
            }
          </section>`
        : nothing
    }
    ${
      s.eligibility || ages || fees || languages.length || s.areas.length
        ? html`<dl class="facts">
            ${
              s.eligibility
                ? html`<dt>${msg('Who it is for', { id: 'finder.eligibility' })}</dt>
                    <dd>${s.eligibility}</dd>`
                : nothing
            }
            ${
              ages
                ? html`<dt>${msg('Ages', { id: 'finder.ages' })}</dt>
                    <dd>${ages}</dd>`
                : nothing
            }
            ${
              fees
                ? html`<dt>${msg('Fees', { id: 'finder.fees' })}</dt>
                    <dd>${fees}</dd>`
                : nothing
            }
            ${
              languages.length
                ? html`<dt>${msg('Languages', { id: 'finder.languages' })}</dt>
                    <dd>${c.fmt.list(languages)}</dd>`
                : nothing
            }
            ${
              s.areas.length
                ? html`<dt>${msg('Areas served', { id: 'finder.areas' })}</dt>
                    <dd>${c.fmt.list(s.areas)}</dd>`
                : nothing
            }
          </dl>`
        : nothing
    }
    <div class="side">
      ${renderHours(s, c)} ${renderContact(s, c, website, email)} ${renderPlaces(s, c)}
    </div>
    ${updated ? html`<p class="updated">${updated}</p>` : nothing}
  </article>`;
}

function renderHours(s: Service, c: DetailContext): TemplateResult | typeof nothing {
  if (s.schedules.length === 0 && !s.scheduleText) return nothing;
  const fmt = c.fmt;
  const hours = hoursFormat(c.intl);
  const byDay = slotsByDay(s.schedules);
  const today = isoDay(new Date());
  return html`<section aria-labelledby="hours-title">
    ${heading(sub(c), msg('Opening hours', { id: 'finder.hours' }), { id: 'hours-title' })}
    ${
      s.schedules.length
        ? html`<table class="hours">
            <thead class="visually-hidden">
              <tr>
                <th scope="col">${msg('Day', { id: 'finder.day' })}</th>
                <th scope="col">${msg('Hours', { id: 'finder.hoursColumn' })}</th>
              </tr>
            </thead>
            <tbody>
              ${hours.week.map((day) => {
                const slots = byDay.get(day);
                return html`<tr class=${day === today ? 'today' : ''}>
                  <th scope="row">${hours.weekdays[day]}</th>
                  <td>
                    ${
                      slots
                        ? fmt.list(
                            slots.map(
                              (slot) => `${hours.clock(slot.opens)}–${hours.clock(slot.closes)}`,
                            ),
                          )
                        : html`<span class="closed"
                            >${msg('Closed', { id: 'finder.closed' })}</span
                          >`
                    }
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`
        : nothing
    }
    ${s.scheduleText ? html`<p class="schedule-text">${s.scheduleText}</p>` : nothing}
  </section>`;
}

function renderContact(
  s: Service,
  c: DetailContext,
  website?: string,
  email?: string,
): TemplateResult | typeof nothing {
  if (!s.phones.length && !website && !email) return nothing;
  return html`<section aria-labelledby="contact-title">
    ${heading(sub(c), msg('Contact', { id: 'finder.contact' }), { id: 'contact-title' })}
    <ul class="plain-list">
      ${s.phones.map((p) => {
        const tel = telLink(p.number);
        return html`<li>
          ${p.label ? `${p.label}${c.fmt.colon}` : nothing}${tel ? html`<a class="tel" href=${tel}>${p.number}</a>` : p.number}
        </li>`;
      })}
      ${email ? html`<li><a class="link" href=${email}>${s.email}</a></li>` : nothing}
      ${
        website
          ? html`<li>
              <a class="link" href=${website} rel="noopener noreferrer" target="_blank"
                >${msg('Website', { id: 'finder.website' })}</a
              >
            </li>`
          : nothing
      }
    </ul>
  </section>`;
}

function renderPlaces(s: Service, c: DetailContext): TemplateResult | typeof nothing {
  const places = s.locations.filter((l) => l.address || l.name || hasPoint(l));
  if (!places.length) return nothing;
  const chinese = c.messages.startsWith('zh');
  const origin = c.origin;
  return html`<section aria-labelledby="places-title">
    ${heading(sub(c), msg('Address', { id: 'finder.address' }), { id: 'places-title' })}
    ${places.map((l: Location) => {
      const link = mapLink(l, { template: c.mapTemplate, chinese, fallbackName: s.name });
      const km = origin && hasPoint(l) ? nearestKm({ ...s, locations: [l] }, origin) : undefined;
      const place = l.name ?? l.address ?? s.name;
      return html`<div class="place">
        ${l.name ? html`<p>${l.name}</p>` : nothing}
        ${l.address ? html`<p>${l.address}</p>` : nothing}
        ${km !== undefined ? html`<p>${c.fmt.distance(km)}</p>` : nothing}
        ${
          link
            ? html`<a class="link map-link" href=${link} rel="noopener noreferrer" target="_blank"
                >${mapLinkText(place)}</a
              >`
            : nothing
        }
      </div>`;
    })}
  </section>`;
}
