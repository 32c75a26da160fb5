/**
 * `dandelion-widgets`: defines all four widgets (each only if its tag name is still free) and
 * re-exports the core. Import a single widget from `dandelion-widgets/<widget>` to load less.
 */
export * from './core/index.js';
export { ServiceFinder } from './service-finder/index.js';
export { EventCalendar } from './event-calendar/index.js';
export { IntakeForm } from './intake-form/index.js';
export { StoryCarousel } from './story-carousel/index.js';
