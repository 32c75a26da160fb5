/**
 * "3 entries in the data could not be shown": a chunk of its own (`skipped-notice.ts`), since
 * most data has no such records and the results need not wait for these words.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Formatters } from './formatters.js';

export function renderSkipped(fmt: Formatters, n: number): TemplateResult {
  const count = fmt.number.format(n);
  const text =
    fmt.plural.select(n) === 'one'
      ? msg(
          str`${count} entry in the data could not be shown (for example, a missing name or a repeated id).`,
          { id: 'finder.skippedOne' },
        )
      : msg(
          str`${count} entries in the data could not be shown (for example, a missing name or a repeated id).`,
          { id: 'finder.skippedOther' },
        );
  return html`<p class="skipped">${text}</p>`;
}
