/**
 * The search form (`part="toolbar"`, a search landmark): the search box, the sort, "use my
 * location" and the message about the position (a polite live region).
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { sorts, type FinderSort } from './finder-state.js';
import type { GeoState } from './locate.js';

export interface ToolbarContext {
  /** The text in the search box. */
  input: string;
  sort: FinderSort;
  /** Distances can be measured (the distance sort is offered). */
  hasOrigin: boolean;
  geo: GeoState;
  onInput: (event: Event) => void;
  onSearchKeydown: (event: KeyboardEvent) => void;
  onSort: (event: Event) => void;
  onLocate: () => void;
}

const preventSubmit = (event: Event) => event.preventDefault();

export function renderToolbar(c: ToolbarContext): TemplateResult {
  const problem = !['idle', 'locating', 'located'].includes(c.geo);
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
        .value=${live(c.input)}
        @input=${c.onInput}
        @keydown=${c.onSearchKeydown}
      />
    </div>
    <div class="tools">
      <div class="field">
        <label for="sort">${msg('Sort by', { id: 'finder.sortLabel' })}</label>
        <select id="sort" @change=${c.onSort}>
          ${sorts
            .filter((s) => s !== 'distance' || c.hasOrigin)
            .map(
              (s) => html`<option value=${s} ?selected=${s === c.sort}>${sortLabel(s)}</option>`,
            )}
        </select>
      </div>
      <button
        part="button"
        class="button secondary locate"
        type="button"
        aria-disabled=${c.geo === 'locating' ? 'true' : 'false'}
        @click=${c.onLocate}
      >
        ${msg('Use my location', { id: 'finder.locate' })}
      </button>
    </div>
    <p class="geo-message ${problem ? 'problem' : ''}" role="status">${geoMessage(c.geo)}</p>
  </form>`;
}

function sortLabel(sort: FinderSort): string {
  switch (sort) {
    case 'relevance':
      return msg('Best match', { id: 'finder.sortRelevance' });
    case 'name':
      return msg('Name', { id: 'finder.sortName' });
    case 'distance':
      return msg('Distance', { id: 'finder.sortDistance' });
    case 'updated':
      return msg('Recently updated', { id: 'finder.sortUpdated' });
  }
}

function geoMessage(geo: GeoState): string {
  switch (geo) {
    case 'idle':
      return '';
    case 'locating':
      return msg('Finding your location…', { id: 'finder.geoLocating' });
    case 'located':
      return msg('Sorted by distance from where you are.', { id: 'finder.geoLocated' });
    case 'denied':
      return msg(
        'Location access was turned down. You can still search by name or area, or allow location in your browser settings.',
        { id: 'finder.geoDenied' },
      );
    case 'timeout':
      return msg('Finding your location took too long. Please try again.', {
        id: 'finder.geoTimeout',
      });
    case 'unavailable':
      return msg(
        'Your location is not available right now. You can still search by name or area.',
        { id: 'finder.geoUnavailable' },
      );
    case 'unsupported':
      return msg('This browser cannot share your location. You can still search by name or area.', {
        id: 'finder.geoUnsupported',
      });
  }
}
