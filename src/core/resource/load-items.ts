/**
 * The loading work of {@link DataController}: fetch (through the page-wide request cache), read
 * every page with its reader, join pages and drop duplicate ids, and the messages for what can go
 * wrong. Loaded on first use, so a widget that gets its content from markup never downloads the
 * fetch and reader machinery or the error messages. A page's first request does not wait for
 * this chunk: it starts when the widget connects, and the request cache takes it over.
 */
import { parseFieldMap, type FieldMap } from '../field-map.js';
import type { ModelByKind, ModelKind, ReadResult } from '../models.js';
import { lazyReading, preloadReader, read, type FormatDefinitions } from '../read.js';
import type { DataInputs } from './data-controller.js';
import { cachedPages } from '../data/request-cache.js';

export interface LoadedItems<T> {
  items: T[];
  /** Records that could not be used (skipped by a reader or duplicate ids). */
  skipped: number;
  /** Why records were skipped, in order. */
  warnings: string[];
}

export interface LoadRequest {
  /** Absolute URL of the source, or undefined for `data`. */
  source?: string;
  signal: AbortSignal;
  /** Bypasses the request cache (retry, `refresh`). */
  force: boolean;
  /** Told when a request failed (see `FetchOptions.onFailure`). */
  onFailure?: () => void;
}

/** Fetches and reads a widget's data by the design's rules. */
export async function loadItems<K extends ModelKind>(
  kind: K,
  inputs: DataInputs,
  request: LoadRequest,
  definitions?: FormatDefinitions,
): Promise<LoadedItems<ModelByKind[K]>> {
  const map =
    typeof inputs.map === 'string' ? await parseMap(inputs.map) : (inputs.map ?? undefined);
  const options = {
    kind,
    format: inputs.format ?? 'auto',
    map,
    itemsPath: inputs.itemsPath ?? undefined,
    transform: inputs.transform ?? undefined,
    imageOrigins: inputs.imageOrigins?.split(/\s+/).filter(Boolean),
    definitions,
  };
  let results: ReadResult<ModelByKind[K]>[];
  let docs: unknown[] = [inputs.data];
  const { source, ...fetching } = request;
  if (source) {
    void preloadReader(kind, options.format, source, definitions);
    const pages = await cachedPages(source, {
      ...fetching,
      credentials: inputs.credentials ?? undefined,
      timeout: inputs.timeout ? inputs.timeout * 1000 : undefined,
      maxPages: inputs.maxPages,
      pageOrigins: inputs.pageOrigins?.split(/\s+/).filter(Boolean),
    });
    docs = pages.map((page) => page.json);
    results = await Promise.all(
      pages.map((page) =>
        read(page.text, {
          ...options,
          parsed: page.json,
          baseUrl: page.url,
          contentType: page.contentType,
        }),
      ),
    );
  } else {
    results = [await read(inputs.data, options)];
  }
  const loaded = join(results);
  // Not one record could be used: a broken source, not an empty one. Saying "nothing
  // published yet" would hide it from the site owner.
  if (loaded.items.length === 0 && loaded.skipped > 0) {
    const { skipped, warnings } = loaded;
    const { itemsPath } = options;
    throw (await lazyReading.errors()).noUsableRecord({
      kind,
      skipped,
      warnings,
      docs,
      map,
      itemsPath,
    });
  }
  return loaded;
}

async function parseMap(text: string): Promise<FieldMap | undefined> {
  try {
    return parseFieldMap(text);
  } catch (error) {
    throw (await lazyReading.errors()).invalidMap(error);
  }
}

/** Joins pages and drops duplicate ids across pages (first wins). */
function join<T extends { id: string }>(results: ReadResult<T>[]): LoadedItems<T> {
  const seen = new Set<string>();
  const items: T[] = [];
  let skipped = 0;
  const warnings: string[] = [];
  for (const result of results) {
    skipped += result.skipped;
    warnings.push(...result.warnings);
    for (const item of result.items) {
      if (seen.has(item.id)) {
        skipped++;
        warnings.push(`duplicate id "${item.id}"`);
        continue;
      }
      seen.add(item.id);
      items.push(item);
    }
  }
  return { items, skipped, warnings };
}
