/**
 * Where drafts live: an IndexedDB store through idb-keyval. A chunk of its own, requested the
 * first time a form with drafts reads or writes one (a `no-draft` form never downloads it).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

let store: UseStore | undefined;
const drafts = (): UseStore => (store ??= createStore('dandelion-intake-drafts', 'drafts'));

export const readDraft = <T>(key: string): Promise<T | undefined> => get<T>(key, drafts());
export const writeDraft = (key: string, value: unknown): Promise<void> => set(key, value, drafts());
export const dropDraft = (key: string): Promise<void> => del(key, drafts());
