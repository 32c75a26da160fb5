/**
 * What a finder adds to its data loading (see `DataHooks`): the definitions of the formats most
 * service directories publish. A page that names one of them (`format="json"`, `"hsds"`, `"csv"`)
 * downloads that definition alone, not the sniffers and loaders of the other formats (JSON-LD,
 * the feeds, the calendars); `format="auto"` and the others read with the registry.
 */
import type { DataHooks } from '../core/resource/data-controller.js';

export const finderHooks: DataHooks<'service'> = {
  definitions: {
    json: () => import('../core/readers/formats/json.js').then((m) => m.jsonFormat),
    csv: () => import('../core/readers/formats/csv.js').then((m) => m.csvFormat),
    hsds: () => import('../core/readers/formats/hsds.js').then((m) => m.hsdsFormat),
  },
};
