/**
 * `dandelion-widgets/story-carousel`: defines `<story-carousel>` if the name is still free (see
 * `core/define.ts`) and exports its class and public types. `…/story-carousel/class` exports the
 * same and defines nothing, for sites that choose their own tag name.
 */
import './define.js';

export * from './class.js';
