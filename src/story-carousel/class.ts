/**
 * `dandelion-widgets/story-carousel/class`: the `StoryCarousel` class and its public types.
 * Registers no tag name (importing it has no side effects): pick your own with
 * `customElements.define('my-story-carousel', StoryCarousel)`, or extend the class first.
 */
export { StoryCarousel } from './story-carousel.js';
export type { Story, StoryImage } from '../core/models.js';
export type {
  DandelionSelectDetail,
  DandelionLoadDetail,
  DandelionErrorDetail,
} from '../core/events.js';
