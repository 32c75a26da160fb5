/**
 * The form's `schema` as a core {@link ResourceController}: a URL is fetched by the same rules as
 * every widget's data (timeout, abort and latest-wins, retries with backoff, the 10 MB cap,
 * charset decoding, `aria-busy`, the shared error messages and `dandelion-error`), then read
 * into a form model; an inline schema object is read at once. A schema with `pattern`s waits for
 * the linear-time pattern engine first, so no pattern runs on the page's own RegExp engine.
 */
import { startRequest, takeRequest } from '../core/data/early-request.js';
import { DandelionError } from '../core/errors.js';
import {
  absoluteUrl,
  ResourceController,
  type ResourceHost,
  type ResourceRequest,
} from '../core/resource/resource-controller.js';
import { patternsReady } from './patterns.js';
import { readSchema, type IntakeForm as FormModel } from './schema.js';
import type { JsonSchema } from './validate.js';

export interface SchemaInputs {
  /** A URL (attribute) or the schema object (property). */
  schema?: string | JsonSchema | null;
  /** Seconds one request may take. */
  timeout: number;
}

/** The form model of a schema document; a document that cannot be a form is a `format` error. */
function toModel(json: unknown): FormModel {
  let model: FormModel;
  try {
    model = readSchema(json);
  } catch (error) {
    throw new DandelionError(
      'format',
      error instanceof Error ? error.message : String(error),
      undefined,
      {
        attribute: 'schema',
        hint: 'Point schema at an intake form schema: a JSON Schema object with "properties" (see "<intake-form>" in the README).',
      },
    );
  }
  if (model.problems.length > 0) {
    console.warn(
      '[dandelion] <intake-form> schema keywords not supported:',
      model.problems.map((p) => `${p.keyword} (${p.at || '/'})`).join(', '),
    );
  }
  return model;
}

/** Reads a schema document once its patterns can run (at once when it has none). */
function read(json: unknown): FormModel | Promise<FormModel> {
  const engine = patternsReady(json);
  return engine ? engine.then(() => toModel(json)) : toModel(json);
}

/** The fetch rules' chunk, once it is loaded (then requests need no head start). */
let fetching: typeof import('../core/data/fetch-text.js') | undefined;

async function fetchSchema(url: string, inputs: SchemaInputs, request: ResourceRequest) {
  const options = {
    signal: request.signal,
    timeout: Math.max(0.05, inputs.timeout) * 1000,
    accept: 'application/schema+json, application/json',
  };
  // The fetch rules are a chunk of their own (a form with an inline schema never needs them);
  // before it is there, the request starts at once and the rules take it over.
  if (!fetching) startRequest(url, request.signal, undefined, options.accept);
  fetching ??= await import('../core/data/fetch-text.js');
  const { text } = await fetching.fetchText(url, {
    ...options,
    first: takeRequest(url, undefined, options.accept),
    onFailure: request.onFailure,
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DandelionError('parse', `the schema at ${url} is not JSON`, undefined, {
      cause: error,
    });
  }
  return read(json);
}

/** The `schema` input as a resource whose content is the form model. */
export function schemaResource(
  host: ResourceHost,
  inputs: () => SchemaInputs,
): ResourceController<SchemaInputs, FormModel> {
  return new ResourceController(host, {
    args: inputs,
    // Not the timeout: changing it must not load the form again (and lose the answers).
    key: ({ schema }) => [typeof schema === 'string' ? schema.trim() : schema],
    source: ({ schema }) => {
      if (typeof schema === 'string') {
        return schema.trim() ? absoluteUrl(schema.trim()) : undefined;
      }
      return schema ? 'schema' : undefined;
    },
    task: (i, request) =>
      typeof i.schema === 'string' ? fetchSchema(request.source, i, request) : read(i.schema),
    isEmpty: () => false,
    // The person's answers live on the loaded form: coming back to the page keeps it.
    reconnect: 'resume',
    // A new schema is another form: the old one goes at once.
    keepContent: false,
    // `schema` is an attribute or property: its request starts when the form connects.
    eager: true,
    attribute: 'schema',
  });
}
