/**
 * The <intake-form> harness: puts a form on the page and acts on it as a person does — by the
 * question's label, the choice's title, the button's text — and reads back what a person sees
 * (messages, the error summary, the progress, the result). It also watches the page's
 * connection to the demo receiver (mounted at /api/ by the test runner, faults on) and reads
 * what the device stored (the draft, the outbox) and what the receiver stored (staff API).
 * A markup change inside the widget touches this file, not the tests.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import '../../src/intake-form/index.js';
import type { IntakeForm } from '../../src/intake-form/index.js';
import type { DandelionSubmitDetail } from '../../src/core/events.js';
import type { FakeClock } from './clock.js';
import { text } from './dom.js';
import { EventLog } from './events.js';
import { mount } from './mount.js';
import { settle, until } from './wait.js';

export type { IntakeForm };

/** The staff API's token in the test runner (tests/server/backend-middleware.mjs). */
export const staffToken = 'test-staff-token';

let counter = 0;
/** A storage key (and a marker) no other test uses, so drafts, outboxes and rows never mix. */
export function uniqueKey(name = 't'): string {
  counter++;
  return `${name}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A schema from tests/fixtures/intake/forms/. */
export async function loadForm(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(`/tests/fixtures/intake/forms/${name}.json`);
  return (await response.json()) as Record<string, unknown>;
}

/** The same schema with every question on one page (its `x-ui` steps left out). */
export function onOnePage(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(schema);
  delete copy['x-ui'];
  return copy;
}

// ——— What the device stored ———

let draftStore: UseStore | undefined;

const outboxDb = 'dandelion-intake-outbox';

/**
 * One transaction on the outbox database through a connection of its own, closed right after:
 * the harness never holds the database open (that would block the browser deleting it).
 */
function onOutbox<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(outboxDb);
    open.onupgradeneeded = () => open.result.createObjectStore('entries');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('entries', mode);
      const request = work(tx.objectStore('entries'));
      tx.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

/** The stored draft under `key` (as the widget wrote it), or undefined. */
export async function storedDraft(
  key: string,
): Promise<{ values: Record<string, unknown>; step: number } | undefined> {
  draftStore ??= createStore('dandelion-intake-drafts', 'drafts');
  // getAll, not get: `get` on the drafts store is how the harness sees the widget read its draft.
  const [draft] = await draftStore('readonly', (s) => promisifyRequest(s.getAll(key, 1)));
  return draft as { values: Record<string, unknown>; step: number } | undefined;
}

export interface StoredSubmission {
  id: string;
  body: string;
  attempts: number;
}

/** The submissions waiting in the outbox of `key` on this device. */
export async function storedOutbox(key: string): Promise<StoredSubmission[]> {
  return onOutbox('readonly', (s) => s.getAll(IDBKeyRange.bound([key], [key, []])));
}

/**
 * The browser deletes the answers waiting on this device, as when site data is cleared or
 * storage is evicted: the outbox database goes, whoever has it open. Rejects when a page keeps
 * it open and so blocks the deletion.
 */
export function browserDeletesOutbox(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(outboxDb);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () =>
      reject(new Error('a page keeps the outbox database open: the browser cannot delete it'));
  });
}

/**
 * How the browser answers a request for persistent storage (`navigator.storage.persist()`) in
 * this test: a permission, not time. `asked()` counts the requests.
 */
export function browserKeepsStorage(kept: boolean): { asked: () => number } {
  const storage = navigator.storage;
  let asked = 0;
  const stub = (name: 'persist' | 'persisted', value: () => Promise<boolean>) =>
    Object.defineProperty(storage, name, { value, configurable: true, writable: true });
  stub('persisted', () => Promise.resolve(false));
  stub('persist', () => {
    asked++;
    return Promise.resolve(kept);
  });
  storageAnswers.push(() => {
    delete (storage as Partial<StorageManager>).persist;
    delete (storage as Partial<StorageManager>).persisted;
  });
  return { asked: () => asked };
}
const storageAnswers: (() => void)[] = [];
afterEach(() => {
  for (const undo of storageAnswers.splice(0)) undo();
});

/** Every `get` on the drafts store, so a test knows when a form has looked for its draft. */
const draftReads: { key: unknown; request: IDBRequest }[] = [];
let watchingReads = false;
function watchDraftReads(): void {
  if (watchingReads) return;
  watchingReads = true;
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    const request = get.call(this, query);
    if (this.name === 'drafts') draftReads.push({ key: query, request });
    return request;
  };
}
const draftReadsDone = (key: string) =>
  draftReads.filter((r) => r.key === key && r.request.readyState === 'done').length;

/** Makes every write to IndexedDB fail as on a full device, until the returned function runs. */
export function fillTheDevice(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

// ——— The connection to the receiver ———

/**
 * The page's connection to the intake receiver, seen from the test: it counts the POSTs, knows
 * which are still on their way, and can make them fail (`X-Test-Fault`, a header only this
 * test-side wrapper of the page's fetch adds) or go nowhere (offline). It watches this page and
 * every other tab the test opened ({@link mountFormInTab}).
 */
class Receiver {
  /** Bodies of the answers POSTed to a receiver in this test, in order. */
  readonly posts: string[] = [];
  /** The Idempotency-Key of each POST in `posts`. */
  readonly keys: (string | null)[] = [];
  private originals = new Map<Window, typeof fetch>();
  private fault?: string;
  private offline = false;
  /** How many POSTs had gone out when the receiver last healed. */
  private healedAt = 0;
  /** POSTs of this test still waiting for an answer (one of an earlier test is not counted). */
  private inFlight = new Set<Promise<Response>>();

  watch(win: Window = window): void {
    if (this.originals.has(win)) return;
    const original = win.fetch;
    this.originals.set(win, original);
    win.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method !== 'POST' || !/\/api\/intake\//.test(url)) return original(input, init);
      const headers = new Headers(init?.headers);
      this.posts.push(String(init?.body ?? ''));
      this.keys.push(headers.get('Idempotency-Key'));
      if (this.offline) return Promise.reject(new TypeError('Failed to fetch'));
      if (this.fault) headers.set('X-Test-Fault', this.fault);
      const inFlight = this.inFlight;
      const post = original(input, { ...init, headers });
      inFlight.add(post);
      return post.finally(() => inFlight.delete(post));
    };
  }

  /** How many POSTs went out with this Idempotency-Key (a submission's `id`), from any tab. */
  postsWith(id: string): number {
    return this.keys.filter((key) => key === id).length;
  }

  /** The receiver answers every POST from now on with this fault (500, timeout, …). */
  fail(fault: '500' | 'timeout' | 'drop-after-commit' | 'offline-once'): void {
    this.fault = fault;
  }

  /** The receiver works again. */
  heal(): void {
    this.fault = undefined;
    this.healedAt = this.keys.length;
  }

  /**
   * How many POSTs went out with this Idempotency-Key since the receiver healed. Before that the
   * number of failed attempts depends on timing the test does not control: a tab whose outbox
   * connects (its chunk arrives) after an answer waits tries it at once, as does a tab coming back
   * into view.
   */
  postsSinceHealWith(id: string): number {
    return this.keys.slice(this.healedAt).filter((key) => key === id).length;
  }

  /** How many POSTs went out, from any tab, since the receiver healed. */
  get postsSinceHeal(): number {
    return this.keys.length - this.healedAt;
  }

  /** The device loses its connection: every POST fails at once. */
  goOffline(): void {
    this.offline = true;
  }

  /** The connection is back, and the browser says so (`online`) in every open tab. */
  goOnline(): void {
    this.offline = false;
    for (const win of this.originals.keys()) win.dispatchEvent(new Event('online'));
  }

  /** How many POSTs are still waiting for an answer. */
  get waiting(): number {
    return this.inFlight.size;
  }

  /** Resolves once no POST is waiting for an answer. */
  async answered(): Promise<void> {
    await until(() => this.inFlight.size === 0, 'the receiver to answer every POST');
  }

  reset(): void {
    for (const [win, original] of this.originals) win.fetch = original;
    this.originals.clear();
    this.fault = undefined;
    this.offline = false;
    this.posts.length = 0;
    this.keys.length = 0;
    this.inFlight = new Set();
  }
}

export const receiver = new Receiver();
afterEach(() => receiver.reset());

export interface StoredRow {
  id: string;
  reference: string;
  key: string;
  receivedAt: string;
  data: Record<string, unknown>;
}

/** Rows the receiver stored for `form` whose answers contain `marker` (staff API). */
export async function storedRows(form: string, marker: string): Promise<StoredRow[]> {
  const response = await fetch(`/api/intake/${form}/submissions`, {
    headers: { Authorization: `Bearer ${staffToken}` },
  });
  if (!response.ok) throw new Error(`staff API: ${response.status}`);
  const { items } = (await response.json()) as { items: StoredRow[] };
  return items.filter((row) => JSON.stringify(row.data).includes(marker));
}

/**
 * The embedded database takes a while to start (its first request waits for it): call once per
 * file, in a `before` hook with a long timeout.
 */
export async function warmUp(): Promise<void> {
  for (;;) {
    const response = await fetch('/api/intake/test-signup/submissions', {
      headers: { Authorization: `Bearer ${staffToken}` },
    });
    if (response.ok) return;
    if (response.status !== 503) throw new Error(`the demo receiver answered ${response.status}`);
    await settle();
  }
}

/**
 * Lets fake time pass in steps of `stepMs` (one step a frame, real work in between) until
 * `done()` holds: for retries whose moment depends on when a failed attempt came back. Time
 * stands still while a POST waits for its answer, so a slow receiver never looks like a timeout.
 */
export async function letTimePass(
  clock: FakeClock,
  done: () => boolean | Promise<boolean>,
  what: string,
  stepMs = 1000,
): Promise<void> {
  await until(async () => {
    if (await done()) return true;
    if (receiver.waiting === 0) await clock.tickAsync(stepMs);
    return false;
  }, what);
}

/**
 * Resolves once everything a form started on its outbox before now has run: IndexedDB runs a
 * write only after the transactions that came before it, and a retry that read the outbox has
 * sent its POST (and been counted) by the time this write is done.
 */
export async function outboxSettled(): Promise<void> {
  await onOutbox('readwrite', (s) => s.delete(['outbox-settled']));
}

// ——— The form ———

export interface FormOptions {
  /** A schema object, or the URL of one. Default: the demo receiver's copy of `form`. */
  schema?: unknown;
  /** A form the demo receiver knows: where the answers go (and the schema, unless given). */
  form?: string;
  /** Where the answers go when there is no `form` (none: the form only fills a page form). */
  action?: string;
  lang?: string;
  key?: string;
  /** Seconds (default 60: no retry runs on its own unless a test lets time pass). */
  retryDelay?: number;
  /** Seconds (default 60: a busy receiver is slow, not gone). */
  timeout?: number;
  redirect?: string;
  noDraft?: boolean;
}

/** Mounts an <intake-form> (events recorded from before it connects) and waits for its form. */
export async function mountForm(options: FormOptions = {}): Promise<IntakeHarness> {
  const form = await mountFormLoading(options);
  await form.ready();
  return form;
}

/** Mounts an <intake-form> without waiting for its schema (loading and failure states). */
export async function mountFormLoading(options: FormOptions = {}): Promise<IntakeHarness> {
  receiver.watch();
  watchDraftReads();
  const key = options.key ?? uniqueKey('form');
  const schema = options.schema ?? (options.form ? `/api/forms/${options.form}.json` : undefined);
  const action = options.action ?? (options.form ? `/api/intake/${options.form}` : undefined);
  const readsBefore = draftReadsDone(key);
  const { el, events } = await mount<IntakeForm>(
    html`<intake-form
      lang=${options.lang ?? 'zh-Hans'}
      storage-key=${key}
      action=${ifDefined(action)}
      redirect=${ifDefined(options.redirect)}
      retry-delay=${options.retryDelay ?? 60}
      timeout=${options.timeout ?? 60}
      ?no-draft=${options.noDraft ?? false}
      .schema=${schema}
    ></intake-form>`,
  );
  return new IntakeHarness(el, events, key, readsBefore);
}

/**
 * Mounts a template that holds one <intake-form> somewhere inside (a page `<form>`, a `lang`
 * wrapper) and returns the page's root with the form's harness.
 */
export async function mountFormIn<T extends HTMLElement>(
  template: TemplateResult,
): Promise<{ page: T; form: IntakeHarness }> {
  receiver.watch();
  watchDraftReads();
  const { el: page, events } = await mount<T>(template);
  const el = page.querySelector('intake-form');
  if (!el) throw new Error('mountFormIn: no <intake-form> in the template');
  const form = new IntakeHarness(el, events, el.storageKey ?? '', 0);
  await form.ready();
  return { page, form };
}

/** Pages opened as other tabs in this test (removed after it, which closes them). */
const tabs: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const tab of tabs.splice(0)) tab.remove();
});

/**
 * Opens the form in another tab: a same-origin page of its own (an iframe) with its own window,
 * modules, timers and events, sharing this origin's storage, Web Locks and broadcast channels
 * as a second tab does. Its POSTs are watched by `receiver` like this page's.
 */
export async function mountFormInTab(options: FormOptions = {}): Promise<IntakeHarness> {
  receiver.watch();
  const tab = document.createElement('iframe');
  tab.srcdoc =
    '<!doctype html><html><head><meta charset="utf-8"></head><body>' +
    '<script type="module" src="/tests/support/intake-tab.ts"></script></body></html>';
  tabs.push(tab);
  document.body.append(tab);
  const win = await until(() => {
    const w = tab.contentWindow as (Window & { intakeReady?: boolean }) | null;
    return w?.intakeReady ? w : undefined;
  }, 'the other tab to load <intake-form>');
  receiver.watch(win);
  const key = options.key ?? uniqueKey('form');
  const schema = options.schema ?? (options.form ? `/api/forms/${options.form}.json` : undefined);
  const action = options.action ?? (options.form ? `/api/intake/${options.form}` : undefined);
  const doc = win.document;
  const container = doc.createElement('div');
  const el = doc.createElement('intake-form') as IntakeForm;
  const attributes: Record<string, string | undefined> = {
    lang: options.lang ?? 'zh-Hans',
    'storage-key': key,
    action,
    redirect: options.redirect,
    'retry-delay': String(options.retryDelay ?? 60),
    timeout: String(options.timeout ?? 60),
    'no-draft': options.noDraft ? '' : undefined,
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) el.setAttribute(name, value);
  }
  el.schema = schema as IntakeForm['schema'];
  container.append(el);
  const events = new EventLog(container);
  doc.body.append(container);
  const form = new IntakeHarness(el, events, key, 0);
  await form.ready();
  return form;
}

/** Closes the tab a form was opened in ({@link mountFormInTab}). */
export function closeTab(form: IntakeHarness): void {
  const tab = tabs.find((t) => t.contentDocument === form.el.ownerDocument);
  if (!tab) throw new Error('closeTab: this form is not in a tab the test opened');
  tab.remove();
}

/** The error message shown for a question, without the screen-reader prefix. */
function messageText(node: Element | null): string | null {
  if (!node) return null;
  return text(node)
    .replace(/^(错误：|錯誤：|Error:)/, '')
    .trim();
}

export class IntakeHarness {
  private readonly seen = { sent: 0, queued: 0 };

  constructor(
    readonly el: IntakeForm,
    readonly events: EventLog,
    /** Where this form keeps its draft and outbox. */
    readonly key: string,
    private readonly draftReadsBefore: number,
  ) {}

  private get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  private one<T extends Element = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  private must<T extends Element = HTMLElement>(selector: string, what: string): T {
    const found = this.one<T>(selector);
    if (!found) throw new Error(`no ${what} in <intake-form>: ${text(this.root)}`);
    return found;
  }

  /** The text of the first element matching `selector`, or null when there is none. */
  private textOf(selector: string): string | null {
    const found = this.one(selector);
    return found ? text(found) : null;
  }

  /** Clicks a button that must be there and lets the form answer. */
  private async click(selector: string, what: string): Promise<void> {
    this.must<HTMLButtonElement>(selector, what).click();
    await this.settle();
  }

  /** Waits for the form to be rendered from its schema (with its pickers of long lists). */
  async ready(): Promise<void> {
    await until(() => this.one('form'), 'the form to render');
    // A long list's searchable picker is its own chunk: a busy box holds its place till then.
    await until(() => !this.one('input[aria-busy="true"]'), 'the choice pickers to load');
    await settle(this.el);
  }

  /** Lets one round of rendering (and the promises before it) run. */
  settle(): Promise<void> {
    return settle(this.el);
  }

  /** Waits until the form has looked for its stored draft (and shown it, if there was one). */
  async draftChecked(): Promise<void> {
    await until(
      () => draftReadsDone(this.key) > this.draftReadsBefore,
      'the form to look for its draft',
    );
    await this.settle();
  }

  // ——— Finding questions ———

  /** Every question on the page now: its label (or legend) and its part. */
  private questions(): { label: string; field: HTMLElement }[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part~="field"]')].map((field) => ({
      // A label or legend above the control; a single checkbox has its label beside it.
      label:
        text(field.querySelector(':scope > .label')) ||
        text(field.querySelector<HTMLInputElement>('input')?.labels?.[0]),
      field,
    }));
  }

  /** The question whose label is `label` (exactly, or without "(optional)"), else contains it. */
  question(label: string): HTMLElement {
    const all = this.questions();
    const bare = (l: string) => l.replace(/\s*(（选填）|（選填）|\(optional\))$/, '');
    const exact = all.filter((q) => q.label === label || bare(q.label) === label);
    const found = exact.length ? exact : all.filter((q) => q.label.includes(label));
    if (found.length !== 1) {
      throw new Error(
        `${found.length} questions labelled ${JSON.stringify(label)} (questions here: ${JSON.stringify(all.map((q) => q.label))})`,
      );
    }
    return found[0].field;
  }

  /** Whether a question is on the page now. */
  has(label: string): boolean {
    return this.questions().some((q) => q.label.includes(label));
  }

  /** The question's control (the first one, for a group of choices). */
  control<T extends HTMLElement = HTMLInputElement>(label: string): T {
    const control = this.question(label).querySelector<T>('input, select, textarea');
    if (!control) throw new Error(`no control for ${label}`);
    return control;
  }

  /** The choices of a question with radios or checkboxes, by their titles. */
  choices(label: string): { title: string; input: HTMLInputElement }[] {
    return [...this.question(label).querySelectorAll<HTMLInputElement>('input')].map((input) => ({
      title: text(input.labels?.[0]),
      input,
    }));
  }

  /** The choice of a question titled `title`. */
  choice(label: string, title: string): HTMLInputElement {
    const all = this.choices(label);
    const found = all.find((c) => c.title === title);
    if (!found) {
      throw new Error(
        `no choice ${title} in ${label} (${JSON.stringify(all.map((c) => c.title))})`,
      );
    }
    return found.input;
  }

  /** The label text of a question as shown (with "(optional)"). */
  label(label: string): string {
    return this.questions().find((q) => q.field === this.question(label))!.label;
  }

  /** The hint under a question's label. */
  hint(label: string): string {
    return text(this.question(label).querySelector('.hint'));
  }

  /**
   * What a screen reader reads after a question's label: the texts its `aria-describedby`
   * points to (hint, character count, error), in order.
   */
  description(label: string): string[] {
    const question = this.question(label);
    const described = question.matches('fieldset') ? question : this.control(label);
    return (described.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => text(this.root.getElementById(id)));
  }

  /** Whether a single checkbox question is shown as a consent (the box that must be ticked). */
  isConsent(label: string): boolean {
    return this.question(label).classList.contains('consent');
  }

  /** The titles of the groups of questions (nested objects), in order. */
  groups(): string[] {
    return [...this.root.querySelectorAll('[part~="group"] > legend')].map((l) => text(l));
  }

  /** The error message a question shows now, or null. */
  error(label: string): string | null {
    return messageText(this.question(label).querySelector('.error-message'));
  }

  /** The character count under a text question ("已写 0 字，最多 100 字"); '' when none shows. */
  count(label: string): string {
    const control = this.control(label);
    return text(this.root.getElementById(`${control.id}-count`));
  }

  /** What the question's polite live region says about its length now ('' when silent). */
  countAnnouncement(label: string): { text: string; live: string | null } {
    const region = this.question(label).querySelector('[aria-live]');
    return { text: text(region), live: region?.getAttribute('aria-live') ?? null };
  }

  // ——— Acting ———

  /** Types `value` into a question and leaves it, as a person does. */
  async fill(label: string, value: string): Promise<void> {
    const control = this.control<HTMLInputElement | HTMLTextAreaElement>(label);
    control.focus();
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    control.blur();
    // A page without system focus (other test pages came before it) gets no focusout from blur():
    // leave the field the way the browser reports it when focus moves on.
    if (!this.root.activeElement || this.root.activeElement === control) {
      control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    }
    await this.settle();
  }

  /** Types `value` into a question and stays in it. */
  async type(label: string, value: string): Promise<void> {
    const control = this.control<HTMLInputElement>(label);
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  /**
   * Picks a choice: an option of a select, a radio, (toggles) a checkbox of a group, or in the
   * searchable picker of a long list, types the title and clicks the option that shows up.
   */
  async choose(label: string, title: string): Promise<void> {
    const control = this.control<HTMLElement>(label);
    if (control.getAttribute('role') === 'combobox') {
      await this.search(label, title);
      const option = this.pickerOptionElements(label).find((o) => text(o) === title);
      if (!option) {
        throw new Error(
          `no option ${title} in ${label} (shown: ${JSON.stringify(this.pickerOptions(label))})`,
        );
      }
      option.click();
    } else if (control instanceof HTMLSelectElement) {
      const index = [...control.options].findIndex((o) => text(o) === title);
      if (index < 0) throw new Error(`no option ${title} in ${label}`);
      control.selectedIndex = index;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      this.choice(label, title).click();
    }
    await this.settle();
  }

  /** Types `words` into the searchable picker of a long list (and stays in it). */
  async search(label: string, words: string): Promise<void> {
    const box = this.control(label);
    box.focus();
    box.value = words;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  private pickerOptionElements(label: string): HTMLElement[] {
    return [...this.question(label).querySelectorAll<HTMLElement>('[role="option"]')];
  }

  /** The choices the picker of a long list shows now ([] while its list is closed). */
  pickerOptions(label: string): string[] {
    return this.pickerOptionElements(label).map((o) => text(o));
  }

  /** The option the picker's visual focus is on (`aria-activedescendant`), or null. */
  activeOption(label: string): string | null {
    const id = this.control(label).getAttribute('aria-activedescendant');
    return id ? text(this.root.getElementById(id)) : null;
  }

  /** What the picker says about its matches ("先显示前 50 个（共 220 个）…"), or '' when closed. */
  pickerStatus(label: string): string {
    return text(this.question(label).querySelector('.picker-status:not([hidden])'));
  }

  /** How many choices (options of selects and pickers, radios, checkboxes) are on the page. */
  choicesRendered(): number {
    return this.root.querySelectorAll(
      'option, [role="option"], input[type="radio"], input[type="checkbox"]',
    ).length;
  }

  /** Ticks (or unticks) a single checkbox question, such as consent. */
  async check(label: string): Promise<void> {
    this.control(label).click();
    await this.settle();
  }

  /** Fills the field people never see (only bots fill it). */
  fillHoneypot(value: string): void {
    const trap = this.must<HTMLInputElement>('#hp', 'honeypot');
    trap.value = value;
    trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** The button that goes to the next step or submits ("下一步", "提交"). */
  primaryButton(): HTMLButtonElement | null {
    return this.one<HTMLButtonElement>('button[type="submit"]');
  }

  /** Clicks the primary button without waiting for anything. */
  press(): void {
    const button = this.primaryButton();
    if (!button) throw new Error('no submit button in <intake-form>');
    button.click();
  }

  /** Clicks "next" and lets the form answer (the next step, or the errors of this one). */
  async next(): Promise<void> {
    this.press();
    await this.settle();
  }

  /** Clicks "submit" and lets the form answer (errors at once; sending goes on after). */
  async submit(): Promise<void> {
    this.press();
    await this.settle();
  }

  /** Goes back one step. */
  back(): Promise<void> {
    return this.click('button.secondary', '"back" button');
  }

  /** Clicks "clear form". */
  clear(): Promise<void> {
    return this.click('.actions button.link', '"clear form" button');
  }

  /** Clicks "fill in another form" on the result. */
  startOver(): Promise<void> {
    return this.click('.result > button', '"fill in another form" button');
  }

  /** Clicks "Send now" on the count of waiting answers: tries them at once. */
  sendNow(): Promise<void> {
    return this.click('.pending button', '"send now" button');
  }

  /** Clicks "retry" on the loading error. */
  retry(): Promise<void> {
    return this.click('[part="status"] button', '"retry" button');
  }

  /** Follows a link of the error summary. */
  async followSummaryLink(index: number): Promise<void> {
    this.summaryLinks()[index].click();
    await this.settle();
  }

  // ——— Reading ———

  /** All the text of the widget. */
  text(): string {
    return text(this.root);
  }

  /** The form's title. */
  title(): string {
    return text(this.one('#form-title'));
  }

  /** "第 2 步，共 3 步: 联系与选择" (with the step title for screen readers), or ''. */
  progress(): string {
    return text(this.one('[part="progress"] .progress-text'));
  }

  /** How many steps the progress bar shows as reached. */
  stepsReached(): number {
    return this.root.querySelectorAll('[part="progress"] .progress-bar span.done').length;
  }

  /** The heading of the current step, or ''. */
  stepHeading(): string {
    return text(this.one('.step-heading'));
  }

  /** The heading of the current step (the element, for focus). */
  stepHeadingElement(): HTMLElement | null {
    return this.one('.step-heading');
  }

  /** The error summary (null when there is none). */
  summary(): HTMLElement | null {
    return this.one('[part="error-summary"]');
  }

  summaryTitle(): string {
    return text(this.summary()?.querySelector('.summary-title'));
  }

  summaryLinks(): HTMLAnchorElement[] {
    return [...(this.summary()?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  }

  /** The texts of the error summary's links ([] without a summary). */
  summaryMessages(): string[] {
    return this.summaryLinks().map((a) => text(a));
  }

  /** The notice above the form (draft restored, storage full, refused …), or null. */
  notice(): HTMLElement | null {
    return this.one('.notice:not(.problems)');
  }

  noticeText(): string | null {
    const notice = this.notice();
    return notice ? text(notice) : null;
  }

  /** The message for the site owner about the form's own settings (an unusable `action`), or null. */
  settingsError(): string | null {
    return this.textOf('[part~="status"].settings');
  }

  /** The note naming unsupported schema keywords, or null. */
  problems(): string | null {
    return this.textOf('.problems');
  }

  /** Waits for the note naming unsupported schema keywords (its words are a chunk of their own). */
  async problemsNote(): Promise<string> {
    await until(() => this.problems() !== null, 'the note on the schema');
    return this.problems()!;
  }

  /** The loading or loading-error status (before there is a form). */
  status(): HTMLElement | null {
    return this.one('[part="status"]');
  }

  /** The heading after submitting ("提交成功，谢谢！", "已保存在这台设备上"), or null. */
  result(): string | null {
    return this.textOf('.result-title');
  }

  resultHeading(): HTMLElement | null {
    return this.one('.result-title');
  }

  /** The sentence the sent view takes from the schema (`x-ui.success.text`), or null. */
  successText(): string | null {
    return this.textOf('.result .success-text');
  }

  /** "What happens next": the list's name and its steps, in order, as the sent view shows them. */
  nextSteps(): { title: string; steps: string[] } | null {
    const list = this.one<HTMLOListElement>('.result ol');
    if (!list) return null;
    const title = this.root.getElementById(list.getAttribute('aria-labelledby') ?? '');
    return { title: text(title), steps: [...list.children].map((li) => text(li)) };
  }

  /** What the saved view says "saved on this device" means (kept, or at risk), or null. */
  savedExplanation(): string | null {
    return this.textOf('.result.queued > p');
  }

  /** Whether the form shows that the answers were sent. */
  showsSent(): boolean {
    return !!this.one('.result.sent');
  }

  /** The reference the receiver gave ("DX-ABCD"), or null. */
  reference(): string | null {
    return /DX-\w{4}/.exec(text(this.one('.reference')))?.[0] ?? null;
  }

  /** "有 1 份表格保存在这台设备上…", or null when nothing waits. */
  pending(): string | null {
    return this.textOf('.pending-text');
  }

  /** The focused element inside the widget. */
  focused(): Element | null {
    return this.root.activeElement;
  }

  /** The next `dandelion-submit` with this status (each call waits for a further one). */
  async submitted(status: 'sent' | 'queued'): Promise<DandelionSubmitDetail> {
    const n = this.seen[status]++;
    const matching = () =>
      this.events
        .of<DandelionSubmitDetail>('dandelion-submit')
        .filter((e) => e.detail.status === status);
    const event = await until(() => matching()[n], `dandelion-submit (${status})`);
    return event.detail;
  }

  /** The stored draft of this form, or undefined. */
  storedDraft() {
    return storedDraft(this.key);
  }

  /** The submissions waiting on this device for this form. */
  storedOutbox() {
    return storedOutbox(this.key);
  }

  /**
   * Waits until nothing of this form is on its way: the outbox is empty and no POST waits
   * for an answer. Whatever the form would send has been sent (and counted) by then.
   */
  async delivered(): Promise<void> {
    await until(
      async () => receiver.waiting === 0 && (await this.storedOutbox()).length === 0,
      'the outbox to be empty',
    );
  }
}
