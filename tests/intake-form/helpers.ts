// Shared helpers for the <intake-form> tests: shadow-DOM queries, waiting, the real demo
// receiver (mounted at /api/ by the test runner with faults on) and its staff API.
import '../../src/intake-form/index.js';
import type { IntakeForm } from '../../src/intake-form/index.js';

export const staffToken = 'test-staff-token';

export type { IntakeForm };

let counter = 0;
/** A storage key no other test uses, so drafts and outboxes never mix. */
export function uniqueKey(name = 't'): string {
  counter++;
  return `${name}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function $<T extends Element = HTMLElement>(el: IntakeForm, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <intake-form>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: IntakeForm, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

export function text(node: Element | ShadowRoot): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function shadowText(el: IntakeForm): string {
  return text(el.shadowRoot!);
}

/** Waits until `check` returns something truthy (polling), or fails with `what`. */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeout = 8000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function settle(el: IntakeForm): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** Waits for the form to be rendered from its schema. */
export function ready(el: IntakeForm): Promise<unknown> {
  return until(() => el.shadowRoot?.querySelector('form'), 'the form to render', 20_000);
}

/** Types into a control the way a person does (value + input + change + blur). */
export async function fill(el: IntakeForm, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement>(el, `#${id}`);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  control.blur();
  // A page without system focus (other test pages came before it) gets no focusout from blur():
  // leave the field the way the browser reports it when focus moves on.
  if (!el.shadowRoot!.activeElement || el.shadowRoot!.activeElement === control)
    control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await settle(el);
}

export async function click(el: IntakeForm, selector: string): Promise<void> {
  $<HTMLElement>(el, selector).click();
  await settle(el);
}

export function submitButton(el: IntakeForm): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[type="submit"]');
}

export async function loadFixture(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(`/tests/fixtures/intake/forms/${name}.json`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Adds `X-Test-Fault` to requests to the intake receiver while installed. The element never
 * sends that header: only this test-side wrapper of the page's fetch does. Returns the remover.
 */
export function injectFault(fault: string): () => void {
  const original = window.fetch;
  const patched: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/api\/intake\//.test(url) && (init?.method ?? 'GET') === 'POST') {
      const headers = new Headers(init?.headers);
      headers.set('X-Test-Fault', fault);
      return original(input, { ...init, headers });
    }
    return original(input, init);
  };
  window.fetch = patched;
  return () => {
    if (window.fetch === patched) window.fetch = original;
  };
}

/** Counts POSTs to the receiver (to prove a double click sends once). */
export function countPosts(): { count: () => number; restore: () => void } {
  const original = window.fetch;
  let n = 0;
  const patched: typeof fetch = (input, init) => {
    if ((init?.method ?? 'GET') === 'POST') n++;
    return original(input, init);
  };
  window.fetch = patched;
  return {
    count: () => n,
    restore: () => {
      if (window.fetch === patched) window.fetch = original;
    },
  };
}

export interface StoredRow {
  id: string;
  reference: string;
  key: string;
  receivedAt: string;
  data: Record<string, unknown>;
}

/** Rows the receiver stored for `form`, read through the staff API with the token. */
export async function storedRows(form: string): Promise<StoredRow[]> {
  const response = await fetch(`/api/intake/${form}/submissions`, {
    headers: { Authorization: `Bearer ${staffToken}` },
  });
  if (!response.ok) throw new Error(`staff API: ${response.status}`);
  return ((await response.json()) as { items: StoredRow[] }).items;
}

/** Rows whose answers contain `marker` somewhere (each test writes its own marker). */
export async function rowsWith(form: string, marker: string): Promise<StoredRow[]> {
  return (await storedRows(form)).filter((row) => JSON.stringify(row.data).includes(marker));
}

/** The embedded database takes a few seconds to start: wait for it once per file. */
export async function warmUp(): Promise<void> {
  await until(
    async () =>
      (
        await fetch('/api/intake/test-signup/submissions', {
          headers: { Authorization: `Bearer ${staffToken}` },
        })
      ).ok,
    'the demo receiver to start',
    110_000,
  );
}
