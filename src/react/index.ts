/**
 * `dandelion-widgets/react`: React components for the four widgets, made with `@lit/react`.
 * Attributes become props (camelCase properties such as `itemsPath`), and the `dandelion-*`
 * events become `onDandelionLoad`, `onDandelionError`, `onDandelionSelect` and
 * `onDandelionSubmit` callbacks.
 *
 * ```tsx
 * import { ServiceFinder } from 'dandelion-widgets/react';
 * <ServiceFinder src="/api/services" onDandelionSelect={(e) => console.log(e.detail.item)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ServiceFinder as ServiceFinderElement } from '../service-finder/index.js';
import { EventCalendar as EventCalendarElement } from '../event-calendar/index.js';
import { IntakeForm as IntakeFormElement } from '../intake-form/index.js';
import { StoryCarousel as StoryCarouselElement } from '../story-carousel/index.js';
import type {
  DandelionErrorEvent,
  DandelionLoadEvent,
  DandelionSelectEvent,
  DandelionSubmitEvent,
} from '../core/events.js';

const dataEvents = {
  onDandelionLoad: 'dandelion-load' as EventName<DandelionLoadEvent>,
  onDandelionError: 'dandelion-error' as EventName<DandelionErrorEvent>,
  onDandelionSelect: 'dandelion-select' as EventName<DandelionSelectEvent>,
};

/** `<service-finder>` as a React component. */
export const ServiceFinder = createComponent({
  react: React,
  tagName: 'service-finder',
  elementClass: ServiceFinderElement,
  events: dataEvents,
  displayName: 'ServiceFinder',
});

/** `<event-calendar>` as a React component. */
export const EventCalendar = createComponent({
  react: React,
  tagName: 'event-calendar',
  elementClass: EventCalendarElement,
  events: dataEvents,
  displayName: 'EventCalendar',
});

/** `<story-carousel>` as a React component. */
export const StoryCarousel = createComponent({
  react: React,
  tagName: 'story-carousel',
  elementClass: StoryCarouselElement,
  events: dataEvents,
  displayName: 'StoryCarousel',
});

/** `<intake-form>` as a React component. */
export const IntakeForm = createComponent({
  react: React,
  tagName: 'intake-form',
  elementClass: IntakeFormElement,
  events: {
    onDandelionSubmit: 'dandelion-submit' as EventName<DandelionSubmitEvent>,
    onDandelionError: 'dandelion-error' as EventName<DandelionErrorEvent>,
  },
  displayName: 'IntakeForm',
});
