import { defineElement } from '../core/define.js';
import { StoryCarousel } from './story-carousel.js';

defineElement('story-carousel', StoryCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'story-carousel': StoryCarousel;
  }
}
