/**
 * The notice that some records of the data could not be shown. Its words are a chunk of their
 * own (`skipped-view.ts`) with, where the CDN build splits the translations, the rest of the
 * messages: asked for by the update that shows the results, which do not wait for it; the notice
 * appears once its words are there (never in English first). If they cannot be downloaded, the
 * list stays without the notice (the console warning of the data controller names the records).
 */
import { nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import type { Formatters } from './formatters.js';

export class SkippedNotice
  extends LazyModule<typeof import('./skipped-view.js')>
  implements ReactiveController
{
  constructor(
    host: ReactiveElement,
    /** How many records the readers skipped in the data shown. */
    private readonly skipped: () => number,
  ) {
    super(host, {
      load: () => import('./skipped-view.js'),
      what: 'the skipped-records notice',
      laterMessages: true,
    });
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.skipped() > 0 && this.state === undefined) void this.load();
  }

  /** The notice, once its words are there (nothing before, or when no record was skipped). */
  render(fmt: Formatters): TemplateResult | typeof nothing {
    const n = this.skipped();
    return n > 0 && this.module ? this.module.renderSkipped(fmt, n) : nothing;
  }
}
