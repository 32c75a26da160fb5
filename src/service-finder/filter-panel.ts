/**
 * The finder's filter panel: a disclosure (`<details part="filters">`) with one control per
 * facet the data has — category (indented by depth), language, area, a child's age, free only,
 * open now — and the number of filters on in its summary. Left out when nothing can be filtered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Facets } from './facets.js';
import type { FinderFilters } from './finder-state.js';

export interface FilterPanelContext {
  facets: Facets;
  filters: FinderFilters;
  /** The disclosure is open. */
  open: boolean;
  /** How many filters are on. */
  active: number;
  /** A count in the UI locale. */
  count: (n: number) => string;
  onToggle: (event: Event) => void;
  /** The visitor set a filter. */
  onFilter: <K extends keyof FinderFilters>(name: K, value: FinderFilters[K]) => void;
}

/** A `<select name="category|language|area">` changed. */
const picked = (c: FilterPanelContext) => (event: Event) => {
  const select = event.target as HTMLSelectElement;
  c.onFilter(select.name as 'category' | 'language' | 'area', select.value || undefined);
};

/** A checkbox `name="free|openNow"` changed. */
const checked = (c: FilterPanelContext) => (event: Event) => {
  const box = event.target as HTMLInputElement;
  c.onFilter(box.name as 'free' | 'openNow', box.checked);
};

/** The age box changed: a number of years (full-width digits too), else no age. */
const aged = (c: FilterPanelContext) => (event: Event) => {
  const text = (event.target as HTMLInputElement).value.normalize('NFKC').trim();
  const age = text === '' ? undefined : Number(text);
  c.onFilter('age', age !== undefined && Number.isFinite(age) && age >= 0 ? age : undefined);
};

export function renderFilterPanel(c: FilterPanelContext): TemplateResult | typeof nothing {
  const { facets, filters: f, count } = c;
  const any =
    facets.categories.length ||
    facets.languages.length ||
    facets.areas.length ||
    facets.hasAges ||
    facets.hasFree ||
    facets.hasSchedules;
  if (!any) return nothing;
  const n = c.active;
  return html`<details part="filters" class="filters" ?open=${c.open} @toggle=${c.onToggle}>
    <summary>
      ${
        n > 0
          ? msg(str`Filters (${count(n)} on)`, { id: 'finder.filtersActive' })
          : msg('Filters', { id: 'finder.filters' })
      }
    </summary>
    <div class="filter-grid">
      ${renderSelect(
        c,
        'category',
        msg('Category', { id: 'finder.category' }),
        msg('All categories', { id: 'finder.allCategories' }),
        facets.categories.map((o) => ({
          value: o.id,
          label: `${'\u00a0\u00a0\u00a0'.repeat(o.depth)}${o.name} (${count(o.count)})`,
        })),
      )}
      ${renderSelect(
        c,
        'language',
        msg('Language', { id: 'finder.language' }),
        msg('Any language', { id: 'finder.anyLanguage' }),
        facets.languages.map((o) => ({
          value: o.value,
          label: `${o.label} (${count(o.count)})`,
        })),
      )}
      ${renderSelect(
        c,
        'area',
        msg('Area', { id: 'finder.area' }),
        msg('All areas', { id: 'finder.allAreas' }),
        facets.areas.map((o) => ({ value: o.value, label: `${o.label} (${count(o.count)})` })),
      )}
      ${
        facets.hasAges
          ? html`<div class="field">
              <label for="f-age">${msg("Child's age (years)", { id: 'finder.age' })}</label>
              <input
                id="f-age"
                type="number"
                inputmode="numeric"
                min="0"
                max="120"
                step="1"
                .value=${live(f.age === undefined ? '' : String(f.age))}
                @input=${aged(c)}
              />
            </div>`
          : nothing
      }
      ${
        facets.hasFree
          ? html`<label class="check">
              <input type="checkbox" name="free" .checked=${live(f.free)} @change=${checked(c)} />
              ${msg('Free only', { id: 'finder.freeOnly' })}
            </label>`
          : nothing
      }
      ${
        facets.hasSchedules
          ? html`<label class="check">
              <input
                type="checkbox"
                name="openNow"
                .checked=${live(f.openNow)}
                @change=${checked(c)}
              />
              ${msg('Open now', { id: 'finder.openNow' })}
            </label>`
          : nothing
      }
    </div>
  </details>`;
}

/** One filter `<select>` (left out when the data has no values for it). */
function renderSelect(
  c: FilterPanelContext,
  name: 'category' | 'language' | 'area',
  label: string,
  any: string,
  options: { value: string; label: string }[],
): TemplateResult | typeof nothing {
  if (!options.length) return nothing;
  const selected = c.filters[name] ?? '';
  // `.value` keeps the control in step after "clear all"; `?selected` covers the first render.
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name=${name} .value=${live(selected)} @change=${picked(c)}>
      <option value="" ?selected=${!selected}>${any}</option>
      ${options.map(
        (o) => html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`,
      )}
    </select>
  </div>`;
}
