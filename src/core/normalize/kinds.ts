/**
 * The record → model function of each kind, each loaded on its own: the finder's page downloads
 * the service code only, never the event or story code (the JSON reader's way in).
 */
import type { ModelByKind, ModelKind } from '../models.js';
import type { Converter } from './records.js';

const loaders: { [K in ModelKind]: () => Promise<Converter<ModelByKind[K]>> } = {
  service: () => import('./service.js').then((code) => code.recordToService),
  event: () => import('./event.js').then((code) => code.recordToEvent),
  story: () => import('./story.js').then((code) => code.recordToStory),
};

/** Loads the record → model function of `kind`. */
export function loadConverter(kind: ModelKind): Promise<Converter<ModelByKind[ModelKind]>> {
  return loaders[kind]();
}
