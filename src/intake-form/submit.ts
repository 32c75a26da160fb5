/**
 * One delivery attempt of a submission: POST the JSON with its Idempotency-Key and sort the
 * outcome into *sent*, *retry later* (network, timeout, 5xx, 408, 409, 425, 429) or *rejected*
 * (other 4xx, with RFC 9457 problem details mapped to fields where the server gave pointers).
 */
import { DandelionError } from '../core/errors.js';
import type { IssueParams } from './validate.js';

/** A submission on its way: stored in the outbox until the server confirms it. */
export interface OutboxEntry {
  /** The Idempotency-Key: the same for every attempt of this submission. */
  id: string;
  /** Which form (and outbox) it belongs to. */
  storageKey: string;
  /** Absolute URL it is posted to. */
  action: string;
  /** The JSON body, exactly as sent on every attempt. */
  body: string;
  createdAt: number;
  attempts: number;
}

/** One field error from a problem document (`errors[]`, RFC 9457 extension member). */
export interface ProblemFieldError {
  /** JSON Pointer to the answer, e.g. `/child/birthDate` (a leading `#` is accepted). */
  pointer: string;
  detail?: string;
  /** Validator code, when the server uses the same validator (lets the form localize). */
  code?: string;
  params?: IssueParams;
}

/** RFC 9457 problem details, as far as the form reads them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

export type SendResult =
  | { outcome: 'sent'; status: number; reference?: string; serverId?: string }
  | { outcome: 'retry'; error: DandelionError }
  | { outcome: 'rejected'; status: number; problem: Problem };

const retryStatus = new Set([408, 409, 425, 429]);

function readProblem(value: unknown): Problem {
  if (!value || typeof value !== 'object') return {};
  const raw = value as Record<string, unknown>;
  const problem: Problem = {};
  if (typeof raw.title === 'string') problem.title = raw.title;
  if (typeof raw.detail === 'string') problem.detail = raw.detail;
  if (typeof raw.type === 'string') problem.type = raw.type;
  if (typeof raw.status === 'number') problem.status = raw.status;
  if (Array.isArray(raw.errors)) {
    problem.errors = raw.errors.flatMap((e): ProblemFieldError[] => {
      if (!e || typeof e !== 'object') return [];
      const item = e as Record<string, unknown>;
      if (typeof item.pointer !== 'string') return [];
      return [
        {
          pointer: item.pointer.replace(/^#/, ''),
          detail: typeof item.detail === 'string' ? item.detail : undefined,
          code: typeof item.code === 'string' ? item.code : undefined,
          params:
            item.params && typeof item.params === 'object'
              ? (item.params as IssueParams)
              : undefined,
        },
      ];
    });
  }
  return problem;
}

/** Posts one submission once. Never throws: every outcome is a {@link SendResult}. */
export async function sendEntry(entry: OutboxEntry, timeoutMs: number): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The server did not answer in time', 'TimeoutError')),
    timeoutMs,
  );
  try {
    // `fetch` is looked up on each call (not captured at load), so it is the page's current one.
    const response = await globalThis.fetch(entry.action, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Idempotency-Key': entry.id,
      },
      body: entry.body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (response.ok) {
      const body = (json ?? {}) as Record<string, unknown>;
      return {
        outcome: 'sent',
        status: response.status,
        reference: typeof body.reference === 'string' ? body.reference : undefined,
        serverId: typeof body.id === 'string' ? body.id : undefined,
      };
    }
    if (response.status >= 500 || retryStatus.has(response.status)) {
      return {
        outcome: 'retry',
        error: new DandelionError('http', `HTTP ${response.status}`, response.status),
      };
    }
    return { outcome: 'rejected', status: response.status, problem: readProblem(json) };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return {
      outcome: 'retry',
      error: new DandelionError(
        timedOut ? 'timeout' : 'network',
        error instanceof Error ? error.message : String(error),
        undefined,
        { cause: error },
      ),
    };
  } finally {
    clearTimeout(timer);
  }
}
