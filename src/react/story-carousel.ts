/**
 * `dandelion-widgets/react/story-carousel`: `<story-carousel>` as a React component (via `@lit/react`).
 * Imports only this widget, and registers `<story-carousel>` if the name is still free. Props are
 * the element's properties (`src`, `itemsPath`, objects too); `onDandelionLoad`, `onDandelionError` and `onDandelionSelect`
 * receive the `dandelion-*` events with their typed `detail`.
 *
 * ```tsx
 * import { StoryCarousel } from 'dandelion-widgets/react/story-carousel';
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { StoryCarousel as StoryCarouselElement } from '../story-carousel/index.js';
import type {
  DandelionErrorDetail,
  DandelionLoadDetail,
  DandelionSelectDetail,
  Story,
} from '../story-carousel/class.js';

/** `<story-carousel>` as a React component. */
export const StoryCarousel = createComponent({
  react: React,
  tagName: 'story-carousel',
  elementClass: StoryCarouselElement,
  events: {
    onDandelionLoad: 'dandelion-load' as EventName<CustomEvent<DandelionLoadDetail<Story>>>,
    onDandelionError: 'dandelion-error' as EventName<CustomEvent<DandelionErrorDetail>>,
    onDandelionSelect: 'dandelion-select' as EventName<CustomEvent<DandelionSelectDetail<Story>>>,
  },
  displayName: 'StoryCarousel',
});
