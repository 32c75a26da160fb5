/**
 * `dandelion-widgets/react`: all four widgets as React components, made with `@lit/react`.
 * Importing it registers all four elements; an app that uses one widget imports that one from
 * `dandelion-widgets/react/<widget>` instead (`…/react/service-finder` …) and loads only it.
 * Attributes become props (camelCase properties such as `itemsPath`), and the `dandelion-*`
 * events become `onDandelionLoad`, `onDandelionError`, `onDandelionSelect` and
 * `onDandelionSubmit` callbacks with typed `detail` (`Service`, `CalendarEvent`, `Story` …).
 *
 * ```tsx
 * import { ServiceFinder } from 'dandelion-widgets/react';
 * <ServiceFinder src="/api/services" onDandelionSelect={(e) => console.log(e.detail.item.name)} />
 * ```
 */
export { ServiceFinder } from './service-finder.js';
export { EventCalendar } from './event-calendar.js';
export { IntakeForm } from './intake-form.js';
export { StoryCarousel } from './story-carousel.js';
