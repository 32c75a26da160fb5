/**
 * The filter panel's code, its own chunk (with the facets it shows): one control per facet the
 * data has — category (indented by depth), language, area, a child's age, free only, open now.
 * Loaded when the panel opens, a filter is on, or nothing matches; the disclosure around it
 * (`filter-disclosure.ts`) is in the first view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { Facets, ValueOption } from './facets.js';
import type { FinderScreen } from './screen.js';
import { filterPanelStyles } from './filter-panel.styles.js';

export { facetSteps } from './facets.js';

/** A `<select name="category|language|area">` changed. */
const picked = (c: FinderScreen) => (event: Event) => {
  const select = event.target as HTMLSelectElement;
  c.actions.filter(select.name as 'category' | 'language' | 'area', select.value || undefined);
};

/** A checkbox `name="free|openNow"` changed. */
const checked = (c: FinderScreen) => (event: Event) => {
  const box = event.target as HTMLInputElement;
  c.actions.filter(box.name as 'free' | 'openNow', box.checked);
};

/** The age box changed: a number of years (full-width digits too), else no age. */
const aged = (c: FinderScreen) => (event: Event) => {
  const text = (event.target as HTMLInputElement).value.normalize('NFKC').trim();
  const age = text === '' ? undefined : Number(text);
  c.actions.filter('age', age !== undefined && Number.isFinite(age) && age >= 0 ? age : undefined);
};

/** The panel's controls: one per facet the data has (the disclosure around them is the entry's). */
export function renderFilterGrid(c: FinderScreen, facets: Facets): TemplateResult {
  const { filters: f } = c;
  const { fmt } = c.view;
  const count = (n: number) => fmt.number.format(n);
  const counted = (o: ValueOption) => ({ value: o.value, label: `${o.label} (${count(o.count)})` });
  const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);
  return html`<div class="filter-grid">
    ${renderSelect(
      c,
      'category',
      facets.categories.map((o) => ({
        value: o.id,
        label: `${indent(o.depth)}${o.name} (${count(o.count)})`,
      })),
    )}
    ${renderSelect(c, 'language', facets.languages.map(counted))}
    ${renderSelect(c, 'area', facets.areas.map(counted))}
    ${
      facets.hasAges
        ? html`<div class="field">
            <label for="f-age">${msg("Child's age (years)", { id: 'finder.age' })}</label>
            <input
              id="f-age"
              .value=${live(f.age === undefined ? '' : String(f.age))}
              @input=${aged(c)}
              type="number"
              inputmode="numeric"
              min="0"
              max="120"
              step="1"
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
  </div>`;
}

/** The label of each filter `<select>`… */
const selectLabels = () => ({
  category: msg('Category', { id: 'finder.category' }),
  language: msg('Language', { id: 'finder.language' }),
  area: msg('Area', { id: 'finder.area' }),
});

/** …and its first choice, which turns the filter off. */
const anyChoices = () => ({
  category: msg('All categories', { id: 'finder.allCategories' }),
  language: msg('Any language', { id: 'finder.anyLanguage' }),
  area: msg('All areas', { id: 'finder.allAreas' }),
});

/** One filter `<select>` (left out when the data has no values for it). */
function renderSelect(
  c: FinderScreen,
  name: 'category' | 'language' | 'area',
  options: { value: string; label: string }[],
): TemplateResult | typeof nothing {
  if (!options.length) return nothing;
  const selected = c.filters[name] ?? '';
  // `.value` keeps the control in step after "clear all"; `?selected` covers the first render.
  return html`<div class="field">
    <label for="f-${name}">${selectLabels()[name]}</label>
    <select id="f-${name}" name=${name} .value=${live(selected)} @change=${picked(c)}>
      <option value="" ?selected=${!selected}>${anyChoices()[name]}</option>
      ${options.map(
        (o) => html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`,
      )}
    </select>
  </div>`;
}

/** The panel's styles (adopted with this chunk). */
export const styles = filterPanelStyles;
