/**
 * The search form (`part="toolbar"`, a search landmark): the search box, the sort, "use my
 * location" and the message about the position (a polite live region).
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { sorts, type FinderSort } from './filter-basics.js';
import type { FinderScreen } from './screen.js';

const preventSubmit = (event: Event) => event.preventDefault();

export function renderToolbar(c: FinderScreen): TemplateResult {
  const on = c.actions;
  const labels = sortLabels();
  const problem = !['idle', 'locating', 'located'].includes(c.geo.state);
  return html`<form part="toolbar" class="toolbar" role="search" @submit=${preventSubmit}>
    <div class="field">
      <label for="q">${msg('Search services', { id: 'finder.searchLabel' })}</label>
      <input
        id="q"
        part="search"
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        placeholder=${msg('For example: counselling, legal advice', { id: 'finder.searchPlaceholder' })}
        .value=${c.input}
        @focus=${on.loadSearch}
        @input=${on.input}
        @keydown=${on.searchKeydown}
      />
    </div>
    <div class="tools">
      <div class="field">
        <label for="sort">${msg('Sort by', { id: 'finder.sortLabel' })}</label>
        <select id="sort" @change=${on.sort}>
          ${sorts
            .filter((s) => s !== 'distance' || c.hasOrigin)
            .map((s) => html`<option value=${s} ?selected=${s === c.sort}>${labels[s]}</option>`)}
        </select>
      </div>
      <button
        part="button"
        class="button secondary locate"
        type="button"
        aria-disabled=${c.geo.state === 'locating' ? 'true' : 'false'}
        @click=${on.locate}
      >
        ${msg('Use my location', { id: 'finder.locate' })}
      </button>
    </div>
    <p class="geo-message ${problem ? 'problem' : ''}" role="status">${c.geo.message}</p>
  </form>`;
}

/** The name of each sort order. */
const sortLabels = (): Record<FinderSort, string> => ({
  relevance: msg('Best match', { id: 'finder.sortRelevance' }),
  name: msg('Name', { id: 'finder.sortName' }),
  distance: msg('Distance', { id: 'finder.sortDistance' }),
  updated: msg('Recently updated', { id: 'finder.sortUpdated' }),
});
