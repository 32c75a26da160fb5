/**
 * The result list: the count (a polite live region), "clear all", the cards of the first page
 * with matches marked, "show more", and the no-match message. Matches are data rendered as text
 * inside `<mark>`, never HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Service } from '../core/models.js';
import { secondaryButton } from '../core/secondary-button.js';
import { renderError } from '../core/status-view.js';
import type { Formatters } from './formatters.js';
import type { Segment } from './highlight.js';
import { isOpenAt, slotsOn } from './hours.js';
import type { FinderScreen } from './screen.js';
import { telLink } from './tel-link.js';
import { heading } from '../core/heading.js';

export function renderResults(c: FinderScreen): TemplateResult {
  const { view, services, actions } = c;
  const active = c.activeFilters > 0 || c.input.trim() !== '';
  const { results, fmt } = view;
  const visible = results.slice(0, c.shown);
  const remaining = results.length - visible.length;
  return html`${
      view.unsearched
        ? renderError(
            msg(
              'The search could not be loaded, so every service is listed. Check your internet connection and try again.',
              { id: 'finder.searchUnavailable' },
            ),
            actions.loadSearch,
          )
        : nothing
    }
    <div class="summary">
      <p part="count" class="count" role="status">
        <span aria-hidden=${c.settled ? nothing : 'true'}>${countText(fmt, results.length)}</span>
      </p>
      ${
        active
          ? secondaryButton(msg('Clear all', { id: 'finder.clearAll' }), actions.clearAll)
          : nothing
      }
    </div>
    ${c.skipped > 0 ? html`<p class="skipped">${skippedText(fmt, c.skipped)}</p>` : nothing}
    ${
      visible.length
        ? html`<ul
              class="results"
              aria-label=${msg('Services', { id: 'finder.resultsLabel' })}
              aria-busy=${view.stale ? 'true' : 'false'}
            >
              ${
                // The first results never reorder: keyed rendering is a chunk (`keyed-cards.ts`).
                c.cards
                  ? c.cards.render(
                      visible,
                      (i) => services[i].id,
                      (i) => renderCard(c, services[i], i),
                    )
                  : visible.map((i) => renderCard(c, services[i], i))
              }
            </ul>
            ${
              remaining > 0
                ? secondaryButton(
                    msg(str`Show more (${fmt.number.format(remaining)} left)`, {
                      id: 'finder.showMore',
                    }),
                    actions.showMore,
                    'more',
                  )
                : nothing
            }`
        : (c.noMatch?.(c) ?? nothing)
    }`;
}

function countText(fmt: Formatters, n: number): string {
  const count = fmt.number.format(n);
  if (n === 0) return msg('No services found', { id: 'finder.countNone' });
  return fmt.plural.select(n) === 'one'
    ? msg(str`${count} service found`, { id: 'finder.countOne' })
    : msg(str`${count} services found`, { id: 'finder.countOther' });
}

function skippedText(fmt: Formatters, n: number): string {
  const count = fmt.number.format(n);
  return fmt.plural.select(n) === 'one'
    ? msg(
        str`${count} entry in the data could not be shown (for example, a missing name or a repeated id).`,
        { id: 'finder.skippedOne' },
      )
    : msg(
        str`${count} entries in the data could not be shown (for example, a missing name or a repeated id).`,
        { id: 'finder.skippedOther' },
      );
}

const marks = (segments: Segment[]): unknown =>
  segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));

function renderCard(c: FinderScreen, s: Service, i: number): TemplateResult {
  const { index, distances, tools } = c.view;
  // Matches are marked once the query's chunk is there (the update with a query waits for it).
  const terms = tools ? c.view.terms : [];
  const lit = (text: string) =>
    tools && terms.length ? marks(tools.highlight(text, terms)) : text;
  const km = distances?.[i];
  const far = km !== undefined && !Number.isNaN(km);
  const phone = s.phones[0];
  const tel = phone && telLink(phone.number);
  const excerpt =
    tools && index && terms.length && !index.nameMatches(i, terms)
      ? tools.snippet(index.description(i), terms)
      : undefined;
  const now = new Date();
  const open = s.schedules.length > 0 && isOpenAt(s.schedules, now);
  const address = s.locations.find((l) => l.address)?.address;
  return html`<li part="service" class="card" data-id=${s.id}>
    ${heading(
      c.headingLevel,
      html`<button class="open" type="button" @click=${() => c.actions.open(s.id)}>
        ${lit(s.name)}
      </button>`,
      { class: 'card-title' },
    )}
    ${s.organization ? html`<p class="org">${lit(s.organization)}</p>` : nothing}
    ${
      s.categories.length
        ? html`<ul class="tags">
            ${s.categories.map((cat) => html`<li>${lit(cat.name)}</li>`)}
          </ul>`
        : nothing
    }
    ${excerpt ? html`<p class="snippet">${marks(excerpt)}</p>` : nothing}
    ${address ? html`<p class="address">${lit(address)}</p>` : nothing}
    ${s.schedules.length ? html`<p class="today">${todayText(c.view.fmt, s, now)}</p>` : nothing}
    ${
      far || s.free || open
        ? html`<p class="meta">
            ${far ? html`<span class="distance">${c.view.fmt.distance(km)}</span>` : nothing}
            ${s.free ? html`<span class="badge">${msg('Free', { id: 'finder.free' })}</span>` : nothing}
            ${open ? html`<span class="badge">${msg('Open now', { id: 'finder.openNow' })}</span>` : nothing}
          </p>`
        : nothing
    }
    ${
      phone
        ? tel
          ? html`<a class="tel" href=${tel}>${phone.number}</a>`
          : html`<p class="meta">${phone.number}</p>`
        : nothing
    }
  </li>`;
}

/** "今天 09:00–12:00、14:00–17:00", or "今天不开放", by the viewer's clock. */
function todayText(fmt: Formatters, s: Service, now: Date): string {
  const slots = slotsOn(s.schedules, now);
  if (slots.length === 0) return msg('Closed today', { id: 'finder.closedToday' });
  const hours = fmt.list(slots.map((slot) => `${fmt.clock(slot.opens)}–${fmt.clock(slot.closes)}`));
  return msg(str`Today ${hours}`, { id: 'finder.todayHours' });
}
