/**
 * The page's own markup (`<story-carousel><article>…</article></story-carousel>`) as a reader
 * step of a core {@link ResourceController}: no request, just the markup reader (a small chunk
 * only markup users load) over the children that are slotted as stories. Read again whenever
 * they change (`version`), the latest read winning; no `dandelion-load` (the page wrote them).
 */
import type { Story } from '../core/models.js';
import { ResourceController, type ResourceHost } from '../core/resource/resource-controller.js';

export interface MarkupInputs {
  /** Children that become stories (the default slot's elements). */
  elements: Element[];
  /** Bumped on every change to those children or inside them. */
  version: number;
  /** Whether `src`/`.data` is set: then the markup is not the source. */
  hasData: boolean;
}

export function markupStories(
  host: ResourceHost,
  inputs: () => MarkupInputs,
): ResourceController<MarkupInputs, Story[]> {
  return new ResourceController(host, {
    args: inputs,
    key: (i) => [i.version, i.hasData, ...i.elements],
    source: (i) => (i.hasData || i.elements.length === 0 ? undefined : 'markup'),
    // The server cannot see the page's markup: without `src`/`.data` it shows the loading state.
    serverLoads: (i) => !i.hasData,
    task: async ({ elements }) =>
      (await import('./slotted-stories.js')).readSlottedStories(elements),
  });
}
