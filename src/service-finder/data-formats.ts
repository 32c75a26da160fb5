/**
 * What a finder adds to its data loading (see `DataHooks`): the definitions of the formats that
 * give services. A page that names one of them (`format="json"`, `"hsds"`, `"csv"`, `"jsonld"`)
 * downloads that definition alone, not the sniffers and loaders of the feed and calendar formats;
 * `format="auto"` still reads with every format's sniffer.
 */
import type { DataHooks } from '../core/resource/data-controller.js';

export const finderHooks: DataHooks<'service'> = {
  formats: {
    json: () => import('../core/readers/formats/json.js').then((m) => m.jsonFormat),
    csv: () => import('../core/readers/formats/csv.js').then((m) => m.csvFormat),
    hsds: () => import('../core/readers/formats/hsds.js').then((m) => m.hsdsFormat),
    jsonld: () => import('../core/readers/formats/jsonld.js').then((m) => m.jsonLdFormat),
  },
};
