/** `<service-finder>` entry point: defines the element (if the name is free) and exports its API. */
import './define.js';

export { ServiceFinder } from './service-finder.js';
export type { FinderFilters, FinderSort } from './finder-state.js';
export type { Service } from '../core/models.js';
export type {
  DandelionSelectDetail,
  DandelionLoadDetail,
  DandelionErrorDetail,
} from '../core/events.js';
