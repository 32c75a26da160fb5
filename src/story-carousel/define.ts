/** Registers `<story-carousel>` (the side effect of `dandelion-widgets/story-carousel`). */
import { defineElement } from '../core/define.js';
import { StoryCarousel } from './story-carousel.js';

defineElement('story-carousel', StoryCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'story-carousel': StoryCarousel;
  }
}
