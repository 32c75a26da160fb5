/**
 * What the reader tests (tests/core/readers/) share: fixtures from the test server, the
 * DandelionError a reader throws, items by id. Their property tests use properties.ts.
 */
import { expect } from '@open-wc/testing';
import { DandelionError } from '../../src/core/errors.js';
import type { DandelionErrorKind } from '../../src/core/events.js';

/** Files under tests/fixtures/, e.g. `fixture.text('feed/rss2.xml')`. */
export const fixture = {
  async text(path: string): Promise<string> {
    const response = await fetch(`/tests/fixtures/${path}`);
    if (!response.ok) throw new Error(`no fixture ${path} (${response.status})`);
    return response.text();
  },
  async json<T = unknown>(path: string): Promise<T> {
    return JSON.parse(await fixture.text(path)) as T;
  },
  async bytes(path: string): Promise<ArrayBuffer> {
    return (await fetch(`/tests/fixtures/${path}`)).arrayBuffer();
  },
};

/** The DandelionError `read` throws; fails the test when it throws nothing, or something else. */
export function thrown(read: () => unknown): DandelionError {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(DandelionError);
    return error as DandelionError;
  }
  throw new Error('expected a DandelionError, nothing was thrown');
}

/** The DandelionError an async reader rejects with. */
export async function rejected(read: Promise<unknown>): Promise<DandelionError> {
  try {
    await read;
  } catch (error) {
    expect(error).to.be.instanceOf(DandelionError);
    return error as DandelionError;
  }
  throw new Error('expected a DandelionError, nothing was thrown');
}

/** Asserts `read` throws a DandelionError of `kind`. */
export function expectKind(read: () => unknown, kind: DandelionErrorKind, what?: string): void {
  expect(thrown(read).kind, what).to.equal(kind);
}

/** The item with `id`; fails naming the ids there are. */
export function byId<T extends { id: string }>(items: T[], id: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id} in ${items.map((i) => i.id).join(', ')}`);
  return found;
}

/** A reader's result when a document holds nothing to show, and says nothing about it. */
export const nothingRead = { items: [], skipped: 0, warnings: [] } as const;

/**
 * What `load` gives, loaded once before the tests of the describe block this is called in (a
 * fixture, a reader's result); the returned function hands it to each test.
 */
export function loadBefore<T>(load: () => Promise<T>): () => T {
  let loaded: { value: T } | undefined;
  before(async () => {
    loaded = { value: await load() };
  });
  return () => {
    if (!loaded) throw new Error('loadBefore: only inside the tests of its describe block');
    return loaded.value;
  };
}
