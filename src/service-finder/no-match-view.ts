/**
 * What the finder shows when nothing matches: the message, the categories that have services
 * (each a button that clears the search and shows that category), a `help` slot for a way to ask
 * a person (the site's phone or message link), and the `empty` slot.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FinderScreen } from './screen.js';

/** The view's styles (adopted with this chunk). */
export const styles = css`
  .no-match {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .no-match p {
    margin: 0;
  }

  .suggestions {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .suggestion-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
`;

/** At most this many categories are suggested, the ones with the most services first. */
const suggestionLimit = 8;

export function renderNoMatch(c: FinderScreen): TemplateResult {
  const categories = (c.view.facets?.categories ?? [])
    .filter((o) => o.depth === 0 && o.count > 0)
    .sort((a, b) => b.count - a.count || c.view.fmt.compare(a.name, b.name))
    .slice(0, suggestionLimit);
  return html`<div part="status" class="no-match">
    <p>
      ${msg('No services match your search. Try other words or fewer filters.', {
        id: 'finder.noMatch',
      })}
    </p>
    ${
      categories.length
        ? html`<div class="suggestions">
            <p id="suggestions-title">
              ${msg('Or see every service in a category:', { id: 'finder.suggestCategories' })}
            </p>
            <ul class="suggestion-list" aria-labelledby="suggestions-title">
              ${categories.map(
                (o) =>
                  html`<li>
                    <button
                      part="button"
                      class="button secondary"
                      type="button"
                      data-category=${o.id}
                      @click=${() => c.actions.browse(o.id)}
                    >
                      ${o.name}
                    </button>
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing
    }
    <slot name="help"></slot>
    <slot name="empty"></slot>
  </div>`;
}
