/**
 * `dandelion-widgets/service-finder/class`: the `ServiceFinder` class and its public types.
 * Registers no tag name (importing it has no side effects): pick your own with
 * `customElements.define('my-service-finder', ServiceFinder)`, or extend the class first.
 */
export { ServiceFinder } from './service-finder.js';
export type { FinderFilters, FinderSort } from './finder-state.js';
export type { SynonymGroups } from './synonyms.js';
export type { Service } from '../core/models.js';
export type {
  DandelionSelectDetail,
  DandelionLoadDetail,
  DandelionErrorDetail,
} from '../core/events.js';
