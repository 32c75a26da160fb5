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
import { StoryCarousel as StoryCarouselElement } from '../story-carousel/index.js';
import type { Story } from '../story-carousel/class.js';
import { dataEvents, widgetComponent } from './widget-component.js';

/** `<story-carousel>` as a React component. */
export const StoryCarousel = widgetComponent(
  'story-carousel',
  StoryCarouselElement,
  dataEvents<Story>(),
);
