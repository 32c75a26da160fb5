/**
 * The record → model function of each kind, each loaded on its own: the finder's page downloads
 * the service code only, never the event or story code (the JSON and CSV formats' way in).
 *
 * A service's ages, opening hours and update dates (`service-details.ts`) load only with the
 * first record that has them (`lazy-part.ts`).
 *
 * Each kind's modules are asked for side by side: a CDN build has no modulepreload, so a chunk
 * found only inside another chunk would wait for it (one more round trip before content).
 */
import { DandelionError } from '../errors.js';
import type { ModelByKind, ModelKind } from '../models.js';
import type { Converter } from './records.js';

/** Events and stories read dates; a service only with its details (`service-details.ts`). */
const shared = (dates?: boolean) =>
  Promise.all([import('./keys.js'), import('./values.js'), dates && import('./dates.js')]);

/**
 * The one kind a single-widget CDN file reads (`vite.config.ts` defines it: the carousel's file
 * never asks for service or event code, so it carries no loader for them); every kind elsewhere
 * (the npm build, `core`, the all-widgets file, tests).
 */
declare const __DANDELION_KIND__: ModelKind | null | undefined;
const only = typeof __DANDELION_KIND__ === 'string' ? __DANDELION_KIND__ : undefined;

const loaders: { [K in ModelKind]?: () => Promise<Converter<ModelByKind[K]>> } = {
  service:
    only && only !== 'service'
      ? undefined
      : () =>
          Promise.all([import('./service.js'), import('./where.js'), shared()]).then(
            ([code]) => code.recordToService,
          ),
  event:
    only && only !== 'event'
      ? undefined
      : () =>
          Promise.all([
            import('./event.js'),
            import('./when.js'),
            import('./where.js'),
            shared(true),
          ]).then(([code]) => code.recordToEvent),
  story:
    only && only !== 'story'
      ? undefined
      : () =>
          Promise.all([import('./story.js'), shared(true)]).then(([code]) => code.recordToStory),
};

/** Loads the record → model function of `kind`. */
export function loadConverter(kind: ModelKind): Promise<Converter<ModelByKind[ModelKind]>> {
  const load = loaders[kind];
  return load
    ? load()
    : Promise.reject(new DandelionError('format', `this file reads ${only} records, not ${kind}`));
}
