/**
 * `dandelion-widgets/service-finder`: defines `<service-finder>` if the name is still free (see
 * `core/define.ts`) and exports its class and public types. `…/service-finder/class` exports the
 * same and defines nothing, for sites that choose their own tag name.
 */
import './define.js';

export * from './class.js';
