/**
 * The finder's filter panel as the first view has it: a disclosure (`<details part="filters">`)
 * with the number of filters on in its summary. Its controls come with the panel's chunk
 * (`filter-panel.ts`, loaded when the panel opens or a filter is on); if that chunk cannot be
 * downloaded, the panel says so and offers to try again. Left out when nothing can be filtered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { networkErrorMessage } from '../core/network-error.js';
import { renderError } from '../core/status-view.js';
import type { FinderScreen } from './screen.js';

export function renderFilterPanel(c: FinderScreen): TemplateResult | typeof nothing {
  const { view, filterCode: code } = c;
  if (!view.filterable) return nothing;
  const n = c.activeFilters;
  return html`<details
    part="filters"
    class="filters"
    ?open=${c.filtersOpen}
    @toggle=${c.actions.toggleFilters}
  >
    <summary>
      ${
        n > 0
          ? msg(str`Filters (${view.fmt.number.format(n)} on)`, { id: 'finder.filtersActive' })
          : msg('Filters', { id: 'finder.filters' })
      }
    </summary>
    ${
      code === 'failed'
        ? renderError(networkErrorMessage(), c.actions.loadFilters)
        : code && view.facets
          ? code.renderFilterGrid(c, view.facets)
          : nothing
    }
  </details>`;
}
