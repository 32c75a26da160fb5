/** `dandelion-widgets/story-carousel`: defines `<story-carousel>` (if the name is still free). */
import './define.js';

export { StoryCarousel } from './story-carousel.js';
export type { Story, StoryImage } from '../core/models.js';
export type {
  DandelionSelectDetail,
  DandelionLoadDetail,
  DandelionErrorDetail,
} from '../core/events.js';
